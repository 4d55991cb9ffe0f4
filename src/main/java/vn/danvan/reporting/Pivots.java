package vn.danvan.reporting;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.form.PeriodCut;
import vn.danvan.form.ReportPeriod;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.OrgScope;
import vn.danvan.orgunit.OrgUnit;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.orgunit.Restatements;
import vn.danvan.orgunit.UnitLevel;
import vn.danvan.reporting.AggregateResult.UnitRef;
import vn.danvan.reporting.Pivot.PivotCell;
import vn.danvan.reporting.Pivot.PivotIndicator;
import vn.danvan.reporting.Pivot.PivotUnit;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.NotFoundException;

/**
 * Pivots (bảng phân tích): indicators × a unit and its children × periods, answered live with a bulk
 * path — the entered values of every indicator, unit and period of the pivot (and of the same periods
 * a year before) are read with one statement, where each unit's values go on the day asked is worked
 * out once for all of them, and every cell is then counted in memory by the rules {@link Aggregates}
 * applies to one figure. Figures the case modules publish are asked of their providers in bulk
 * ({@link ComputedCells}: one call per provider for every cell).
 */
@Service
@Transactional(readOnly = true)
public class Pivots {

    /** The most indicators one pivot shows. */
    static final int MAX_INDICATORS = 12;
    /** The most periods one pivot cuts its period into. */
    static final int MAX_PERIODS = 24;

    private final JdbcClient jdbc;
    private final Indicators indicators;
    private final Aggregates aggregates;
    private final OrgUnits units;
    private final Restatements restatements;
    private final OrgScope scope;
    private final Clock clock;
    private final ComputedCells computedCells;
    private final ValueSummary summary;

    Pivots(JdbcClient jdbc, Indicators indicators, Aggregates aggregates, OrgUnits units, Restatements restatements,
           OrgScope scope, Clock clock, ComputedCells computedCells, ValueSummary summary) {
        this.computedCells = computedCells;
        this.jdbc = jdbc;
        this.indicators = indicators;
        this.aggregates = aggregates;
        this.units = units;
        this.restatements = restatements;
        this.scope = scope;
        this.clock = clock;
        this.summary = summary;
    }

    /**
     * Answers a pivot for a unit the user may read.
     *
     * @throws InvalidInputException naming {@code indicators}, {@code period} or {@code split}
     * @throws NotFoundException     for an unknown unit or one outside the user's scope
     */
    public Pivot pivot(PivotQuestion question, CurrentUser user) {
        var day = question.on() != null ? question.on() : LocalDate.now(clock);
        var chosen = indicatorsOf(question);
        var span = ReportPeriod.parse(question.period(), "period");
        var periods = periodsOf(span, question.split());
        chosen.forEach(i -> checkPeriods(i, span, periods));
        if (question.unit() == null || question.unit().isBlank()) {
            throw new InvalidInputException("unit", "validation.required");
        }
        var root = units.findByCode(question.unit(), day).orElseThrow(() -> new NotFoundException("unit", question.unit()));
        scope.requireRead(user, root.id(), "unit", question.unit());
        var shown = new ArrayList<OrgUnit>();
        shown.add(root);
        shown.addAll(children(root, day));

        var cellPeriods = new LinkedHashSet<>(periods);
        cellPeriods.add(span);
        var values = read(chosen, root, shown, cellPeriods, day, question.mode());
        values.bucket(root, shown.subList(1, shown.size()));
        var computed = computedCells.read(chosen, code -> values.indicator(code, indicators::get), root, shown, cellPeriods);
        var cells = new ArrayList<PivotCell>();
        for (var indicator : chosen) {
            var options = question.chart() == PivotQuestion.Chart.STACKED ? firstCategoryOptions(indicator) : List.<String>of();
            for (var unit : shown) {
                for (var period : cellPeriods) {
                    cells.add(cell(indicator, unit, period, null, day, question.mode(), values, computed));
                    for (var option : options) {
                        cells.add(cell(indicator, unit, period, option, day, question.mode(), values, computed));
                    }
                }
            }
        }
        var pivotUnits = new ArrayList<PivotUnit>();
        for (int i = 0; i < shown.size(); i++) {
            var u = shown.get(i);
            pivotUnits.add(new PivotUnit(u.code(), u.name(), i == 0, i > 0 && drillable(u)));
        }
        var parents = units.ancestors(root.id(), day).stream().map(u -> new UnitRef(u.code(), u.name())).toList();
        var normalised = new PivotQuestion(chosen.stream().map(Indicator::code).toList(), root.code(), span.identifier(),
                question.split(), question.on(), question.mode(), question.rows(), question.columns(), question.chart());
        return new Pivot(normalised, day, question.mode(), List.copyOf(pivotUnits), span.identifier(),
                periods.stream().map(ReportPeriod::identifier).toList(),
                chosen.stream().map(i -> new PivotIndicator(i.code(), i.name(), i.valueType(), i.aggregation(),
                        i.categoryCombo() != null)).toList(), List.copyOf(cells), parents);
    }

    /** The names of the category options, by code (charts stacked by category). */
    public Map<String, String> optionNames() {
        var result = new LinkedHashMap<String, String>();
        jdbc.sql("select code, name from reporting_category_option order by category, position")
                .query((rs, n) -> Map.entry(rs.getString("code"), rs.getString("name"))).list()
                .forEach(e -> result.putIfAbsent(e.getKey(), e.getValue()));
        return result;
    }

    private List<Indicator> indicatorsOf(PivotQuestion question) {
        if (question.indicators().isEmpty()) {
            throw new InvalidInputException("indicators", "reporting.pivot.no-indicator");
        }
        if (question.indicators().size() > MAX_INDICATORS) {
            throw new InvalidInputException("indicators", "reporting.pivot.too-many-indicators", MAX_INDICATORS);
        }
        return question.indicators().stream().map(code -> indicators.find(code)
                .orElseThrow(() -> new InvalidInputException("indicators", "reporting.indicator.unknown", code))).toList();
    }

    /** The span cut into periods of the kind asked (the span alone when none is asked). */
    static List<ReportPeriod> periodsOf(ReportPeriod span, ReportPeriod.Kind split) {
        if (split == null || split == span.kind()) {
            return List.of(span);
        }
        var level = List.of(span);
        while (!level.isEmpty() && level.get(0).kind() != split && !level.get(0).isFinerThan(split)) {
            level = level.stream().flatMap(p -> p.children().stream()).toList();
        }
        if (level.isEmpty() || level.get(0).kind() != split) {
            throw new InvalidInputException("split", "reporting.pivot.split-not-inside", span.identifier());
        }
        if (level.size() > MAX_PERIODS) {
            throw new InvalidInputException("split", "reporting.pivot.too-many-periods", MAX_PERIODS);
        }
        return level;
    }

    /** An entered indicator with a period type is read in periods of that type or coarser, on its cut. */
    private static void checkPeriods(Indicator indicator, ReportPeriod span, List<ReportPeriod> periods) {
        if (!indicator.isEntered() || indicator.periodKind() == null) {
            return;
        }
        for (var p : periods) {
            if (indicator.periodCut() != p.cut() || p.isFinerThan(indicator.periodKind())) {
                throw new InvalidInputException(p.equals(span) ? "period" : "split", "reporting.aggregate.period-finer",
                        p.identifier(), indicator.periodExample());
            }
        }
    }

    /**
     * The children shown: every child, its bodies first, then its areas (provinces, communes), so that the rows add up
     * to the total. With the areas alone, the records of the unit's own bodies (a province's People's Committee, its
     * inspectorate, its citizen reception board) counted in the total and in no row.
     */
    private List<OrgUnit> children(OrgUnit root, LocalDate day) {
        return units.children(root.id(), day);
    }

    private static boolean drillable(OrgUnit unit) {
        return unit.level() != UnitLevel.COMMUNE && unit.level() != UnitLevel.VILLAGE;
    }

    private List<String> firstCategoryOptions(Indicator indicator) {
        if (!indicator.isEntered() || indicator.categoryCombo() == null) {
            return List.of();
        }
        return jdbc.sql("""
                select o.code
                from reporting_category_combo_member m
                join reporting_category_option o on o.category = m.category
                where m.combo = :combo and m.position = (select min(position) from reporting_category_combo_member where combo = :combo)
                order by o.position
                """).param("combo", indicator.categoryCombo()).query(String.class).list();
    }

    /**
     * Reads, in one statement, every entered value the pivot may count: the indicators entered by
     * units (those chosen and the parts of chosen ratios), the units that can flow into the unit's
     * subtree (restated) or ever lay in it (as recorded), the periods and the same periods a year before.
     */
    private PivotValues read(List<Indicator> chosen, OrgUnit root, List<OrgUnit> shown, Collection<ReportPeriod> periods, LocalDate day,
                             AggregateMode mode) {
        var entered = new LinkedHashMap<Long, Indicator>();
        var lookup = new PivotValues(List.of(), mode, Map.of());
        chosen.forEach(i -> collectEntered(i, entered, new java.util.HashSet<>(), lookup));
        if (entered.isEmpty()) {
            return lookup;
        }
        var from = periods.stream().map(p -> p.previousYear().from()).min(LocalDate::compareTo).orElseThrow();
        var to = periods.stream().map(ReportPeriod::to).max(LocalDate::compareTo).orElseThrow();
        var cut = periods.iterator().next().cut();
        var summed = summed(entered, shown, from, to, cut, day, mode);
        summed.keySet().forEach(entered::remove);
        if (entered.isEmpty()) {
            return lookup.withSummary(summed);
        }
        var candidates = mode == AggregateMode.RESTATED ? restatements.unitsFlowingInto(root.id(), day)
                : units.idsWithin(Set.of(root.path()));
        record Raw(long indicatorId, long unitId, String period, LocalDate periodStart, LocalDate periodEnd, String optionCombo,
                   BigDecimal value, String textValue) {
        }
        var raw = jdbc.sql("""
                select indicator_id, unit_id, period, period_start, period_end, option_combo, value, text_value
                from reporting_value
                where indicator_id = any(cast(:indicators as bigint[]))
                  and period_start >= :from
                  and period_end <= :to
                  and (position('TT' in period) > 0) = :inspection
                  and unit_id = any(cast(:units as bigint[]))
                """)
                .param("indicators", entered.keySet().toArray(Long[]::new)).param("from", from).param("to", to)
                .param("inspection", cut == PeriodCut.INSPECTION).param("units", candidates.toArray(Long[]::new))
                .query(Raw.class).list();
        var unitIds = raw.stream().map(Raw::unitId).distinct().toList();
        var paths = new java.util.HashMap<Long, String>();
        if (mode == AggregateMode.AS_RECORDED) {
            units.findAll(unitIds, day).forEach((id, u) -> paths.put(id, u.path()));
        }
        var allocations = mode == AggregateMode.RESTATED ? restatements.allocate(unitIds, day) : Map.<Long, List<vn.danvan.orgunit.Allocation>>of();
        var rows = raw.stream().map(r -> new PivotValues.Row(r.indicatorId(), r.unitId(), paths.getOrDefault(r.unitId(), ""),
                r.period(), r.periodStart(), r.periodEnd(), r.optionCombo(), r.value(), r.textValue())).toList();
        return new PivotValues(rows, mode, allocations, lookup).withSummary(summed);
    }

    /**
     * The summary rows of the indicators the summary answers exactly when every unit shown is one of its
     * areas (the country and its provinces, restated on today): by indicator id; an indicator with a value
     * whose share is not set in the pivot's periods is left to the live read (it shows that part apart).
     */
    private Map<Long, List<ValueSummary.Row>> summed(Map<Long, Indicator> entered, List<OrgUnit> shown, LocalDate from, LocalDate to,
                                                     PeriodCut cut, LocalDate day, AggregateMode mode) {
        if (shown.stream().anyMatch(u -> !summary.covers(u, day, mode))) {
            return Map.of();
        }
        var served = entered.values().stream().filter(i -> ValueSummary.answers(i, i.aggregation())).map(Indicator::id).toList();
        if (served.isEmpty()) {
            return Map.of();
        }
        var current = summary.currentRows(served, shown.stream().map(OrgUnit::id).toList(), from, to, cut);
        if (current.isEmpty()) {
            return Map.of();
        }
        var byIndicator = new java.util.HashMap<Long, List<ValueSummary.Row>>();
        served.forEach(id -> byIndicator.put(id, new ArrayList<>()));
        for (var r : current.get()) {
            byIndicator.get(r.indicatorId()).add(r);
        }
        byIndicator.values().removeIf(rows -> rows.stream().anyMatch(r -> r.apart() != 0));
        return byIndicator;
    }

    private void collectEntered(Indicator indicator, Map<Long, Indicator> entered, Set<String> seen, PivotValues values) {
        if (!seen.add(indicator.code())) {
            return;
        }
        if (indicator.isRatio()) {
            collectEntered(values.indicator(indicator.numerator(), indicators::get), entered, seen, values);
            collectEntered(values.indicator(indicator.denominator(), indicators::get), entered, seen, values);
        } else if (indicator.isEntered()) {
            entered.put(indicator.id(), indicator);
        }
    }

    private PivotCell cell(Indicator indicator, OrgUnit unit, ReportPeriod period, String option, LocalDate day,
                           AggregateMode mode, PivotValues values, ComputedCells.Answers computed) {
        var combo = option == null ? "" : option;
        var now = figure(indicator, unit, period, day, mode, combo, values, computed);
        var previous = period.previousYear();
        var before = figure(indicator, unit, previous, day, mode, combo, values, computed);
        var unallocated = now.unallocatedUnits().isEmpty() ? null : now.unallocated();
        return new PivotCell(indicator.code(), unit.code(), period.identifier(), option, now.shown(indicator.valueType()),
                unallocated, previous.identifier(), before.shown(indicator.valueType()),
                AggregateRules.changePercent(now.value(), before.value()), now.count());
    }

    /** One figure, by the rules of {@link Aggregates#figure}, with entered values counted from the bulk read. */
    Aggregates.Figure figure(Indicator indicator, OrgUnit unit, ReportPeriod period, LocalDate day, AggregateMode mode,
                             String combo, PivotValues values, ComputedCells.Answers computed) {
        if (indicator.isRatio()) {
            var numerator = part(values.indicator(indicator.numerator(), indicators::get), unit, period, day, mode, combo, values, computed);
            var denominator = part(values.indicator(indicator.denominator(), indicators::get), unit, period, day, mode, combo, values, computed);
            var percentage = indicator.valueType() == ValueType.PERCENTAGE;
            var value = AggregateRules.ratio(numerator.value(), denominator.value(), percentage);
            var unallocatedUnits = new LinkedHashSet<Long>(numerator.unallocatedUnits());
            unallocatedUnits.addAll(denominator.unallocatedUnits());
            BigDecimal unallocated = null;
            if (!unallocatedUnits.isEmpty()) {
                unallocated = AggregateRules.ratio(orZero(numerator.unallocated()), orZero(denominator.unallocated()), percentage);
            }
            return new Aggregates.Figure(value, null, unallocated, unallocatedUnits, numerator.count() + denominator.count());
        }
        if (indicator.readsFigure()) {
            if (option(combo)) {
                return new Aggregates.Figure(null, null, null, Set.of(), 0);
            }
            var bulk = computed.figure(indicator, unit, period);
            return bulk != null ? bulk : aggregates.figure(indicator, unit, period, day, mode, "");
        }
        return values.entered(indicator, indicator.aggregation(), unit, period, combo);
    }

    private Aggregates.Figure part(Indicator part, OrgUnit unit, ReportPeriod period, LocalDate day, AggregateMode mode,
                                   String combo, PivotValues values, ComputedCells.Answers computed) {
        if (part.isEntered()) {
            return values.entered(part, Aggregation.SUM, unit, period, part.categoryCombo() == null ? "" : combo);
        }
        return figure(part, unit, period, day, mode, combo, values, computed);
    }

    private static boolean option(String combo) {
        return !combo.isEmpty();
    }

    private static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
