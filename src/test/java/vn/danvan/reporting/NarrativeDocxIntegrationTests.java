package vn.danvan.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import vn.danvan.SignedInMvc;
import vn.danvan.export.Docx;
import vn.danvan.orgunit.OrgUnits;

/**
 * A narrative template uploaded as a Word file: placeholders split across Word's runs are found; unknown indicators
 * and unclosed placeholders are refused naming the paragraph; the report is the uploaded document filled in — its own
 * formatting kept, each figure a hyperlink run with the live figure, a table in place, the units' submitted narrative
 * sections (never a draft's) under their names — and the file is downloadable as uploaded.
 */
@SpringBootTest
class NarrativeDocxIntegrationTests {

    static final String ON = "2026-11-30";

    @Autowired
    WebApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OrgUnits units;

    MockMvc mvc;
    SignedInMvc signedIn;

    @BeforeEach
    void setUp() {
        signedIn = new SignedInMvc(context);
        mvc = signedIn.mvc();
    }

    /** A Word file whose paragraphs are given as runs: each inner list one paragraph, each string one run. */
    static byte[] docx(List<List<String>> paragraphs) throws Exception {
        try (var doc = new XWPFDocument(); var out = new ByteArrayOutputStream()) {
            for (var runs : paragraphs) {
                var p = doc.createParagraph();
                for (var text : runs) {
                    var r = p.createRun();
                    r.setFontFamily("Arial");
                    r.setText(text);
                }
            }
            doc.getParagraphs().get(0).getRuns().forEach(r -> r.setBold(true));
            doc.write(out);
            return out.toByteArray();
        }
    }

    String upload(MockHttpSession admin, String code, byte[] bytes, int expectedStatus) throws Exception {
        return mvc.perform(multipart("/reporting/narratives/upload").file(new MockMultipartFile("file", "mau-kiem-thu.docx", Docx.CONTENT_TYPE, bytes))
                        .param("code", code).param("title", "Mẫu Word kiểm thử " + code).param("layout", "PARTY")
                        .param("kindName", "Báo cáo").param("subject", "Kết quả công tác dân vận {{period}}").param("periodHint", "QUARTER")
                        .session(admin).with(csrf()))
                .andExpect(status().is(expectedStatus)).andReturn().getResponse().getContentAsString();
    }

    static String code() {
        return "BC_WORD_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase().replace('-', '_');
    }

    @Test
    void anUploadedTemplateIsFilledInKeepingItsFormattingWithEachFigureAHyperlinkAndTheSubmittedSectionsUnderTheirUnits() throws Exception {
        // two submissions of one quarter in Lạng Sơn with a "kết quả" section: one is put as SUBMITTED, the other as a
        // draft, whatever the demo made of them (the approval demo accepts some); both are put back afterwards
        var drafts = jdbc.sql("""
                select s.id, s.unit_id, s.period from reporting_submission s
                where s.form_code = 'DV-QUY'
                  and exists (select 1 from reporting_submission_text t where t.submission_id = s.id and t.section = 'ket_qua')
                  and exists (select 1 from reporting_submission o join reporting_submission_text ot on ot.submission_id = o.id
                              where o.period = s.period and o.id <> s.id and o.form_code = 'DV-QUY' and ot.section = 'ket_qua')
                order by s.period desc, s.unit_id limit 1""")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        var period = jdbc.sql("select period from reporting_submission where id = :id").param("id", drafts[0]).query(String.class).single();
        var other = jdbc.sql("""
                select o.id from reporting_submission o join reporting_submission_text ot on ot.submission_id = o.id
                where o.form_code = 'DV-QUY' and o.period = :p and o.id <> :id and ot.section = 'ket_qua' order by o.id limit 1""")
                .param("p", period).param("id", drafts[0]).query(Long.class).single();
        var statusBefore = jdbc.sql("select id, status from reporting_submission where id in (:a, :b)").param("a", drafts[0]).param("b", other)
                .query((rs, n) -> java.util.Map.entry(rs.getLong(1), rs.getString(2))).list();
        jdbc.sql("update reporting_submission set status = 'DRAFT' where id = :id").param("id", other).update();
        var submittedText = jdbc.sql("select body from reporting_submission_text where submission_id = :id and section = 'ket_qua'")
                .param("id", drafts[0]).query(String.class).single();
        var draftText = jdbc.sql("select body from reporting_submission_text where submission_id = :id and section = 'ket_qua'")
                .param("id", other).query(String.class).single();
        var unitName = units.find(drafts[1], LocalDate.parse(ON)).orElseThrow().name();

        var admin = signedIn.login("admin");
        var code = code();
        var bytes = docx(List.of(
                List.of("BÁO CÁO KIỂM THỬ"),
                List.of("Tại {{unit}}, đã tiếp nhận ", "{{DON_", "TIEP", "_NHAN}}", " đơn thư ({{DON_TIEP_NHAN|change}} so với cùng kỳ)."),
                List.of("{{table:DON_TIEP_NHAN,DVK_DANG_KY}}"),
                List.of("{{sections:", "ket_qua}}"),
                List.of("Hết.")));
        upload(admin, code, bytes, 302);
        assertThat(mvc.perform(get("/reporting/narratives/" + code + "/template.docx").session(admin)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray()).isEqualTo(bytes);

        jdbc.sql("update reporting_submission set status = 'SUBMITTED' where id = :id").param("id", drafts[0]).update();
        try {
            var officer = signedIn.login("canbo.langson");
            var report = mvc.perform(get("/reporting/narratives/" + code + "/report.docx").session(officer).param("unit", "20")
                            .param("period", period).param("on", ON))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
            var expected = mvc.perform(get("/api/values/aggregate").session(officer).param("indicator", "DON_TIEP_NHAN")
                            .param("unit", "20").param("period", period).param("on", ON).param("mode", "RESTATED"))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            var value = new BigDecimal(Pattern.compile("\"value\":([0-9.]+)").matcher(expected).results().findFirst().orElseThrow().group(1));
            try (var doc = new XWPFDocument(new ByteArrayInputStream(report))) {
                var first = doc.getParagraphs().get(0);
                assertThat(first.getText()).isEqualTo("BÁO CÁO KIỂM THỬ");
                assertThat(first.getRuns().get(0).isBold()).isTrue();
                var figure = doc.getParagraphs().get(1);
                assertThat(figure.getText()).startsWith("Tại Tỉnh Lạng Sơn, đã tiếp nhận " + NarrativeReports.number(value) + " đơn thư (")
                        .doesNotContain("{{").doesNotContain("}}");
                var links = new ArrayList<XWPFHyperlinkRun>();
                figure.getRuns().stream().filter(XWPFHyperlinkRun.class::isInstance).map(XWPFHyperlinkRun.class::cast).forEach(links::add);
                assertThat(links).hasSize(2);
                assertThat(links.get(0).text()).isEqualTo(NarrativeReports.number(value));
                assertThat(links.get(0).getFontFamily()).as("the placeholder's formatting").isEqualTo("Arial");
                assertThat(links.get(0).getHyperlink(doc).getURL()).contains("/reporting?indicator=DON_TIEP_NHAN&unit=20&period=" + period)
                        .contains("on=" + ON).contains("mode=RESTATED");
                assertThat(doc.getTables()).hasSize(1);
                assertThat(doc.getTables().get(0).getRow(0).getCell(0).getText()).isEqualTo("Đơn vị");
                assertThat(doc.getTables().get(0).getRows().get(doc.getTables().get(0).getRows().size() - 1).getCell(0).getText())
                        .isEqualTo("Tổng cộng");
                var texts = doc.getParagraphs().stream().map(p -> p.getText()).toList();
                assertThat(texts).contains(unitName, submittedText.strip()).doesNotContain(draftText.strip());
                assertThat(texts.indexOf(unitName)).isLessThan(texts.indexOf(submittedText.strip()));
                assertThat(texts.get(texts.size() - 1)).isEqualTo("Hết.");
                assertThat(String.join("\n", texts)).doesNotContain("{{");
            }
            mvc.perform(get("/reporting/narratives/" + code + "/report.pdf").session(officer).param("unit", "20").param("period", period)
                            .param("on", ON))
                    .andExpect(status().isOk()).andExpect(content().contentType("application/pdf"));
            mvc.perform(get("/reporting/narratives/" + code + "/report").session(officer).param("unit", "20").param("period", period)
                            .param("on", ON))
                    .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString(unitName)))
                    .andExpect(content().string(Matchers.containsString("BÁO CÁO KIỂM THỬ")));
        } finally {
            statusBefore.forEach(e -> jdbc.sql("update reporting_submission set status = :s where id = :id")
                    .param("s", e.getValue()).param("id", e.getKey()).update());
        }
    }

    @Test
    void unknownIndicatorsAndUnclosedPlaceholdersAreRefusedNamingTheParagraphAndNothingIsSaved() throws Exception {
        var admin = signedIn.login("admin");
        var code = code();
        var page = upload(admin, code, docx(List.of(
                List.of("Tiêu đề"),
                List.of("Số lượt tiếp: {{KHONG_", "CO_CHI_TIEU}}."),
                List.of("Đơn thư: {{DON_TIEP_NHAN"),
                List.of("{{sections:khong_co_phan}}"))), 200);
        assertThat(page).contains("đoạn 2").contains("KHONG_CO_CHI_TIEU").contains("đoạn 3").contains("thiếu dấu đóng")
                .contains("đoạn 4").contains("khong_co_phan").contains("Mẫu Word kiểm thử " + code);
        assertThat(jdbc.sql("select count(*) from reporting_narrative where code = :c").param("c", code).query(Long.class).single()).isZero();

        var notWord = upload(admin, code, "không phải tệp Word".getBytes(java.nio.charset.StandardCharsets.UTF_8), 200);
        assertThat(notWord).contains("không đọc được như văn bản Word");
    }

    @Test
    void theSampleTemplateIsAcceptedAsItIsAndOnlyAnAdministratorUploads() throws Exception {
        var officer = signedIn.login("canbo.langson");
        var sample = mvc.perform(get("/reporting/narratives/sample.docx").session(officer)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        mvc.perform(multipart("/reporting/narratives/upload").file(new MockMultipartFile("file", "mau.docx", Docx.CONTENT_TYPE, sample))
                        .param("code", code()).param("title", "x").param("layout", "PARTY").param("kindName", "Báo cáo")
                        .param("subject", "x").session(officer).with(csrf()))
                .andExpect(status().isNotFound());
        var admin = signedIn.login("admin");
        var code = code();
        upload(admin, code, sample, 302);
        mvc.perform(get("/reporting/narratives").session(officer)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/reporting/narratives/" + code + "/template.docx")));
    }
}
