package vn.danvan.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Locale;
import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTParaRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

/**
 * Writes an {@link OfficialDocument} as a Word file laid out per Decree 30/2020/NĐ-CP, Appendix I: A4,
 * margins 20/20/30/15 mm (top, bottom, left, right), Times New Roman; the header as a borderless
 * two-column table (issuing body and number left, national title, motto and place-date right), the
 * kind and subject centred, the body justified with a 1 cm first-line indent, and the footer as a
 * borderless two-column table (recipients left, signer right).
 */
public final class Docx {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static final String FONT = "Times New Roman";
    public static final String NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    public static final String MOTTO = "Độc lập - Tự do - Hạnh phúc";

    /** A4 in twips (1/20 pt; 1 mm = 56.7 twips). */
    public static final int PAGE_WIDTH = 11906;
    public static final int PAGE_HEIGHT = 16838;
    public static final int MARGIN_TOP = 1134;      // 20 mm
    public static final int MARGIN_BOTTOM = 1134;   // 20 mm
    public static final int MARGIN_LEFT = 1701;     // 30 mm
    public static final int MARGIN_RIGHT = 850;     // 15 mm
    static final int TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;

    static final int HEADER_LEFT = 3600;
    private static final int FOOTER_LEFT = 4300;
    static final int CELL_PADDING = 108;
    private static final int FIRST_LINE_INDENT = 567;  // 1 cm
    static final int SHORT_LINE = 1300;        // under the issuing body and the subject
    private static final int MOTTO_LINE = 3260;        // as long as the motto at 14 pt bold

    private Docx() {
    }

    public static byte[] write(OfficialDocument document) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            page(doc);
            header(doc, document);
            title(doc, document);
            body(doc, document);
            footer(doc, document);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * "Lạng Sơn, ngày 05 tháng 01 năm 2026": days below 10 and the months January and February are
     * written with a leading zero (Decree 30/2020/NĐ-CP, Appendix I). A null date leaves blanks.
     */
    public static String placeAndDate(String place, LocalDate date) {
        String prefix = place == null || place.isBlank() ? "" : place.strip() + ", ";
        if (date == null) {
            return prefix + "ngày      tháng      năm 20…";
        }
        return prefix + "ngày " + day(date) + " tháng " + month(date) + " năm " + date.getYear();
    }

    static String day(LocalDate date) {
        return date.getDayOfMonth() < 10 ? "0" + date.getDayOfMonth() : Integer.toString(date.getDayOfMonth());
    }

    static String month(LocalDate date) {
        int m = date.getMonthValue();
        return m <= 2 ? "0" + m : Integer.toString(m);
    }

    // ---------------------------------------------------------------------------------------------

    static void page(XWPFDocument doc) {
        CTFonts fonts = CTFonts.Factory.newInstance();
        fonts.setAscii(FONT);
        fonts.setHAnsi(FONT);
        fonts.setCs(FONT);
        fonts.setEastAsia(FONT);
        var styles = doc.createStyles();
        styles.setDefaultFonts(fonts);
        styles.setSpellingLanguage("vi-VN");

        CTSectPr sect = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(PAGE_WIDTH));
        size.setH(BigInteger.valueOf(PAGE_HEIGHT));
        size.setOrient(STPageOrientation.PORTRAIT);
        CTPageMar margins = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        margins.setTop(BigInteger.valueOf(MARGIN_TOP));
        margins.setBottom(BigInteger.valueOf(MARGIN_BOTTOM));
        margins.setLeft(BigInteger.valueOf(MARGIN_LEFT));
        margins.setRight(BigInteger.valueOf(MARGIN_RIGHT));
        margins.setHeader(BigInteger.valueOf(567));
        margins.setFooter(BigInteger.valueOf(567));
        margins.setGutter(BigInteger.ZERO);
    }

    private static void header(XWPFDocument doc, OfficialDocument d) {
        XWPFTable table = borderless(doc, 2, HEADER_LEFT, TEXT_WIDTH - HEADER_LEFT);

        XWPFTableCell bodies = table.getRow(0).getCell(0);
        boolean first = true;
        if (notBlank(d.superiorBody())) {
            run(paragraph(bodies, true, ParagraphAlignment.CENTER), upper(d.superiorBody()), 13, false, false);
            first = false;
        }
        if (notBlank(d.issuingBody())) {
            run(paragraph(bodies, first, ParagraphAlignment.CENTER), upper(d.issuingBody()), 13, true, false);
            first = false;
        }
        line(paragraph(bodies, first, ParagraphAlignment.CENTER), HEADER_LEFT - 2 * CELL_PADDING, SHORT_LINE);

        int rightWidth = TEXT_WIDTH - HEADER_LEFT;
        XWPFTableCell nation = table.getRow(0).getCell(1);
        run(paragraph(nation, true, ParagraphAlignment.CENTER), NATIONAL_TITLE, 13, true, false);
        run(paragraph(nation, false, ParagraphAlignment.CENTER), MOTTO, 14, true, false);
        line(paragraph(nation, false, ParagraphAlignment.CENTER), rightWidth - 2 * CELL_PADDING, MOTTO_LINE);

        XWPFTableCell number = table.getRow(1).getCell(0);
        XWPFParagraph no = paragraph(number, true, ParagraphAlignment.CENTER);
        no.setSpacingBefore(120);
        run(no, "Số: " + (notBlank(d.number()) ? d.number().stripTrailing() : "        /"), 13, false, false);
        if (!notBlank(d.kind()) && notBlank(d.subject())) {
            // an official letter (công văn): the subject goes under the number, "V/v …", 12 pt
            run(paragraph(number, false, ParagraphAlignment.CENTER), "V/v " + stripVv(d.subject()), 12, false, false);
        }

        XWPFParagraph date = paragraph(table.getRow(1).getCell(1), true, ParagraphAlignment.CENTER);
        date.setSpacingBefore(120);
        run(date, placeAndDate(d.place(), d.date()), 14, false, true);
    }

    static void title(XWPFDocument doc, OfficialDocument d) {
        if (!notBlank(d.kind())) {
            spacer(doc, 14);
            return;
        }
        XWPFParagraph kind = doc.createParagraph();
        kind.setAlignment(ParagraphAlignment.CENTER);
        kind.setSpacingBefore(480);
        kind.setSpacingAfter(0);
        run(kind, upper(d.kind()), 14, true, false);
        if (notBlank(d.subject())) {
            XWPFParagraph subject = doc.createParagraph();
            subject.setAlignment(ParagraphAlignment.CENTER);
            subject.setSpacingAfter(0);
            run(subject, d.subject().strip(), 14, true, false);
        }
        XWPFParagraph rule = doc.createParagraph();
        line(rule, TEXT_WIDTH, SHORT_LINE);
        rule.setSpacingAfter(240);
    }

    static void body(XWPFDocument doc, OfficialDocument d) {
        for (OfficialDocument.Block block : d.body()) {
            if (block instanceof OfficialDocument.Table t) {
                table(doc, t);
                continue;
            }
            OfficialDocument.Paragraph p = (OfficialDocument.Paragraph) block;
            XWPFParagraph par = doc.createParagraph();
            par.setSpacingBefore(120);
            par.setSpacingAfter(0);
            par.setSpacingBetween(1.15);
            boolean bold = false;
            boolean italic = false;
            switch (p.style()) {
                case NORMAL -> {
                    par.setAlignment(ParagraphAlignment.BOTH);
                    par.setFirstLineIndent(FIRST_LINE_INDENT);
                }
                case HEADING -> {
                    par.setAlignment(ParagraphAlignment.BOTH);
                    par.setFirstLineIndent(FIRST_LINE_INDENT);
                    par.setKeepNext(true);
                    bold = true;
                }
                case INDENTED -> {
                    par.setAlignment(ParagraphAlignment.BOTH);
                    par.setIndentationLeft(FIRST_LINE_INDENT);
                    par.setFirstLineIndent(FIRST_LINE_INDENT);
                }
                case CENTERED -> {
                    par.setAlignment(ParagraphAlignment.CENTER);
                    bold = true;
                }
                case NOTE -> {
                    par.setAlignment(ParagraphAlignment.BOTH);
                    par.setFirstLineIndent(FIRST_LINE_INDENT);
                    italic = true;
                }
            }
            for (OfficialDocument.Span span : p.spans()) {
                if (span.href() == null) {
                    lines(par, span.text(), 14, bold, italic);
                } else {
                    link(par, span.text(), span.href(), 14, bold, italic);
                }
            }
        }
    }

    /** A hyperlink run: the text in the body's font, blue and underlined as Word shows links. */
    static void link(XWPFParagraph p, String text, String href, int size, boolean bold, boolean italic) {
        XWPFHyperlinkRun r = p.createHyperlinkRun(href);
        r.setFontFamily(FONT);
        r.setBold(bold);
        r.setItalic(italic);
        r.setFontSize(size);
        r.setColor("0563C1");
        r.setUnderline(UnderlinePatterns.SINGLE);
        r.setText(text);
        if (p.getRuns().size() == 1) {
            markSize(p, size);
        }
    }

    /** A ruled table across the text width, 12 pt, the header row bold and repeated on each page. */
    private static void table(XWPFDocument doc, OfficialDocument.Table t) {
        int columns = t.header().size();
        int[] widths = new int[columns];
        int sum = t.widths().isEmpty() ? columns : t.widths().stream().mapToInt(Integer::intValue).sum();
        int used = 0;
        for (int c = 0; c < columns; c++) {
            int weight = t.widths().isEmpty() ? 1 : t.widths().get(c);
            widths[c] = c == columns - 1 ? TEXT_WIDTH - used : TEXT_WIDTH * weight / sum;
            used += widths[c];
        }
        spacer(doc, 6);
        XWPFTable table = doc.createTable(t.rows().size() + 1, columns);
        table.setWidthType(TableWidthType.DXA);
        table.setWidth(TEXT_WIDTH);
        table.setCellMargins(40, 80, 40, 80);
        CTTblPr pr = table.getCTTbl().getTblPr();
        (pr.isSetTblLayout() ? pr.getTblLayout() : pr.addNewTblLayout()).setType(STTblLayoutType.FIXED);
        CTTblGrid grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid() : table.getCTTbl().addNewTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int w : widths) {
            grid.addNewGridCol().setW(BigInteger.valueOf(w));
        }
        table.getRow(0).setRepeatHeader(true);
        table.getRow(0).setCantSplitRow(true);
        for (int r = 0; r <= t.rows().size(); r++) {
            boolean header = r == 0;
            var cells = header ? t.header() : t.rows().get(r - 1).cells();
            boolean bold = header || t.rows().get(r - 1).bold();
            var row = table.getRow(r);
            row.setCantSplitRow(true);
            for (int c = 0; c < columns; c++) {
                XWPFTableCell cell = row.getCell(c);
                width(cell, widths[c]);
                cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
                ParagraphAlignment align = header || c > 0 ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT;
                var text = cells.get(c) == null ? "" : cells.get(c);
                var href = header ? null : t.rows().get(r - 1).link(c);
                if (href == null) {
                    lines(paragraph(cell, true, align), text, 12, bold, false);
                } else {
                    link(paragraph(cell, true, align), text, href, 12, bold, false);
                }
            }
        }
        spacer(doc, 6);
    }

    static void footer(XWPFDocument doc, OfficialDocument d) {
        spacer(doc, 12);
        XWPFTable table = borderless(doc, 1, FOOTER_LEFT, TEXT_WIDTH - FOOTER_LEFT);

        XWPFTableCell to = table.getRow(0).getCell(0);
        if (!d.recipients().isEmpty()) {
            run(paragraph(to, true, ParagraphAlignment.LEFT), "Nơi nhận:", 12, true, true);
            for (String r : d.recipients()) {
                String text = r.strip();
                run(paragraph(to, false, ParagraphAlignment.LEFT), text.startsWith("-") ? text : "- " + text, 11, false, false);
            }
        }

        XWPFTableCell signer = table.getRow(0).getCell(1);
        boolean first = true;
        for (String authority : d.signerAuthority()) {
            run(paragraph(signer, first, ParagraphAlignment.CENTER), upper(authority), 14, true, false);
            first = false;
        }
        for (int i = 0; i < 4; i++) {
            run(paragraph(signer, first, ParagraphAlignment.CENTER), "", 14, false, false);
            first = false;
        }
        XWPFParagraph name = paragraph(signer, first, ParagraphAlignment.CENTER);
        if (notBlank(d.signerName())) {
            run(name, d.signerName().strip(), 14, true, false);
        } else {
            run(name, "", 14, false, false);
        }
        // Word wants the body to end with a paragraph, not a table
        spacer(doc, 2);
    }

    // ---------------------------------------------------------------------------------------------

    /** A table with no borders, {@code rows} × 2, columns of the given widths in twips, fixed layout. */
    static XWPFTable borderless(XWPFDocument doc, int rows, int left, int right) {
        XWPFTable table = doc.createTable(rows, 2);
        table.setTopBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
        table.setBottomBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
        table.setLeftBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
        table.setRightBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
        table.setInsideHBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
        table.setInsideVBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
        table.setWidthType(TableWidthType.DXA);
        table.setWidth(left + right);
        table.setCellMargins(0, CELL_PADDING, 0, CELL_PADDING);
        CTTblPr pr = table.getCTTbl().getTblPr();
        (pr.isSetTblLayout() ? pr.getTblLayout() : pr.addNewTblLayout()).setType(STTblLayoutType.FIXED);
        CTTblGrid grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid() : table.getCTTbl().addNewTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        grid.addNewGridCol().setW(BigInteger.valueOf(left));
        grid.addNewGridCol().setW(BigInteger.valueOf(right));
        for (var row : table.getRows()) {
            width(row.getCell(0), left);
            width(row.getCell(1), right);
        }
        return table;
    }

    private static void width(XWPFTableCell cell, int twips) {
        CTTcPr pr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
        CTTblWidth w = pr.isSetTcW() ? pr.getTcW() : pr.addNewTcW();
        w.setType(STTblWidth.DXA);
        w.setW(BigInteger.valueOf(twips));
    }

    /** The cell's first (empty) paragraph when {@code first}, else a new one; no spacing. */
    static XWPFParagraph paragraph(XWPFTableCell cell, boolean first, ParagraphAlignment alignment) {
        XWPFParagraph p = first ? cell.getParagraphs().get(0) : cell.addParagraph();
        p.setAlignment(alignment);
        p.setSpacingBefore(0);
        p.setSpacingAfter(0);
        return p;
    }

    /**
     * Turns {@code p} into a thin rule of {@code length} twips centred in {@code available} twips: an
     * empty paragraph, 1 pt high, with a bottom border and equal left and right indents.
     */
    static void line(XWPFParagraph p, int available, int length) {
        int indent = Math.max(0, (available - length) / 2);
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setIndentationLeft(indent);
        p.setIndentationRight(indent);
        p.setBorderBottom(Borders.SINGLE);
        CTBorder border = p.getCTP().getPPr().getPBdr().getBottom();
        border.setSz(BigInteger.valueOf(6));     // 3/4 pt
        border.setSpace(BigInteger.ZERO);
        border.setColor("auto");
        p.setSpacingBefore(0);
        p.setSpacingAfter(0);
        p.setSpacingBetween(1.0);
        markSize(p, 2);
    }

    static void spacer(XWPFDocument doc, int points) {
        XWPFParagraph p = doc.createParagraph();
        p.setSpacingAfter(0);
        markSize(p, points);
    }

    /** The size of the paragraph mark, which sets the height of an empty paragraph. */
    private static void markSize(XWPFParagraph p, int points) {
        CTPPr ppr = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
        CTParaRPr rpr = ppr.isSetRPr() ? ppr.getRPr() : ppr.addNewRPr();
        BigInteger half = BigInteger.valueOf(points * 2L);
        (rpr.sizeOfSzArray() > 0 ? rpr.getSzArray(0) : rpr.addNewSz()).setVal(half);
        (rpr.sizeOfSzCsArray() > 0 ? rpr.getSzCsArray(0) : rpr.addNewSzCs()).setVal(half);
    }

    /** Writes {@code text}, line breaks within it kept as breaks. */
    private static void lines(XWPFParagraph p, String text, int size, boolean bold, boolean italic) {
        String[] parts = text.split("\\R", -1);
        for (int i = 0; i < parts.length; i++) {
            XWPFRun r = run(p, parts[i], size, bold, italic);
            if (i < parts.length - 1) {
                r.addBreak();
            }
        }
    }

    static XWPFRun run(XWPFParagraph p, String text, int size, boolean bold, boolean italic) {
        XWPFRun r = p.createRun();
        // in the order of the schema (rFonts, b, i, sz): POI appends run properties as they are set
        r.setFontFamily(FONT);
        r.setBold(bold);
        r.setItalic(italic);
        r.setFontSize(size);
        r.setText(text);
        if (p.getRuns().size() == 1) {
            markSize(p, size);
        }
        return r;
    }

    static String upper(String text) {
        return text.strip().toUpperCase(Locale.forLanguageTag("vi"));
    }

    private static String stripVv(String subject) {
        String s = subject.strip();
        return s.regionMatches(true, 0, "V/v ", 0, 4) ? s.substring(4) : s;
    }

    static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
