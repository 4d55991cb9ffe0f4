package vn.danvan.form;

/** The kind of a form row: the grand total, a subtotal of a group of units, or one unit. */
public enum RowKind {
    TOTAL, SUBTOTAL, UNIT
}
