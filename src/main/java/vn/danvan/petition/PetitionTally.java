package vn.danvan.petition;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.danvan.form.FormSpan;
import vn.danvan.orgunit.OrgUnits;

/**
 * The figures of the few measures that the per-unit, per-month tally of V113 holds (what computed indicators read
 * most; with the writers' deltas not yet folded into it, V120 and {@link TallyFold}): the whole months of a period
 * from the tally, the days before the first whole month and after the last one, and what the tally leaves out, from
 * the records. Each answer equals the measure's count over its source's rows
 * ({@link PetitionFormStatements#totalSql}, {@link PetitionForms#rowsBySpan}'s statements), as the tests compare.
 *
 * <ul>
 *   <li>{@code petitions.total}: received in the period, plus those carried over (into a period that starts on the
 *       first of a month: from the tally, V115, and the petitions not yet processed; else from the pending span's
 *       index);</li>
 *   <li>{@code petitions.processed} and {@code petitions.eligible}: processed in the period (and eligible);</li>
 *   <li>{@code matters.finished}: matters decided, withdrawn or terminated in the period.</li>
 * </ul>
 *
 * <p>Every statement reads all the periods asked at once (arrays of days, numbered from 1) and answers per period
 * and, for a form's rows, per unit (the country's: per province or central body); for a total, all units together.
 */
final class PetitionTally {

    /** The measures answered here, each with the tally's column. */
    private static final Map<String, String> COLUMNS = Map.of(
            "petitions.total", "received",
            "petitions.processed", "processed",
            "petitions.eligible", "eligible",
            "matters.finished", "finished");

    /**
     * The whole months: each month asked read once, every measure asked in one pass, summed per unit, then added up per
     * period. In every statement {@code {unit:x}} is the unit of the row for a form's rows, one group for a total; the
     * other statements' one count is {@code n0}. {@code {tally}} is the units' tally, or for the country the tally of
     * its rows (V116: provinces and central bodies).
     */
    private static final String TALLY = """
            with m as (
                select t.month, {unit:t} as unit_id, %s
                from {tally} t
                where t.month = any(cast(:months as date[])) {units:t}
                group by 1, 2)
            select s.i, m.unit_id, %s
            from unnest(cast(:firsts as date[]), cast(:lasts as date[]), cast(:ids as int[])) s (f, l, i)
            join m on m.month between s.f and s.l
            group by 1, 2""";

    /** The days of a period before its first whole month and after its last, as arrays of (start, end, period). */
    private static final String DAYS = "unnest(cast(:starts as date[]), cast(:ends as date[]), cast(:ids as int[])) s (a, b, i)";

    /** The periods asked, as arrays of (from, to, period). */
    private static final String PERIODS = "unnest(cast(:froms as date[]), cast(:tos as date[]), cast(:ids as int[])) s (f, t, i)";

    private static final String RECEIVED = """
            select s.i, {unit:p} as unit_id, count(*) as n0
            from %s join petition p on p.received_on between s.a and s.b {units:p}
            group by 1, 2""".formatted(DAYS);

    /** Processed on the days asked, on or after the day received (as the tally counts them). */
    private static final String PROCESSED = """
            select s.i, {unit:p} as unit_id, count(*) %s as n0
            from %s join petition p on p.processed_on between s.a and s.b and p.received_on <= p.processed_on {units:p}
            group by 1, 2""";

    /** Finished on the days asked, on or after the day accepted (as the tally counts them): V113's index by that day. */
    private static final String FINISHED = """
            select s.i, {unit:m} as unit_id, count(*) as n0
            from %s join petition_matter m
              on petition_finished_on(m.decided_on, m.status, m.closed_on) between s.a and s.b
             and petition_finished_on(m.decided_on, m.status, m.closed_on) >= m.accepted_on
             {units:m}
            group by 1, 2""".formatted(DAYS);

    /**
     * Carried over into a period that does not start on the first of a month: the PETITION source's second lean part,
     * counted. The petitions pending on the first day are read from the pending span's index first (~9,000 in the
     * country; {@code offset 0} keeps the unit condition out of the subquery), then kept by unit: the planner, which
     * cannot tell how many units a parameter lists, else took every petition of a province by its unit's index and
     * anded that with the span's (a quarter of Lạng Sơn: 320 ms instead of 15).
     */
    private static final String CARRIED = """
            select s.i, {unit:c} as unit_id, count(*) as n0
            from %s cross join lateral (
                select p.unit_id from petition p
                where petition_pending_span(p.received_on, p.processed_on) @> s.f and p.received_on <> s.f
                offset 0) c
            where true {units:c}
            group by 1, 2""".formatted(PERIODS);

    /**
     * Carried over into a period that starts on the first of a month, processed since: V115's count in the tally. The
     * months also as a list, so that the planner, which does not know how many rows the arrays hold, reads them by the
     * index and not the whole tally (146 ms instead of 13 for two first days).
     */
    private static final String CARRIED_TALLIED = """
            select s.i, {unit:t} as unit_id, sum(t.pending) as n0
            from %s join {tally} t on t.month = s.f
            where t.month = any(cast(:froms as date[])) {units:t}
            group by 1, 2""".formatted(PERIODS);

    /** Carried over into a period that starts on the first of a month, not yet processed: V115's partial index. */
    private static final String CARRIED_UNPROCESSED = """
            select s.i, {unit:p} as unit_id, count(*) as n0
            from %s join petition p on p.processed_on is null and p.received_on < s.f {units:p}
            group by 1, 2""".formatted(PERIODS);

    /** Processed in the period before the day received: not in the tally (V113's partial index). */
    private static final String PROCESSED_EARLY = """
            select s.i, {unit:p} as unit_id, count(*) %s as n0
            from %s join petition p
              on p.processed_on < p.received_on and p.processed_on between s.f and s.t and p.received_on <= s.t {units:p}
            group by 1, 2""";

    /** Finished in the period before the day accepted: not in the tally (V113's partial index). */
    private static final String FINISHED_EARLY = """
            select s.i, {unit:m} as unit_id, count(*) as n0
            from %s join petition_matter m
              on petition_finished_on(m.decided_on, m.status, m.closed_on) < m.accepted_on
             and petition_finished_on(m.decided_on, m.status, m.closed_on) between s.f and s.t and m.accepted_on <= s.t {units:m}
            group by 1, 2""".formatted(PERIODS);

    private static final String ELIGIBLE = "filter (where p.eligible)";

    private final JdbcClient jdbc;

    PetitionTally(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static boolean holds(String measure) {
        return COLUMNS.containsKey(measure);
    }

    /**
     * The measure's total over the units asked (null: the country) and the period, or empty when the tally does not
     * hold the measure.
     */
    Optional<BigDecimal> total(String measure, List<Long> unitIds, LocalDate from, LocalDate to) {
        if (!holds(measure)) {
            return Optional.empty();
        }
        var counted = count(List.of(measure), unitIds, List.of(new FormSpan(from, to)), false);
        return Optional.of(BigDecimal.valueOf(counted.getOrDefault(1, Map.of()).values().stream()
                .mapToLong(byMeasure -> byMeasure.getOrDefault(measure, 0L)).sum()));
    }

    /**
     * The measures per period asked (numbered from 1, in the order asked), per unit of the records (the units asked,
     * null: every unit, as the country's rows) and per measure; a unit that counts nothing in a period may be absent.
     */
    Map<Integer, Map<Long, Map<String, Long>>> byUnit(List<String> measures, List<Long> unitIds, List<FormSpan> spans) {
        measures.forEach(measure -> {
            if (!holds(measure)) {
                throw new IllegalArgumentException("not tallied: " + measure);
            }
        });
        return count(measures, unitIds, spans, true);
    }

    private Map<Integer, Map<Long, Map<String, Long>>> count(List<String> measures, List<Long> unitIds, List<FormSpan> spans,
                                                            boolean perUnit) {
        var whole = new Arrays3();
        var days = new Arrays3();
        var periods = new Arrays3();
        // the petitions carried over depend on the first day alone: a year and its first quarter share them
        var firstDays = new java.util.LinkedHashMap<LocalDate, List<Integer>>();
        for (int i = 0; i < spans.size(); i++) {
            var span = spans.get(i);
            periods.add(span.from(), span.to(), i + 1);
            firstDays.computeIfAbsent(span.from(), d -> new ArrayList<>()).add(i + 1);
            var months = Months.within(span.from(), span.to());
            if (months.isEmpty()) {
                days.add(span.from(), span.to(), i + 1);
                continue;
            }
            var m = months.get();
            whole.add(m.first(), m.last().withDayOfMonth(1), i + 1);
            if (span.from().isBefore(m.first())) {
                days.add(span.from(), m.first().minusDays(1), i + 1);
            }
            if (span.to().isAfter(m.last())) {
                days.add(m.last().plusDays(1), span.to(), i + 1);
            }
        }
        // For these statements only, in the caller's transaction, then as they were:
        // - no parallel workers: on two cores, starting them took longer than the work (the country's year of
        //   DON_TIEP_NHAN with the year before: 208 ms p50 with them, 64-73 without);
        // - with a list of units, each statement planned for it: a plan made once for any list (the driver prepares a
        //   statement run five times) read a province's matters from the table by its units instead of the country's
        //   few matters finished on the days asked (Lạng Sơn's 2025TTQ1: 4.3 s, not 15 ms). The country's statements,
        //   with no list, keep their plans (planning each again added ~30 ms a question).
        var workers = setLocal("max_parallel_workers_per_gather", "0");
        var plans = unitIds == null ? null : setLocal("plan_cache_mode", "force_custom_plan");
        try {
            return count(measures, unitIds, spans, perUnit, whole, days, periods, firstDays);
        } finally {
            setLocal("max_parallel_workers_per_gather", workers);
            if (plans != null) {
                setLocal("plan_cache_mode", plans);
            }
        }
    }

    /** Sets a setting for the rest of the transaction; returns its value before. */
    private String setLocal(String name, String value) {
        var before = jdbc.sql("select current_setting(:name)").param("name", name).query(String.class).single();
        jdbc.sql("select set_config(:name, :value, true)").param("name", name).param("value", value).query(String.class).single();
        return before;
    }

    private Map<Integer, Map<Long, Map<String, Long>>> count(List<String> measures, List<Long> unitIds, List<FormSpan> spans,
                                                            boolean perUnit, Arrays3 whole, Arrays3 days, Arrays3 periods,
                                                            Map<LocalDate, List<Integer>> firstDays) {
        var result = new HashMap<Integer, Map<Long, Map<String, Long>>>();
        var inner = new ArrayList<String>();
        var outer = new ArrayList<String>();
        for (int j = 0; j < measures.size(); j++) {
            inner.add("sum(t." + COLUMNS.get(measures.get(j)) + ") as n" + j);
            outer.add("sum(m.n" + j + ") as n" + j);
        }
        var tally = TALLY.formatted(String.join(", ", inner), String.join(", ", outer));
        var months = whole.params("firsts", "lasts");
        months.put("months", whole.months());
        add(result, tally, measures, unitIds, perUnit, months);
        for (var measure : measures) {
            var edge = switch (measure) {
                case "petitions.total" -> RECEIVED;
                case "petitions.processed" -> PROCESSED.formatted("", DAYS);
                case "petitions.eligible" -> PROCESSED.formatted(ELIGIBLE, DAYS);
                default -> FINISHED;
            };
            add(result, edge, List.of(measure), unitIds, perUnit, days.params("starts", "ends"));
            if (measure.equals("petitions.total")) {
                var carried = new HashMap<Integer, Map<Long, Map<String, Long>>>();
                var onFirstOfMonth = new Arrays3();
                var onOtherDays = new Arrays3();
                var k = 0;
                for (var day : firstDays.keySet()) {
                    (day.getDayOfMonth() == 1 ? onFirstOfMonth : onOtherDays).add(day, day, ++k);
                }
                for (var sql : List.of(CARRIED_TALLIED, CARRIED_UNPROCESSED)) {
                    add(carried, sql, List.of(measure), unitIds, perUnit, onFirstOfMonth.params("froms", "tos"));
                }
                add(carried, CARRIED, List.of(measure), unitIds, perUnit, onOtherDays.params("froms", "tos"));
                k = 0;
                for (var ids : firstDays.values()) {
                    var counts = carried.getOrDefault(++k, Map.of());
                    ids.forEach(i -> counts.forEach((unit, n) -> result.computeIfAbsent(i, x -> new HashMap<>())
                            .computeIfAbsent(unit, x -> new HashMap<>()).merge(measure, n.get(measure), Long::sum)));
                }
                continue;
            }
            var rest = switch (measure) {
                case "petitions.processed" -> PROCESSED_EARLY.formatted("", PERIODS);
                case "petitions.eligible" -> PROCESSED_EARLY.formatted(ELIGIBLE, PERIODS);
                default -> FINISHED_EARLY;
            };
            add(result, rest, List.of(measure), unitIds, perUnit, periods.params("froms", "tos"));
        }
        return result;
    }

    /** Adds a statement's counts ({@code n0} … for the measures in order) to the result, per period and unit. */
    private void add(Map<Integer, Map<Long, Map<String, Long>>> result, String sql, List<String> measures, List<Long> unitIds,
                     boolean perUnit, Map<String, Object> params) {
        if (((Object[]) params.get("ids")).length == 0) {
            return;
        }
        var tallied = sql.contains("{tally}");
        // the tallies with the deltas not yet folded into them (V120)
        sql = sql.replace("{tally}", unitIds == null ? "petition_month_tally_top_now" : "petition_month_tally_now");
        for (var alias : List.of("p", "m", "t", "c")) {
            sql = sql.replace("{units:" + alias + "}", unitIds == null ? "" : "and " + alias + ".unit_id = any(:units)")
                    .replace("{unit:" + alias + "}", perUnit ? alias + ".unit_id" : "cast(0 as bigint)");
        }
        if (perUnit && unitIds == null && !tallied) {
            // the country's rows are its provinces and central bodies, as the forms' statements give them (the tally of
            // the country's rows already has them)
            sql = "select a.i, " + OrgUnits.countryRowOf("u") + " as unit_id, sum(a.n0) as n0 from (" + sql
                    + ") a join org_unit u on u.id = a.unit_id group by 1, 2";
        }
        var spec = jdbc.sql(sql).params(params);
        if (unitIds != null) {
            spec = spec.param("units", unitIds.toArray(Long[]::new));
        }
        spec.query((RowCallbackHandler) rs -> {
            var counts = result.computeIfAbsent(rs.getInt("i"), i -> new HashMap<>()).computeIfAbsent(rs.getLong("unit_id"), u -> new HashMap<>());
            for (int j = 0; j < measures.size(); j++) {
                counts.merge(measures.get(j), rs.getLong("n" + j), Long::sum);
            }
        });
    }

    /** Three parallel arrays of a statement's parameters: two days and the period's number. */
    private static final class Arrays3 {
        private final List<String> first = new ArrayList<>();
        private final List<String> second = new ArrayList<>();
        private final List<Integer> ids = new ArrayList<>();

        void add(LocalDate a, LocalDate b, int id) {
            first.add(a.toString());
            second.add(b.toString());
            ids.add(id);
        }

        Map<String, Object> params(String firstName, String secondName) {
            return new HashMap<>(Map.of(firstName, first.toArray(String[]::new), secondName, second.toArray(String[]::new),
                    "ids", ids.toArray(Integer[]::new)));
        }

        /** Every month from each first day to each second (both the first of a month), once. */
        String[] months() {
            var months = new java.util.TreeSet<LocalDate>();
            for (int i = 0; i < first.size(); i++) {
                for (var m = LocalDate.parse(first.get(i)); !m.isAfter(LocalDate.parse(second.get(i))); m = m.plusMonths(1)) {
                    months.add(m);
                }
            }
            return months.stream().map(LocalDate::toString).toArray(String[]::new);
        }
    }

    /** The whole months within a period: from the first day of the first to the last day of the last. */
    record Months(LocalDate first, LocalDate last) {

        static Optional<Months> within(LocalDate from, LocalDate to) {
            var first = from.getDayOfMonth() == 1 ? from : from.with(TemporalAdjusters.firstDayOfNextMonth());
            var last = to.equals(to.with(TemporalAdjusters.lastDayOfMonth())) ? to : to.withDayOfMonth(1).minusDays(1);
            return first.isAfter(last) ? Optional.empty() : Optional.of(new Months(first, last));
        }
    }
}
