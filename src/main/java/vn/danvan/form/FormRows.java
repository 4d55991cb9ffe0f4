package vn.danvan.form;

import java.util.List;

/** A provider's answer: the reporting unit's code and name, and the rows, total first. */
public record FormRows(String unitCode, String unitName, List<FormRow> rows) {
}
