package vn.danvan.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import vn.danvan.SignedInMvc;

/**
 * The narrative report writes itself from the records: a province's quarterly dân vận report whose figures equal
 * the live aggregates, each a hyperlink — in the page, the .docx and the PDF — to the page listing the records behind
 * it; templates naming unknown indicators are refused; another province's unit is not found.
 */
@SpringBootTest
class NarrativeReportsIntegrationTests {

    static final String ON = "2026-11-30";

    @Autowired
    WebApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    MockMvc mvc;
    SignedInMvc signedIn;

    @BeforeEach
    void setUp() {
        signedIn = new SignedInMvc(context);
        mvc = signedIn.mvc();
    }

    /** The quarter of the demo with the most petitions of Lạng Sơn, so that the figures are not all zero. */
    String busyQuarter() {
        var year = jdbc.sql("""
                        select extract(year from received_on)::int * 10 + extract(quarter from received_on)::int
                        from petition group by 1 order by count(*) desc limit 1""")
                .query(Integer.class).optional().orElse(20254);
        return (year / 10) + "Q" + (year % 10);
    }

    @Test
    void theQuarterlyReportShowsTheLiveFiguresEachLinkedToItsRecords() throws Exception {
        var officer = signedIn.login("canbo.langson");
        var period = busyQuarter();
        var page = mvc.perform(get("/reporting/narratives/BC_DAN_VAN_QUY/report").session(officer).param("unit", "20")
                        .param("period", period).param("on", ON))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Tỉnh Lạng Sơn")))
                .andExpect(content().string(Matchers.containsString("I. KẾT QUẢ THỰC HIỆN")))
                .andReturn().getResponse().getContentAsString();

        var expected = mvc.perform(get("/api/values/aggregate").session(officer).param("indicator", "DON_TIEP_NHAN")
                        .param("unit", "20").param("period", period).param("on", ON).param("mode", "RESTATED"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var value = new BigDecimal(Pattern.compile("\"value\":([0-9.]+)").matcher(expected).results().findFirst().orElseThrow().group(1));
        var link = Pattern.compile("<a class=\"dv-figure\" href=\"([^\"]*indicator=DON_TIEP_NHAN[^\"]*unit=20[^\"]*)\">([^<]*)</a>")
                .matcher(page).results().findFirst().orElseThrow();
        assertThat(link.group(2)).isEqualTo(NarrativeReports.number(value));

        // the figure's link opens the aggregate page of that figure, which lists the petitions counted
        var href = URI.create(link.group(1).replace("&amp;", "&"));
        mvc.perform(get(href.getPath() + "?" + href.getRawQuery()).session(officer))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Số đơn thư tiếp nhận")))
                .andExpect(content().string(value.signum() > 0 ? Matchers.containsString("id=\"records\"") : Matchers.anything()));
    }

    @Test
    void theDocxIsInThePartyLayoutAndEveryFigureIsAHyperlink() throws Exception {
        var officer = signedIn.login("canbo.langson");
        var bytes = mvc.perform(get("/reporting/narratives/BC_DAN_VAN_QUY/report.docx").session(officer).param("unit", "20")
                        .param("period", busyQuarter()).param("on", ON).param("superiorBody", "Tỉnh ủy Lạng Sơn")
                        .param("issuingBody", "Ban Dân vận"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (var doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            var paragraphs = new ArrayList<XWPFParagraph>(doc.getParagraphs());
            for (XWPFTable t : doc.getTables()) {
                t.getRows().forEach(r -> r.getTableCells().forEach(c -> paragraphs.addAll(c.getParagraphs())));
            }
            var text = paragraphs.stream().map(XWPFParagraph::getText).toList();
            assertThat(text).contains("ĐẢNG CỘNG SẢN VIỆT NAM", "BAN DÂN VẬN");
            assertThat(text).anyMatch(t -> t.startsWith("Trong quý ") && t.contains("lượt công dân"));
            var links = paragraphs.stream().flatMap(p -> p.getRuns().stream()).filter(XWPFHyperlinkRun.class::isInstance)
                    .map(r -> ((XWPFHyperlinkRun) r).getHyperlink(doc).getURL()).toList();
            // 25 figures in the text, and the table's columns for each province area and the total
            assertThat(links).hasSizeGreaterThan(25);
            assertThat(links).allMatch(u -> u.startsWith("http://localhost/reporting?indicator="));
            assertThat(links).anyMatch(u -> u.contains("indicator=DVK_DANG_KY_TAP_THE") && u.contains("unit=20"));
        }
    }

    @Test
    void theReportsTableOfPetitionsAndVisitsAddsUpToItsTotalTheProvincesOwnBodiesAmongItsRows() throws Exception {
        var officer = signedIn.login("canbo.langson");
        var bytes = mvc.perform(get("/reporting/narratives/BC_DAN_VAN_QUY/report.docx").session(officer).param("unit", "20")
                        .param("period", busyQuarter()).param("on", ON))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        var bodies = jdbc.sql("""
                        select v.name from org_unit u join org_unit_version v on v.unit_id = u.id
                        where u.parent_id = (select id from org_unit where code = '20' and validity @> cast(:on as date))
                        and u.category = 'BODY' and v.validity @> cast(:on as date)
                        and u.validity @> cast(:on as date)""")
                .param("on", LocalDate.parse(ON)).query(String.class).list();
        try (var doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            var table = doc.getTables().stream()
                    .filter(t -> t.getRow(0).getCell(0).getText().equals("Đơn vị")).findFirst().orElseThrow();
            var rows = table.getRows().subList(1, table.getRows().size());
            var total = rows.get(rows.size() - 1);
            assertThat(total.getCell(0).getText()).isEqualTo("Tổng cộng");
            var names = rows.stream().map(r -> r.getCell(0).getText()).toList();
            // the province's People's Committee and its boards receive petitions of their own: they are rows
            assertThat(names).anyMatch(bodies::contains);
            // a body with nothing but zeros adds nothing to the total and is left out (a province has a dozen)
            for (var row : rows) {
                if (bodies.contains(row.getCell(0).getText())) {
                    assertThat(row.getTableCells().subList(1, row.getTableCells().size()))
                            .as(row.getCell(0).getText()).anyMatch(c -> !c.getText().equals("0") && !c.getText().equals("chưa có số liệu"));
                }
            }
            // columns 1 and 2: LUOT_TIEP_CONG_DAN, DON_TIEP_NHAN (the template's first two)
            for (int column = 1; column <= 2; column++) {
                long sum = 0;
                for (var row : rows.subList(0, rows.size() - 1)) {
                    sum += Long.parseLong(row.getCell(column).getText().replace(".", ""));
                }
                assertThat(sum).as("column %d", column).isEqualTo(Long.parseLong(total.getCell(column).getText().replace(".", "")));
                assertThat(sum).as("column %d", column).isPositive();
            }
        }
    }

    @Test
    void thePdfIsWrittenForTheFiveYearReviewOfThaiNguyen() throws Exception {
        var officer = signedIn.login("canbo.thainguyen");
        var bytes = mvc.perform(get("/reporting/narratives/BC_TONG_KET_CT16_CTR79/report.pdf").session(officer).param("unit", "19")
                        .param("period", "2021-2025").param("on", ON))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(bytes)) {
            var text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
            assertThat(text).contains("Tỉnh Thái Nguyên").contains("giai đoạn 2021 - 2025");
            var uris = new ArrayList<String>();
            for (var page : pdf.getPages()) {
                for (var annotation : page.getAnnotations()) {
                    if (annotation instanceof org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink link
                            && link.getAction() instanceof org.apache.pdfbox.pdmodel.interactive.action.PDActionURI uri) {
                        uris.add(uri.getURI());
                    }
                }
            }
            assertThat(uris).hasSizeGreaterThan(10).allMatch(u -> u.startsWith("http://localhost/reporting?indicator="));
            assertThat(uris).anyMatch(u -> u.contains("indicator=KE_HOACH_TRIEN_KHAI_BAN_HANH") && u.contains("period=2021-2025"));
        }
    }

    @Test
    void anotherProvincesReportIsNotFound() throws Exception {
        var officer = signedIn.login("canbo.thainguyen");
        mvc.perform(get("/reporting/narratives/BC_DAN_VAN_QUY/report.docx").session(officer).param("unit", "20")
                        .param("period", "2026Q1"))
                .andExpect(status().isNotFound());
    }

    @Test
    void aTemplateNamingAnUnknownIndicatorIsRefusedNamingItAndKeepsWhatWasTyped() throws Exception {
        var officer = signedIn.login("canbo.langson");
        mvc.perform(get("/reporting/narratives/new").session(officer)).andExpect(status().isNotFound());
        var admin = signedIn.login("admin");
        mvc.perform(post("/reporting/narratives").session(admin).with(csrf()).param("code", "BC_THU_" + System.nanoTime() % 100000)
                        .param("title", "Báo cáo thử").param("layout", "STATE").param("kindName", "Báo cáo")
                        .param("subject", "kết quả {{period}}").param("body", "Tiếp {{LUOT_TIEP_CONG_DAN}} lượt, {{KHONG_CO_CHI_TIEU}} đơn."))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("chỉ tiêu KHONG_CO_CHI_TIEU không có trong danh mục")))
                .andExpect(content().string(Matchers.containsString("{{KHONG_CO_CHI_TIEU}} đơn.")));
    }

    @Test
    void anAdministratorWritesATemplateThatThenGeneratesInTheStateLayout() throws Exception {
        var admin = signedIn.login("admin");
        var code = "BC_THU_" + System.nanoTime() % 100000;
        mvc.perform(post("/reporting/narratives").session(admin).with(csrf()).param("code", code)
                        .param("title", "Báo cáo tiếp công dân").param("layout", "STATE").param("kindName", "Báo cáo")
                        .param("subject", "Kết quả tiếp công dân {{period}}").param("periodHint", "quarter")
                        .param("body", "# Kết quả\n\nTiếp {{LUOT_TIEP_CONG_DAN}} lượt ({{LUOT_TIEP_CONG_DAN|change}})."))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'reporting.narrative-defined'").query(Long.class).single())
                .isPositive();
        var bytes = mvc.perform(get("/reporting/narratives/" + code + "/report.docx").session(admin).param("unit", "20")
                        .param("period", "2026Q1").param("on", LocalDate.of(2026, 11, 30).toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            var all = new StringBuilder();
            doc.getTables().forEach(t -> all.append(t.getText()));
            doc.getParagraphs().forEach(p -> all.append(p.getText()).append('\n'));
            assertThat(all.toString()).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").contains("Kết quả tiếp công dân quý I năm 2026");
        }
    }
}
