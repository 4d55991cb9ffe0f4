package vn.danvan.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.danvan.form.ReportPeriod;
import vn.danvan.orgunit.Allocation;
import vn.danvan.orgunit.OrgUnit;
import vn.danvan.reporting.AggregateRules.Counted;

/**
 * The entered values behind a whole pivot, read at once, and the figure of any cell counted from
 * them in memory by the same rules as {@link Aggregates} (restated weights from one allocation of
 * every unit holding values, the coarsest period of a unit kept, the indicator's aggregation).
 */
final class PivotValues {

    /** One stored value, with the path of the unit holding it. */
    record Row(long indicatorId, long unitId, String unitPath, String period, LocalDate periodStart, LocalDate periodEnd,
               String optionCombo, BigDecimal value, String textValue) {
    }

    private final Map<Long, List<Row>> byIndicator = new HashMap<>();
    private final AggregateMode mode;
    private final Map<Long, List<Allocation>> allocations;
    private final Map<String, ReportPeriod> periods = new HashMap<>();
    private final Map<String, BigDecimal> weights = new HashMap<>();
    private final Set<String> unallocatedWeights = new java.util.HashSet<>();

    private final Map<String, Indicator> indicators = new HashMap<>();
    /** indicator id → pivot unit id → the rows that may count in that unit's cells (null until {@link #bucket}). */
    private Map<Long, Map<Long, List<Row>>> buckets;

    PivotValues(Collection<Row> rows, AggregateMode mode, Map<Long, List<Allocation>> allocations) {
        rows.forEach(r -> byIndicator.computeIfAbsent(r.indicatorId(), k -> new ArrayList<>()).add(r));
        this.mode = mode;
        this.allocations = allocations;
    }

    /** The same values with the indicators another one has already read. */
    PivotValues(Collection<Row> rows, AggregateMode mode, Map<Long, List<Allocation>> allocations, PivotValues read) {
        this(rows, mode, allocations);
        indicators.putAll(read.indicators);
    }

    /** Summary rows by indicator id: these indicators' figures for the areas of the summary are read from them. */
    private Map<Long, List<ValueSummary.Row>> summed = Map.of();

    PivotValues withSummary(Map<Long, List<ValueSummary.Row>> rows) {
        this.summed = rows;
        return this;
    }

    /** An indicator by code, read once per pivot (ratios name their parts by code). */
    Indicator indicator(String code, java.util.function.Function<String, Indicator> reader) {
        return indicators.computeIfAbsent(code, reader);
    }

    /**
     * Sorts the rows by the units of the pivot they may count in — the unit asked and the child whose
     * subtree holds the row's unit (as recorded) or one of the units carrying its values on the day
     * (restated) — so that a cell scans only its own rows. A row outside every child still counts in
     * the unit asked.
     */
    void bucket(OrgUnit root, List<OrgUnit> children) {
        var byPath = new HashMap<String, OrgUnit>();
        children.forEach(u -> byPath.put(u.path(), u));
        buckets = new HashMap<>();
        byIndicator.forEach((indicatorId, rows) -> {
            var byUnit = new HashMap<Long, List<Row>>();
            for (var r : rows) {
                var paths = mode == AggregateMode.AS_RECORDED ? List.of(r.unitPath())
                        : allocations.getOrDefault(r.unitId(), List.of()).stream().map(Allocation::path).toList();
                var targets = new LinkedHashSet<Long>();
                for (var path : paths) {
                    if (!path.startsWith(root.path())) {
                        continue;
                    }
                    targets.add(root.id());
                    var rest = path.substring(root.path().length());
                    var end = rest.indexOf('/');
                    var child = end > 0 ? byPath.get(root.path() + rest.substring(0, end + 1)) : null;
                    if (child != null) {
                        targets.add(child.id());
                    }
                }
                targets.forEach(t -> byUnit.computeIfAbsent(t, k -> new ArrayList<>()).add(r));
            }
            buckets.put(indicatorId, byUnit);
        });
    }

    private List<Row> rowsFor(long indicatorId, long unitId) {
        if (buckets == null) {
            return byIndicator.getOrDefault(indicatorId, List.of());
        }
        return buckets.getOrDefault(indicatorId, Map.of()).getOrDefault(unitId, List.of());
    }

    /** The figure of an entered indicator for a unit's subtree and a period ({@code combo}: '' or an option prefix). */
    Aggregates.Figure entered(Indicator indicator, Aggregation aggregation, OrgUnit unit, ReportPeriod period, String combo) {
        var fromSummary = summed.get(indicator.id());
        if (fromSummary != null && ValueSummary.answers(indicator, aggregation)) {
            var totals = ValueSummary.Totals.NONE;
            for (var r : fromSummary) {
                if (r.areaId() == unit.id() && ValueSummary.matches(r, period, combo)) {
                    totals = totals.plus(r.totals());
                }
            }
            return totals.figure(aggregation);
        }
        var rows = coarsest(rowsFor(indicator.id(), unit.id()).stream()
                .filter(r -> !r.periodStart().isBefore(period.from()) && !r.periodEnd().isAfter(period.to()))
                .filter(r -> combo.isEmpty() || r.optionCombo().equals(combo) || r.optionCombo().startsWith(combo + "."))
                .filter(r -> mode == AggregateMode.RESTATED || r.unitPath().startsWith(unit.path()))
                .toList());
        if (aggregation == Aggregation.NONE) {
            var own = rows.stream().filter(r -> r.unitId() == unit.id() && r.period().equals(period.identifier())).toList();
            if (own.size() != 1) {
                return new Aggregates.Figure(null, null, null, Set.of(), own.size());
            }
            return new Aggregates.Figure(own.get(0).value(), own.get(0).textValue(), null, Set.of(), 1);
        }
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
            var weightKey = unit.id() + "/" + r.unitId();
            var weight = weight(weightKey, r.unitId(), unit);
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
        return new Aggregates.Figure(value, null, unallocated, unallocatedUnits, counted.size());
    }

    /**
     * The part of a unit's values that falls in the subtree on the day: 1 when every unit carrying them
     * lies inside, 0 when none does, the sum of the known shares inside, null while one is not set.
     */
    private BigDecimal weight(String key, long valueUnit, OrgUnit root) {
        if (unallocatedWeights.contains(key)) {
            return null;
        }
        var known = weights.get(key);
        if (known != null) {
            return known;
        }
        var carriers = allocations.getOrDefault(valueUnit, List.of());
        var inside = carriers.stream().filter(a -> a.path().startsWith(root.path())).toList();
        BigDecimal weight;
        if (inside.isEmpty()) {
            weight = BigDecimal.ZERO;
        } else if (inside.size() == carriers.size()) {
            weight = BigDecimal.ONE;
        } else if (inside.stream().allMatch(Allocation::known)) {
            weight = inside.stream().map(Allocation::share).reduce(BigDecimal.ZERO, BigDecimal::add);
        } else {
            unallocatedWeights.add(key);
            return null;
        }
        weights.put(key, weight);
        return weight;
    }

    /** Drops a value when a coarser value of the same unit and option combination covers its period. */
    private List<Row> coarsest(List<Row> rows) {
        if (rows.size() < 2) {
            return rows;
        }
        var byKey = new HashMap<String, List<ReportPeriod>>();
        for (var r : rows) {
            byKey.computeIfAbsent(r.unitId() + "/" + r.optionCombo(), k -> new ArrayList<>()).add(period(r.period()));
        }
        return rows.stream().filter(r -> {
            var p = period(r.period());
            return byKey.get(r.unitId() + "/" + r.optionCombo()).stream()
                    .noneMatch(other -> other.kind().ordinal() > p.kind().ordinal() && other.contains(p));
        }).toList();
    }

    private ReportPeriod period(String identifier) {
        return periods.computeIfAbsent(identifier, id -> ReportPeriod.parse(id, "period"));
    }
}
