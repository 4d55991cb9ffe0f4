package vn.danvan.reporting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.danvan.form.FormDefinition;
import vn.danvan.form.FormRule;
import vn.danvan.form.RuleExpression;
import vn.danvan.shared.InvalidInputException.Problem;

/**
 * Checks a grid's values against its form's rules. An operand is a line's measure, or an indicator
 * (or an option prefix) standing for the sum of its lines. A broken rule is reported on the line of
 * its first operand, with the row, the column, the indicator, the rule and both sides' values:
 * blocking errors and warnings apart.
 */
final class GridRules {

    private GridRules() {
    }

    record Outcome(List<Problem> errors, List<Problem> warnings) {
    }

    /**
     * @param lines  the form's lines
     * @param values every line's number by measure (entered as they would be saved, computed live); a
     *               line without a value is absent
     */
    static Outcome check(FormDefinition form, List<ReportForms.Line> lines, Map<String, BigDecimal> values) {
        var errors = new ArrayList<Problem>();
        var warnings = new ArrayList<Problem>();
        for (var rule : form.rules()) {
            var expression = RuleExpression.parse(rule.expression());
            var outcome = expression.evaluate(operand -> value(operand, values));
            if (!outcome.fails()) {
                continue;
            }
            var line = lineOf(expression, lines);
            var problem = new Problem("cell", rule.severity() == FormRule.Severity.ERROR
                    ? "reporting.entry.rule-error" : "reporting.entry.rule-warning",
                    line == null ? 0 : line.number(), line == null ? "" : line.label(),
                    line == null ? "" : line.indicator().code(), expression.text(), shown(outcome.left()),
                    outcome.comparison().symbol(), shown(outcome.right()),
                    rule.message() == null || rule.message().isBlank() ? "" : " — " + rule.message().strip());
            (rule.severity() == FormRule.Severity.ERROR ? errors : warnings).add(problem);
        }
        return new Outcome(List.copyOf(errors), List.copyOf(warnings));
    }

    /** The value of an operand: its line's, or the sum of the lines it stands for; empty when none has a value. */
    static Optional<BigDecimal> value(String operand, Map<String, BigDecimal> values) {
        if (values.containsKey(operand)) {
            return Optional.of(values.get(operand));
        }
        var prefix = operand + ".";
        var parts = values.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).map(Map.Entry::getValue).toList();
        return parts.isEmpty() ? Optional.empty() : Optional.of(parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    private static ReportForms.Line lineOf(RuleExpression expression, List<ReportForms.Line> lines) {
        for (var operand : expression.operands()) {
            for (var line : lines) {
                if (line.measure().equals(operand) || line.measure().startsWith(operand + ".")) {
                    return line;
                }
            }
        }
        return null;
    }

    /** A side's value for the message: "không tính được" (division by zero) shows as a dash. */
    private static Object shown(BigDecimal value) {
        return value == null ? "—" : AggregateRules.normalise(value);
    }
}
