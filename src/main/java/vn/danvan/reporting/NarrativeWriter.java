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
 * Every figure the report names is answered up front in bulk: the indicators go to {@link Pivots} twelve at a time
 * (the unit and its areas, the period and the same period a year before: entered values in one statement, each case
 * module's published figures in one provider call), so a whole report takes a handful of statements rather than one
 * or two per figure. Every figure is a hyperlink to the page listing what is behind it.
 */
final class NarrativeWriter {

    private final Pivots pivots;
    private final OrgUnits units;
    private final OrgScope scope;
    private final NarrativeSections sections;
    private final OrgUnit unit;
    private final ReportPeriod period;
    private final LocalDate on;
    private final AggregateMode mode;
    private final String baseUrl;
    private final CurrentUser user;
    private final Map<String, Pivot> answers = new HashMap<>();
    private final Map<String, Pivot.PivotIndicator> definitions = new HashMap<>();
    private List<OrgUnit> areas;
    private int figures;

    NarrativeWriter(Pivots pivots, OrgUnits units, OrgScope scope, NarrativeSections sections, OrgUnit unit, ReportPeriod period,
                    LocalDate on, AggregateMode mode, String baseUrl, CurrentUser user) {
        this.pivots = pivots;
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

    /** Answers every indicator named, in pivots of at most {@link Pivots#MAX_INDICATORS}. */
    NarrativeWriter read(Collection<String> indicators) {
        var codes = new ArrayList<>(new LinkedHashSet<>(indicators));
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

    /** A table of the unit's areas (those the user may read) by the indicators, the unit's total last. */
    Table table(NarrativeTemplate.Table t) {
        var header = new ArrayList<String>();
        header.add("Đơn vị");
        t.indicators().forEach(code -> header.add(definitions.containsKey(code) ? definitions.get(code).name() : code));
        if (areas == null) {
            areas = units.children(unit.id(), on).stream().filter(u -> u.category() == UnitCategory.AREA)
                    .filter(u -> scope.canRead(user, u.id())).toList();
        }
        var rows = new ArrayList<List<Span>>();
        for (var area : areas) {
            var cells = new ArrayList<Span>();
            cells.add(new Span(area.name(), null));
            for (var code : t.indicators()) {
                figures++;
                var cell = cell(code, area.code());
                cells.add(new Span(cell == null ? "chưa có số liệu" : shown(cell.value(), code),
                        link(code, area.code(), period.identifier())));
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

    static BigDecimal numeric(Object value) {
        return value instanceof BigDecimal b ? b : null;
    }
}
