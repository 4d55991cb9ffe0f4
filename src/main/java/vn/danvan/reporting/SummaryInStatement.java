package vn.danvan.reporting;

/**
 * The SQL pieces with which a write of reporting_value keeps reporting_summary in its own statement
 * (V71): {@link #MARK} tells the summary triggers to leave the statement alone, and {@link #KEPT} adds
 * the statement's signed changes to the summary in ONE pass, keys sorted, so that writers running at
 * once take the summary rows in a single order (the triggers' two passes of an upsert did not, and
 * concurrent imports deadlocked on them). The write must be a CTE named {@code saved} returning
 * indicator_id, unit_id, period, period_start, period_end, option_combo, value, created, old_value, and
 * must read {@code mark} before writing a row. The summary is left alone while it is not current (it is
 * rebuilt before it is next read), exactly as the triggers do.
 * <p>The weights are read by the units the statement wrote ({@code = any(array(…))}, probes of the weight
 * table's primary key): a plain join let the planner hash the whole weight table (every unit ever × its
 * areas, ~29,000 rows) for each import batch — half of a 1,000-value batch's time, and growing with the tree.
 */
final class SummaryInStatement {

    /** Marks the statement as keeping the summary itself; its row must be read by the upsert. */
    static final String MARK = """
            mark as (
                select set_config('reporting.summary_kept_at', cast(statement_timestamp() as text), true) as kept
            )""";

    /** The summary kept from {@code saved}: +value for a new or changed value, −old value for a replaced one. */
    static final String KEPT = """
            change as (
                select indicator_id, unit_id, period, period_start, period_end, option_combo, value, 1 as sign
                from saved
                where value is not null and (created or value is distinct from old_value)
                union all
                select indicator_id, unit_id, period, period_start, period_end, option_combo, old_value, -1
                from saved
                where not created and old_value is not null and value is distinct from old_value
            ),
            summed as (
                insert into reporting_summary as s (indicator_id, area_id, period, period_start, period_end, option_combo,
                                                    total, weight, counted, apart)
                select c.indicator_id, w.area_id, c.period, c.period_start, c.period_end, c.option_combo,
                       coalesce(sum(w.weight * c.value * c.sign), 0), coalesce(sum(w.weight * c.sign), 0),
                       coalesce(sum(c.sign) filter (where w.weight > 0), 0), coalesce(sum(c.sign) filter (where w.weight is null), 0)
                from change c
                join reporting_summary_weight w on w.unit_id = c.unit_id and (w.weight is null or w.weight > 0)
                     and w.unit_id = any (array(select distinct unit_id from saved))
                where reporting_summary_current()
                group by 1, 2, 3, 4, 5, 6
                order by 1, 2, 4, 3, 6
                on conflict (indicator_id, area_id, period_start, period, option_combo) do update
                set total = s.total + excluded.total, weight = s.weight + excluded.weight,
                    counted = s.counted + excluded.counted, apart = s.apart + excluded.apart
                returning 1
            )""";

    private SummaryInStatement() {
    }
}
