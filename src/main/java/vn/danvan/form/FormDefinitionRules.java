package vn.danvan.form;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.InvalidInputException.Problem;

/** Checks a form definition before it is stored: every problem at once, each naming its field. */
final class FormDefinitionRules {

    private static final Pattern CODE = Pattern.compile("[0-9A-Z][0-9A-Z-]{1,30}");

    private static final Pattern NARRATIVE_KEY = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    /** The longest deadline after a period's end, in days. */
    static final int MAX_DEADLINE_DAYS = 366;

    private FormDefinitionRules() {
    }

    /** The parts a periodic report adds: rules over its measures, deadline, reporters, narratives. */
    private static void checkReporting(FormDefinition d, Set<String> providerMeasures, List<Problem> problems) {
        var onForm = new HashSet<String>();
        d.columns().stream().filter(c -> !c.isNote()).forEach(c -> onForm.add(c.measure()));
        for (var rule : d.rules()) {
            RuleExpression parsed;
            try {
                parsed = RuleExpression.parse(rule.expression());
            } catch (IllegalArgumentException e) {
                problems.add(new Problem("rules", "form.definition.rule-unreadable", String.valueOf(rule.expression()),
                        e.getMessage()));
                continue;
            }
            for (var operand : parsed.operands()) {
                var known = providerMeasures != null && providerMeasures.contains(operand);
                var present = onForm.contains(operand) || onForm.stream().anyMatch(m -> m.startsWith(operand + "."));
                if (!known && !present) {
                    problems.add(new Problem("rules", "form.definition.rule-operand-unknown", parsed.text(), operand));
                } else if (!present) {
                    problems.add(new Problem("rules", "form.definition.rule-operand-not-on-form", parsed.text(), operand));
                }
            }
        }
        if (d.deadline() != null && (d.deadline().days() < 0 || d.deadline().days() > MAX_DEADLINE_DAYS)) {
            problems.add(new Problem("deadline", "form.definition.deadline-range", 0, MAX_DEADLINE_DAYS));
        }
        if (d.reporters() != null) {
            for (var level : d.reporters().levels()) {
                if (!List.of("CENTRAL", "PROVINCE", "DISTRICT", "COMMUNE", "VILLAGE").contains(level)) {
                    problems.add(new Problem("reporters", "form.definition.reporter-level-unknown", level));
                }
            }
        }
        var keys = new HashSet<String>();
        for (var narrative : d.narratives()) {
            if (narrative.key() == null || !NARRATIVE_KEY.matcher(narrative.key()).matches() || !keys.add(narrative.key())) {
                problems.add(new Problem("narratives", "form.definition.narrative-key", String.valueOf(narrative.key())));
            }
            if (narrative.title() == null || narrative.title().isBlank()) {
                problems.add(new Problem("narratives", "form.definition.narrative-title", String.valueOf(narrative.key())));
            }
        }
    }

    static void check(FormDefinition d, Set<String> providerMeasures) {
        var problems = new ArrayList<Problem>();
        if (d.code() == null || !CODE.matcher(d.code()).matches()) {
            problems.add(new Problem("code", "form.definition.code-invalid"));
        }
        if (d.symbol() == null || d.symbol().isBlank()) {
            problems.add(new Problem("symbol", "validation.required"));
        }
        if (d.title() == null || d.title().isBlank()) {
            problems.add(new Problem("title", "validation.required"));
        }
        if (d.validFrom() == null) {
            problems.add(new Problem("validFrom", "validation.required"));
        }
        if (d.version() < 1) {
            problems.add(new Problem("version", "form.definition.version-positive"));
        }
        if (providerMeasures == null) {
            problems.add(new Problem("provider", "form.definition.provider-unknown", String.valueOf(d.provider())));
        }
        if (d.columns().isEmpty()) {
            problems.add(new Problem("columns", "form.definition.columns-required"));
        }
        var numbers = new HashSet<Integer>();
        for (var c : d.columns()) {
            if (c.number() < 1 || !numbers.add(c.number())) {
                problems.add(new Problem("columns", "form.definition.column-number-repeated", c.number()));
            }
            if (c.header().isEmpty() || c.header().stream().anyMatch(h -> h == null || h.isBlank())) {
                problems.add(new Problem("columns", "form.definition.column-header-required", c.number()));
            }
            if (c.measure() != null && providerMeasures != null && !providerMeasures.contains(c.measure())) {
                problems.add(new Problem("columns", "form.definition.measure-unknown", c.number(), c.measure()));
            }
        }
        for (var text : d.identities()) {
            try {
                var identity = ColumnIdentity.parse(text);
                for (int n : identity.columns()) {
                    var column = d.column(n);
                    if (column.isEmpty() || column.get().isNote()) {
                        problems.add(new Problem("identities", "form.definition.identity-column-unknown", text, n));
                    }
                }
            } catch (IllegalArgumentException e) {
                problems.add(new Problem("identities", "form.definition.identity-unreadable", text));
            }
        }
        checkReporting(d, providerMeasures, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(List.copyOf(problems));
        }
    }
}
