package vn.danvan.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;
import vn.danvan.form.ReportPeriod;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.OrgScope;
import vn.danvan.orgunit.OrgUnit;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.orgunit.UnitCategory;
import vn.danvan.reporting.NarrativeReports.Paragraph;
import vn.danvan.reporting.NarrativeReports.Span;
import vn.danvan.reporting.NarrativeReports.Table;

/**
 * Writes the pieces of one report — a text template's or an uploaded .docx's — for a unit's subtree and a period.
 * Every figure the report names is answered up front in bulk: the indicators of tables go to {@link Pivots} twelve at
 * a time (the unit and its children, the period and the same period a year before: entered values in one statement, each
 * case module's published figures in one provider call), the computed ones named only in the text to
 * {@link ComputedCells} for the unit alone (one provider call per provider), so a whole report takes a handful of
 * statements rather than one or two per figure. Every figure is a hyperlink to the page listing what is behind it.
 */
final class NarrativeWriter {

    private final Pivots pivots;
    private final Aggregates aggregates;
    private final Indicators indicators;
    private final ComputedCells computedCells;
    private final OrgUnits units;
    private final OrgScope scope;
    private final NarrativeSections sections;
    private final OrgUnit unit;
    private final ReportPeriod period;
    private final LocalDate on;
    private final AggregateMode mode;
    private final String baseUrl;
    private final CurrentUser user;
    /** The pivots answering the indicators of tables (the unit and its children). */
    private final Map<String, Pivot> answers = new HashMap<>();
    /** The unit's own figures of the indicators named only in the text. */
    private final Map<String, Pivot.PivotCell> own = new HashMap<>();
    private final Map<String, Pivot.PivotIndicator> definitions = new HashMap<>();
    private List<OrgUnit> children;
    private int figures;

    NarrativeWriter(Pivots pivots, Aggregates aggregates, Indicators indicators, ComputedCells computedCells, OrgUnits units,
                    OrgScope scope, NarrativeSections sections, OrgUnit unit, ReportPeriod period, LocalDate on, AggregateMode mode,
                    String baseUrl, CurrentUser user) {
        this.pivots = pivots;
        this.aggregates = aggregates;
        this.indicators = indicators;
        this.computedCells = computedCells;
        this.units = units;
        this.scope = scope;
        this.sections = sections;
        this.unit = unit;
        this.period = period;
        this.on = on;
        this.mode = mode;
        this.baseUrl = baseUrl;
        this.user = user;
    }

    /**
     * Answers every indicator named: those of tables in pivots of at most {@link Pivots#MAX_INDICATORS} (the unit and
     * its children), those named only in the text for the unit alone — the computed ones with one provider call per
     * provider ({@link ComputedCells}), the others one aggregate each (one statement for this year and last).
     */
    NarrativeWriter read(Collection<String> named, Collection<String> inTables) {
        var tabled = new LinkedHashSet<>(inTables);
        var alone = new ArrayList<Indicator>();
        for (var code : new LinkedHashSet<>(named)) {
            if (!tabled.contains(code)) {
                alone.add(indicators.get(code));
            }
        }
        var computed = alone.stream().filter(i -> i.readsFigure() && !i.isRatio()).toList();
        var bulk = computedCells.read(computed, indicators::get, unit, List.of(), List.of(period));
        for (var i : alone) {
            definitions.put(i.code(), new Pivot.PivotIndicator(i.code(), i.name(), i.valueType(), i.aggregation(), i.categoryCombo() != null));
            var now = computed.contains(i) ? bulk.figure(i, unit, period) : null;
            var before = computed.contains(i) ? bulk.figure(i, unit, period.previousYear()) : null;
            if (now != null && before != null) {
                own.put(i.code(), new Pivot.PivotCell(i.code(), unit.code(), period.identifier(), null, now.shown(i.valueType()), null,
                        period.previousYear().identifier(), before.shown(i.valueType()),
                        AggregateRules.changePercent(now.value(), before.value()), now.count()));
            } else {
                var r = aggregates.aggregate(i.code(), unit.code(), period.identifier(), on, mode, null, user);
                own.put(i.code(), new Pivot.PivotCell(i.code(), unit.code(), r.period(), null, r.value(), r.unallocated(),
                        r.previousPeriod(), r.previousValue(), r.change(), r.valuesCounted()));
            }
        }
        var codes = new ArrayList<>(tabled);
        for (int i = 0; i < codes.size(); i += Pivots.MAX_INDICATORS) {
            var chunk = codes.subList(i, Math.min(codes.size(), i + Pivots.MAX_INDICATORS));
            var pivot = pivots.pivot(new PivotQuestion(List.copyOf(chunk), unit.code(), period.identifier(), null, on, mode,
                    null, null, null), user);
            pivot.indicators().forEach(d -> {
                definitions.put(d.code(), d);
                answers.put(d.code(), pivot);
            });
        }
        return this;
    }

    int figures() {
        return figures;
    }

    /** The spans of a template's paragraphs run together (a subject). */
    List<Span> spans(NarrativeTemplate template) {
        var spans = new ArrayList<Span>();
        for (var block : template.blocks()) {
            if (block instanceof NarrativeTemplate.Paragraph p) {
                spans.addAll(pieces(p.pieces()));
            }
        }
        return spans;
    }

    /** A text template's blocks: paragraphs, tables, and the units' sections as paragraphs. */
    List<Object> blocks(NarrativeTemplate template) {
        var blocks = new ArrayList<Object>();
        for (var block : template.blocks()) {
            if (block instanceof NarrativeTemplate.Table t) {
                blocks.add(table(t));
            } else if (block instanceof NarrativeTemplate.Sections s) {
                blocks.addAll(sections(s));
            } else {
                var p = (NarrativeTemplate.Paragraph) block;
                blocks.add(new Paragraph(p.style(), pieces(p.pieces())));
            }
        }
        return blocks;
    }

    List<Span> pieces(List<NarrativeTemplate.Piece> pieces) {
        var spans = new ArrayList<Span>();
        for (var piece : pieces) {
            if (piece instanceof NarrativeTemplate.Text t) {
                spans.add(new Span(t.text(), null));
            } else if (piece instanceof NarrativeTemplate.Variable v) {
                spans.add(new Span(switch (v.name()) {
                    case "unit" -> unit.name();
                    case "period" -> NarrativeReports.label(period);
                    case "year" -> String.valueOf(period.year());
                    default -> NarrativeReports.label(period.previousYear());
                }, null));
            } else {
                spans.add(figure((NarrativeTemplate.Figure) piece));
            }
        }
        return spans;
    }

    /** The units' texts of a section: the unit's name (a heading), then its paragraphs; a note when none wrote it. */
    List<Paragraph> sections(NarrativeTemplate.Sections s) {
        var result = new ArrayList<Paragraph>();
        var texts = sections.gather(s.key(), unit, period, on, mode);
        if (texts.isEmpty()) {
            result.add(new Paragraph(NarrativeTemplate.Style.NORMAL,
                    List.of(new Span("[Chưa có đơn vị nào gửi báo cáo có phần này trong kỳ.]", null))));
        }
        for (var text : texts) {
            result.add(new Paragraph(NarrativeTemplate.Style.UNIT,
                    List.of(new Span(text.unitName() + (text.period() == null ? "" : " (" + text.period() + ")"), null))));
            text.paragraphs().forEach(p -> result.add(new Paragraph(NarrativeTemplate.Style.NORMAL, List.of(new Span(p, null)))));
        }
        return result;
    }

    /**
     * A table of the unit's children (those the user may read) by the indicators, the unit's total last: its bodies
     * first, then its areas, as a pivot lists them, so that the rows add up to the total (a province's People's
     * Committee and its boards receive petitions of their own). A body none of whose cells has a figure other than zero
     * is left out (it adds nothing to the total: a province has a dozen such mass organisations); every area is shown,
     * its zeros and "chưa có số liệu" being what the reader must see.
     */
    Table table(NarrativeTemplate.Table t) {
        var header = new ArrayList<String>();
        header.add("Đơn vị");
        t.indicators().forEach(code -> header.add(definitions.containsKey(code) ? definitions.get(code).name() : code));
        if (children == null) {
            children = units.children(unit.id(), on).stream().filter(u -> scope.canRead(user, u.id())).toList();
        }
        var rows = new ArrayList<List<Span>>();
        for (var child : children) {
            var found = t.indicators().stream().map(code -> cell(code, child.code())).toList();
            if (child.category() != UnitCategory.AREA && found.stream().noneMatch(NarrativeWriter::hasFigure)) {
                continue;
            }
            var cells = new ArrayList<Span>();
            cells.add(new Span(child.name(), null));
            for (int i = 0; i < found.size(); i++) {
                figures++;
                var code = t.indicators().get(i);
                var cell = found.get(i);
                cells.add(new Span(cell == null ? "chưa có số liệu" : shown(cell.value(), code),
                        link(code, child.code(), period.identifier())));
            }
            rows.add(cells);
        }
        var total = new ArrayList<Span>();
        total.add(new Span("Tổng cộng", null));
        t.indicators().forEach(code -> total.add(figure(new NarrativeTemplate.Figure(code, NarrativeTemplate.Variant.VALUE))));
        rows.add(total);
        return new Table(List.copyOf(header), List.copyOf(rows));
    }

    private Pivot.PivotCell cell(String code, String unitCode) {
        if (own.containsKey(code) && unitCode.equals(unit.code())) {
            return own.get(code);
        }
        var pivot = answers.get(code);
        return pivot == null ? null : pivot.cell(code, unitCode, period.identifier());
    }

    Span figure(NarrativeTemplate.Figure f) {
        figures++;
        var cell = cell(f.indicator(), unit.code());
        if (cell == null) {
            return new Span("chưa có số liệu", null);
        }
        return switch (f.variant()) {
            case VALUE -> new Span(shown(cell.value(), f.indicator()), link(f.indicator(), unit.code(), cell.period()));
            case PREV -> new Span(shown(cell.previousValue(), f.indicator()), link(f.indicator(), unit.code(), cell.previousPeriod()));
            case CHANGE -> new Span(NarrativeReports.change(cell.value(), cell.previousValue(), cell.change()),
                    link(f.indicator(), unit.code(), cell.period()));
        };
    }

    private String shown(Object value, String code) {
        var d = definitions.get(code);
        return NarrativeReports.shown(value, d == null ? null : d.valueType());
    }

    private String link(String indicator, String unitCode, String periodId) {
        return UriComponentsBuilder.fromUriString(baseUrl).path("/reporting").queryParam("indicator", indicator)
                .queryParam("unit", unitCode).queryParam("period", periodId).queryParam("on", on.toString())
                .queryParam("mode", mode.name()).build().encode().toUriString();
    }

    /** A cell with a value other than zero (a text or yes/no answer counts). */
    private static boolean hasFigure(Pivot.PivotCell cell) {
        if (cell == null || cell.value() == null) {
            return false;
        }
        var number = numeric(cell.value());
        return number == null || number.signum() != 0;
    }

    static BigDecimal numeric(Object value) {
        return value instanceof BigDecimal b ? b : null;
    }
}
