package vn.danvan.petition;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.context.WebApplicationContext;
import vn.danvan.SignedInMvc;
import vn.danvan.form.FormQuery;
import vn.danvan.form.RowKind;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.petition.PetitionMeasures.Measure;
import vn.danvan.petition.PetitionMeasures.Source;

/**
 * The official forms since V83 (each source's rows narrowed by the record's span of days through a GiST index, the
 * source's flags worked out once per row, the case key a number) give, for every measure of every form, exactly the
 * figures of the statement before V83: the source's period conditions alone, the case key as text, every filter
 * over the flattened source — for the country (one row per province, before or after the 2025 reform, and per central
 * body, each summing its subtree's units), for a
 * province that took in another in 2025 (Thái Nguyên), with and without a content kind, over a year, a quarter, a
 * month and several years.
 */
@SpringBootTest
class PetitionFormSpansIntegrationTests {

    @Autowired
    WebApplicationContext context;
    @Autowired
    PetitionForms forms;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OrgUnits units;
    @Autowired
    Clock clock;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    void signIn(String username) throws Exception {
        var session = new SignedInMvc(context).login(username);
        SecurityContextHolder.setContext((SecurityContext) session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY));
    }

    List<LocalDate[]> periods() {
        var today = LocalDate.now(clock);
        var year = today.getYear();
        var quarterStart = today.withDayOfMonth(1).withMonth(((today.getMonthValue() - 1) / 3) * 3 + 1);
        return List.of(
                new LocalDate[] {LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)},
                new LocalDate[] {LocalDate.of(year - 1, 1, 1), LocalDate.of(year - 1, 12, 31)},
                new LocalDate[] {quarterStart.minusMonths(3), quarterStart.minusDays(1)},
                new LocalDate[] {today.withDayOfMonth(1).minusMonths(2), today.withDayOfMonth(1).minusMonths(1).minusDays(1)},
                new LocalDate[] {LocalDate.of(year - 2, 7, 1), today});
    }

    /** Every measure as the statement before V83 counted it, per unit. */
    Map<Long, Map<String, BigDecimal>> before(List<Long> unitIds, List<String> kinds, LocalDate from, LocalDate to) {
        var bySource = new LinkedHashMap<Source, List<Measure>>();
        PetitionMeasures.MEASURES.forEach(m -> bySource.computeIfAbsent(m.source(), s -> new ArrayList<>()).add(m));
        var values = new HashMap<Long, Map<String, BigDecimal>>();
        bySource.forEach((source, measures) -> {
            var rows = PetitionFormStatements.from(source, unitIds, kinds, false)
                    .replace("coalesce(p.matter_id, -p.id) as case_key", "coalesce('m' || p.matter_id, 'p' || p.id) as case_key");
            var select = new StringBuilder("select b.unit_id");
            for (int i = 0; i < measures.size(); i++) {
                select.append(", ").append(measures.get(i).aggregate()).append(" as m").append(i);
            }
            var spec = jdbc.sql(select + " from (" + rows + ") b group by b.unit_id").param("from", from).param("to", to)
                    .param("today", LocalDate.now(clock));
            if (unitIds != null) {
                spec = spec.param("units", unitIds.toArray(Long[]::new));
            }
            if (kinds != null) {
                spec = spec.param("kinds", kinds.toArray(String[]::new));
            }
            spec.query((RowCallbackHandler) rs -> {
                var unit = values.computeIfAbsent(rs.getLong("unit_id"), id -> new HashMap<>());
                for (int i = 0; i < measures.size(); i++) {
                    var v = rs.getBigDecimal("m" + i);
                    unit.put(measures.get(i).key(), v == null ? BigDecimal.ZERO : v);
                }
            });
        });
        return values;
    }

    Map<Long, Map<String, BigDecimal>> now(String unitCode, Map<String, String> parameters, LocalDate from, LocalDate to) {
        var query = new FormQuery("spans", forms.measures(), parameters, unitCode, null, from, to,
                SecurityContextHolder.getContext().getAuthentication());
        var values = new HashMap<Long, Map<String, BigDecimal>>();
        forms.rows(query).rows().stream().filter(r -> r.kind() == RowKind.UNIT).forEach(r -> values.put(r.unitId(), r.values()));
        return values;
    }

    void assertSameFigures(Map<Long, Map<String, BigDecimal>> now, Map<Long, Map<String, BigDecimal>> before, String what) {
        assertThat(now.keySet()).as(what + ": units").containsExactlyInAnyOrderElementsOf(before.keySet());
        before.forEach((unit, figures) -> figures.forEach((measure, value) ->
                assertThat(now.get(unit).get(measure)).as(what + ": unit " + unit + ", " + measure).isEqualByComparingTo(value)));
    }

    /**
     * Per-unit figures summed per row of the country's form: the unit whose id is second on a unit's path (its
     * province or central body, before or after the 2025 reform), or the country itself — read from the paths here.
     */
    Map<Long, Map<String, BigDecimal>> perCountryRow(Map<Long, Map<String, BigDecimal>> perUnit) {
        var rowOf = new HashMap<Long, Long>();
        jdbc.sql("select id, path from org_unit").query((RowCallbackHandler) rs -> {
            var ids = rs.getString("path").split("/");
            rowOf.put(rs.getLong("id"), ids.length > 2 ? Long.parseLong(ids[2]) : rs.getLong("id"));
        });
        var rows = new HashMap<Long, Map<String, BigDecimal>>();
        perUnit.forEach((unit, figures) -> figures.forEach((measure, value) ->
                rows.computeIfAbsent(rowOf.get(unit), r -> new HashMap<>()).merge(measure, value, BigDecimal::add)));
        return rows;
    }

    @Test
    void everyMeasureOfTheCountryIsTheFigureOfTheStatementBeforeTheSpanIndexes() throws Exception {
        signIn("admin");
        var counted = BigDecimal.ZERO;
        for (var period : periods()) {
            for (var kinds : java.util.Arrays.asList(null, List.of("COMPLAINT"))) {
                var parameters = kinds == null ? Map.<String, String>of() : Map.of("contentKinds", "COMPLAINT");
                var now = now("VN", parameters, period[0], period[1]);
                assertSameFigures(now, perCountryRow(before(null, kinds, period[0], period[1])), "country " + period[0] + "…" + period[1] + " " + kinds);
                counted = counted.add(now.values().stream().flatMap(v -> java.util.stream.Stream.of("cases.eligible", "matters.total",
                        "enforcement.decisions", "visits.cases").map(m -> v.getOrDefault(m, BigDecimal.ZERO)))
                        .reduce(BigDecimal.ZERO, BigDecimal::add));
            }
        }
        assertThat(counted).as("the demo's petitions, matters, decisions and visits are counted").isPositive();
    }

    @Test
    void everyMeasureOfAProvinceThatTookInAnotherIn2025IsTheFigureOfTheStatementBeforeTheSpanIndexes() throws Exception {
        signIn("admin");
        var today = LocalDate.now(clock);
        var province = units.findByCode("19", today).orElseThrow();
        var paths = units.scopePaths(province.id());
        assertThat(paths).as("the merged Thái Nguyên covers its own path and those of the old Thái Nguyên and Bắc Kạn").hasSizeGreaterThan(2);
        var unitIds = units.idsWithin(paths);
        for (var period : periods()) {
            var now = now("19", Map.of(), period[0], period[1]);
            assertSameFigures(now, before(unitIds, null, period[0], period[1]), "province 19 " + period[0] + "…" + period[1]);
        }
    }

    /**
     * The amounts ordered and enforced as the forms counted them before V111: each matter of the period joined to its
     * outcome, per unit; now summed from the outcomes alone.
     */
    Map<Long, Map<String, BigDecimal>> amountsJoined(LocalDate from, LocalDate to) {
        var values = new HashMap<Long, Map<String, BigDecimal>>();
        var questions = Map.of(
                "matters.ordered.", "o.stage = 'DECIDED' and m.decided_on between :from and :to and m.accepted_on <= :to",
                "enforcement.due.", "o.stage = 'DECIDED' and m.decided_on <= :to and m.status in ('DECIDED', 'CLOSED')"
                        + " and (m.closed_on is null or m.closed_on >= :from)",
                "enforcement.done.", "o.stage = 'ENFORCED' and m.decided_on <= :to and m.status = 'CLOSED' and m.closed_on between :from and :to");
        questions.forEach((prefix, where) -> {
            var keys = forms.measures().stream().filter(k -> k.startsWith(prefix)).toList();
            assertThat(keys).as(prefix).isNotEmpty();
            var select = new StringBuilder("select m.unit_id");
            for (int i = 0; i < keys.size(); i++) {
                select.append(", sum(o.").append(keys.get(i).substring(prefix.length()).replace('-', '_')).append(") as a").append(i);
            }
            jdbc.sql(select + " from petition_matter m join petition_outcome o on o.matter_id = m.id where " + where + " group by m.unit_id")
                    .param("from", from).param("to", to).query((RowCallbackHandler) rs -> {
                        for (int i = 0; i < keys.size(); i++) {
                            values.computeIfAbsent(rs.getLong("unit_id"), u -> new HashMap<>()).put(keys.get(i), rs.getBigDecimal("a" + i));
                        }
                    });
        });
        return values;
    }

    @Test
    void theAmountsOrderedAndEnforcedSummedFromTheOutcomesAloneAreThoseOfTheMattersJoinedToTheirOutcomes() throws Exception {
        signIn("admin");
        var nonZero = BigDecimal.ZERO;
        for (var period : periods()) {
            var what = period[0] + "…" + period[1];
            var joined = amountsJoined(period[0], period[1]);
            var keys = new java.util.LinkedHashSet<String>();
            joined.values().forEach(f -> keys.addAll(f.keySet()));
            var totals = new HashMap<String, BigDecimal>();
            joined.values().forEach(f -> f.forEach((k, v) -> totals.merge(k, v, BigDecimal::add)));
            nonZero = nonZero.add(totals.values().stream().map(BigDecimal::abs).reduce(BigDecimal.ZERO, BigDecimal::add));
            if (keys.isEmpty()) {
                continue;
            }
            var query = new FormQuery("amounts", keys, Map.of(), "VN", null, period[0], period[1],
                    SecurityContextHolder.getContext().getAuthentication());
            var total = forms.total(query);
            totals.forEach((key, value) -> assertThat(total.get(key)).as(what + ": total " + key).isEqualByComparingTo(value));
            var rows = now("VN", Map.of(), period[0], period[1]);
            perCountryRow(joined).forEach((row, figures) -> figures.forEach((key, value) ->
                    assertThat(rows.get(row).get(key)).as(what + ": row " + row + ", " + key).isEqualByComparingTo(value)));
        }
        assertThat(nonZero).as("the demo's decisions order and achieve something").isPositive();
    }
}
