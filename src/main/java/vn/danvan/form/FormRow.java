package vn.danvan.form;

import java.math.BigDecimal;
import java.util.Map;

/** One row of a form: a unit or a (sub)total, its depth for indentation, and the value of each measure. */
public record FormRow(RowKind kind, String unitCode, String label, int depth, Map<String, BigDecimal> values) {

    public BigDecimal value(String measure) {
        return values.getOrDefault(measure, BigDecimal.ZERO);
    }
}
