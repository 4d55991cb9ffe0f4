package vn.danvan.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.danvan.form.PeriodCut;
import vn.danvan.form.ReportPeriod;
import vn.danvan.orgunit.Allocation;
import vn.danvan.orgunit.OrgUnit;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.orgunit.Restatements;
import vn.danvan.orgunit.UnitCategory;
import vn.danvan.orgunit.UnitLevel;

/**
 * The summary of entered values per indicator × province (or the country) × period × option
 * combination (V63), restated to today's units. Every statement writing reporting_value keeps it
 * (database triggers, in that statement), so it is as fresh as the last write; this class answers from
 * it and rebuilds it when the unit tree, the successions or their allocation shares changed (a
 * generation stamp their triggers bump) or the day moved past a change of the tree. It answers only what
 * it can answer exactly as {@link Aggregates} would live: RESTATED on today, a province valid today or
 * the country, an indicator entered in one period type (so no coarser value hides finer ones), SUM or
 * AVERAGE (and so the parts of ratios); not LAST, MIN, MAX or NONE, and not a cell holding a value whose
 * share is not set (the live answer returns it apart).
 */
@Component
class ValueSummary {

    private static final Logger LOG = LoggerFactory.getLogger(ValueSummary.class);

    /** The totals of the summary rows a question covers. */
    record Totals(BigDecimal total, BigDecimal weight, long counted, long apart) {

        static final Totals NONE = new Totals(BigDecimal.ZERO, BigDecimal.ZERO, 0, 0);

        Totals plus(Totals o) {
            return new Totals(total.add(o.total), weight.add(o.weight), counted + o.counted, apart + o.apart);
        }

        /** The figure by the rule, as {@link AggregateRules#apply} gives it over the same values. */
        Aggregates.Figure figure(Aggregation aggregation) {
            if (aggregation == Aggregation.AVERAGE) {
                var value = counted == 0 || weight.signum() == 0 ? null
                        : AggregateRules.normalise(total).divide(weight, AggregateRules.SCALE, RoundingMode.HALF_UP).stripTrailingZeros();
                return new Aggregates.Figure(value, null, null, Set.of(), (int) counted);
            }
            var sum = counted == 0 ? BigDecimal.ZERO
                    : total.stripTrailingZeros().scale() < 0 ? total.setScale(0) : AggregateRules.normalise(total);
            return new Aggregates.Figure(sum, null, BigDecimal.ZERO, Set.of(), (int) counted);
        }
    }

    private record State(long generation, Long builtGeneration, LocalDate builtOn) {

        boolean current(LocalDate day) {
            return builtGeneration != null && builtGeneration == generation && day.equals(builtOn);
        }
    }

    private final JdbcClient jdbc;
    private final OrgUnits units;
    private final Restatements restatements;
    private final Clock clock;
    private final TransactionTemplate rebuilding;

    ValueSummary(JdbcClient jdbc, OrgUnits units, Restatements restatements, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.units = units;
        this.restatements = restatements;
        this.clock = clock;
        this.rebuilding = new TransactionTemplate(transactions);
        this.rebuilding.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Whether the summary may answer for this indicator under this rule (the unit, day and mode aside). */
    static boolean answers(Indicator indicator, Aggregation aggregation) {
        return indicator.isEntered() && indicator.periodKind() != null
                && (aggregation == Aggregation.SUM || aggregation == Aggregation.AVERAGE);
    }

    /** Whether the summary holds rows for this unit on this day in this mode: the country or a province valid today. */
    boolean covers(OrgUnit unit, LocalDate on, AggregateMode mode) {
        return mode == AggregateMode.RESTATED && on.equals(LocalDate.now(clock)) && unit.category() == UnitCategory.AREA
                && (unit.level() == UnitLevel.CENTRAL || unit.level() == UnitLevel.PROVINCE) && unit.validOn(on);
    }

    /**
     * One figure from the summary, or empty when it cannot answer it exactly (see the class comment):
     * then the caller counts it live.
     */
    Optional<Aggregates.Figure> figure(Indicator indicator, Aggregation aggregation, OrgUnit unit, ReportPeriod period, LocalDate on,
                                       AggregateMode mode, String combo) {
        if (!answers(indicator, aggregation) || !covers(unit, on, mode)) {
            return Optional.empty();
        }
        var current = currentRows(List.of(indicator.id()), List.of(unit.id()), period.from(), period.to(), period.cut());
        if (current.isEmpty()) {
            return Optional.empty();
        }
        var rows = current.get();
        var totals = Totals.NONE;
        for (var r : rows) {
            if (matches(r, period, combo)) {
                totals = totals.plus(r.totals());
            }
        }
        return totals.apart() > 0 ? Optional.empty() : Optional.of(totals.figure(aggregation));
    }

    /**
     * The figures of one question for several periods of the same cut (an aggregate's period and the year
     * before) with one statement reading the summary's state and the rows spanning them; each
     * figure is what {@link #figure} gives for its period (empty where the caller must count live).
     */
    List<Optional<Aggregates.Figure>> figures(Indicator indicator, Aggregation aggregation, OrgUnit unit,
                                              List<ReportPeriod> periods, LocalDate on, AggregateMode mode, String combo) {
        var none = periods.stream().map(p -> Optional.<Aggregates.Figure>empty()).toList();
        if (periods.isEmpty() || !answers(indicator, aggregation) || !covers(unit, on, mode)
                || periods.stream().map(ReportPeriod::cut).distinct().count() != 1) {
            return none;
        }
        var from = periods.stream().map(ReportPeriod::from).min(LocalDate::compareTo).orElseThrow();
        var to = periods.stream().map(ReportPeriod::to).max(LocalDate::compareTo).orElseThrow();
        var current = currentRows(List.of(indicator.id()), List.of(unit.id()), from, to, periods.get(0).cut());
        if (current.isEmpty()) {
            return none;
        }
        var rows = current.get();
        var result = new ArrayList<Optional<Aggregates.Figure>>(periods.size());
        for (var period : periods) {
            var totals = Totals.NONE;
            for (var r : rows) {
                if (matches(r, period, combo)) {
                    totals = totals.plus(r.totals());
                }
            }
            result.add(totals.apart() > 0 ? Optional.empty() : Optional.of(totals.figure(aggregation)));
        }
        return result;
    }

    /** One summary row. */
    record Row(long indicatorId, long areaId, String period, LocalDate periodStart, LocalDate periodEnd, String optionCombo,
               BigDecimal total, BigDecimal weight, long counted, long apart) {

        Totals totals() {
            return new Totals(total, weight, counted, apart);
        }
    }

    static boolean matches(Row r, ReportPeriod period, String combo) {
        return !r.periodStart().isBefore(period.from()) && !r.periodEnd().isAfter(period.to())
                && (combo.isEmpty() || r.optionCombo().equals(combo) || r.optionCombo().startsWith(combo + "."));
    }

    /** The summary rows a question reads: those of the indicators and areas whose periods lie in [from, to] on the cut. */
    private static final String ROWS_OF_QUESTION = """
            s.indicator_id = any(cast(:indicators as bigint[]))
            and s.area_id = any(cast(:areas as bigint[]))
            and s.period_start >= :from
            and s.period_end <= :to
            and (position('TT' in s.period) > 0) = :inspection""";

    /**
     * The summary rows of the indicators and areas whose periods lie in [from, to] on the cut, read in ONE
     * statement with the summary's state (so in one snapshot, one round trip: a request no longer reads the
     * state first); when the state says the summary is not current for today it is rebuilt first and read
     * again, as {@link #ensureCurrent} then {@link #rows} would.
     *
     * @return empty when it could not be made current (the caller then counts live)
     */
    Optional<List<Row>> currentRows(Collection<Long> indicatorIds, Collection<Long> areaIds, LocalDate from, LocalDate to,
                                    PeriodCut cut) {
        var today = LocalDate.now(clock);
        var current = new boolean[1];
        var rows = new ArrayList<Row>();
        jdbc.sql("""
                select st.built_generation is not null and st.built_generation = st.generation
                           and st.built_on is not null and st.built_on = :today as current,
                       s.indicator_id, s.area_id, s.period, s.period_start, s.period_end, s.option_combo, s.total, s.weight,
                       s.counted, s.apart
                from reporting_summary_state st
                left join reporting_summary s on %s
                where st.id = 1
                """.formatted(ROWS_OF_QUESTION))
                .param("today", today)
                .param("indicators", indicatorIds.toArray(Long[]::new)).param("areas", areaIds.toArray(Long[]::new))
                .param("from", from).param("to", to).param("inspection", cut == PeriodCut.INSPECTION)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                    current[0] = rs.getBoolean("current");
                    if (rs.getObject("indicator_id") != null) {
                        rows.add(new Row(rs.getLong("indicator_id"), rs.getLong("area_id"), rs.getString("period"),
                                rs.getObject("period_start", LocalDate.class), rs.getObject("period_end", LocalDate.class),
                                rs.getString("option_combo"), rs.getBigDecimal("total"), rs.getBigDecimal("weight"),
                                rs.getLong("counted"), rs.getLong("apart")));
                    }
                });
        if (current[0]) {
            return Optional.of(rows);
        }
        return ensureCurrent() ? Optional.of(rows(indicatorIds, areaIds, from, to, cut)) : Optional.empty();
    }

    /** The summary rows of the indicators and areas whose periods lie in [from, to] on the cut; current when called. */
    List<Row> rows(Collection<Long> indicatorIds, Collection<Long> areaIds, LocalDate from, LocalDate to, PeriodCut cut) {
        return jdbc.sql("""
                select indicator_id, area_id, period, period_start, period_end, option_combo, total, weight, counted, apart
                from reporting_summary s
                where %s
                """.formatted(ROWS_OF_QUESTION))
                .param("indicators", indicatorIds.toArray(Long[]::new)).param("areas", areaIds.toArray(Long[]::new))
                .param("from", from).param("to", to).param("inspection", cut == PeriodCut.INSPECTION)
                .query(Row.class).list();
    }

    /**
     * Rebuilds the summary (in its own transaction) unless it is current for today.
     *
     * @return false when it could not be made current in time (writers held it longer than the lock
     *         timeout, e.g. this thread's own writing transaction): the caller then counts live
     */
    boolean ensureCurrent() {
        var today = LocalDate.now(clock);
        if (state().current(today)) {
            return true;
        }
        try {
            rebuildFor(today);
            return true;
        } catch (org.springframework.dao.DataAccessException busy) {
            LOG.warn("Reporting summary not rebuilt now, answering live: {}", busy.getMostSpecificCause().getMessage());
            return false;
        }
    }

    private void rebuildFor(LocalDate today) {
        rebuilding.executeWithoutResult(status -> {
            // writers add to the summary under ROW EXCLUSIVE: wait for those in flight, hold the next ones
            jdbc.sql("set local lock_timeout = '10s'").update();
            jdbc.sql("lock table reporting_summary in exclusive mode").update();
            var state = state();
            if (state.current(today)) {
                return;
            }
            if (state.builtGeneration() != null && state.builtGeneration() == state.generation() && !treeChangedBetween(state.builtOn(), today)) {
                jdbc.sql("update reporting_summary_state set built_on = :today where id = 1").param("today", today).update();
                return;
            }
            rebuild(state.generation(), today);
        });
    }

    private State state() {
        return jdbc.sql("select generation, built_generation, built_on from reporting_summary_state where id = 1")
                .query(State.class).single();
    }

    /** Did a succession take effect, or a unit start or end, after {@code from} up to {@code to}? */
    private boolean treeChangedBetween(LocalDate from, LocalDate to) {
        if (from == null) {
            return true;
        }
        var earlier = from.isBefore(to) ? from : to;
        var later = from.isBefore(to) ? to : from;
        return jdbc.sql("""
                select exists (select 1 from org_unit_succession where effective_on > :earlier and effective_on <= :later)
                    or exists (select 1 from org_unit where valid_from > :earlier and valid_from <= :later)
                    or exists (select 1 from org_unit where valid_to >= :earlier and valid_to < :later)
                """).param("earlier", earlier).param("later", later).query(Boolean.class).single();
    }

    private void rebuild(long generation, LocalDate today) {
        long started = System.nanoTime();
        var country = units.findByCode("VN", today).orElse(null);
        jdbc.sql("delete from reporting_summary_weight").update();
        jdbc.sql("delete from reporting_summary").update();
        int weights = 0;
        if (country != null) {
            var provinces = units.children(country.id(), today).stream()
                    .filter(u -> u.category() == UnitCategory.AREA && u.level() == UnitLevel.PROVINCE).toList();
            var ids = units.idsWithin(Set.of(country.path()));
            var allocations = restatements.allocate(ids, today);
            var unitIds = new ArrayList<Long>();
            var areaIds = new ArrayList<Long>();
            var shares = new ArrayList<String>();
            for (var e : allocations.entrySet()) {
                for (var w : weights(e.getValue(), country, provinces).entrySet()) {
                    unitIds.add(e.getKey());
                    areaIds.add(w.getKey());
                    shares.add(w.getValue() == null ? null : w.getValue().toPlainString());
                }
            }
            weights = unitIds.size();
            jdbc.sql("""
                    insert into reporting_summary_weight (unit_id, area_id, weight)
                    select * from unnest(cast(:units as bigint[]), cast(:areas as bigint[]), cast(:weights as numeric[]))
                    """).param("units", unitIds.toArray(Long[]::new)).param("areas", areaIds.toArray(Long[]::new))
                    .param("weights", shares.toArray(String[]::new)).update();
            jdbc.sql("""
                    insert into reporting_summary (indicator_id, area_id, period, period_start, period_end, option_combo,
                                                   total, weight, counted, apart)
                    select v.indicator_id, w.area_id, v.period, v.period_start, v.period_end, v.option_combo,
                           coalesce(sum(w.weight * v.value), 0), coalesce(sum(w.weight), 0),
                           count(*) filter (where w.weight > 0), count(*) filter (where w.weight is null)
                    from reporting_value v
                    join reporting_summary_weight w on w.unit_id = v.unit_id and (w.weight is null or w.weight > 0)
                    where v.value is not null
                    group by 1, 2, 3, 4, 5, 6
                    """).update();
        }
        jdbc.sql("update reporting_summary_state set built_generation = :generation, built_on = :today where id = 1")
                .param("generation", generation).param("today", today).update();
        LOG.info("Reporting summary rebuilt for {} (generation {}): {} unit weights, {} ms", today, generation, weights,
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Where one unit's values count: the weight in the country and in each province holding one of its
     * carriers — 1 when every carrier lies in the area, the sum of their shares when all are set, null
     * (not known) otherwise; areas holding none are left out (weight 0). As Aggregates weighs a value
     * for a subtree.
     */
    static Map<Long, BigDecimal> weights(List<Allocation> carriers, OrgUnit country, List<OrgUnit> provinces) {
        var result = new HashMap<Long, BigDecimal>();
        if (carriers.isEmpty()) {
            return result;
        }
        var areas = new ArrayList<OrgUnit>(provinces);
        areas.add(country);
        for (var area : areas) {
            var inside = carriers.stream().filter(a -> a.path().startsWith(area.path())).toList();
            if (inside.isEmpty()) {
                continue;
            }
            if (inside.size() == carriers.size()) {
                result.put(area.id(), BigDecimal.ONE);
            } else if (inside.stream().allMatch(Allocation::known)) {
                result.put(area.id(), inside.stream().map(Allocation::share).reduce(BigDecimal.ZERO, BigDecimal::add));
            } else {
                result.put(area.id(), null);
            }
        }
        return result;
    }
}
