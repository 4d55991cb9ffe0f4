package vn.danvan.reporting;

import java.util.List;

/**
 * A write into approved data (point 10): the values of a form's indicators for a unit and period are
 * locked while its report is APPROVED or ACCEPTED. Answered 409 with a Vietnamese message naming the
 * form, the unit and the period; for an import, {@code rows} names every row that falls into locked data
 * (nothing of the import is saved).
 */
public class ValueLockedException extends RuntimeException {

    /** A row of an import that would write into locked data: its index (from 0) and what it names. */
    public record LockedRow(int index, String dataElement, String orgUnit, String period, String form) {
    }

    private final String formSymbol;
    private final String formTitle;
    private final String unitName;
    private final String period;
    private final String status;
    private final List<LockedRow> rows;

    ValueLockedException(String formSymbol, String formTitle, String unitName, String period, String status, List<LockedRow> rows) {
        super("values of " + formSymbol + " for " + unitName + " in " + period + " are locked (" + status + ")");
        this.formSymbol = formSymbol;
        this.formTitle = formTitle;
        this.unitName = unitName;
        this.period = period;
        this.status = status;
        this.rows = List.copyOf(rows);
    }

    /** The message arguments of {@code reporting.lock.refused}: symbol, title, unit, period, status key. */
    Object[] args() {
        return new Object[] {formSymbol, formTitle, unitName, period};
    }

    String status() {
        return status;
    }

    public List<LockedRow> rows() {
        return rows;
    }
}
