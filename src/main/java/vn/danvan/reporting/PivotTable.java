package vn.danvan.reporting;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.danvan.reporting.Pivot.PivotCell;
import vn.danvan.reporting.Pivot.PivotIndicator;
import vn.danvan.reporting.PivotQuestion.Axis;

/**
 * A pivot laid out for a screen or a sheet: the {@code rows} axis down, the {@code columns} axis
 * across, the third axis grouping the rows. Swapping the axes only lays the same cells out again.
 * The unit asked and the whole period come last on their axis, as totals.
 */
public record PivotTable(Axis rows, Axis columns, Axis group, List<Header> headers, List<Line> lines,
                         Map<String, PivotIndicator> indicators) {

    /** A column: its key (indicator or unit code, period identifier) and label. */
    public record Header(String key, String label, boolean total) {
    }

    /**
     * A row: the group it belongs to (its label on the group's first row), its own key and label, the
     * unit a click opens (drill-down; null when none) and the cells in column order.
     */
    public record Line(String groupKey, String groupLabel, boolean firstOfGroup, int groupSize, String key, String label,
                       boolean total, String drillUnit, List<PivotCell> cells) {
    }

    private record Member(String key, String label, boolean total, String drill) {
    }

    /**
     * Lays a pivot out.
     *
     * @param periodLabel the label of a period identifier ("Quý 1/2024")
     * @param totalLabel  the label of the unit asked when it stands as the total ("Toàn tỉnh Lạng Sơn")
     */
    public static PivotTable of(Pivot pivot, Function<String, String> periodLabel, Function<String, String> totalLabel) {
        var q = pivot.question();
        var cells = pivot.cells().stream().filter(c -> c.option() == null)
                .collect(Collectors.toMap(c -> c.indicator() + "|" + c.unit() + "|" + c.period(), c -> c, (a, b) -> a));
        var headers = members(pivot, q.columns(), periodLabel, totalLabel).stream()
                .map(m -> new Header(m.key(), m.label(), m.total())).toList();
        var lines = new ArrayList<Line>();
        var groups = members(pivot, q.group(), periodLabel, totalLabel);
        var rowMembers = members(pivot, q.rows(), periodLabel, totalLabel);
        for (var g : groups) {
            boolean first = true;
            for (var r : rowMembers) {
                var lineCells = new ArrayList<PivotCell>();
                for (var c : headers) {
                    lineCells.add(cells.get(key(q, g.key(), r.key(), c.key())));
                }
                lines.add(new Line(g.key(), g.label(), first, rowMembers.size(), r.key(), r.label(), r.total() || g.total(),
                        r.drill(), lineCells));
                first = false;
            }
        }
        var indicators = new java.util.LinkedHashMap<String, PivotIndicator>();
        pivot.indicators().forEach(i -> indicators.put(i.code(), i));
        return new PivotTable(q.rows(), q.columns(), q.group(), headers, List.copyOf(lines), indicators);
    }

    /** The members of an axis in order: indicators; the children then the unit asked; the periods then the span. */
    private static List<Member> members(Pivot pivot, Axis axis, Function<String, String> periodLabel,
                                        Function<String, String> totalLabel) {
        return switch (axis) {
            case INDICATOR -> pivot.indicators().stream().map(i -> new Member(i.code(), i.name(), false, null)).toList();
            case UNIT -> {
                var result = new ArrayList<Member>();
                pivot.units().stream().skip(1).forEach(u -> result.add(new Member(u.code(), u.name(), false, u.drill() ? u.code() : null)));
                var root = pivot.root();
                result.add(new Member(root.code(), totalLabel.apply(root.name()), true, null));
                yield result;
            }
            case PERIOD -> pivot.periodsWithTotal().stream()
                    .map(p -> new Member(p, periodLabel.apply(p), p.equals(pivot.span()) && pivot.periods().size() > 1, null)).toList();
        };
    }

    private static String key(PivotQuestion q, String group, String row, String column) {
        String indicator = null;
        String unit = null;
        String period = null;
        var axes = new Axis[] {q.group(), q.rows(), q.columns()};
        var keys = new String[] {group, row, column};
        for (int i = 0; i < 3; i++) {
            switch (axes[i]) {
                case INDICATOR -> indicator = keys[i];
                case UNIT -> unit = keys[i];
                case PERIOD -> period = keys[i];
            }
        }
        return indicator + "|" + unit + "|" + period;
    }

    /** A figure as Vietnamese write it: 38.500, 12,5; yes/no and texts as they are; empty for none. */
    public static String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal number) {
            var symbols = new DecimalFormatSymbols();
            symbols.setGroupingSeparator('.');
            symbols.setDecimalSeparator(',');
            return new DecimalFormat("#,##0.##", symbols).format(number);
        }
        return String.valueOf(value);
    }
}
