package vn.danvan.reporting;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;
import vn.danvan.export.Docx;
import vn.danvan.export.OfficialDocument;
import vn.danvan.export.PartyDocx;
import vn.danvan.form.ReportPeriod;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.OrgScope;
import vn.danvan.orgunit.OrgUnit;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.orgunit.UnitCategory;
import vn.danvan.shared.NotFoundException;

/**
 * Writes a narrative report: a template's text with its placeholders replaced by the figures of a unit's subtree for
 * a period, answered live by {@link Aggregates} (restated or as recorded). Every figure is a hyperlink to the page that
 * lists what is behind it — the records a computed indicator counts, or the values entered with who entered them.
 */
@Service
@Transactional(readOnly = true)
public class NarrativeReports {

    /** A piece of a paragraph; {@code href} is set on a figure. */
    public record Span(String text, String href) {
    }

    /** A paragraph of the report, styled as the template says. */
    public record Paragraph(NarrativeTemplate.Style style, List<Span> spans) {

        public String text() {
            return spans.stream().map(Span::text).reduce("", String::concat);
        }
    }

    /** A table of the unit's areas by indicators; the last row is the unit's total. */
    public record Table(List<String> header, List<List<Span>> rows) {
    }

    /** A generated report, ready to be shown, written as .docx or as PDF. */
    public record Report(Narratives.Narrative narrative, String unitCode, String unitName, String period, String periodLabel,
                         LocalDate on, AggregateMode mode, List<Span> subject, List<Object> blocks, int figures) {

        public String subjectText() {
            return subject.stream().map(Span::text).reduce("", String::concat);
        }
    }

    private final Narratives narratives;
    private final Aggregates aggregates;
    private final Indicators indicators;
    private final OrgUnits units;
    private final OrgScope scope;

    NarrativeReports(Narratives narratives, Aggregates aggregates, Indicators indicators, OrgUnits units, OrgScope scope) {
        this.narratives = narratives;
        this.aggregates = aggregates;
        this.indicators = indicators;
        this.units = units;
        this.scope = scope;
    }

    /**
     * The report of template {@code code} for the subtree of the unit holding {@code unitCode} on {@code on}, for the
     * period. {@code baseUrl} (e.g. {@code https://danvan.example}) starts every figure's link.
     *
     * @throws NotFoundException when the template or the unit does not exist, or the unit is outside the user's scope
     * @throws vn.danvan.shared.InvalidInputException on an ill-formed period
     */
    public Report generate(String code, String unitCode, String periodText, LocalDate on, AggregateMode mode, String baseUrl,
                           CurrentUser user) {
        var narrative = narratives.get(code);
        var period = ReportPeriod.parse(periodText, "period");
        var unit = units.findByCode(unitCode == null ? "" : unitCode.strip(), on)
                .orElseThrow(() -> new NotFoundException("unit", unitCode));
        scope.requireRead(user, unit.id(), "unit", unitCode);
        var writer = new Writer(unit, period, on, mode, baseUrl, user);
        var subject = writer.spans(narratives.parsed(narrative.subject()));
        var blocks = new ArrayList<Object>();
        for (var block : narratives.parsed(narrative.body()).blocks()) {
            if (block instanceof NarrativeTemplate.Table t) {
                blocks.add(writer.table(t));
            } else {
                var p = (NarrativeTemplate.Paragraph) block;
                blocks.add(new Paragraph(p.style(), writer.pieces(p.pieces())));
            }
        }
        return new Report(narrative, unit.code(), unit.name(), period.identifier(), label(period), on, mode, subject,
                List.copyOf(blocks), writer.figures);
    }

    /** The report as .docx in its template's layout; {@code issuingBody}/{@code superiorBody} head it. */
    public byte[] docx(Report report, String superiorBody, String issuingBody, String place, LocalDate date) {
        var builder = OfficialDocument.builder().superiorBody(superiorBody).issuingBody(issuingBody).place(place).date(date)
                .kind(report.narrative().kindName()).subject(report.subjectText());
        for (var block : report.blocks()) {
            if (block instanceof Table t) {
                var rows = new ArrayList<OfficialDocument.Table.Row>();
                for (int r = 0; r < t.rows().size(); r++) {
                    var cells = t.rows().get(r);
                    rows.add(new OfficialDocument.Table.Row(cells.stream().map(Span::text).toList(), r == t.rows().size() - 1,
                            cells.stream().map(Span::href).toList()));
                }
                var widths = new ArrayList<Integer>();
                widths.add(3);
                for (int c = 1; c < t.header().size(); c++) {
                    widths.add(2);
                }
                builder.table(new OfficialDocument.Table(t.header(), rows, widths));
            } else {
                var p = (Paragraph) block;
                var style = switch (p.style()) {
                    case HEADING -> OfficialDocument.Style.HEADING;
                    case INDENTED -> OfficialDocument.Style.INDENTED;
                    case NORMAL -> p.text().startsWith("[") && p.text().endsWith("]") ? OfficialDocument.Style.NOTE
                            : OfficialDocument.Style.NORMAL;
                };
                builder.paragraph(OfficialDocument.Paragraph.of(p.spans().stream()
                        .map(s -> new OfficialDocument.Span(s.text(), s.href())).toList(), style));
            }
        }
        var document = builder.build();
        return report.narrative().layout() == Narratives.Layout.PARTY ? PartyDocx.write(document) : Docx.write(document);
    }

    /** "quý I năm 2026", "6 tháng đầu năm 2026", "giai đoạn 2016 - 2021" … */
    static String label(ReportPeriod p) {
        var text = switch (p.kind()) {
            case MONTH -> "tháng " + p.index() + " năm " + p.year();
            case QUARTER -> "quý " + new String[] {"I", "II", "III", "IV"}[p.index() - 1] + " năm " + p.year();
            case SIX_MONTHS -> (p.index() == 1 ? "6 tháng đầu năm " : "6 tháng cuối năm ") + p.year();
            case NINE_MONTHS -> "9 tháng đầu năm " + p.year();
            case YEAR -> "năm " + p.year();
            case TERM -> "giai đoạn " + p.year() + " - " + p.index();
        };
        return p.cut() == vn.danvan.form.PeriodCut.INSPECTION ? text + " (kỳ báo cáo ngành thanh tra)" : text;
    }

    /** 38.500 · 12,5 · 1.234,56 — Vietnamese grouping and decimal marks. */
    static String number(BigDecimal value) {
        var symbols = new DecimalFormatSymbols(Locale.forLanguageTag("vi-VN"));
        symbols.setGroupingSeparator('.');
        symbols.setDecimalSeparator(',');
        return new DecimalFormat("#,##0.##", symbols).format(value);
    }

    /** "tăng 12,5%", "giảm 3%", "bằng"; without a figure of the year before: "chưa có số liệu cùng kỳ". */
    static String change(AggregateResult result) {
        var now = result.value() instanceof BigDecimal b ? b : null;
        var before = result.previousValue() instanceof BigDecimal b ? b : null;
        if (now == null || before == null) {
            return "chưa có số liệu cùng kỳ";
        }
        if (now.compareTo(before) == 0) {
            return "bằng";
        }
        if (result.change() == null) {
            return (now.compareTo(before) > 0 ? "tăng " : "giảm ") + number(now.subtract(before).abs());
        }
        return (result.change().signum() > 0 ? "tăng " : "giảm ") + number(result.change().abs()) + "%";
    }

    /** Writes the pieces of one report, answering each (indicator, unit) once. */
    private final class Writer {
        private final OrgUnit unit;
        private final ReportPeriod period;
        private final LocalDate on;
        private final AggregateMode mode;
        private final String baseUrl;
        private final CurrentUser user;
        private final Map<String, AggregateResult> answers = new HashMap<>();
        private final Map<String, Indicator> definitions = new HashMap<>();
        private int figures;

        Writer(OrgUnit unit, ReportPeriod period, LocalDate on, AggregateMode mode, String baseUrl, CurrentUser user) {
            this.unit = unit;
            this.period = period;
            this.on = on;
            this.mode = mode;
            this.baseUrl = baseUrl;
            this.user = user;
        }

        List<Span> spans(NarrativeTemplate template) {
            var spans = new ArrayList<Span>();
            for (var block : template.blocks()) {
                if (block instanceof NarrativeTemplate.Paragraph p) {
                    spans.addAll(pieces(p.pieces()));
                }
            }
            return spans;
        }

        List<Span> pieces(List<NarrativeTemplate.Piece> pieces) {
            var spans = new ArrayList<Span>();
            for (var piece : pieces) {
                if (piece instanceof NarrativeTemplate.Text t) {
                    spans.add(new Span(t.text(), null));
                } else if (piece instanceof NarrativeTemplate.Variable v) {
                    spans.add(new Span(switch (v.name()) {
                        case "unit" -> unit.name();
                        case "period" -> label(period);
                        case "year" -> String.valueOf(period.year());
                        default -> label(period.previousYear());
                    }, null));
                } else {
                    spans.add(figure((NarrativeTemplate.Figure) piece, unit));
                }
            }
            return spans;
        }

        Table table(NarrativeTemplate.Table t) {
            var header = new ArrayList<String>();
            header.add("Đơn vị");
            t.indicators().forEach(code -> header.add(indicator(code).name()));
            var rows = new ArrayList<List<Span>>();
            var areas = units.children(unit.id(), on).stream().filter(u -> u.category() == UnitCategory.AREA)
                    .filter(u -> scope.canRead(user, u.id())).toList();
            // a published figure: one provider call for the whole subtree, its unit rows added up per area (the area's
            // subtree and the units that passed into it); an entered or ratio indicator: its own aggregate per area
            var published = new HashMap<String, Map<Long, BigDecimal>>();
            for (var code : t.indicators()) {
                var indicator = indicator(code);
                if (indicator.readsFigure()) {
                    published.put(code, aggregates.publishedByUnit(indicator, unit, period));
                }
            }
            for (var area : areas) {
                var within = new java.util.HashSet<>(units.idsWithin(units.scopePaths(area.id())));
                var cells = new ArrayList<Span>();
                cells.add(new Span(area.name(), null));
                for (var code : t.indicators()) {
                    figures++;
                    var indicator = indicator(code);
                    var byUnit = published.get(code);
                    BigDecimal value = byUnit != null
                            ? byUnit.entrySet().stream().filter(e -> within.contains(e.getKey())).map(Map.Entry::getValue)
                                    .reduce(BigDecimal.ZERO, BigDecimal::add)
                            : numeric(aggregates.figure(indicator, area, period, on, mode, null).value());
                    cells.add(new Span(shown(value, indicator.valueType()), link(code, area.code(), period.identifier())));
                }
                rows.add(cells);
            }
            var total = new ArrayList<Span>();
            total.add(new Span("Tổng cộng", null));
            t.indicators().forEach(code -> total.add(figure(new NarrativeTemplate.Figure(code, NarrativeTemplate.Variant.VALUE), unit)));
            rows.add(total);
            return new Table(List.copyOf(header), List.copyOf(rows));
        }

        private Indicator indicator(String code) {
            return definitions.computeIfAbsent(code, indicators::get);
        }

        private static BigDecimal numeric(Object value) {
            return value instanceof BigDecimal b ? b : null;
        }

        private Span figure(NarrativeTemplate.Figure f, OrgUnit of) {
            var result = answers.computeIfAbsent(f.indicator() + "@" + of.code(),
                    k -> aggregates.aggregate(f.indicator(), of.code(), period.identifier(), on, mode, null, user));
            figures++;
            return switch (f.variant()) {
                case VALUE -> new Span(shown(result.value(), result.valueType()), link(f.indicator(), of.code(), result.period()));
                case PREV -> new Span(shown(result.previousValue(), result.valueType()),
                        link(f.indicator(), of.code(), result.previousPeriod()));
                case CHANGE -> new Span(change(result), link(f.indicator(), of.code(), result.period()));
            };
        }

        private String link(String indicator, String unitCode, String periodId) {
            return UriComponentsBuilder.fromUriString(baseUrl).path("/reporting").queryParam("indicator", indicator)
                    .queryParam("unit", unitCode).queryParam("period", periodId).queryParam("on", on.toString())
                    .queryParam("mode", mode.name()).build().encode().toUriString();
        }
    }

    private static String shown(Object value, ValueType type) {
        if (value == null) {
            return "chưa có số liệu";
        }
        if (value instanceof BigDecimal b) {
            return number(b) + (type == ValueType.PERCENTAGE ? "%" : "");
        }
        if (value instanceof Boolean yes) {
            return yes ? "có" : "không";
        }
        return value.toString();
    }
}
