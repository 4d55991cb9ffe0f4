package vn.danvan.petition;

import java.math.BigDecimal;
import java.text.Collator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import static vn.danvan.petition.PetitionFormStatements.from;
import static vn.danvan.petition.PetitionFormStatements.groupedFrom;
import static vn.danvan.petition.PetitionFormStatements.measure;
import static vn.danvan.petition.PetitionFormStatements.onlyCounted;
import static vn.danvan.petition.PetitionFormStatements.perCountryRow;
import static vn.danvan.petition.PetitionFormStatements.statements;
import static vn.danvan.petition.PetitionFormStatements.totalSql;
import static vn.danvan.petition.PetitionMeasures.BY_KEY;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.form.FormProvider;
import vn.danvan.form.FormQuery;
import vn.danvan.form.FormRecord;
import vn.danvan.form.FormRow;
import vn.danvan.form.FormRows;
import vn.danvan.form.FormSpan;
import vn.danvan.form.RowKind;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.identity.OrgScope;
import vn.danvan.orgunit.OrgUnit;
import vn.danvan.petition.PetitionMeasures.AggregateKind;
import vn.danvan.petition.PetitionMeasures.Measure;
import vn.danvan.petition.PetitionMeasures.Source;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.orgunit.UnitLevel;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.NotFoundException;

/**
 * Fills the official forms of Thông tư 02/2021/TT-TTCP (01/TCD … 04/KQGQ) from the records. Every
 * measure is its own filtered aggregate over the records of one source (visits, reception cases,
 * sessions, petitions, replies, petitions received through reception, matters, decisions to enforce);
 * no measure is derived from another, so the identities printed on the forms check the data.
 * Sources are aggregated per unit in one query each; subtotals (per level of unit) and the total are
 * sums of the unit rows.
 *
 * <p>A form is read in one snapshot (a read-only transaction in repeatable read): its statements, one per source and
 * one for the counts of distinct cases, see the same records, so that an identity between columns of different
 * statements holds while others write.
 *
 * <p>The measures read the classification a record has now, and the dates of its steps against the
 * period: a petition is "carried over" when received before the period and not processed before it; a
 * matter is "finished" on its decision, conclusion, withdrawal or termination day.
 */
@Component
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
class PetitionForms implements FormProvider {

    /**
     * Memory for the sort of one form's statement: a year of the country's petitions (~450,000 rows of flags) is
     * sorted in memory instead of in temporary files. For the form's read-only transaction only.
     */
    static final String WORK_MEM = "set local work_mem = '64MB'";

    private final JdbcClient jdbc;
    private final OrgUnits units;
    private final OrgScope scope;
    private final CurrentUsers users;
    private final MessageSource messages;
    private final Clock clock;
    private final PetitionTally tally;

    PetitionForms(JdbcClient jdbc, OrgUnits units, OrgScope scope, CurrentUsers users, MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.units = units;
        this.scope = scope;
        this.users = users;
        this.messages = messages;
        this.clock = clock;
        this.tally = new PetitionTally(jdbc);
    }

    @Override
    public String name() {
        return "petition";
    }

    @Override
    public Set<String> measures() {
        return BY_KEY.keySet();
    }

    @MatterStates.ReadsMatters
    @Override
    public FormRows rows(FormQuery query) {
        var today = LocalDate.now(clock);
        var root = readableRoot(query, today);
        List<Long> unitIds = subtree(root);
        var kinds = contentKinds(query.parameters().get("contentKinds"));

        var tallied = tallied(query, kinds);
        var values = talliedValues(tallied, unitIds, List.of(new FormSpan(query.from(), query.to()))).getOrDefault(1, new HashMap<>());
        jdbc.sql(WORK_MEM).update();
        statements(query, tallied).forEach(group -> aggregate(group.source(), group.measures(), query, unitIds, kinds, values));
        return layout(root, values, query.measures(), query.to(), today, units.findAll(values.keySet(), query.to()));
    }

    /**
     * Every span in one grouped statement per source: the source's rows for each span (a lateral join on the spans,
     * so that the period conditions of the source — carried over, processed in the period … — read the span's own
     * days) aggregated per span and unit, then laid out as {@link #rows} lays out one period.
     */
    @MatterStates.ReadsMatters
    @Override
    public Map<FormSpan, FormRows> rowsBySpan(FormQuery query, Collection<FormSpan> spans) {
        var asked = List.copyOf(new LinkedHashSet<>(spans));
        var result = new LinkedHashMap<FormSpan, FormRows>();
        if (asked.isEmpty()) {
            return result;
        }
        var user = users.require();
        var today = LocalDate.now(clock);
        var roots = new HashMap<LocalDate, OrgUnit>();
        asked.forEach(span -> roots.computeIfAbsent(span.to(), to -> root(query.during(span), user.homeUnitId(), today)));
        if (roots.values().stream().map(OrgUnit::id).distinct().count() > 1) {
            // a code held by different units over the spans (codes were reused in 2025): one question per span
            return FormProvider.super.rowsBySpan(query, spans);
        }
        var root = roots.values().iterator().next();
        scope.requireRead(user, root.id(), "unit", root.code());
        List<Long> unitIds = subtree(root);
        var kinds = contentKinds(query.parameters().get("contentKinds"));
        var tallied = tallied(query, kinds);
        var values = talliedValues(tallied, unitIds, asked);
        jdbc.sql(WORK_MEM).update();
        statements(query, tallied).forEach(group -> {
            var measures = group.measures();
            var from = groupedFrom(group.source(), measures, unitIds, kinds)
                    .replaceAll(":from\\b", "span_.f").replaceAll(":to\\b", "span_.t");
            var select = new StringBuilder("select span_.i, b.unit_id");
            for (int i = 0; i < measures.size(); i++) {
                select.append(", ").append(measures.get(i).aggregate()).append(" as m").append(i);
            }
            var sql = select + " from unnest(cast(:froms as date[]), cast(:tos as date[])) with ordinality as span_(f, t, i)"
                    + " cross join lateral (" + from + ") b" + onlyCounted(measures) + " group by span_.i, b.unit_id";
            if (unitIds == null) {
                sql = perCountryRow(sql, measures.size(), true);
            }
            var spec = jdbc.sql(sql).param("froms", asked.stream().map(s -> s.from().toString()).toArray(String[]::new))
                    .param("tos", asked.stream().map(s -> s.to().toString()).toArray(String[]::new)).param("today", today);
            if (unitIds != null) {
                spec = spec.param("units", unitIds.toArray(Long[]::new));
            }
            if (kinds != null) {
                spec = spec.param("kinds", kinds.toArray(String[]::new));
            }
            spec.query((RowCallbackHandler) rs -> {
                var unitValues = values.computeIfAbsent(rs.getInt(1), i -> new HashMap<>())
                        .computeIfAbsent(rs.getLong("unit_id"), id -> new HashMap<>());
                for (int i = 0; i < measures.size(); i++) {
                    var v = rs.getBigDecimal("m" + i);
                    unitValues.put(measures.get(i).key(), v == null ? BigDecimal.ZERO : v);
                }
            });
        });
        // every unit of every span named as of each span's last day, from one read of their versions
        var ids = new java.util.HashSet<Long>();
        values.values().forEach(byUnit -> ids.addAll(byUnit.keySet()));
        var named = units.findAll(ids, asked.stream().map(FormSpan::to).collect(java.util.stream.Collectors.toSet()));
        for (int i = 0; i < asked.size(); i++) {
            var span = asked.get(i);
            result.put(span, layout(roots.get(span.to()), values.getOrDefault(i + 1, new HashMap<>()), query.measures(), span.to(), today,
                    named.get(span.to())));
        }
        return result;
    }

    /**
     * The total row of {@link #rows} alone, without the rows per unit: one statement per measure over the records of the
     * subtree (the country: every record, no unit list; any other unit: its subtree and the units that passed into it,
     * as {@link #rows} reads them), the measure's condition in the statement's {@code where} clause, so that the
     * planner narrows the source's rows by it and leaves out what the measure does not read (a count of petitions
     * joins no matter). The unit rows of {@link #rows} count disjoint records, so their sum is the count over the
     * subtree; a count of cases counts the distinct cases of each unit, as each unit row does. The measures that V113's
     * tally holds are added up from it by month ({@link PetitionTally}), with the same answer.
     */
    @MatterStates.ReadsMatters
    @Override
    public Map<String, BigDecimal> total(FormQuery query) {
        List<Long> unitIds = subtree(readableRoot(query, LocalDate.now(clock)));
        var kinds = contentKinds(query.parameters().get("contentKinds"));
        var measures = query.measures().stream().map(PetitionFormStatements::measure).toList();
        if (measures.stream().anyMatch(m -> m.how().kind() == AggregateKind.CASES)) {
            jdbc.sql(WORK_MEM).update();
        }
        var total = new LinkedHashMap<String, BigDecimal>();
        for (var measure : measures) {
            // whole months from V113's tally (every content kind), the rest from the records
            var tallied = kinds == null ? tally.total(measure.key(), unitIds, query.from(), query.to()) : Optional.<BigDecimal>empty();
            if (tallied.isPresent()) {
                total.put(measure.key(), tallied.get());
                continue;
            }
            var spec = jdbc.sql(totalSql(measure, unitIds, kinds)).param("from", query.from()).param("to", query.to())
                    .param("today", LocalDate.now(clock));
            if (unitIds != null) {
                spec = spec.param("units", unitIds.toArray(Long[]::new));
            }
            if (kinds != null) {
                spec = spec.param("kinds", kinds.toArray(String[]::new));
            }
            var value = spec.query(BigDecimal.class).single();
            total.put(measure.key(), value == null ? BigDecimal.ZERO : value);
        }
        return total;
    }

    /** The total, then per level of unit a subtotal and the units in Vietnamese name order. */
    private FormRows layout(OrgUnit root, Map<Long, Map<String, BigDecimal>> values, Set<String> measures, LocalDate to,
                            LocalDate today, Map<Long, OrgUnit> named) {

        // a unit read by one statement and not by another (its only petitions received, none processed) counts 0 there
        values.values().forEach(unitValues -> measures.forEach(m -> unitValues.putIfAbsent(m, BigDecimal.ZERO)));
        var rows = new ArrayList<FormRow>();
        rows.add(new FormRow(RowKind.TOTAL, root.code(), text("petition.form.total", root.name()), 0,
                total(values.values(), measures)));
        var collator = Collator.getInstance(Locale.forLanguageTag("vi"));
        var byLevel = new TreeMap<UnitLevel, List<OrgUnit>>();
        for (var id : values.keySet()) {
            var unit = named.get(id);
            if (unit == null) {
                throw new NotFoundException("unit", id);
            }
            byLevel.computeIfAbsent(unit.level(), l -> new ArrayList<>()).add(unit);
        }
        // Each name's collation key made once: the collator compared the names again in each of the ~40,000
        // comparisons of the country's 3,300 units. Same order (a key compares as the collator does).
        var keys = new HashMap<Long, java.text.CollationKey>();
        named.values().forEach(u -> keys.put(u.id(), collator.getCollationKey(u.name())));
        byLevel.forEach((level, group) -> {
            group.sort(Comparator.comparing((OrgUnit u) -> keys.get(u.id())));
            // the country's rows are provinces and central bodies with their subtrees, not the units of one level
            rows.add(new FormRow(RowKind.SUBTOTAL, null, text((root.parentId() == null ? "petition.form.country." : "petition.form.level.") + level), 1,
                    total(group.stream().map(u -> values.get(u.id())).toList(), measures)));
            for (var u : group) {
                var label = u.validTo() != null && u.validTo().isBefore(today)
                        ? text("petition.form.unit-ended", u.name(), u.validTo().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")))
                        : u.name();
                rows.add(new FormRow(RowKind.UNIT, u.code(), label, 2, values.get(u.id()), u.id()));
            }
        });
        return new FormRows(root.code(), root.name(), rows);
    }

    @MatterStates.ReadsMatters
    @Override
    public List<FormRecord> records(FormQuery query, String measureKey, String rowUnitCode, int limit) {
        var measure = measure(measureKey);
        var root = readableRoot(query, LocalDate.now(clock));
        List<Long> subtree = subtree(root);
        var unitIds = subtree;
        if (rowUnitCode != null) {
            // One unit row: a unit of the reported subtree that held the code (codes are reused: the one
            // valid at the end of the period first).
            var row = units.holdersOf(rowUnitCode).stream()
                    .filter(u -> subtree == null || subtree.contains(u.id()))
                    .filter(u -> subtree != null || u.parentId() == null || u.parentId() == root.id())
                    .max(Comparator.comparing((OrgUnit u) -> u.validOn(query.to())).thenComparing(u -> u.id()))
                    .orElseThrow(() -> new NotFoundException("unit", rowUnitCode));
            // a row of the country is a province or a central body: its records are those of the units on its path
            unitIds = subtree == null && row.parentId() != null ? units.idsWithin(List.of(row.path())) : List.of(row.id());
        }
        var kinds = contentKinds(query.parameters().get("contentKinds"));
        var byCase = measure.how().kind() == AggregateKind.CASES || measure.source() == Source.VISIT_CASE;
        var ref = byCase ? "case_ref" : "ref";
        var label = byCase ? "case_label" : "label";
        var sql = "select " + ref + " as path, min(" + label + ") as label, min(day) as day from (" + from(measure.source(), unitIds, kinds)
                + ") b where " + measure.condition() + " group by " + ref + " order by min(day) desc, " + ref + " limit :limit";
        var spec = jdbc.sql(sql).param("from", query.from()).param("to", query.to()).param("today", LocalDate.now(clock))
                .param("limit", limit);
        if (unitIds != null) {
            spec = spec.param("units", unitIds.toArray(Long[]::new));
        }
        if (kinds != null) {
            spec = spec.param("kinds", kinds.toArray(String[]::new));
        }
        return spec.query((rs, n) -> new FormRecord(rs.getString("path"), rs.getString("label"),
                rs.getObject("day", LocalDate.class))).list();
    }

    private void aggregate(Source source, List<Measure> measures, FormQuery query, List<Long> unitIds, List<String> kinds,
                           Map<Long, Map<String, BigDecimal>> values) {
        var from = groupedFrom(source, measures, unitIds, kinds);
        var select = new StringBuilder("select b.unit_id");
        for (int i = 0; i < measures.size(); i++) {
            select.append(", ").append(measures.get(i).aggregate()).append(" as m").append(i);
        }
        var sql = select + " from (" + from + ") b" + onlyCounted(measures) + " group by b.unit_id";
        if (unitIds == null) {
            sql = perCountryRow(sql, measures.size(), false);
        }
        var spec = jdbc.sql(sql).param("from", query.from()).param("to", query.to()).param("today", LocalDate.now(clock));
        if (unitIds != null) {
            spec = spec.param("units", unitIds.toArray(Long[]::new));
        }
        if (kinds != null) {
            spec = spec.param("kinds", kinds.toArray(String[]::new));
        }
        spec.query((RowCallbackHandler) rs -> {
            var unitValues = values.computeIfAbsent(rs.getLong("unit_id"), id -> new HashMap<>());
            for (int i = 0; i < measures.size(); i++) {
                var v = rs.getBigDecimal("m" + i);
                unitValues.put(measures.get(i).key(), v == null ? BigDecimal.ZERO : v);
            }
        });
    }

    private static Map<String, BigDecimal> total(java.util.Collection<Map<String, BigDecimal>> rows, Set<String> measures) {
        var total = new LinkedHashMap<String, BigDecimal>();
        for (var m : measures) {
            total.put(m, rows.stream().map(r -> r.getOrDefault(m, BigDecimal.ZERO)).reduce(BigDecimal.ZERO, BigDecimal::add));
        }
        return total;
    }

    /** The unit asked (by code or id, as of the period's end), once the user may read it. */
    private OrgUnit readableRoot(FormQuery query, LocalDate today) {
        var user = users.require();
        var root = root(query, user.homeUnitId(), today);
        scope.requireRead(user, root.id(), "unit", root.code());
        return root;
    }

    /** The subtree of the unit and of the units that passed into it (merged provinces keep their records); null: the country. */
    private List<Long> subtree(OrgUnit root) {
        return root.parentId() == null ? null : units.idsWithin(units.scopePaths(root.id()));
    }

    /**
     * The measures asked that V113's tally holds ({@link PetitionTally}), when every content kind is asked: the tally does
     * not tell the kinds apart.
     */
    private static List<String> tallied(FormQuery query, List<String> kinds) {
        return kinds != null ? List.of() : query.measures().stream().filter(PetitionTally::holds).toList();
    }

    /**
     * The tallied measures per period asked (numbered from 1) and per unit, as {@link #layout} takes them. A unit that
     * counts nothing for them is left out: it has a row when another measure asked counts something for it. {@link #rows}
     * and {@link #rowsBySpan} both read them so, so that the bulk answer stays exactly the one of a question per period.
     */
    private Map<Integer, Map<Long, Map<String, BigDecimal>>> talliedValues(List<String> tallied, List<Long> unitIds, List<FormSpan> spans) {
        var values = new HashMap<Integer, Map<Long, Map<String, BigDecimal>>>();
        if (tallied.isEmpty()) {
            return values;
        }
        tally.byUnit(tallied, unitIds, spans).forEach((i, units) -> units.forEach((unit, counts) -> counts.forEach((key, n) -> {
            if (n != 0) {
                values.computeIfAbsent(i, x -> new HashMap<>()).computeIfAbsent(unit, x -> new HashMap<>()).put(key, BigDecimal.valueOf(n));
            }
        })));
        return values;
    }

    private static List<String> contentKinds(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return null;
        }
        var kinds = Arrays.stream(parameter.split(",")).map(String::strip).toList();
        for (var k : kinds) {
            try {
                ContentKind.valueOf(k);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("parameters", "petition.form.content-kind-unknown", k);
            }
        }
        return kinds;
    }

    private OrgUnit root(FormQuery query, long homeUnitId, LocalDate today) {
        if (query.unitCode() != null) {
            return units.findByCode(query.unitCode(), query.to()).or(() -> units.findByCode(query.unitCode(), today))
                    .orElseThrow(() -> new NotFoundException("unit", query.unitCode()));
        }
        long id = query.unitId() != null ? query.unitId() : homeUnitId;
        return find(id, query.to(), today).orElseThrow(() -> new NotFoundException("unit", id));
    }

    private Optional<OrgUnit> find(long id, LocalDate day, LocalDate today) {
        return units.find(id, day).or(() -> units.find(id, today))
                .or(() -> units.versions(id).stream().reduce((a, b) -> b).flatMap(v -> units.find(id, v.validFrom())));
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
