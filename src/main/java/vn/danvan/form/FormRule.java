package vn.danvan.form;

/**
 * A validation rule of a form: an expression over its measures ({@code A = B + C}, {@code A ≥ B},
 * {@code 0 ≤ A ≤ 100}, see {@link RuleExpression}), whether breaking it blocks the save (ERROR) or is
 * only shown (WARNING), and an optional explanation shown with it.
 */
public record FormRule(String expression, Severity severity, String message) {

    public enum Severity {
        ERROR, WARNING
    }

    public FormRule {
        severity = severity == null ? Severity.ERROR : severity;
    }
}
