package vn.danvan.document;

/**
 * One issuing body of a document: a unit (optional) and its name as of the document's date (when
 * left blank, the unit's name on that date).
 */
public record IssuerInput(Long unitId, String name) {
}
