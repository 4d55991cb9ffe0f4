package vn.danvan.reporting;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.export.Docx;
import vn.danvan.export.OfficialDocument;
import vn.danvan.export.PartyDocx;
import vn.danvan.form.ReportPeriod;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.OrgScope;
import vn.danvan.orgunit.OrgUnit;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.shared.NotFoundException;

/**
 * Writes a narrative report: a template's text with its placeholders replaced by the figures of a unit's subtree for
 * a period, answered live in bulk by {@link Pivots} (restated or as recorded; see {@link NarrativeWriter}). Every figure is a hyperlink to the page that
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
                         LocalDate on, AggregateMode mode, List<Span> subject, List<Object> blocks, int figures, byte[] filled) {

        public String subjectText() {
            return subject.stream().map(Span::text).reduce("", String::concat);
        }
    }

    private final Narratives narratives;
    private final Pivots pivots;
    private final Aggregates aggregates;
    private final Indicators indicators;
    private final ComputedCells computedCells;
    private final NarrativeSections sections;
    private final OrgUnits units;
    private final OrgScope scope;

    NarrativeReports(Narratives narratives, Pivots pivots, Aggregates aggregates, Indicators indicators, ComputedCells computedCells,
                     NarrativeSections sections, OrgUnits units, OrgScope scope) {
        this.narratives = narratives;
        this.pivots = pivots;
        this.aggregates = aggregates;
        this.indicators = indicators;
        this.computedCells = computedCells;
        this.sections = sections;
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
        var subjectTemplate = narratives.parsed(narrative.subject());
        if (narrative.uploaded()) {
            var template = narratives.docx(narratives.file(narrative.code()).orElseThrow(() -> new NotFoundException("narrative", code)));
            var named = new ArrayList<>(subjectTemplate.indicators());
            named.addAll(template.indicators());
            var writer = writer(unit, period, on, mode, baseUrl, user).read(named, template.tableIndicators());
            var subject = writer.spans(subjectTemplate);
            var filled = template.fill(writer);
            return new Report(narrative, unit.code(), unit.name(), period.identifier(), label(period), on, mode, subject,
                    List.copyOf(template.blocks()), writer.figures(), filled);
        }
        var bodyTemplate = narratives.parsed(narrative.body());
        var named = new ArrayList<>(subjectTemplate.indicators());
        named.addAll(bodyTemplate.indicators());
        var writer = writer(unit, period, on, mode, baseUrl, user).read(named, bodyTemplate.tableIndicators());
        var subject = writer.spans(subjectTemplate);
        var blocks = writer.blocks(bodyTemplate);
        return new Report(narrative, unit.code(), unit.name(), period.identifier(), label(period), on, mode, subject,
                List.copyOf(blocks), writer.figures(), null);
    }

    /** A writer of one report's pieces for the unit's subtree and the period (its figures not yet read). */
    NarrativeWriter writer(OrgUnit unit, ReportPeriod period, LocalDate on, AggregateMode mode, String baseUrl, CurrentUser user) {
        return new NarrativeWriter(pivots, aggregates, indicators, computedCells, units, scope, sections, unit, period, on, mode,
                baseUrl, user);
    }

    /**
     * The report as .docx in its template's layout; {@code issuingBody}/{@code superiorBody} head it. A report of an
     * uploaded template is the uploaded document filled in, its own heading kept.
     */
    public byte[] docx(Report report, String superiorBody, String issuingBody, String place, LocalDate date) {
        if (report.filled() != null) {
            return report.filled();
        }
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
                    case HEADING, UNIT -> OfficialDocument.Style.HEADING;
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
        return change(result.value(), result.previousValue(), result.change());
    }

    /** The same, from a figure, its value a year before and the change in per cent between them. */
    static String change(Object value, Object previousValue, BigDecimal changePercent) {
        var now = value instanceof BigDecimal b ? b : null;
        var before = previousValue instanceof BigDecimal b ? b : null;
        if (now == null || before == null) {
            return "chưa có số liệu cùng kỳ";
        }
        if (now.compareTo(before) == 0) {
            return "bằng";
        }
        if (changePercent == null) {
            return (now.compareTo(before) > 0 ? "tăng " : "giảm ") + number(now.subtract(before).abs());
        }
        return (changePercent.signum() > 0 ? "tăng " : "giảm ") + number(changePercent.abs()) + "%";
    }

    static String shown(Object value, ValueType type) {
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
