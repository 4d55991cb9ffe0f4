package vn.danvan.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

/** The Party layout of Guidance 36-HD/VPTW: heading top right, committee with its star top left, "Số …" without colon. */
class PartyDocxTests {

    static XWPFDocument written() throws Exception {
        var doc = OfficialDocument.builder().superiorBody("Tỉnh ủy Lạng Sơn").issuingBody("Ban Dân vận").number("25-TB/BDVTU")
                .place("Lạng Sơn").date(LocalDate.of(2019, 3, 5)).kind("Thông báo").subject("Kết luận hội nghị giao ban quý I")
                .paragraph("Nội dung.").signer("T/M Ban Thường vụ", "Phó Bí thư").signerName("Hoàng Văn A").build();
        return new XWPFDocument(new ByteArrayInputStream(PartyDocx.write(doc)));
    }

    @Test
    void theHeaderCarriesThePartyHeadingTheCommitteeWithItsStarAndTheNumberWithoutColon() throws Exception {
        try (var doc = written()) {
            var header = doc.getTables().get(0);
            var left = header.getRow(0).getCell(0).getText();
            var right = header.getRow(0).getCell(1).getText();
            assertThat(left).contains("TỈNH ỦY LẠNG SƠN", "BAN DÂN VẬN", "*");
            assertThat(right).isEqualTo("ĐẢNG CỘNG SẢN VIỆT NAM");
            var headingRun = header.getRow(0).getCell(1).getParagraphs().get(0).getRuns().get(0);
            assertThat(headingRun.isBold()).isTrue();
            assertThat(headingRun.getUnderline()).isEqualTo(UnderlinePatterns.SINGLE);
            assertThat(header.getRow(1).getCell(0).getText()).isEqualTo("Số 25-TB/BDVTU");
            var date = header.getRow(1).getCell(1).getParagraphs().get(0).getRuns().get(0);
            assertThat(date.getText(0)).isEqualTo("Lạng Sơn, ngày 05 tháng 3 năm 2019");
            assertThat(date.isItalic()).isTrue();
        }
    }

    @Test
    void theBodyAndFooterFollowTheKindAndSigner() throws Exception {
        try (var doc = written(); var extractor = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc)) {
            assertThat(extractor.getText()).contains("THÔNG BÁO", "Kết luận hội nghị giao ban quý I", "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ",
                    "Hoàng Văn A").doesNotContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        }
    }
}
