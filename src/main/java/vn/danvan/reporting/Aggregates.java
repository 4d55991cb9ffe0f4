package vn.danvan.reporting;

import java.math.BigDecimal;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.form.FormQuery;
import vn.danvan.form.FormRecord;
import vn.danvan.form.PeriodCut;
import vn.danvan.form.ReportPeriod;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.OrgScope;
import vn.danvan.orgunit.Allocation;
import vn.danvan.orgunit.OrgUnit;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.orgunit.Restatements;
import vn.danvan.reporting.AggregateRules.Counted;
import vn.danvan.reporting.AggregateResult.UnitRef;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.NotFoundException;

/**
 * Live aggregation: any indicator over any unit subtree and period, from the values as they are at
 * the moment of the question (no batch job, no summary to go stale: a value saved is in the next
 * answer). Entered values are read with one index range scan per question (indicator, periods inside
 * the range, the units that can flow into the subtree) and weighted by where each unit's figures go on
 * the day asked (RESTATED) or counted as recorded (AS_RECORDED). Computed indicators ask their
 * provider, which counts the records; ratios divide the sums of their two indicators.
 */
@Service
@Transactional(readOnly = true)
public class Aggregates {

    private final JdbcClient jdbc;
    private final Indicators indicators;
    private final OrgUnits units;
    private final Restatements restatements;
    private final OrgScope scope;
    private final Clock clock;
    private final ValueSummary summary;

    Aggregates(JdbcClient jdbc, Indicators indicators, OrgUnits units, Restatements restatements, OrgScope scope, Clock clock,
               ValueSummary summary) {
        this.jdbc = jdbc;
        this.indicators = indicators;
        this.units = units;
        this.restatements = restatements;
        this.scope = scope;
        this.clock = clock;
        this.summary = summary;
    }

    /** What one figure came to. */
    record Figure(BigDecimal value, String text, BigDecimal unallocated, Set<Long> unallocatedUnits, int count) {

        Object shown(ValueType type) {
            if (text != null) {
                return text;
            }
            if (type == ValueType.BOOLEAN && value != null && count == 1) {
                return value.signum() != 0;
            }
            return value;
        }
    }

    /**
     * @param unitCode read as of {@code on} (default today)
     * @param optionCombo '' or null: every option combination; a prefix such as {@code COLLECTIVE}
     *                    selects the combinations that start with it
     * @throws NotFoundException     for an unknown indicator or unit, or a unit outside the user's scope
     * @throws InvalidInputException naming {@code period} when it is ill-formed or finer than the
     *                               indicator's period type
     */
    public AggregateResult aggregate(String indicatorCode, String unitCode, String periodText, LocalDate on,
                                     AggregateMode mode, String optionCombo, CurrentUser user) {
        var period = ReportPeriod.parse(periodText, "period");
        var indicator = indicators.get(indicatorCode);
        var day = on != null ? on : LocalDate.now(clock);
        var how = mode != null ? mode : AggregateMode.RESTATED;
        if (unitCode == null || unitCode.isBlank()) {
            throw new InvalidInputException("unit", "validation.required");
        }
        var unit = units.findByCode(unitCode.strip(), day).orElseThrow(() -> new NotFoundException("unit", unitCode.strip()));
        scope.requireRead(user, unit.id(), "unit", unitCode.strip());
        checkPeriod(indicator, period);
        var combo = optionCombo == null ? "" : optionCombo.strip().toUpperCase(java.util.Locale.ROOT);
        var previousPeriod = period.previousYear();
        var both = figures(indicator, unit, List.of(period, previousPeriod), day, how, combo);
        var now = both.get(0);
        var before = both.get(1);
        var unallocatedUnits = units.findAll(now.unallocatedUnits(), day).values().stream()
                .map(u -> new UnitRef(u.code(), u.name())).sorted(java.util.Comparator.comparing(UnitRef::code)).toList();
        return new AggregateResult(indicator.code(), indicator.name(), indicator.valueType(), indicator.aggregation(),
                new UnitRef(unit.code(), unit.name()), period.identifier(), period.from(), period.to(), day, how, combo,
                now.shown(indicator.valueType()), now.unallocated(), unallocatedUnits, now.count(), previousPeriod.identifier(),
                before.shown(indicator.valueType()), AggregateRules.changePercent(now.value(), before.value()));
    }

    /**
     * The records a computed indicator counts for a unit's subtree and period, as its provider lists
     * them (each with the path of its page), so that every computed figure is traceable.
     *
     * @return empty for entered indicators and ratios
     */
    public List<FormRecord> records(String indicatorCode, String unitCode, String periodText, LocalDate on, CurrentUser user,
                                    int limit) {
        var period = ReportPeriod.parse(periodText, "period");
        var indicator = indicators.get(indicatorCode);
        var day = on != null ? on : LocalDate.now(clock);
        var unit = units.findByCode(unitCode == null ? "" : unitCode.strip(), day)
                .orElseThrow(() -> new NotFoundException("unit", unitCode));
        scope.requireRead(user, unit.id(), "unit", unitCode);
        if (!indicator.readsFigure()) {
            return List.of();
        }
        var provider = indicators.provider(indicator.provider()).orElseThrow(() -> new NotFoundException("indicator", indicatorCode));
        Principal principal = SecurityContextHolder.getContext().getAuthentication();
        return provider.records(new FormQuery(indicator.code(), Set.of(indicator.measure()), Map.of(), null, unit.id(),
                period.from(), period.to(), principal), indicator.measure(), null, limit);
    }

    private static void checkPeriod(Indicator indicator, ReportPeriod period) {
        if (indicator.isEntered() && indicator.periodKind() != null) {
            if (indicator.periodCut() != period.cut() || period.isFinerThan(indicator.periodKind())) {
                throw new InvalidInputException("period", "reporting.aggregate.period-finer", period.identifier(),
                        indicator.periodExample());
            }
        }
    }

    Figure figure(Indicator indicator, OrgUnit unit, ReportPeriod period, LocalDate on, AggregateMode mode, String combo) {
        if (indicator.isRatio()) {
            var numerator = figure(indicators.get(indicator.numerator()), unit, period, on, mode, combo, true);
            var denominator = figure(indicators.get(indicator.denominator()), unit, period, on, mode, combo, true);
            var percentage = indicator.valueType() == ValueType.PERCENTAGE;
            var value = AggregateRules.ratio(numerator.value(), denominator.value(), percentage);
            var unallocatedUnits = new LinkedHashSet<Long>(numerator.unallocatedUnits());
            unallocatedUnits.addAll(denominator.unallocatedUnits());
            BigDecimal unallocated = null;
            if (!unallocatedUnits.isEmpty()) {
                unallocated = AggregateRules.ratio(orZero(numerator.unallocated()), orZero(denominator.unallocated()), percentage);
            }
            return new Figure(value, null, unallocated, unallocatedUnits, numerator.count() + denominator.count());
        }
        if (indicator.readsFigure()) {
            return published(indicator, unit, period);
        }
        return entered(indicator, unit, period, on, mode, combo, indicator.aggregation());
    }

    /**
     * An indicator's figures for several periods: an entered indicator the summary can answer takes them
     * from one summary read (what {@link #figure} would give one by one); any other, or any period the
     * summary cannot answer, is counted as {@link #figure} counts it.
     */
    List<Figure> figures(Indicator indicator, OrgUnit unit, List<ReportPeriod> periods, LocalDate on, AggregateMode mode,
                         String combo) {
        if (indicator.isRatio() || indicator.readsFigure()) {
            return periods.stream().map(p -> figure(indicator, unit, p, on, mode, combo)).toList();
        }
        var summed = summary.figures(indicator, indicator.aggregation(), unit, periods, on, mode, combo);
        var result = new ArrayList<Figure>(periods.size());
        for (int i = 0; i < periods.size(); i++) {
            var period = periods.get(i);
            result.add(summed.get(i).orElseGet(() -> live(indicator, unit, period, on, mode, combo, indicator.aggregation())));
        }
        return result;
    }

    private Figure figure(Indicator part, OrgUnit unit, ReportPeriod period, LocalDate on, AggregateMode mode, String combo,
                          boolean asSum) {
        if (part.isEntered()) {
            return entered(part, unit, period, on, mode, part.categoryCombo() == null ? "" : combo, Aggregation.SUM);
        }
        return figure(part, unit, period, on, mode, combo);
    }

    /**
     * A published figure for every unit of a subtree at once: the provider's unit rows by unit id (one provider call
     * instead of one per part of the subtree; a narrative report's table adds them up per area).
     */
    Map<Long, BigDecimal> publishedByUnit(Indicator indicator, OrgUnit root, ReportPeriod period) {
        var provider = indicators.provider(indicator.provider())
                .orElseThrow(() -> new NotFoundException("indicator", indicator.code()));
        Principal principal = SecurityContextHolder.getContext().getAuthentication();
        var rows = provider.rows(new FormQuery(indicator.code(), Set.of(indicator.measure()), Map.of(), null, root.id(),
                period.from(), period.to(), principal));
        var byUnit = new java.util.HashMap<Long, BigDecimal>();
        rows.rows().stream().filter(r -> r.kind() == vn.danvan.form.RowKind.UNIT && r.unitId() != null)
                .forEach(r -> byUnit.merge(r.unitId(), r.value(indicator.measure()), BigDecimal::add));
        return byUnit;
    }

    /**
     * A figure a case module publishes, counted by its provider from the records of the subtree: the total alone
     * ({@link vn.danvan.form.FormProvider#total}), not the form's rows per unit of the subtree.
     */
    private Figure published(Indicator indicator, OrgUnit unit, ReportPeriod period) {
        var provider = indicators.provider(indicator.provider())
                .orElseThrow(() -> new NotFoundException("indicator", indicator.code()));
        Principal principal = SecurityContextHolder.getContext().getAuthentication();
        var total = provider.total(new FormQuery(indicator.code(), Set.of(indicator.measure()), Map.of(), null, unit.id(),
                period.from(), period.to(), principal));
        var value = total.getOrDefault(indicator.measure(), BigDecimal.ZERO);
        return new Figure(AggregateRules.normalise(value), null, null, Set.of(), 1);
    }

    private record Row(long unitId, String period, LocalDate periodStart, String optionCombo, BigDecimal value, String textValue) {
    }

    /**
     * An entered indicator's figure: from the summary when it can answer exactly (a province or the country,
     * restated on today, SUM or AVERAGE, no unallocated value in the cell), else counted live.
     */
    private Figure entered(Indicator indicator, OrgUnit unit, ReportPeriod period, LocalDate on, AggregateMode mode, String combo,
                           Aggregation aggregation) {
        var summed = summary.figure(indicator, aggregation, unit, period, on, mode, combo);
        return summed.isPresent() ? summed.get() : live(indicator, unit, period, on, mode, combo, aggregation);
    }

    /** The figure counted live from reporting_value (what the summary must equal). */
    Figure live(Indicator indicator, OrgUnit unit, ReportPeriod period, LocalDate on, AggregateMode mode, String combo,
                Aggregation aggregation) {
        var candidates = mode == AggregateMode.RESTATED ? restatements.unitsFlowingInto(unit.id(), on)
                : units.idsWithin(Set.of(unit.path()));
        var rows = coarsest(jdbc.sql("""
                select unit_id, period, period_start, option_combo, value, text_value
                from reporting_value
                where indicator_id = :indicator
                  and period_start >= :from
                  and period_end <= :to
                  and (position('TT' in period) > 0) = :inspection
                  and unit_id = any(cast(:units as bigint[]))
                  and (:combo = '' or option_combo = :combo or option_combo like :combo || '.%')
                """)
                .param("indicator", indicator.id()).param("from", period.from()).param("to", period.to())
                .param("inspection", period.cut() == PeriodCut.INSPECTION).param("units", candidates.toArray(Long[]::new))
                .param("combo", combo)
                .query(Row.class).list());
        if (aggregation == Aggregation.NONE) {
            var own = rows.stream().filter(r -> r.unitId() == unit.id() && r.period().equals(period.identifier())).toList();
            if (own.size() != 1) {
                return new Figure(null, null, null, Set.of(), own.size());
            }
            return new Figure(own.get(0).value(), own.get(0).textValue(), null, Set.of(), 1);
        }
        var weights = mode == AggregateMode.RESTATED
                ? weights(rows.stream().map(Row::unitId).distinct().toList(), unit, on)
                : Map.<Long, BigDecimal>of();
        var counted = new ArrayList<Counted>();
        var apart = new ArrayList<Counted>();
        var unallocatedUnits = new LinkedHashSet<Long>();
        for (var r : rows) {
            if (r.value() == null) {
                continue;
            }
            var key = r.unitId() + "/" + r.optionCombo();
            if (mode == AggregateMode.AS_RECORDED) {
                counted.add(new Counted(key, r.periodStart(), r.value(), BigDecimal.ONE));
                continue;
            }
            var weight = weights.get(r.unitId());
            if (weight == null) {
                apart.add(new Counted(key, r.periodStart(), r.value(), BigDecimal.ONE));
                unallocatedUnits.add(r.unitId());
            } else if (weight.signum() > 0) {
                counted.add(new Counted(key, r.periodStart(), r.value(), weight));
            }
        }
        var additive = aggregation == Aggregation.SUM || aggregation == Aggregation.LAST;
        var value = AggregateRules.apply(aggregation, counted);
        var unallocated = AggregateRules.apply(aggregation, apart);
        if (additive) {
            value = value == null ? BigDecimal.ZERO : value;
            unallocated = unallocated == null ? BigDecimal.ZERO : unallocated;
        }
        return new Figure(value, null, unallocated, unallocatedUnits, counted.size());
    }

    /**
     * The part of each unit's figures that falls in the subtree on the day: 1 when every unit carrying
     * them lies inside, 0 when none does, the sum of the shares of those inside when they are set, and
     * {@code null} (unallocated) when a share on the way is not set.
     */
    private Map<Long, BigDecimal> weights(List<Long> unitIds, OrgUnit root, LocalDate on) {
        var result = new HashMap<Long, BigDecimal>();
        for (var e : restatements.allocate(unitIds, on).entrySet()) {
            var carriers = e.getValue();
            var inside = carriers.stream().filter(a -> a.path().startsWith(root.path())).toList();
            if (inside.isEmpty()) {
                result.put(e.getKey(), BigDecimal.ZERO);
            } else if (inside.size() == carriers.size()) {
                result.put(e.getKey(), BigDecimal.ONE);
            } else if (inside.stream().allMatch(Allocation::known)) {
                result.put(e.getKey(), inside.stream().map(Allocation::share).reduce(BigDecimal.ZERO, BigDecimal::add));
            } else {
                result.put(e.getKey(), null);
            }
        }
        return result;
    }

    /** Drops a value when a coarser value of the same unit and option combination covers its period. */
    private static List<Row> coarsest(List<Row> rows) {
        if (rows.size() < 2) {
            return rows;
        }
        var byKey = new HashMap<String, List<ReportPeriod>>();
        var periods = new HashMap<String, ReportPeriod>();
        for (var r : rows) {
            var p = periods.computeIfAbsent(r.period(), id -> ReportPeriod.parse(id, "period"));
            byKey.computeIfAbsent(r.unitId() + "/" + r.optionCombo(), k -> new ArrayList<>()).add(p);
        }
        return rows.stream().filter(r -> {
            var p = periods.get(r.period());
            return byKey.get(r.unitId() + "/" + r.optionCombo()).stream()
                    .noneMatch(other -> other.kind().ordinal() > p.kind().ordinal() && other.contains(p));
        }).toList();
    }

    private static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
