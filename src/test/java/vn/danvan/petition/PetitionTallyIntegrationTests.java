package vn.danvan.petition;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.orgunit.OrgUnits;

/**
 * V113's tally per unit and month (petitions received, processed, eligible; matters finished) follows every write of
 * the records, and {@link PetitionTally} answers each of its measures as the count over the measure's source does
 * ({@link PetitionFormStatements#totalSql}), for whole months, days that do not fill a month and the records the tally leaves
 * out. The records of a test are rolled back after it.
 */
@SpringBootTest
@Transactional
class PetitionTallyIntegrationTests {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    OrgUnits units;
    @Autowired
    DataSource dataSource;
    @Autowired
    java.time.Clock clock;
    @Autowired
    TallyFold fold;

    /** A tally's rows summed per month and unit, its measures named as in {@link #DIFFERING}. */
    static String summed(String table) {
        return """
                select month, unit_id, sum(received) as r, sum(processed) as p, sum(eligible) as e, sum(finished) as f,
                       sum(pending) as c
                from %s group by month, unit_id""".formatted(table);
    }

    /** The (month, unit) pairs whose figures in {@code tally} differ from those in {@code expected}. */
    static final String DIFFERING = """
            select count(*) from tally full join expected using (month, unit_id)
            where (coalesce(tally.r, 0), coalesce(tally.p, 0), coalesce(tally.e, 0), coalesce(tally.f, 0), coalesce(tally.c, 0))
               <> (coalesce(expected.r, 0), coalesce(expected.p, 0), coalesce(expected.e, 0), coalesce(expected.f, 0),
                   coalesce(expected.c, 0))
            """;

    /** The (month, unit) pairs whose tally differs from the records counted again as V113 and V115 count them. */
    static final String DRIFT = "with tally as (" + summed("petition_month_tally_now") + "), expected as (" + """
                select month, unit_id, sum(r) as r, sum(p) as p, sum(e) as e, sum(f) as f, sum(c) as c from (
                    select date_trunc('month', received_on)::date as month, unit_id, 1 as r, 0 as p, 0 as e, 0 as f, 0 as c
                    from petition
                    union all
                    select date_trunc('month', processed_on)::date, unit_id, 0, 1, case when eligible then 1 else 0 end, 0, 0
                    from petition where processed_on >= received_on
                    union all
                    select date_trunc('month', petition_finished_on(decided_on, status, closed_on))::date, unit_id, 0, 0, 0, 1, 0
                    from petition_matter where petition_finished_on(decided_on, status, closed_on) >= accepted_on
                    union all
                    -- pending on each first of a month after the day received, up to the day processed
                    select m.day::date, unit_id, 0, 0, 0, 0, 1
                    from petition, generate_series(received_on + 1, processed_on, interval '1 day') m (day)
                    where processed_on >= received_on and extract(day from m.day) = 1
                ) x group by month, unit_id)
            """ + DIFFERING;

    /** The (month, country row) pairs whose tally (V116) differs from the units' tally summed per row of the country. */
    static final String TOP_DRIFT = "with tally as (" + summed("petition_month_tally_top_now") + "), expected as (" + """
                select t.month, %s as unit_id, sum(t.received) as r, sum(t.processed) as p, sum(t.eligible) as e,
                       sum(t.finished) as f, sum(t.pending) as c
                from petition_month_tally_now t join org_unit o on o.id = t.unit_id group by 1, 2)
            """.formatted(OrgUnits.countryRowOf("o")) + DIFFERING;

    /** The rows of the units' tally that differ from the records, and those of the country's rows' tally that differ from it. */
    long drift() {
        return jdbc.sql(DRIFT).query(Long.class).single() + jdbc.sql(TOP_DRIFT).query(Long.class).single();
    }

    @Test
    void theDemoRecordsWrittenThroughTheServicesAreTalliedAsTheyStand() {
        var sums = jdbc.sql("select sum(received), sum(processed), sum(finished) from petition_month_tally_now").query().singleRow();
        assertThat(((Number) sums.get("sum")).longValue()).as("demo petitions received").isGreaterThan(100);
        assertThat(jdbc.sql("select sum(received) from petition_month_tally_top_now").query(Long.class).single())
                .as("the same, per row of the country").isEqualTo(((Number) sums.get("sum")).longValue());
        assertThat(drift()).isZero();
    }

    long unit(String code) {
        return units.findByCode(code, LocalDate.of(2026, 1, 1)).orElseThrow().id();
    }

    long petition(String number, long unit, String received, String processed, Boolean eligible) {
        return jdbc.sql("""
                insert into petition (number, unit_id, channel, petitioner_kind, content_kind, field, subject, content, received_on,
                                      status, processed_on, eligible, created_by)
                values (:number, :unit, 'POST', 'PERSON', 'COMPLAINT', 'ADMIN_LAND', 'Khiếu nại thu hồi đất', 'Nội dung',
                        cast(:received as date), case when cast(:processed as date) is null then 'RECEIVED' else 'PROCESSED' end,
                        cast(:processed as date), cast(:eligible as boolean), 'test') returning id
                """).param("number", number).param("unit", unit).param("received", received).param("processed", processed)
                .param("eligible", eligible).query(Long.class).single();
    }

    long matter(String number, long unit, String accepted, String status, String decided, String closed) {
        return jdbc.sql("""
                insert into petition_matter (number, unit_id, title, content_kind, field, round, follow_up, status, accepted_on,
                                             due_on, decided_on, closed_on)
                values (:number, :unit, 'Khiếu nại bồi thường', 'COMPLAINT', 'ADMIN_LAND', 1, false, :status, cast(:accepted as date),
                        cast(:accepted as date) + 30, cast(:decided as date), cast(:closed as date)) returning id
                """).param("number", number).param("unit", unit).param("accepted", accepted).param("status", status)
                .param("decided", decided).param("closed", closed).query(Long.class).single();
    }

    @Test
    void theTallyFollowsPetitionsAndMattersThroughEveryChangeOfUnitDayEligibilityAndState() {
        long commune = unit("05983");
        long other = unit("05977");
        long p1 = petition("T-TALLY-P1", commune, "2026-03-30", null, null);
        long p2 = petition("T-TALLY-P2", commune, "2026-03-31", "2026-04-02", true);
        petition("T-TALLY-P3", other, "2026-04-10", "2026-04-01", true); // processed before received: left out of the tally
        long p4 = petition("T-TALLY-P4", other, "2025-11-20", "2026-02-01", false); // pending on 1/12, 1/1 and 1/2
        long m1 = matter("T-TALLY-M1", commune, "2026-04-03", "ACCEPTED", null, null);
        long m2 = matter("T-TALLY-M2", other, "2026-05-01", "DECIDED", "2026-04-20", null); // finished before accepted
        assertThat(drift()).as("after the inserts").isZero();

        jdbc.sql("update petition set processed_on = '2026-04-01', status = 'PROCESSED', eligible = false where id = :id").param("id", p1).update();
        jdbc.sql("update petition set eligible = false where id = :id").param("id", p2).update();
        jdbc.sql("update petition set processed_on = '2026-05-03' where id = :id").param("id", p2).update();
        jdbc.sql("update petition set unit_id = :u, received_on = '2026-02-27' where id = :id").param("u", other).param("id", p1).update();
        jdbc.sql("update petition set processed_on = null, status = 'RECEIVED' where id = :id").param("id", p4).update();
        jdbc.sql("update petition set processed_on = '2026-01-31', received_on = '2025-12-01' where id = :id").param("id", p4).update();
        assertThat(drift()).as("after the petitions were processed, moved and reclassified").isZero();

        jdbc.sql("update petition_matter set status = 'DECIDED', decided_on = '2026-05-15' where id = :id").param("id", m1).update();
        jdbc.sql("update petition_matter set status = 'CLOSED', closed_on = '2026-06-01' where id = :id").param("id", m1).update();
        jdbc.sql("update petition_matter set unit_id = :u where id = :id").param("u", other).param("id", m1).update();
        jdbc.sql("update petition_matter set accepted_on = '2026-04-15' where id = :id").param("id", m2).update();
        long m3 = matter("T-TALLY-M3", commune, "2026-05-01", "ACCEPTED", null, null);
        jdbc.sql("update petition_matter set status = 'WITHDRAWN', closed_on = '2026-05-20' where id = :id").param("id", m3).update();
        assertThat(drift()).as("after the matters were decided, closed, moved and withdrawn").isZero();

        jdbc.sql("delete from petition where id = :id").param("id", p2).update();
        jdbc.sql("delete from petition_matter where id = :id").param("id", m3).update();
        assertThat(drift()).as("after the deletes").isZero();

        // the writers' deltas (V120), folded into the tallies: no figure changes, and no delta of these units is left
        var deltas = "select count(*) from petition_tally_delta where unit_id in (:units)";
        assertThat(jdbc.sql(deltas).param("units", List.of(commune, other)).query(Long.class).single()).isPositive();
        assertThat(fold.fold()).isPositive();
        assertThat(jdbc.sql(deltas).param("units", List.of(commune, other)).query(Long.class).single()).isZero();
        assertThat(drift()).as("after the deltas were folded").isZero();
    }

    /** The measure's count over its source's rows, as before V113. */
    BigDecimal counted(String measure, List<Long> unitIds, LocalDate from, LocalDate to) {
        var spec = jdbc.sql(PetitionFormStatements.totalSql(PetitionMeasures.BY_KEY.get(measure), unitIds, null))
                .param("from", from).param("to", to);
        if (unitIds != null) {
            spec = spec.param("units", unitIds.toArray(Long[]::new));
        }
        return spec.query(BigDecimal.class).single();
    }

    @Test
    void eachTalliedMeasureEqualsItsCountOverTheRecordsForWholeMonthsBrokenMonthsAndWhatTheTallyLeavesOut() {
        long commune = unit("05983");
        // what the tally leaves out, in the periods below: processed before received, finished before accepted
        petition("T-TALLY-E1", commune, "2026-03-20", "2026-03-18", true);
        petition("T-TALLY-E2", commune, "2026-01-10", "2026-01-05", false);
        matter("T-TALLY-E3", commune, "2026-03-25", "DECIDED", "2026-03-21", null);
        matter("T-TALLY-E4", commune, "2026-02-10", "TERMINATED", null, "2026-02-02");
        // and some it holds, on the edges of broken months
        petition("T-TALLY-E5", commune, "2025-12-15", "2025-12-16", true);
        petition("T-TALLY-E6", commune, "2025-12-14", null, null);
        petition("T-TALLY-E8", commune, "2025-11-30", "2026-01-01", true); // carried over into 2026, processed on its first day
        matter("T-TALLY-E7", commune, "2025-12-01", "DECIDED", "2025-12-15", null);

        var tally = new PetitionTally(jdbc);
        var province = units.findByCode("20", LocalDate.of(2026, 1, 1)).orElseThrow();
        var scopes = new ArrayList<List<Long>>();
        scopes.add(null);
        scopes.add(units.idsWithin(units.scopePaths(province.id())));
        scopes.add(List.of(commune));
        var periods = List.of(
                new LocalDate[] {LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)},   // a quarter
                new LocalDate[] {LocalDate.of(2025, 12, 15), LocalDate.of(2026, 12, 14)}, // the inspection sector's year
                new LocalDate[] {LocalDate.of(2025, 12, 15), LocalDate.of(2026, 3, 14)},  // its first quarter
                new LocalDate[] {LocalDate.of(2026, 3, 18), LocalDate.of(2026, 3, 25)},   // days within a month
                new LocalDate[] {LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 1)},    // to today
                new LocalDate[] {LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)});   // one month
        int nonZero = 0;
        for (var measure : List.of("petitions.total", "petitions.processed", "petitions.eligible", "matters.finished")) {
            assertThat(PetitionTally.holds(measure)).as(measure).isTrue();
            for (var scope : scopes) {
                for (var period : periods) {
                    var expected = counted(measure, scope, period[0], period[1]);
                    var answered = tally.total(measure, scope, period[0], period[1]).orElseThrow();
                    assertThat(answered).as(measure + " " + period[0] + "…" + period[1] + " " + (scope == null ? "VN" : scope.size() + " units"))
                            .isEqualByComparingTo(expected);
                    nonZero += expected.signum();
                }
            }
        }
        assertThat(nonZero).as("figures that count something").isGreaterThan(40);
        assertThat(tally.total("cases.finished", null, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31))).as("not tallied").isEmpty();
        assertThat(counted("petitions.processed", List.of(commune), LocalDate.of(2026, 3, 18), LocalDate.of(2026, 3, 25)))
                .as("E1, processed before it was received, counts").isEqualByComparingTo("1");
        assertThat(counted("matters.finished", List.of(commune), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)))
                .as("E3, decided before it was accepted, counts").isPositive();
    }

    /** The measure per unit, counted over its source's rows (as a form's statement counts them before V113). */
    java.util.Map<Long, Long> countedByUnit(String measure, List<Long> unitIds, LocalDate from, LocalDate to) {
        var m = PetitionMeasures.BY_KEY.get(measure);
        var result = new java.util.HashMap<Long, Long>();
        jdbc.sql("select b.unit_id, count(*) as n from (" + PetitionFormStatements.from(m.source(), unitIds, null) + ") b where " + m.condition()
                        + " group by b.unit_id")
                .param("from", from).param("to", to).param("today", LocalDate.now(clock)).param("units", unitIds.toArray(Long[]::new))
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> result.put(rs.getLong("unit_id"), rs.getLong("n")));
        return result;
    }

    @Test
    void perUnitOrRowOfTheCountryAndPeriodTheTallyGivesTheCountOverTheRecordsForManyPeriodsAtOnce() {
        long commune = unit("05983");
        petition("T-TALLY-U1", commune, "2026-03-20", "2026-03-18", true);
        matter("T-TALLY-U2", commune, "2026-03-25", "DECIDED", "2026-03-21", null);
        petition("T-TALLY-U3", commune, "2025-12-15", "2025-12-16", true);
        var province = units.findByCode("20", LocalDate.of(2026, 1, 1)).orElseThrow();
        var unitIds = units.idsWithin(units.scopePaths(province.id()));
        var spans = List.of(new vn.danvan.form.FormSpan(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)),
                new vn.danvan.form.FormSpan(LocalDate.of(2025, 12, 15), LocalDate.of(2026, 3, 14)),
                new vn.danvan.form.FormSpan(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)), // shares the first day of the first
                new vn.danvan.form.FormSpan(LocalDate.of(2026, 3, 18), LocalDate.of(2026, 3, 25)),
                new vn.danvan.form.FormSpan(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 1)));
        var tally = new PetitionTally(jdbc);
        int units = 0;
        var measures = List.of("petitions.total", "petitions.processed", "petitions.eligible", "matters.finished");
        var byUnit = tally.byUnit(measures, unitIds, spans);
        for (var measure : measures) {
            for (int i = 0; i < spans.size(); i++) {
                var expected = countedByUnit(measure, unitIds, spans.get(i).from(), spans.get(i).to());
                expected.values().removeIf(n -> n == 0);
                var answered = new java.util.HashMap<Long, Long>();
                byUnit.getOrDefault(i + 1, java.util.Map.of()).forEach((unit, counts) -> answered.put(unit, counts.getOrDefault(measure, 0L)));
                answered.values().removeIf(n -> n == 0);
                assertThat(answered).as(measure + " " + spans.get(i)).isEqualTo(expected);
                units += expected.size();
            }
        }
        assertThat(units).as("unit figures compared").isGreaterThan(8);

        // the country's rows (provinces and central bodies), from V116's tally: each unit's count added to its row
        var rowOf = new java.util.HashMap<Long, Long>();
        jdbc.sql("select u.id, " + OrgUnits.countryRowOf("u") + " as row_id from org_unit u")
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> rowOf.put(rs.getLong("id"), rs.getLong("row_id")));
        var everyUnit = new ArrayList<>(rowOf.keySet());
        var byRow = tally.byUnit(measures, null, spans);
        int rows = 0;
        for (var measure : measures) {
            for (int i = 0; i < spans.size(); i++) {
                var expected = new java.util.HashMap<Long, Long>();
                countedByUnit(measure, everyUnit, spans.get(i).from(), spans.get(i).to())
                        .forEach((unit, n) -> expected.merge(rowOf.get(unit), n, Long::sum));
                expected.values().removeIf(n -> n == 0);
                var answered = new java.util.HashMap<Long, Long>();
                byRow.getOrDefault(i + 1, java.util.Map.of()).forEach((row, counts) -> answered.put(row, counts.getOrDefault(measure, 0L)));
                answered.values().removeIf(n -> n == 0);
                assertThat(answered).as("the country's rows: " + measure + " " + spans.get(i)).isEqualTo(expected);
                rows += expected.size();
            }
        }
        assertThat(rows).as("country row figures compared").isGreaterThan(8);
    }

    /**
     * Two officers of one commune receiving petitions at the same moment: each adds a delta (V120), no tally row, so
     * neither waits for the other's transaction to end; once both commit, a fold adds both to the commune's month.
     */
    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void writersOfOneUnitAndMonthDoNotWaitForEachOtherAndAFoldAddsBoth() throws Exception {
        // a unit and month of the demo's petitions: its tally row exists, committed
        var busiest = jdbc.sql("""
                select unit_id, max(month) as month from petition_month_tally where received > 0
                group by unit_id order by count(*) desc, unit_id limit 1
                """).query().singleRow();
        long commune = ((Number) busiest.get("unit_id")).longValue();
        var month = ((java.sql.Date) busiest.get("month")).toLocalDate();
        var received = """
                select coalesce(sum(received), 0) from petition_month_tally_now where month = :month and unit_id = :unit
                """;
        long before = jdbc.sql(received).param("month", month).param("unit", commune).query(Long.class).single();
        var insert = """
                insert into petition (number, unit_id, channel, petitioner_kind, content_kind, field, subject, content, received_on,
                                      status, created_by)
                values (?, ?, 'POST', 'PERSON', 'COMPLAINT', 'ADMIN_LAND', 'Khiếu nại', 'Nội dung', ?, 'RECEIVED', 'test')
                """;
        try {
            try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
                first.setAutoCommit(false);
                second.setAutoCommit(false);
                for (var c : List.of(first, second)) {
                    try (var s = c.createStatement()) {
                        s.execute("set local lock_timeout = '2s'");
                    }
                }
                int n = 0;
                for (var c : List.of(first, second)) {
                    try (var s = c.prepareStatement(insert)) {
                        s.setString(1, "T-TALLY-W" + (++n));
                        s.setLong(2, commune);
                        s.setObject(3, month.plusDays(4));
                        assertThat(s.executeUpdate()).isOne();
                    }
                }
                first.commit();
                second.commit();
            }
            assertThat(jdbc.sql(received).param("month", month).param("unit", commune).query(Long.class).single())
                    .as("read with the deltas").isEqualTo(before + 2);
            fold.fold();
            assertThat(jdbc.sql("select count(*) from petition_tally_delta where unit_id = :unit").param("unit", commune)
                    .query(Long.class).single()).isZero();
            assertThat(jdbc.sql(received).param("month", month).param("unit", commune).query(Long.class).single())
                    .as("folded").isEqualTo(before + 2);
            assertThat(drift()).isZero();
        } finally {
            jdbc.sql("delete from petition where number in ('T-TALLY-W1', 'T-TALLY-W2')").update();
            fold.fold();
        }
    }
}
