package vn.danvan.form;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One row of a form: a unit or a (sub)total, its depth for indentation, and the value of each measure. A unit row
 * carries the unit's id ({@code unitId}, null on totals), so that a reader can attribute it to a part of the
 * subtree without reading the code back on a date (codes were reused in 2025).
 */
public record FormRow(RowKind kind, String unitCode, String label, int depth, Map<String, BigDecimal> values, Long unitId) {

    public FormRow(RowKind kind, String unitCode, String label, int depth, Map<String, BigDecimal> values) {
        this(kind, unitCode, label, depth, values, null);
    }

    public BigDecimal value(String measure) {
        return values.getOrDefault(measure, BigDecimal.ZERO);
    }
}
