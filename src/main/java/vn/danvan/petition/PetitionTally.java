package vn.danvan.petition;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The totals of the few measures that the per-unit, per-month tally of V113 holds (what computed indicators read
 * most): the whole months of a period from the tally, the days before the first whole month and after the last one,
 * and what the tally leaves out, from the records. Each answer equals the measure's count over its source's rows
 * ({@link PetitionForms#totalSql}), as the tests compare.
 *
 * <ul>
 *   <li>{@code petitions.total}: received in the period, plus those carried over (read from the records: the pending
 *       span's index answers them in a few milliseconds);</li>
 *   <li>{@code petitions.processed} and {@code petitions.eligible}: processed in the period (and eligible);</li>
 *   <li>{@code matters.finished}: matters decided, withdrawn or terminated in the period.</li>
 * </ul>
 */
final class PetitionTally {

    /** The measures answered here, each with the tally's column. */
    private static final Map<String, String> COLUMNS = Map.of(
            "petitions.total", "received",
            "petitions.processed", "processed",
            "petitions.eligible", "eligible",
            "matters.finished", "finished");

    private static final String TALLY = """
            select coalesce(sum(t.%s), 0) from petition_month_tally t
            where t.month between :first and :last {units:t}""";

    private static final String RECEIVED = """
            select count(*) from petition p where p.received_on between :a and :b {units:p}""";

    /**
     * Carried over into the period: the PETITION source's second lean part, counted. The petitions pending on the first
     * day are read from the pending span's index first (~9,000 in the country), then kept by unit: the planner, which
     * cannot tell how many units a parameter lists, else took every petition of a province by its unit's index and
     * anded that with the span's (a quarter of Lạng Sơn: 320 ms instead of 15).
     */
    private static final String CARRIED = """
            with pending as materialized (
                select p.unit_id from petition p
                where petition_pending_span(p.received_on, p.processed_on) @> cast(:from as date) and p.received_on <> :from)
            select count(*) from pending p where true {units:p}""";

    /** Processed on the days asked, on or after the day received (as the tally counts them). */
    private static final String PROCESSED = """
            select count(*) %s from petition p
            where p.processed_on between :a and :b and p.received_on <= p.processed_on {units:p}""";

    /** Processed in the period before the day received: not in the tally (V113's partial index). */
    private static final String PROCESSED_EARLY = """
            select count(*) %s from petition p
            where p.processed_on < p.received_on and p.processed_on between :from and :to and p.received_on <= :to {units:p}""";

    /** Finished on the days asked, on or after the day accepted (as the tally counts them). */
    private static final String FINISHED = """
            select count(*) from petition_matter m
            where petition_finished_on(m.decided_on, m.status, m.closed_on) between :a and :b
              and m.accepted_on <= petition_finished_on(m.decided_on, m.status, m.closed_on)
              and petition_matter_open_span(m.accepted_on, m.decided_on, m.status, m.closed_on) && daterange(cast(:a as date), cast(:b as date), '[]')
              {units:m}""";

    /** Finished in the period before the day accepted: not in the tally (V113's partial index). */
    private static final String FINISHED_EARLY = """
            select count(*) from petition_matter m
            where petition_finished_on(m.decided_on, m.status, m.closed_on) < m.accepted_on
              and petition_finished_on(m.decided_on, m.status, m.closed_on) between :from and :to and m.accepted_on <= :to {units:m}""";

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
        var column = COLUMNS.get(measure);
        if (column == null) {
            return Optional.empty();
        }
        var months = Months.within(from, to);
        long total = 0;
        if (months.isPresent()) {
            var m = months.get();
            total += count(TALLY.formatted(column), unitIds, Map.of("first", m.first(), "last", m.last().withDayOfMonth(1)));
            if (from.isBefore(m.first())) {
                total += edge(measure, unitIds, from, m.first().minusDays(1));
            }
            if (to.isAfter(m.last())) {
                total += edge(measure, unitIds, m.last().plusDays(1), to);
            }
        } else {
            total += edge(measure, unitIds, from, to);
        }
        var period = Map.<String, Object>of("from", from, "to", to);
        total += switch (measure) {
            case "petitions.total" -> count(CARRIED, unitIds, period);
            case "petitions.processed" -> count(PROCESSED_EARLY.formatted(""), unitIds, period);
            case "petitions.eligible" -> count(PROCESSED_EARLY.formatted("filter (where p.eligible)"), unitIds, period);
            default -> count(FINISHED_EARLY, unitIds, period);
        };
        return Optional.of(BigDecimal.valueOf(total));
    }

    /** The measure's part on days that do not fill a month, from the records. */
    private long edge(String measure, List<Long> unitIds, LocalDate a, LocalDate b) {
        var days = Map.<String, Object>of("a", a, "b", b);
        return switch (measure) {
            case "petitions.total" -> count(RECEIVED, unitIds, days);
            case "petitions.processed" -> count(PROCESSED.formatted(""), unitIds, days);
            case "petitions.eligible" -> count(PROCESSED.formatted("filter (where p.eligible)"), unitIds, days);
            default -> count(FINISHED, unitIds, days);
        };
    }

    private long count(String sql, List<Long> unitIds, Map<String, Object> params) {
        for (var alias : List.of("p", "m", "t")) {
            sql = sql.replace("{units:" + alias + "}", unitIds == null ? "" : "and " + alias + ".unit_id = any(:units)");
        }
        var spec = jdbc.sql(sql).params(params);
        if (unitIds != null) {
            spec = spec.param("units", unitIds.toArray(Long[]::new));
        }
        var value = spec.query(Long.class).single();
        return value == null ? 0 : value;
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
