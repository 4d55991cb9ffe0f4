package vn.danvan.reporting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import vn.danvan.reporting.Pivot.PivotCell;

/**
 * The data of the chart drawn from a pivot (ECharts draws it in the browser): TREND, each indicator
 * of the unit asked over the periods; UNITS, the units side by side for the whole period, one bar per
 * indicator; STACKED, the units' bars stacked by the first category's options of the first indicator
 * broken down by category (by indicator when none is).
 */
final class PivotCharts {

    private PivotCharts() {
    }

    /** A series: its name, whether it is stacked, and one number (or null) per category of the x axis. */
    record Series(String name, String stack, List<BigDecimal> data) {
    }

    /** What the browser needs: the kind, the x axis labels, the series and the file name of the image. */
    record Chart(String kind, String title, List<String> categories, List<Series> series, String fileName) {
    }

    static Chart of(Pivot pivot, Function<String, String> periodLabel, Map<String, String> optionNames, String title,
                    String fileName) {
        var kind = pivot.question().chart();
        var root = pivot.root().code();
        var children = pivot.units().stream().skip(1).toList();
        var series = new ArrayList<Series>();
        switch (kind) {
            case TREND -> {
                for (var i : pivot.indicators()) {
                    series.add(new Series(i.name(), null, pivot.periods().stream()
                            .map(p -> number(pivot.cell(i.code(), root, p))).toList()));
                }
                return new Chart(kind.name(), title, pivot.periods().stream().map(periodLabel).toList(), series, fileName);
            }
            case UNITS -> {
                for (var i : pivot.indicators()) {
                    series.add(new Series(i.name(), null, children.stream()
                            .map(u -> number(pivot.cell(i.code(), u.code(), pivot.span()))).toList()));
                }
            }
            case STACKED -> {
                var split = pivot.indicators().stream().filter(Pivot.PivotIndicator::categories).findFirst();
                if (split.isPresent()) {
                    var byOption = new LinkedHashMap<String, List<BigDecimal>>();
                    for (var c : pivot.cells()) {
                        if (c.option() != null && c.indicator().equals(split.get().code()) && c.period().equals(pivot.span())
                                && !c.unit().equals(root)) {
                            byOption.computeIfAbsent(c.option(), o -> new ArrayList<>()).add(number(c));
                        }
                    }
                    byOption.forEach((option, data) -> series.add(new Series(optionNames.getOrDefault(option, option),
                            split.get().code(), data)));
                } else {
                    for (var i : pivot.indicators()) {
                        series.add(new Series(i.name(), "all", children.stream()
                                .map(u -> number(pivot.cell(i.code(), u.code(), pivot.span()))).toList()));
                    }
                }
            }
        }
        return new Chart(kind.name(), title, children.stream().map(Pivot.PivotUnit::name).toList(), series, fileName);
    }

    private static BigDecimal number(PivotCell cell) {
        if (cell == null) {
            return null;
        }
        if (cell.value() instanceof BigDecimal n) {
            return n;
        }
        if (cell.value() instanceof Boolean b) {
            return b ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        return null;
    }
}
