package vn.danvan.reporting;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
import vn.danvan.reporting.NarrativeReports.Paragraph;
import vn.danvan.reporting.NarrativeReports.Span;
import vn.danvan.reporting.NarrativeReports.Table;

/**
 * Writes the figures into an uploaded template's paragraphs, keeping the document's formatting: each placeholder is cut
 * out of the runs it lies across and its figure put in its place as a run (a hyperlink run for a figure) carrying the
 * formatting of the run where the placeholder starts; a table and the units' texts take the place of their paragraph,
 * in the paragraph's formatting. Also reads a filled document back into paragraphs and tables (the page and the PDF).
 */
final class DocxFill {

    private DocxFill() {
    }

    /** Replaces the placeholders of one paragraph, the last first so that the offsets of the others hold. */
    static void pieces(XWPFParagraph paragraph, String text, List<NarrativeTemplate.Located> located, NarrativeWriter writer) {
        for (int i = located.size() - 1; i >= 0; i--) {
            var piece = located.get(i);
            if (piece.piece() instanceof NarrativeTemplate.Text) {
                continue;
            }
            var span = writer.pieces(List.of(piece.piece())).get(0);
            replace(paragraph, piece.start(), piece.end(), span);
        }
    }

    private static void replace(XWPFParagraph paragraph, int start, int end, Span span) {
        var runs = paragraph.getRuns();
        int[] from = new int[runs.size()];
        int at = 0;
        int first = -1;
        int last = -1;
        for (int r = 0; r < runs.size(); r++) {
            from[r] = at;
            var length = runs.get(r).text().length();
            if (first < 0 && start < at + length) {
                first = r;
            }
            if (last < 0 && end <= at + length && length > 0) {
                last = r;
            }
            at += length;
        }
        if (first < 0 || last < 0) {
            return;
        }
        var head = runs.get(first);
        var headText = head.text();
        var tailText = runs.get(last).text().substring(end - from[last]);
        CTRPr format = head.getCTR().getRPr() == null ? null : (CTRPr) head.getCTR().getRPr().copy();
        setText(head, headText.substring(0, start - from[first]));
        for (int r = first + 1; r < last; r++) {
            setText(runs.get(r), "");
        }
        int position = first + 1;
        if (last == first) {
            if (!tailText.isEmpty()) {
                var tail = paragraph.insertNewRun(position);
                format(tail, format);
                setText(tail, tailText);
            }
        } else {
            setText(runs.get(last), tailText);
        }
        XWPFRun run = span.href() == null ? paragraph.insertNewRun(position) : paragraph.insertNewHyperlinkRun(position, span.href());
        format(run, format);
        if (run instanceof XWPFHyperlinkRun) {
            run.setColor("0563C1");
            run.setUnderline(UnderlinePatterns.SINGLE);
        }
        run.setText(span.text());
    }

    /** The units' texts (or any paragraphs) in place of {@code placeholder}, in its paragraph and run formatting. */
    static void paragraphs(XWPFDocument document, XWPFParagraph placeholder, List<Paragraph> paragraphs) {
        var pPr = placeholder.getCTP().getPPr();
        var rPr = placeholder.getRuns().isEmpty() || placeholder.getRuns().get(0).getCTR().getRPr() == null ? null
                : placeholder.getRuns().get(0).getCTR().getRPr();
        for (var p : paragraphs) {
            var cursor = placeholder.getCTP().newCursor();
            var added = document.insertNewParagraph(cursor);
            cursor.close();
            if (pPr != null) {
                added.getCTP().setPPr((CTPPr) pPr.copy());
            }
            for (var s : p.spans()) {
                XWPFRun run = s.href() == null ? added.createRun() : added.createHyperlinkRun(s.href());
                format(run, rPr == null ? null : (CTRPr) rPr.copy());
                if (p.style() != NarrativeTemplate.Style.NORMAL) {
                    run.setBold(true);
                    run.setItalic(p.style() == NarrativeTemplate.Style.UNIT);
                }
                if (s.text().startsWith("[") && s.text().endsWith("]")) {
                    run.setItalic(true);
                }
                run.setText(s.text());
            }
        }
        document.removeBodyElement(document.getPosOfParagraph(placeholder));
    }

    /** A ruled table in place of {@code placeholder}: the header bold, figures right-aligned and linked, the total bold. */
    static void table(XWPFDocument document, XWPFParagraph placeholder, Table table) {
        var rPr = placeholder.getRuns().isEmpty() || placeholder.getRuns().get(0).getCTR().getRPr() == null ? null
                : placeholder.getRuns().get(0).getCTR().getRPr();
        var cursor = placeholder.getCTP().newCursor();
        XWPFTable t = document.insertNewTbl(cursor);
        cursor.close();
        int columns = table.header().size();
        var all = new ArrayList<List<Span>>();
        all.add(table.header().stream().map(h -> new Span(h, null)).toList());
        all.addAll(table.rows());
        for (int r = 0; r < all.size(); r++) {
            var row = r < t.getRows().size() ? t.getRow(r) : t.createRow();
            while (row.getTableCells().size() < columns) {
                row.addNewTableCell();
            }
            for (int c = 0; c < columns; c++) {
                var cell = row.getCell(c);
                var span = all.get(r).get(c);
                var p = cell.getParagraphs().isEmpty() ? cell.addParagraph() : cell.getParagraphs().get(0);
                p.setAlignment(r > 0 && c > 0 ? ParagraphAlignment.RIGHT : r == 0 ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT);
                p.setSpacingAfter(0);
                p.setIndentationFirstLine(0);
                XWPFRun run = span.href() == null ? p.createRun() : p.createHyperlinkRun(span.href());
                format(run, rPr == null ? null : (CTRPr) rPr.copy());
                run.setFontSize(12);
                run.setBold(r == 0 || r == all.size() - 1);
                if (span.href() != null) {
                    run.setColor("0563C1");
                    run.setUnderline(UnderlinePatterns.SINGLE);
                }
                run.setText(span.text());
                width(cell, c == 0 ? 30 : 70 / Math.max(1, columns - 1));
            }
        }
        t.setWidthType(org.apache.poi.xwpf.usermodel.TableWidthType.PCT);
        t.setWidth("100%");
        t.setTopBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000");
        t.setBottomBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000");
        t.setLeftBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000");
        t.setRightBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000");
        t.setInsideHBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000");
        t.setInsideVBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000");
        document.removeBodyElement(document.getPosOfParagraph(placeholder));
    }

    /**
     * A filled document read back into the report's blocks: each paragraph (bold throughout or in a heading style: a
     * heading) with its hyperlinks, each table with its first row as header.
     */
    static List<Object> blocks(XWPFDocument document) {
        var blocks = new ArrayList<Object>();
        for (var element : document.getBodyElements()) {
            if (element instanceof XWPFParagraph p) {
                var spans = spans(document, p);
                if (spans.stream().allMatch(s -> s.text().isBlank())) {
                    continue;
                }
                var styled = p.getStyle() != null && p.getStyle().toLowerCase(java.util.Locale.ROOT).contains("heading");
                var bold = p.getRuns().stream().filter(r -> !r.text().isBlank()).allMatch(XWPFRun::isBold);
                blocks.add(new Paragraph(styled || bold ? NarrativeTemplate.Style.HEADING : NarrativeTemplate.Style.NORMAL, spans));
            } else if (element instanceof XWPFTable t && !t.getRows().isEmpty()) {
                var header = t.getRow(0).getTableCells().stream().map(XWPFTableCell::getText).toList();
                var rows = new ArrayList<List<Span>>();
                for (int r = 1; r < t.getRows().size(); r++) {
                    var cells = new ArrayList<Span>();
                    for (var cell : t.getRow(r).getTableCells()) {
                        var spans = new ArrayList<Span>();
                        cell.getParagraphs().forEach(p -> spans.addAll(spans(document, p)));
                        var href = spans.stream().map(Span::href).filter(h -> h != null).findFirst().orElse(null);
                        cells.add(new Span(cell.getText(), href));
                    }
                    while (cells.size() < header.size()) {
                        cells.add(new Span("", null));
                    }
                    rows.add(cells.subList(0, header.size()));
                }
                blocks.add(new Table(header, rows));
            }
        }
        return blocks;
    }

    private static List<Span> spans(XWPFDocument document, XWPFParagraph p) {
        var spans = new ArrayList<Span>();
        for (var run : p.getRuns()) {
            var text = run.text();
            if (text.isEmpty()) {
                continue;
            }
            String href = null;
            if (run instanceof XWPFHyperlinkRun link && link.getHyperlink(document) != null) {
                href = link.getHyperlink(document).getURL();
            }
            spans.add(new Span(text, href));
        }
        return spans;
    }

    private static void format(XWPFRun run, CTRPr format) {
        if (format != null) {
            run.getCTR().setRPr((CTRPr) format.copy());
        }
    }

    /** A run's text replaced by {@code text} (its formatting kept; a tab or line break inside it becomes a space). */
    private static void setText(XWPFRun run, String text) {
        var r = run.getCTR();
        while (r.sizeOfTArray() > 0) {
            r.removeT(0);
        }
        while (r.sizeOfTabArray() > 0) {
            r.removeTab(0);
        }
        while (r.sizeOfBrArray() > 0) {
            r.removeBr(0);
        }
        if (!text.isEmpty()) {
            run.setText(text.replace('\t', ' ').replace('\n', ' '));
        }
    }

    private static void width(XWPFTableCell cell, int percent) {
        var w = cell.getCTTc().isSetTcPr() && cell.getCTTc().getTcPr().isSetTcW() ? cell.getCTTc().getTcPr().getTcW()
                : (cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr()).addNewTcW();
        w.setType(STTblWidth.PCT);
        w.setW(BigInteger.valueOf(percent * 50L));
    }
}
