package vn.danvan.form;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A validation rule over a form's cells: two or more arithmetic sides joined by comparisons, each of
 * which must hold — {@code A = B + C}, {@code A ≥ B}, {@code 0 ≤ A ≤ 100}, {@code A <= (B + C) * 2}.
 * An operand is an indicator code, optionally followed by an option combination
 * ({@code MO_HINH_DVK_DANG_KY.COLLECTIVE}); numbers use a dot for decimals. Comparisons: {@code =},
 * {@code ≠ != <>}, {@code < ≤ <=}, {@code > ≥ >=}.
 */
public final class RuleExpression {

    /** A comparison between two adjacent sides. */
    public enum Comparison {
        EQ("="), NE("≠"), LT("<"), LE("≤"), GT(">"), GE("≥");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        boolean holds(BigDecimal left, BigDecimal right) {
            int c = left.compareTo(right);
            return switch (this) {
                case EQ -> c == 0;
                case NE -> c != 0;
                case LT -> c < 0;
                case LE -> c <= 0;
                case GT -> c > 0;
                case GE -> c >= 0;
            };
        }
    }

    /** An arithmetic side. */
    sealed interface Node permits Number, Operand, Binary, Negate {
    }

    record Number(BigDecimal value) implements Node {
    }

    record Operand(String name) implements Node {
    }

    record Binary(char op, Node left, Node right) implements Node {
    }

    record Negate(Node inner) implements Node {
    }

    /**
     * How a rule came out: HOLDS, FAILS (with the first comparison that failed, its two sides' values),
     * or SKIPPED when none of its operands has a value.
     */
    public record Outcome(Status status, BigDecimal left, Comparison comparison, BigDecimal right) {

        public enum Status {
            HOLDS, FAILS, SKIPPED
        }

        public boolean fails() {
            return status == Status.FAILS;
        }
    }

    private final String text;
    private final List<Node> sides;
    private final List<Comparison> comparisons;

    private RuleExpression(String text, List<Node> sides, List<Comparison> comparisons) {
        this.text = text;
        this.sides = List.copyOf(sides);
        this.comparisons = List.copyOf(comparisons);
    }

    /**
     * @throws IllegalArgumentException with an English description of the first unreadable part
     */
    public static RuleExpression parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty rule");
        }
        var parser = new Parser(text.strip());
        var sides = new ArrayList<Node>();
        var comparisons = new ArrayList<Comparison>();
        sides.add(parser.sum());
        Comparison c;
        while ((c = parser.comparison()) != null) {
            comparisons.add(c);
            sides.add(parser.sum());
        }
        parser.end();
        if (comparisons.isEmpty()) {
            throw new IllegalArgumentException("a rule needs a comparison (=, ≠, <, ≤, >, ≥): \"" + text.strip() + "\"");
        }
        return new RuleExpression(text.strip(), sides, comparisons);
    }

    public String text() {
        return text;
    }

    /** The operands named, in order of appearance. */
    public Set<String> operands() {
        var result = new LinkedHashSet<String>();
        sides.forEach(side -> collect(side, result));
        return result;
    }

    private static void collect(Node node, Set<String> into) {
        if (node instanceof Operand o) {
            into.add(o.name());
        } else if (node instanceof Binary b) {
            collect(b.left(), into);
            collect(b.right(), into);
        } else if (node instanceof Negate n) {
            collect(n.inner(), into);
        }
    }

    /**
     * Evaluates the rule. A missing operand counts as 0 unless every operand is missing (then the rule
     * is skipped: an empty form breaks no rule). A division by zero fails the comparison it is in.
     *
     * @param value the value of an operand, empty when it has none
     */
    public Outcome evaluate(Function<String, Optional<BigDecimal>> value) {
        var names = operands();
        if (!names.isEmpty() && names.stream().allMatch(n -> value.apply(n).isEmpty())) {
            return new Outcome(Outcome.Status.SKIPPED, null, null, null);
        }
        var values = new ArrayList<BigDecimal>();
        for (var side : sides) {
            values.add(eval(side, value));
        }
        for (int i = 0; i < comparisons.size(); i++) {
            var left = values.get(i);
            var right = values.get(i + 1);
            if (left == null || right == null || !comparisons.get(i).holds(left, right)) {
                return new Outcome(Outcome.Status.FAILS, left, comparisons.get(i), right);
            }
        }
        return new Outcome(Outcome.Status.HOLDS, null, null, null);
    }

    private static BigDecimal eval(Node node, Function<String, Optional<BigDecimal>> value) {
        if (node instanceof Number n) {
            return n.value();
        }
        if (node instanceof Operand o) {
            return value.apply(o.name()).orElse(BigDecimal.ZERO);
        }
        if (node instanceof Negate n) {
            var inner = eval(n.inner(), value);
            return inner == null ? null : inner.negate();
        }
        var b = (Binary) node;
        var l = eval(b.left(), value);
        var r = eval(b.right(), value);
        if (l == null || r == null) {
            return null;
        }
        return switch (b.op()) {
            case '+' -> l.add(r);
            case '-' -> l.subtract(r);
            case '*' -> l.multiply(r);
            default -> r.signum() == 0 ? null : l.divide(r, MathContext.DECIMAL64);
        };
    }

    @Override
    public String toString() {
        return text;
    }

    /** A recursive-descent reader over the text. */
    private static final class Parser {

        private final String s;
        private int i;

        Parser(String s) {
            this.s = s;
        }

        Node sum() {
            var left = product();
            while (true) {
                skip();
                if (peek('+') || peek('-')) {
                    char op = s.charAt(i++);
                    left = new Binary(op, left, product());
                } else {
                    return left;
                }
            }
        }

        Node product() {
            var left = factor();
            while (true) {
                skip();
                if (peek('*') || peek('×') || peek('/') || peek(':')) {
                    char op = s.charAt(i++);
                    left = new Binary(op == '×' ? '*' : op == ':' ? '/' : op, left, factor());
                } else {
                    return left;
                }
            }
        }

        Node factor() {
            skip();
            if (i >= s.length()) {
                throw new IllegalArgumentException("a value is missing at the end of \"" + s + "\"");
            }
            char c = s.charAt(i);
            if (c == '(') {
                i++;
                var inner = sum();
                skip();
                if (!peek(')')) {
                    throw new IllegalArgumentException("missing \")\" at position " + (i + 1) + " in \"" + s + "\"");
                }
                i++;
                return inner;
            }
            if (c == '-' || c == '−') {
                i++;
                return new Negate(factor());
            }
            if (Character.isDigit(c)) {
                int start = i;
                while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                    i++;
                }
                try {
                    return new Number(new BigDecimal(s.substring(start, i)));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not a number: " + s.substring(start, i) + " in \"" + s + "\"");
                }
            }
            if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '.')) {
                    i++;
                }
                var name = s.substring(start, i);
                if (name.endsWith(".") || name.contains("..")) {
                    throw new IllegalArgumentException("unreadable operand " + name + " in \"" + s + "\"");
                }
                return new Operand(name.toUpperCase(Locale.ROOT));
            }
            throw new IllegalArgumentException("unexpected \"" + c + "\" at position " + (i + 1) + " in \"" + s + "\"");
        }

        Comparison comparison() {
            skip();
            if (i >= s.length()) {
                return null;
            }
            for (var entry : List.of(
                    new Object[] {"<=", Comparison.LE}, new Object[] {">=", Comparison.GE}, new Object[] {"!=", Comparison.NE},
                    new Object[] {"<>", Comparison.NE}, new Object[] {"==", Comparison.EQ}, new Object[] {"≤", Comparison.LE},
                    new Object[] {"≥", Comparison.GE}, new Object[] {"≠", Comparison.NE}, new Object[] {"=", Comparison.EQ},
                    new Object[] {"<", Comparison.LT}, new Object[] {">", Comparison.GT})) {
                var symbol = (String) entry[0];
                if (s.startsWith(symbol, i)) {
                    i += symbol.length();
                    return (Comparison) entry[1];
                }
            }
            return null;
        }

        void end() {
            skip();
            if (i < s.length()) {
                throw new IllegalArgumentException("unexpected \"" + s.charAt(i) + "\" at position " + (i + 1) + " in \"" + s + "\"");
            }
        }

        private boolean peek(char c) {
            return i < s.length() && s.charAt(i) == c;
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }
}
