package vn.danvan.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;

class DocxTests {

    static OfficialDocument notice() {
        return OfficialDocument.builder()
                .superiorBody("UBND tỉnh Lạng Sơn")
                .issuingBody("Ban Tiếp công dân")
                .number("25/TB-BTCD")
                .place("Lạng Sơn")
                .date(LocalDate.of(2026, 1, 5))
                .kind("Thông báo")
                .subject("Về việc thụ lý giải quyết khiếu nại")
                .paragraph("Ngày 02/01/2026, Ban Tiếp công dân nhận được đơn khiếu nại của ông Nguyễn Văn A.")
                .heading("1. Nội dung khiếu nại")
                .indented("- Khiếu nại quyết định thu hồi đất.")
                .recipient("Ông Nguyễn Văn A;")
                .recipient("- Lưu: VT, BTCD.")
                .signer("KT. Trưởng ban", "Phó Trưởng ban")
                .build();
    }

    static XWPFDocument read(byte[] bytes) throws IOException {
        return new XWPFDocument(new ByteArrayInputStream(bytes));
    }

    /** Every paragraph of the document, those in table cells included, in reading order. */
    static List<XWPFParagraph> paragraphs(XWPFDocument doc) {
        List<XWPFParagraph> all = new ArrayList<>();
        for (var element : doc.getBodyElements()) {
            if (element instanceof XWPFParagraph p) {
                all.add(p);
            } else if (element instanceof XWPFTable t) {
                t.getRows().forEach(r -> r.getTableCells().forEach(c -> all.addAll(c.getParagraphs())));
            }
        }
        return all;
    }

    static List<String> texts(XWPFDocument doc) {
        return paragraphs(doc).stream().map(XWPFParagraph::getText).filter(t -> !t.isBlank()).toList();
    }

    static XWPFParagraph find(XWPFDocument doc, String text) {
        return paragraphs(doc).stream().filter(p -> p.getText().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no paragraph " + text + " in " + texts(doc)));
    }

    @Test
    void writesTheHeaderTitleBodyAndFooterOfDecree30() throws IOException {
        try (XWPFDocument doc = read(Docx.write(notice()))) {
            assertThat(texts(doc)).containsSubsequence(
                    "UBND TỈNH LẠNG SƠN", "BAN TIẾP CÔNG DÂN",
                    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                    "Số: 25/TB-BTCD", "Lạng Sơn, ngày 05 tháng 01 năm 2026",
                    "THÔNG BÁO", "Về việc thụ lý giải quyết khiếu nại",
                    "Ngày 02/01/2026, Ban Tiếp công dân nhận được đơn khiếu nại của ông Nguyễn Văn A.",
                    "1. Nội dung khiếu nại", "- Khiếu nại quyết định thu hồi đất.",
                    "Nơi nhận:", "- Ông Nguyễn Văn A;", "- Lưu: VT, BTCD.",
                    "KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN");

            assertThat(doc.getTables()).hasSize(2);
            XWPFTable header = doc.getTables().get(0);
            assertThat(header.getRow(0).getCell(0).getText()).contains("BAN TIẾP CÔNG DÂN");
            assertThat(header.getRow(0).getCell(1).getText()).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
            assertThat(header.getRow(1).getCell(0).getText()).isEqualTo("Số: 25/TB-BTCD");
            assertThat(header.getRow(1).getCell(1).getText()).isEqualTo("Lạng Sơn, ngày 05 tháng 01 năm 2026");
            assertThat(header.getCTTbl().getTblPr().getTblBorders().getTop().getVal().toString()).isEqualTo("none");
            assertThat(doc.getTables().get(1).getRow(0).getCell(0).getText()).startsWith("Nơi nhận:");
        }
    }

    @Test
    void setsTimesNewRomanAndTheSizesAndStylesOfDecree30() throws IOException {
        try (XWPFDocument doc = read(Docx.write(notice()))) {
            for (XWPFParagraph p : paragraphs(doc)) {
                for (XWPFRun r : p.getRuns()) {
                    assertThat(r.getFontFamily()).as(r.text()).isEqualTo("Times New Roman");
                }
            }
            XWPFRun issuing = find(doc, "BAN TIẾP CÔNG DÂN").getRuns().get(0);
            assertThat(issuing.isBold()).isTrue();
            assertThat(issuing.getFontSizeAsDouble()).isEqualTo(13.0);
            assertThat(find(doc, "UBND TỈNH LẠNG SƠN").getRuns().get(0).isBold()).isFalse();
            assertThat(find(doc, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").getRuns().get(0).isBold()).isTrue();
            assertThat(find(doc, "Độc lập - Tự do - Hạnh phúc").getRuns().get(0).isBold()).isTrue();
            XWPFRun date = find(doc, "Lạng Sơn, ngày 05 tháng 01 năm 2026").getRuns().get(0);
            assertThat(date.isItalic()).isTrue();
            XWPFParagraph kind = find(doc, "THÔNG BÁO");
            assertThat(kind.getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
            assertThat(kind.getRuns().get(0).isBold()).isTrue();
            assertThat(kind.getRuns().get(0).getFontSizeAsDouble()).isEqualTo(14.0);

            XWPFParagraph body = find(doc, "Ngày 02/01/2026, Ban Tiếp công dân nhận được đơn khiếu nại của ông Nguyễn Văn A.");
            assertThat(body.getAlignment()).isEqualTo(ParagraphAlignment.BOTH);
            assertThat(body.getFirstLineIndent()).isEqualTo(567);
            assertThat(body.getSpacingBefore()).isEqualTo(120);
            assertThat(body.getRuns().get(0).getFontSizeAsDouble()).isEqualTo(14.0);
            assertThat(body.getRuns().get(0).isBold()).isFalse();
            assertThat(find(doc, "1. Nội dung khiếu nại").getRuns().get(0).isBold()).isTrue();
            assertThat(find(doc, "- Khiếu nại quyết định thu hồi đất.").getIndentationLeft()).isEqualTo(567);

            XWPFRun to = find(doc, "Nơi nhận:").getRuns().get(0);
            assertThat(to.isBold()).isTrue();
            assertThat(to.isItalic()).isTrue();
            assertThat(to.getFontSizeAsDouble()).isEqualTo(12.0);
            assertThat(find(doc, "- Lưu: VT, BTCD.").getRuns().get(0).getFontSizeAsDouble()).isEqualTo(11.0);
            assertThat(find(doc, "KT. TRƯỞNG BAN").getRuns().get(0).isBold()).isTrue();
        }
    }

    @Test
    void drawsTheShortLinesUnderTheIssuingBodyTheMottoAndTheSubject() throws IOException {
        try (XWPFDocument doc = read(Docx.write(notice()))) {
            XWPFTable header = doc.getTables().get(0);
            var underBody = header.getRow(0).getCell(0).getParagraphs().stream()
                    .filter(p -> p.getBorderBottom() == org.apache.poi.xwpf.usermodel.Borders.SINGLE).toList();
            var underMotto = header.getRow(0).getCell(1).getParagraphs().stream()
                    .filter(p -> p.getBorderBottom() == org.apache.poi.xwpf.usermodel.Borders.SINGLE).toList();
            assertThat(underBody).hasSize(1);
            assertThat(underMotto).hasSize(1);
            // a short centred line: equal indents on both sides, the motto's line longer than the body's
            assertThat(underBody.get(0).getIndentationLeft()).isEqualTo(underBody.get(0).getIndentationRight()).isPositive();
            assertThat(underMotto.get(0).getText()).isEmpty();
            assertThat(doc.getParagraphs().stream().filter(p -> p.getBorderBottom() == org.apache.poi.xwpf.usermodel.Borders.SINGLE))
                    .as("the line under the subject").hasSize(1);
            assertThat(doc.getBodyElements().get(doc.getBodyElements().size() - 1)).as("Word wants a closing paragraph")
                    .isInstanceOf(XWPFParagraph.class);
        }
    }

    @Test
    void usesA4WithTheMarginsOfDecree30InTwips() throws IOException {
        try (XWPFDocument doc = read(Docx.write(notice()))) {
            var sect = doc.getDocument().getBody().getSectPr();
            assertThat(sect.getPgSz().getW()).isEqualTo(BigInteger.valueOf(11906));
            assertThat(sect.getPgSz().getH()).isEqualTo(BigInteger.valueOf(16838));
            CTPageMar mar = sect.getPgMar();
            assertThat(mar.getTop()).isEqualTo(BigInteger.valueOf(1134));    // 20 mm
            assertThat(mar.getBottom()).isEqualTo(BigInteger.valueOf(1134)); // 20 mm
            assertThat(mar.getLeft()).isEqualTo(BigInteger.valueOf(1701));   // 30 mm
            assertThat(mar.getRight()).isEqualTo(BigInteger.valueOf(850));   // 15 mm
        }
    }

    @Test
    void writesDaysBelowTenAndJanuaryAndFebruaryWithALeadingZero() {
        assertThat(Docx.placeAndDate("Lạng Sơn", LocalDate.of(2026, 1, 5))).isEqualTo("Lạng Sơn, ngày 05 tháng 01 năm 2026");
        assertThat(Docx.placeAndDate("Lạng Sơn", LocalDate.of(2026, 2, 9))).isEqualTo("Lạng Sơn, ngày 09 tháng 02 năm 2026");
        assertThat(Docx.placeAndDate("Hà Nội", LocalDate.of(2026, 3, 10))).isEqualTo("Hà Nội, ngày 10 tháng 3 năm 2026");
        assertThat(Docx.placeAndDate("Hà Nội", LocalDate.of(2025, 12, 31))).isEqualTo("Hà Nội, ngày 31 tháng 12 năm 2025");
        assertThat(Docx.placeAndDate("Hà Nội", null)).startsWith("Hà Nội, ngày ");
    }

    @Test
    void leavesTheSignatureSpaceAndTheBlanksWhenNotKnown() throws IOException {
        OfficialDocument letter = OfficialDocument.builder()
                .issuingBody("UBND xã Hoàng Văn Thụ")
                .place("Lạng Sơn")
                .subject("V/v hướng dẫn công dân")
                .paragraph("Kính gửi: Ông Nguyễn Văn A")
                .signer("Chủ tịch")
                .build();
        try (XWPFDocument doc = read(Docx.write(letter))) {
            List<String> texts = texts(doc);
            assertThat(texts).contains("UBND XÃ HOÀNG VĂN THỤ", "V/v hướng dẫn công dân", "CHỦ TỊCH");
            assertThat(texts).noneMatch(t -> t.startsWith("THÔNG BÁO"));
            assertThat(texts.stream().filter(t -> t.startsWith("Số:")).findFirst().orElseThrow()).matches("Số: +/");
            XWPFTable footer = doc.getTables().get(1);
            assertThat(footer.getRow(0).getCell(1).getParagraphs().size()).isGreaterThanOrEqualTo(5);
            assertThat(footer.getRow(0).getCell(1).getText().strip()).isEqualTo("CHỦ TỊCH");
        }
    }

    @Test
    void aTableInTheBodyIsRuledWithABoldRepeatedHeaderAndItsRowsInOrder() throws IOException {
        var table = new OfficialDocument.Table(List.of("Chỉ tiêu", "Năm 2025", "Năm 2026"),
                List.of(OfficialDocument.Table.Row.bold("1. Mô hình", "", ""), OfficialDocument.Table.Row.of("- Đăng ký mới", "3", "8")),
                List.of(4, 1, 1));
        var document = OfficialDocument.builder().issuingBody("Ban Dân vận").place("Lạng Sơn").kind("Báo cáo")
                .subject("Kết quả năm 2026").paragraph("Trước bảng.").table(table).note("[Phần đánh giá]").build();
        assertThat(document.bodyTexts()).containsExactly("Trước bảng.", "[Phần đánh giá]");
        try (XWPFDocument doc = read(Docx.write(document))) {
            assertThat(doc.getTables()).hasSize(3);
            XWPFTable body = doc.getTables().get(1);
            assertThat(body.getRows()).hasSize(3);
            assertThat(body.getRow(0).isRepeatHeader()).isTrue();
            assertThat(body.getRow(0).getCell(1).getParagraphs().get(0).getRuns().get(0).isBold()).isTrue();
            assertThat(body.getRow(2).getCell(0).getText()).isEqualTo("- Đăng ký mới");
            assertThat(body.getRow(2).getCell(2).getText()).isEqualTo("8");
            assertThat(body.getRow(2).getCell(0).getParagraphs().get(0).getRuns().get(0).isBold()).isFalse();
            XWPFParagraph note = find(doc, "[Phần đánh giá]");
            assertThat(note.getRuns().get(0).isItalic()).isTrue();
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new OfficialDocument.Table(List.of("A", "B"),
                List.of(OfficialDocument.Table.Row.of("1")), List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesFiguresAsHyperlinksInParagraphsAndTableCells() throws IOException {
        var paragraph = OfficialDocument.Paragraph.of(List.of(OfficialDocument.Span.plain("Tiếp "),
                new OfficialDocument.Span("38.500", "https://danvan.example/reporting?indicator=TCD_LUOT"),
                OfficialDocument.Span.plain(" lượt công dân.")), OfficialDocument.Style.NORMAL);
        var table = new OfficialDocument.Table(List.of("Đơn vị", "Số đơn"), List.of(
                new OfficialDocument.Table.Row(List.of("Phường Lương Văn Tri", "12"), false,
                        java.util.Arrays.asList(null, "https://danvan.example/reporting?unit=05983"))), List.of(3, 1));
        var document = OfficialDocument.builder().issuingBody("Ban Dân vận").place("Lạng Sơn").kind("Báo cáo")
                .subject("Kết quả quý I năm 2026").paragraph(paragraph).table(table).build();
        assertThat(document.bodyTexts()).containsExactly("Tiếp 38.500 lượt công dân.");
        try (XWPFDocument doc = read(Docx.write(document))) {
            XWPFParagraph written = find(doc, "Tiếp 38.500 lượt công dân.");
            var links = written.getRuns().stream().filter(org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun.class::isInstance)
                    .map(org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun.class::cast).toList();
            assertThat(links).hasSize(1);
            assertThat(links.get(0).text()).isEqualTo("38.500");
            assertThat(links.get(0).getHyperlink(doc).getURL()).isEqualTo("https://danvan.example/reporting?indicator=TCD_LUOT");
            XWPFTable body = doc.getTables().get(1);
            var cell = body.getRow(1).getCell(1).getParagraphs().get(0);
            assertThat(cell.getRuns()).singleElement().isInstanceOf(org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun.class);
            assertThat(((org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun) cell.getRuns().get(0)).getHyperlink(doc).getURL())
                    .isEqualTo("https://danvan.example/reporting?unit=05983");
            assertThat(body.getRow(1).getCell(0).getParagraphs().get(0).getRuns().get(0))
                    .isNotInstanceOf(org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun.class);
        }
    }
}
