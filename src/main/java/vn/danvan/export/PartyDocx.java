package vn.danvan.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;

/**
 * Writes an {@link OfficialDocument} in the layout of Party documents (Guidance 36-HD/VPTW, 2018):
 * the heading "ĐẢNG CỘNG SẢN VIỆT NAM" top right, bold and underlined, with the place and date in
 * italics below it; the issuing committee top left (the superior committee above it, upright; the
 * issuing body bold) with a star "*" under it, and the number "Số 25-TB/TU" (no colon) below; then
 * kind, subject, body and footer as in {@link Docx}. Page, font and margins are those of {@link Docx}.
 * The caller chooses this layout for Party bodies; this class knows no business rule.
 */
public final class PartyDocx {

    public static final String PARTY_HEADING = "ĐẢNG CỘNG SẢN VIỆT NAM";

    private PartyDocx() {
    }

    public static byte[] write(OfficialDocument document) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Docx.page(doc);
            header(doc, document);
            Docx.title(doc, document);
            Docx.body(doc, document);
            Docx.footer(doc, document);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void header(XWPFDocument doc, OfficialDocument d) {
        var table = Docx.borderless(doc, 2, Docx.HEADER_LEFT + 400, Docx.TEXT_WIDTH - Docx.HEADER_LEFT - 400);

        XWPFTableCell bodies = table.getRow(0).getCell(0);
        boolean first = true;
        if (Docx.notBlank(d.superiorBody())) {
            Docx.run(Docx.paragraph(bodies, true, ParagraphAlignment.CENTER), Docx.upper(d.superiorBody()), 14, false, false);
            first = false;
        }
        if (Docx.notBlank(d.issuingBody())) {
            Docx.run(Docx.paragraph(bodies, first, ParagraphAlignment.CENTER), Docx.upper(d.issuingBody()), 14, true, false);
            first = false;
        }
        Docx.run(Docx.paragraph(bodies, first, ParagraphAlignment.CENTER), "*", 14, false, false);

        XWPFTableCell party = table.getRow(0).getCell(1);
        XWPFParagraph heading = Docx.paragraph(party, true, ParagraphAlignment.RIGHT);
        var run = Docx.run(heading, PARTY_HEADING, 15, true, false);
        run.setUnderline(UnderlinePatterns.SINGLE);

        XWPFParagraph number = Docx.paragraph(table.getRow(1).getCell(0), true, ParagraphAlignment.CENTER);
        number.setSpacingBefore(60);
        Docx.run(number, "Số " + (Docx.notBlank(d.number()) ? d.number().stripTrailing() : "      -"), 14, false, false);

        XWPFParagraph date = Docx.paragraph(table.getRow(1).getCell(1), true, ParagraphAlignment.RIGHT);
        date.setSpacingBefore(60);
        Docx.run(date, Docx.placeAndDate(d.place(), d.date()), 14, false, true);
    }
}
