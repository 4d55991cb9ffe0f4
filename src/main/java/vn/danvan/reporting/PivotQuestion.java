package vn.danvan.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;
import vn.danvan.form.ReportPeriod;

/**
 * What a pivot asks: indicators over a unit and its children (the unit's figure is the total) and a
 * period cut into smaller periods ({@code split}: QUARTER cuts 2024 into its four quarters; null: the
 * period alone, the span being the total), read on a day in a mode; {@code rows} and {@code columns}
 * name the axes shown (the third one groups the rows), {@code chart} the chart drawn beside it.
 * It is also what a dashboard item keeps, as a query string ({@link #toQuery()}).
 */
public record PivotQuestion(List<String> indicators, String unit, String period, ReportPeriod.Kind split, LocalDate on,
                            AggregateMode mode, Axis rows, Axis columns, Chart chart) {

    /** The three dimensions of a pivot. */
    public enum Axis {
        INDICATOR, UNIT, PERIOD
    }

    /** TREND: each unit over the periods; UNITS: the units side by side; STACKED: by category option. */
    public enum Chart {
        TREND, UNITS, STACKED
    }

    public PivotQuestion {
        indicators = indicators == null ? List.of()
                : indicators.stream().filter(i -> i != null && !i.isBlank()).map(i -> i.strip().toUpperCase(Locale.ROOT))
                .distinct().toList();
        unit = unit == null ? null : unit.strip();
        period = period == null ? null : period.strip().toUpperCase(Locale.ROOT);
        mode = mode == null ? AggregateMode.RESTATED : mode;
        rows = rows == null ? Axis.UNIT : rows;
        columns = columns == null || columns == rows ? (rows == Axis.PERIOD ? Axis.UNIT : Axis.PERIOD) : columns;
        chart = chart == null ? Chart.TREND : chart;
    }

    /** The axis neither rows nor columns show: it groups the rows. */
    public Axis group() {
        for (var a : Axis.values()) {
            if (a != rows && a != columns) {
                return a;
            }
        }
        throw new IllegalStateException();
    }

    /** The same question with rows and columns swapped. */
    public PivotQuestion swapped() {
        return new PivotQuestion(indicators, unit, period, split, on, mode, columns, rows, chart);
    }

    /** The same question for another unit (drill-down, drill-up). */
    public PivotQuestion forUnit(String code) {
        return new PivotQuestion(indicators, code, period, split, on, mode, rows, columns, chart);
    }

    /** The question as query parameters, for links, exports and dashboard items. */
    public String toQuery() {
        var b = UriComponentsBuilder.newInstance();
        indicators.forEach(i -> b.queryParam("indicator", i));
        if (unit != null) {
            b.queryParam("unit", unit);
        }
        if (period != null) {
            b.queryParam("period", period);
        }
        if (split != null) {
            b.queryParam("split", split.name());
        }
        if (on != null) {
            b.queryParam("on", on.toString());
        }
        b.queryParam("mode", mode.name()).queryParam("rows", rows.name()).queryParam("columns", columns.name())
                .queryParam("chart", chart.name());
        return b.encode().build().getQuery();
    }

    /**
     * Reads a question kept as a query string (a dashboard item); unknown values fall back to the
     * defaults, so an item saved by an older version still opens.
     */
    public static PivotQuestion fromQuery(String query) {
        var params = UriComponentsBuilder.newInstance().query(query == null ? "" : query).build(true).getQueryParams();
        Map<String, List<String>> decoded = new java.util.HashMap<>();
        params.forEach((k, v) -> decoded.put(k, v.stream()
                .map(x -> x == null ? null : java.net.URLDecoder.decode(x, java.nio.charset.StandardCharsets.UTF_8)).toList()));
        return of(decoded);
    }

    /** Reads a question from request parameters (name → values), leniently as {@link #fromQuery}. */
    public static PivotQuestion fromParameters(Map<String, String[]> parameters) {
        Map<String, List<String>> params = new java.util.HashMap<>();
        parameters.forEach((k, v) -> params.put(k, List.of(v)));
        return of(params);
    }

    private static PivotQuestion of(Map<String, List<String>> decoded) {
        return new PivotQuestion(new ArrayList<>(decoded.getOrDefault("indicator", List.of())), first(decoded, "unit"),
                first(decoded, "period"), parse(ReportPeriod.Kind.class, first(decoded, "split")), date(first(decoded, "on")),
                parse(AggregateMode.class, first(decoded, "mode")), parse(Axis.class, first(decoded, "rows")),
                parse(Axis.class, first(decoded, "columns")), parse(Chart.class, first(decoded, "chart")));
    }

    private static String first(Map<String, List<String>> params, String key) {
        var v = params.get(key);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static LocalDate date(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
