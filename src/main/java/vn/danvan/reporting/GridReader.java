package vn.danvan.reporting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import vn.danvan.reporting.ReportForms.Line;
import vn.danvan.reporting.ReportForms.Target;

/**
 * Reads a grid: the stored values of its entered lines (the unit's own values for the period), the
 * live figures of its computed lines (over the unit's subtree, restated on the period's last day),
 * the submission and its narrative sections.
 */
@Component
class GridReader {

    private final JdbcClient jdbc;
    private final Aggregates aggregates;
    private final Submissions submissions;

    GridReader(JdbcClient jdbc, Aggregates aggregates, Submissions submissions) {
        this.jdbc = jdbc;
        this.aggregates = aggregates;
        this.submissions = submissions;
    }

    /** An entered value as stored. */
    record Stored(long id, BigDecimal value, String text, String comment, int version, String updatedBy) {

        boolean same(ValueType.Checked checked, String otherComment) {
            var sameValue = checked == null ? false
                    : checked.text() != null ? checked.text().equals(text)
                    : value != null && checked.number() != null && value.compareTo(checked.number()) == 0;
            return sameValue && java.util.Objects.equals(blankToNull(comment), blankToNull(otherComment));
        }
    }

    /** The stored values of a grid's entered lines, by measure. */
    Map<String, Stored> stored(Target t) {
        var ids = t.lines().stream().filter(Line::entered).map(l -> l.indicator().id()).distinct().toArray(Long[]::new);
        var result = new HashMap<String, Stored>();
        if (ids.length == 0) {
            return result;
        }
        jdbc.sql("""
                select i.code, v.option_combo, v.id, v.value, v.text_value, v.comment, v.version, v.updated_by
                from reporting_value v
                join reporting_indicator i on i.id = v.indicator_id
                where v.unit_id = :unit and v.period = :period and v.indicator_id = any(:ids)
                """).param("unit", t.unit().id()).param("period", t.period().identifier()).param("ids", ids)
                .query((rs, n) -> {
                    var combo = rs.getString("option_combo");
                    var measure = combo.isEmpty() ? rs.getString("code") : rs.getString("code") + "." + combo;
                    return result.put(measure, new Stored(rs.getLong("id"), rs.getBigDecimal("value"), rs.getString("text_value"),
                            rs.getString("comment"), rs.getInt("version"), rs.getString("updated_by")));
                }).list();
        return result;
    }

    /** The live figure of each computed (read-only) line, by measure; absent when there is none. */
    Map<String, Aggregates.Figure> computed(Target t) {
        return computed(t, line -> true);
    }

    /** The live figures of the computed lines that {@code wanted} selects. */
    Map<String, Aggregates.Figure> computed(Target t, java.util.function.Predicate<Line> wanted) {
        var result = new LinkedHashMap<String, Aggregates.Figure>();
        for (var line : t.lines()) {
            if (!line.entered() && wanted.test(line)) {
                result.put(line.measure(), aggregates.figure(line.indicator(), t.unit(), t.period(), t.period().to(),
                        AggregateMode.RESTATED, line.optionCombo()));
            }
        }
        return result;
    }

    EntryGrid read(Target t) {
        return grid(t, stored(t), computed(t));
    }

    EntryGrid grid(Target t, Map<String, Stored> stored, Map<String, Aggregates.Figure> computed) {
        var submission = submissions.find(t.form().code(), t.unit().id(), t.period().identifier()).orElse(null);
        var sections = new ArrayList<EntryGrid.Section>();
        var current = new ArrayList<EntryGrid.Line>();
        String title = null;
        for (var line : t.lines()) {
            if (title != null && !title.equals(line.section())) {
                sections.add(new EntryGrid.Section(title, List.copyOf(current)));
                current.clear();
            }
            title = line.section();
            current.add(line(t, line, stored.get(line.measure()), computed.get(line.measure())));
        }
        if (title != null) {
            sections.add(new EntryGrid.Section(title, List.copyOf(current)));
        }
        var texts = submissions.texts(submission == null ? null : submission.id());
        var narratives = t.form().narratives().stream().map(n -> {
            var text = texts.get(n.key());
            return new EntryGrid.Narrative(n.key(), n.title(), text == null ? "" : text.body(), text == null ? 0 : text.version());
        }).toList();
        var f = t.form();
        return new EntryGrid(f.code(), f.symbol(), f.title(), f.version(), t.unit().code(), t.unit().name(), t.period().identifier(),
                t.period().from(), t.period().to(), t.deadline(), submission, List.copyOf(sections), narratives, f.notes());
    }

    private static EntryGrid.Line line(Target t, Line line, Stored stored, Aggregates.Figure figure) {
        var type = line.indicator().valueType();
        if (line.entered()) {
            return new EntryGrid.Line(line.number(), line.label(), line.indicator().code(), line.optionCombo(), type, true,
                    stored == null ? null : ReportValues.display(type, stored.value(), stored.text()),
                    stored == null ? null : stored.comment(), stored == null ? 0 : stored.version(),
                    stored == null ? null : stored.updatedBy(), null);
        }
        var href = line.indicator().readsFigure() ? UriComponentsBuilder.fromPath("/reporting")
                .queryParam("indicator", line.indicator().code()).queryParam("unit", t.unit().code())
                .queryParam("period", t.period().identifier()).queryParam("on", t.period().to()).build().toUriString() : null;
        return new EntryGrid.Line(line.number(), line.label(), line.indicator().code(), line.optionCombo(), type, false,
                figure == null ? null : figure.shown(type), null, 0, null, href);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
