package vn.danvan.exemplar;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.danvan.exemplar.ExemplarFigures.Count;
import vn.danvan.exemplar.ExemplarFigures.Figures;
import vn.danvan.exemplar.ExemplarFigures.Resource;
import vn.danvan.exemplar.ExemplarFigures.TopModel;
import vn.danvan.exemplar.ExemplarFigures.TypicalModel;
import vn.danvan.exemplar.ExemplarViews.UnitRef;
import vn.danvan.export.OfficialDocument;
import vn.danvan.orgunit.OrgUnit;
import vn.danvan.orgunit.UnitCategory;
import vn.danvan.orgunit.UnitKind;
import vn.danvan.orgunit.UnitLevel;

/** The year-end report's words, from figures made up for the purpose: the sentences of the movement's articles. */
class ExemplarReportTests {

    static final OrgUnit PROVINCE = new OrgUnit(20, "20", UnitCategory.AREA, UnitLevel.PROVINCE, UnitKind.PROVINCE, "Tỉnh Lạng Sơn",
            null, 1L, "/1/20/", 1, null, null);
    static final OrgUnit COMMISSION = new OrgUnit(21, "20.BTGDV", UnitCategory.BODY, UnitLevel.PROVINCE,
            UnitKind.MASS_MOBILISATION_COMMISSION, "Ban Tuyên giáo và Dân vận Tỉnh ủy Lạng Sơn", null, 22L, "/1/20/22/21/", 3, null, null);

    static Count count(String key, long collective, long individual, long previousCollective, long previousIndividual) {
        return new Count(key, collective, individual, previousCollective, previousIndividual);
    }

    static Figures figures() {
        var headline = List.of(count("REGISTERED", 700, 425, 600, 400), count("RECOGNISED", 300, 0, 250, 0),
                count("TYPICAL", 0, 12, 0, 10), count("COMMENDED", 40, 10, 40, 10), count("REPLICATED", 0, 0, 0, 0));
        var byField = List.of(count("ECONOMY", 500, 100, 400, 100), count("DIGITAL", 0, 0, 0, 0));
        var byLevel = List.of(count("COMMUNE", 250, 0, 200, 0), count("DISTRICT", 0, 0, 50, 0), count("PROVINCE", 50, 0, 0, 0),
                count("CENTRAL", 0, 0, 0, 0));
        var byCommendation = List.of(count("CERTIFICATE_OF_MERIT", 28, 12, 30, 10), count("LETTER_OF_COMMENDATION", 12, 0, 0, 0),
                count("CERTIFICATE", 0, 0, 0, 0));
        var resources = List.of(new Resource(ResultMeasure.LAND_M2, new BigDecimal("2100.50"), new BigDecimal("900")),
                new Resource(ResultMeasure.ROAD_M, BigDecimal.ZERO, BigDecimal.TEN));
        var top = List.of(new TopModel(1, "MH-2025-000001", "\"Ngày thứ Bảy cùng dân\" làm đường", ExemplarKind.COLLECTIVE,
                new UnitRef(5983, "05983", "Phường Lương Văn Tri"), 3));
        return new Figures(new UnitRef(20, "20", "Tỉnh Lạng Sơn"), 2026, headline, byField, byLevel, List.of(), byCommendation,
                resources, 1_234_000_000L, 56_000_000L, top, List.of());
    }

    @Test
    void theReportSaysTheFiguresInTheArticlesWords() {
        var issuer = new ExemplarReport.Issuer(COMMISSION, "Tỉnh ủy Lạng Sơn", "Ban Tuyên giáo và Dân vận", PROVINCE, "Lạng Sơn",
                "BTGDV", List.of("TRƯỞNG BAN"));
        var typical = List.of(new TypicalModel(9, "DH-2026-000009", "Người gom rác bằng xe đạp", ExemplarKind.INDIVIDUAL, "Hoàng Văn Sáu",
                new UnitRef(5983, "05983", "Phường Lương Văn Tri"), RecognitionLevel.PROVINCE, "215-QĐ/BCĐ", LocalDate.of(2026, 12, 5),
                "Ban Chỉ đạo tỉnh"));
        OfficialDocument doc = ExemplarReport.document(issuer, figures(), typical, Map.of("ECONOMY", "Kinh tế", "DIGITAL", "Chuyển đổi số"),
                LocalDate.of(2026, 12, 20));
        assertThat(doc.kind()).isEqualTo("BÁO CÁO");
        assertThat(doc.subject()).isEqualTo("Kết quả phong trào thi đua \"Dân vận khéo\" năm 2026");
        assertThat(doc.number()).isEqualTo("…/BC-BTGDV");
        assertThat(doc.date()).isNull();
        assertThat(doc.superiorBody()).isEqualTo("Tỉnh ủy Lạng Sơn");
        assertThat(doc.bodyTexts()).contains(
                "Năm 2026, toàn tỉnh đăng ký 1.125 mô hình, điển hình (tăng 12,5% so với năm 2025), trong đó 700 mô hình tập thể, "
                        + "425 điển hình cá nhân.",
                "Theo lĩnh vực (một mô hình có thể thuộc nhiều lĩnh vực): kinh tế 600 (năm 2025: 500).",
                "Có 300 mô hình, điển hình được công nhận (tăng 20% so với năm 2025), đều là mô hình tập thể; theo cấp công nhận: "
                        + "cấp xã 250, cấp tỉnh 50.",
                "Có 12 mô hình, điển hình được công nhận là tiêu biểu (tăng 20% so với năm 2025), đều là điển hình cá nhân.",
                "Có 50 mô hình, điển hình được khen thưởng (bằng năm 2025), trong đó 40 mô hình tập thể, 10 điển hình cá nhân; "
                        + "theo hình thức: Bằng khen cho 28 tập thể, 12 cá nhân; Giấy khen cho 12 tập thể.",
                "Trong năm chưa có mô hình mới được nhân rộng từ mô hình đã có (năm 2025: 0).",
                "- \"Ngày thứ Bảy cùng dân\" làm đường (Phường Lương Văn Tri): nhân rộng 3 lần.",
                "Kinh phí đăng ký của các mô hình mới trong năm: 1.234.000.000 đồng; nguồn xã hội hóa: 56.000.000 đồng.",
                "Kết quả các mô hình ghi nhận trong năm: 2.100,5 m² đất được hiến (năm 2025: 900).",
                "- Hoàng Văn Sáu: \"Người gom rác bằng xe đạp\" (Phường Lương Văn Tri); công nhận cấp tỉnh theo Quyết định số "
                        + "215-QĐ/BCĐ ngày 05/12/2026 của Ban Chỉ đạo tỉnh.",
                "- Và 11 mô hình, điển hình tiêu biểu khác.",
                "II. ĐÁNH GIÁ CHUNG", "III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2027");
        var table = doc.body().stream().filter(OfficialDocument.Table.class::isInstance).map(OfficialDocument.Table.class::cast)
                .findFirst().orElseThrow();
        assertThat(table.header()).containsExactly("Chỉ tiêu", "Năm 2025", "Năm 2026", "Trong đó: tập thể", "Trong đó: cá nhân",
                "Tăng, giảm so với năm 2025");
        assertThat(table.rows().get(1).cells()).containsExactly("- Đăng ký mới", "1.000", "1.125", "700", "425", "+12,5%");
        assertThat(table.rows()).extracting(r -> r.cells().get(0)).contains("- Cấp huyện", "- Kinh tế", "- Giấy khen")
                .doesNotContain("- Chuyển đổi số", "- Trung ương", "- Giấy chứng nhận");
        assertThat(doc.signerAuthority()).containsExactly("TRƯỞNG BAN");
    }

    @ParameterizedTest(name = "{0}+{1} after {2}+{3}: {4}")
    @CsvSource(delimiter = '|', value = {
            "700|425|600|400|tăng 12,5% so với năm 2025",
            "90|0|100|0|giảm 10% so với năm 2025",
            "5|5|8|2|bằng năm 2025",
            "3|0|0|0|năm 2025 chưa có",
            "1|0|3|0|giảm 66,6% so với năm 2025"})
    void theChangeOnThePreviousYearIsTheDashboards(long c, long i, long pc, long pi, String words) {
        assertThat(ExemplarReport.change(new Count("REGISTERED", c, i, pc, pi), 2026)).isEqualTo(words);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {"PROVINCE|toàn tỉnh", "WARD|toàn phường", "COMMUNE|toàn xã", "CENTRAL|toàn quốc",
            "MUNICIPALITY|toàn thành phố", "SPECIAL_ZONE|toàn đặc khu"})
    void theAreaIsNamedAsTheArticlesDo(UnitKind kind, String words) {
        var area = new OrgUnit(1, "X", UnitCategory.AREA, UnitLevel.PROVINCE, kind, "X", null, null, "/1/", 0, null, null);
        assertThat(ExemplarReport.scopeWord(area)).isEqualTo(words);
    }
}
