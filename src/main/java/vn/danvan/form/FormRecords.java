package vn.danvan.form;

import java.util.List;

/**
 * The records behind one figure of a form: the form, the column and the row they were asked for, the
 * records (at most the limit asked; {@code truncated} when there were more) and the figure itself.
 */
public record FormRecords(FormDefinition definition, FormColumn column, String rowLabel, java.time.LocalDate from,
        java.time.LocalDate to, List<FormRecord> records, boolean truncated) {
}
