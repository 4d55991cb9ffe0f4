package vn.danvan.form;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A filled form: the definition used, the reporting unit and period, the rows with their values by
 * column number, and for each identity whether it holds on every row.
 */
public record FormResult(FormDefinition definition, String unitCode, String unitName, LocalDate from, LocalDate to,
        List<Row> rows, List<IdentityCheck> checks) {

    public record Row(RowKind kind, String unitCode, String label, int depth, Map<Integer, BigDecimal> values) {

        public BigDecimal value(int column) {
            return values.getOrDefault(column, BigDecimal.ZERO);
        }
    }

    /** An identity and the labels of the rows where it does not hold (empty: it holds). */
    public record IdentityCheck(String identity, List<String> failingRows) {

        public boolean holds() {
            return failingRows.isEmpty();
        }
    }

    public boolean allIdentitiesHold() {
        return checks.stream().allMatch(IdentityCheck::holds);
    }
}
