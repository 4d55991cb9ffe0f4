package vn.danvan.form;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * An identity printed under a form's columns, such as {@code 1 = 4 + 13 + 22} or the chained
 * {@code 9 = 11 + 12 + 13 = 14 + 15 + 16 + 17 = 18 + 22}: every side is a sum of column numbers and
 * all sides must be equal. {@code 2..7} stands for {@code 2 + 3 + … + 7}.
 */
public record ColumnIdentity(String text, List<List<Integer>> sides) {

    /** @throws IllegalArgumentException naming the position of the first unreadable part */
    public static ColumnIdentity parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty identity");
        }
        var sides = new ArrayList<List<Integer>>();
        for (var side : text.split("=", -1)) {
            var terms = new ArrayList<Integer>();
            for (var term : side.split("\\+", -1)) {
                var t = term.strip();
                if (t.isEmpty()) {
                    throw new IllegalArgumentException("missing column number in \"" + text + "\"");
                }
                var range = t.split("\\.\\.", -1);
                try {
                    if (range.length == 2) {
                        int a = Integer.parseInt(range[0].strip());
                        int b = Integer.parseInt(range[1].strip());
                        if (b < a) {
                            throw new IllegalArgumentException("reversed range " + t + " in \"" + text + "\"");
                        }
                        for (int i = a; i <= b; i++) {
                            terms.add(i);
                        }
                    } else if (range.length == 1) {
                        terms.add(Integer.parseInt(t));
                    } else {
                        throw new IllegalArgumentException("unreadable term " + t + " in \"" + text + "\"");
                    }
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not a column number: " + t + " in \"" + text + "\"");
                }
            }
            sides.add(List.copyOf(terms));
        }
        if (sides.size() < 2) {
            throw new IllegalArgumentException("an identity needs at least one \"=\": \"" + text + "\"");
        }
        return new ColumnIdentity(text.strip(), List.copyOf(sides));
    }

    public List<Integer> columns() {
        return sides.stream().flatMap(List::stream).distinct().toList();
    }

    /** The sum of each side for the values of one row. */
    public List<BigDecimal> sums(IntFunction<BigDecimal> valueOfColumn) {
        return sides.stream()
                .map(side -> side.stream().map(valueOfColumn::apply).reduce(BigDecimal.ZERO, BigDecimal::add))
                .toList();
    }

    public boolean holds(Map<Integer, BigDecimal> values) {
        var sums = sums(c -> values.getOrDefault(c, BigDecimal.ZERO));
        return sums.stream().allMatch(s -> s.compareTo(sums.get(0)) == 0);
    }
}
