package vn.danvan.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The answer to an aggregate question: the indicator over a unit's subtree and a period, read on a day
 * in a mode. {@code value} is a number (a text or yes/no for NONE); {@code unallocated} is the part of
 * split units whose shares are not set (returned apart, never guessed) and {@code unallocatedUnits}
 * those units; {@code valuesCounted} the values (or records' figures) behind the answer; the same
 * period of the year before and the change from it ("tăng/giảm x% so với cùng kỳ").
 */
public record AggregateResult(String indicator, String indicatorName, ValueType valueType, Aggregation aggregation,
                              UnitRef unit, String period, LocalDate from, LocalDate to, LocalDate on, AggregateMode mode,
                              String categoryOptionCombo, Object value, BigDecimal unallocated, List<UnitRef> unallocatedUnits,
                              int valuesCounted, String previousPeriod, Object previousValue, BigDecimal change) {

    /** A unit named in an answer, with the name it had on the day asked (or when it ended). */
    public record UnitRef(String code, String name) {
    }
}
