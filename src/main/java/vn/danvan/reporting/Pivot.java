package vn.danvan.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import vn.danvan.reporting.AggregateResult.UnitRef;

/**
 * A pivot's answer: the unit asked (its figure is the units' total, {@code total} true) and its
 * children, the periods and the whole period ({@code span}, the periods' total), the indicators, and
 * one cell per indicator × unit × period — each counted by the indicator's own aggregation from the
 * values, never from the other cells, with the part of split units whose shares are not set apart
 * ({@code unallocated}) and the same period of the year before. {@code parents} are the unit's
 * ancestors, for going back up.
 */
public record Pivot(PivotQuestion question, LocalDate on, AggregateMode mode, List<PivotUnit> units, String span,
                    List<String> periods, List<PivotIndicator> indicators, List<PivotCell> cells, List<UnitRef> parents) {

    /** A unit of the pivot: {@code total} for the unit asked; {@code drill} when it has children to open. */
    public record PivotUnit(String code, String name, boolean total, boolean drill) {
    }

    public record PivotIndicator(String code, String name, ValueType valueType, Aggregation aggregation,
                                 boolean categories) {
    }

    /**
     * One figure. {@code option}: null for every category option, else the first category's option
     * (charts stacked by category); {@code change}: "tăng/giảm x% so với cùng kỳ".
     */
    public record PivotCell(String indicator, String unit, String period, String option, Object value, BigDecimal unallocated,
                            String previousPeriod, Object previousValue, BigDecimal change, int valuesCounted) {
    }

    /** The cell for every option, or null. */
    public PivotCell cell(String indicator, String unit, String period) {
        return cells.stream().filter(c -> c.option() == null && c.indicator().equals(indicator) && c.unit().equals(unit)
                && c.period().equals(period)).findFirst().orElse(null);
    }

    /** The unit asked (the total). */
    public PivotUnit root() {
        return units.get(0);
    }

    /** Periods shown, then the span when it is not the only one (the total column). */
    public List<String> periodsWithTotal() {
        if (periods.size() == 1 && periods.get(0).equals(span)) {
            return periods;
        }
        var all = new java.util.ArrayList<>(periods);
        all.add(span);
        return List.copyOf(all);
    }
}
