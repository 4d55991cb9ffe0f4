package vn.danvan.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import vn.danvan.SignedInMvc;

/**
 * Report forms and the entry grid against the embedded PostgreSQL with the demo data: the seeded
 * quarterly dân vận form (DV-QUY) through the form API and the grid, versions by validity date,
 * deadlines, saving with type errors, blocking rules and warnings (nothing saved on error), per-line
 * conflicts, copy from the last period, the .xlsx template and its import, and scope (404).
 * Each test writes its own unit × period (the demo fills 2025Q3–2026Q3, Đông Kinh's 2026Q3 left empty).
 */
@SpringBootTest
class ReportEntryIntegrationTests {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

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

    MockHttpServletResponse grid(MockHttpSession session, String form, String unit, String period) throws Exception {
        return mvc.perform(get("/api/reporting/entry").session(session).param("form", form).param("unit", unit).param("period", period))
                .andReturn().getResponse();
    }

    MockHttpServletResponse save(MockHttpSession session, String body) throws Exception {
        return mvc.perform(put("/api/reporting/entry").session(session).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn().getResponse();
    }

    static String cells(String unit, String period, String cells, String narratives) {
        return """
                {"form": "DV-QUY", "unit": "%s", "period": "%s", "cells": [%s], "narratives": [%s]}
                """.formatted(unit, period, cells, narratives);
    }

    long stored(String indicator, String unit, String period) {
        return jdbc.sql("""
                select count(*) from reporting_value v join reporting_indicator i on i.id = v.indicator_id
                join org_unit u on u.id = v.unit_id
                where i.code = :i and u.code = :u and v.period = :p
                """).param("i", indicator).param("u", unit).param("p", period).query(Long.class).single();
    }

    @Test
    void theSeededQuarterlyFormReachesReportingsProviderThroughTheFormApiWithTheDemoFigures() throws Exception {
        var officer = signedIn.login("canbo.luongvantri");
        var response = mvc.perform(get("/api/forms/DV-QUY").session(officer).param("unit", "05983").param("from", "2025-10-01")
                .param("to", "2025-12-31")).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        var body = response.getContentAsString();
        assertThat(JsonPath.<String>read(body, "$.symbol")).isEqualTo("DV/Q");
        assertThat(JsonPath.<List<Object>>read(body, "$.columns")).hasSizeGreaterThan(30);
        // line 2 is HOI_NGHI_GIAO_BAN, which the demo enters every quarter for the ward
        assertThat(JsonPath.<Object>read(body, "$.rows[0].values['2']")).isNotNull();
        assertThat(JsonPath.<String>read(body, "$.rows[0].unit")).isEqualTo("05983");
    }

    @Test
    void theGridShowsComputedLinesWithTheirRecordsAndEnteredLinesWithVersionsDeadlineAndNarratives() throws Exception {
        var officer = signedIn.login("canbo.luongvantri");
        var response = grid(officer, "DV-QUY", "05983", "2025Q4");
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        var body = response.getContentAsString();
        assertThat(JsonPath.<String>read(body, "$.deadline")).startsWith("2026-01-1");
        // the demo's approval story: Lương Văn Tri's past quarters are approved and accepted by the province
        assertThat(JsonPath.<String>read(body, "$.submission.status")).isEqualTo("ACCEPTED");
        assertThat(JsonPath.<String>read(body, "$.submission.approvedBy")).isEqualTo("lanhdao.luongvantri");
        assertThat(JsonPath.<List<String>>read(body, "$.narratives[*].title")).containsExactly("Kết quả đạt được",
                "Hạn chế, nguyên nhân", "Nhiệm vụ trọng tâm kỳ tới", "Kiến nghị, đề xuất");
        assertThat(JsonPath.<List<Integer>>read(body, "$.sections[*].lines[?(@.indicator == 'HOI_NGHI_GIAO_BAN')].version"))
                .singleElement().satisfies(v -> assertThat(v).isGreaterThan(0));
        assertThat(JsonPath.<List<String>>read(body, "$.sections[*].lines[?(@.indicator == 'KE_HOACH_BAN_HANH')].recordsHref"))
                .singleElement().satisfies(href -> assertThat(href).contains("indicator=KE_HOACH_BAN_HANH").contains("unit=05983"));
        assertThat(JsonPath.<List<Boolean>>read(body, "$.sections[*].lines[?(@.indicator == 'DON_TIEP_NHAN')].entered"))
                .containsExactly(false);
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedNamingRowColumnAndIndicatorAndNothingIsSaved() throws Exception {
        var officer = signedIn.login("canbo.luongvantri");
        var response = save(officer, cells("05983", "2026Q4",
                "{\"number\": 1, \"value\": \"ba\", \"version\": 0}, {\"number\": 5, \"value\": \"2\", \"version\": 0}", ""));
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(400);
        var detail = JsonPath.<String>read(response.getContentAsString(), "$.detail");
        assertThat(detail).contains("Dòng 1", "VAN_BAN_CHI_DAO", "cột (1)", "\"ba\" không phải là số");
        assertThat(stored("LOP_TAP_HUAN", "05983", "2026Q4")).isZero();
    }

    @Test
    void aBrokenBlockingRuleStopsTheWholeSaveAndAWarningIsSavedAndReported() throws Exception {
        var officer = signedIn.login("canbo.dongkinh");
        // line 9: opinions at dialogues; line 10: of which answered on the spot — more answered than raised breaks an ERROR rule
        var refused = save(officer, cells("05977", "2026Q4", """
                {"number": 9, "value": "10", "version": 0}, {"number": 10, "value": "12", "version": 0},
                {"number": 7, "value": "2", "version": 0}""", ""));
        assertThat(refused.getStatus()).as(refused.getContentAsString()).isEqualTo(400);
        assertThat(JsonPath.<String>read(refused.getContentAsString(), "$.detail")).contains("Dòng 10", "Y_KIEN_TRA_LOI_TAI_CHO",
                "Y_KIEN_TRA_LOI_TAI_CHO ≤ Y_KIEN_DOI_THOAI", "12 ≤ 10");
        assertThat(stored("CUOC_KIEM_TRA_GIAM_SAT", "05977", "2026Q4")).isZero();
        assertThat(stored("Y_KIEN_DOI_THOAI", "05977", "2026Q4")).isZero();

        // line 5: courses; line 6: officer attendances — fewer attendances than courses only warns
        var saved = save(officer, cells("05977", "2026Q4", """
                {"number": 9, "value": "10", "version": 0}, {"number": 10, "value": "8", "version": 0},
                {"number": 5, "value": "3", "version": 0}, {"number": 6, "value": "1", "version": 0, "comment": "Hai lớp học trực tuyến"}""",
                "{\"key\": \"ket_qua\", \"text\": \"Tổ chức 3 lớp tập huấn\", \"version\": 0}"));
        assertThat(saved.getStatus()).as(saved.getContentAsString()).isEqualTo(200);
        var body = saved.getContentAsString();
        assertThat(JsonPath.<List<String>>read(body, "$.warnings")).singleElement().asString().contains("Dòng 6",
                "LUOT_CAN_BO_TAP_HUAN ≥ LOP_TAP_HUAN");
        assertThat(JsonPath.<Integer>read(body, "$.changed")).isEqualTo(5);
        assertThat(JsonPath.<List<String>>read(body, "$.grid.sections[*].lines[?(@.number == 6)].comment")).containsExactly("Hai lớp học trực tuyến");
        assertThat(JsonPath.<String>read(body, "$.grid.narratives[0].text")).isEqualTo("Tổ chức 3 lớp tập huấn");
        assertThat(jdbc.sql("""
                select count(*) from audit_log where action = 'reporting.value-entered' and after_state ->> 'form' = 'DV-QUY' and actor = 'canbo.dongkinh'
                """).query(Long.class).single()).isPositive();
    }

    @Test
    void twoOfficersSavingTheSameLineCannotOverwriteEachOtherAndTheConflictNamesTheLine() throws Exception {
        var first = signedIn.login("canbo.luongvantri");
        var second = signedIn.login("lanhdao.langson");
        var period = "2027Q" + (1 + SEQUENCE.getAndIncrement() % 4);
        var ok = save(first, cells("05983", period, "{\"number\": 1, \"value\": \"4\", \"version\": 0}", ""));
        assertThat(ok.getStatus()).as(ok.getContentAsString()).isEqualTo(200);
        // the second read the grid before the first saved (version 0) and changes line 1 and line 7
        var stale = save(second, cells("05983", period,
                "{\"number\": 1, \"value\": \"5\", \"version\": 0}, {\"number\": 7, \"value\": \"1\", \"version\": 0}", ""));
        assertThat(stale.getStatus()).as(stale.getContentAsString()).isEqualTo(409);
        assertThat(JsonPath.<String>read(stale.getContentAsString(), "$.detail")).contains("dòng 1");
        assertThat(JsonPath.<List<Integer>>read(stale.getContentAsString(), "$.conflicts[*].number")).containsExactly(1);
        assertThat(JsonPath.<List<Integer>>read(stale.getContentAsString(), "$.conflicts[*].current")).containsExactly(4);
        assertThat(stored("CUOC_KIEM_TRA_GIAM_SAT", "05983", period)).isZero();
        // a line the second did not change is not a conflict, even with a stale version
        var unchanged = save(second, cells("05983", period,
                "{\"number\": 1, \"value\": \"4\", \"version\": 0}, {\"number\": 7, \"value\": \"1\", \"version\": 0}", ""));
        assertThat(unchanged.getStatus()).as(unchanged.getContentAsString()).isEqualTo(200);
    }

    @Test
    void copyingFromTheLastPeriodProposesLastQuartersEnteredValuesForEmptyLinesOnly() throws Exception {
        var officer = signedIn.login("canbo.dongkinh");
        var response = mvc.perform(get("/api/reporting/entry/previous").session(officer).param("form", "DV-QUY").param("unit", "05977")
                .param("period", "2026Q3")).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        Map<String, Object> proposed = JsonPath.read(response.getContentAsString(), "$");
        var last = grid(officer, "DV-QUY", "05977", "2026Q2").getContentAsString();
        var lastVanBan = JsonPath.<List<Object>>read(last, "$.sections[*].lines[?(@.number == 1)].value").get(0);
        assertThat(proposed).containsEntry("1", String.valueOf(lastVanBan));
        var now = grid(officer, "DV-QUY", "05977", "2026Q3").getContentAsString();
        for (var number : proposed.keySet()) {
            assertThat(JsonPath.<List<Object>>read(now, "$.sections[*].lines[?(@.number == " + number + ")].value"))
                    .as("line %s is empty in 2026Q3", number).containsOnlyNulls();
        }
        // computed lines are never copied
        assertThat(proposed).doesNotContainKey("3");
    }

    @Test
    void anImportedTemplateWithErrorsReportsEveryRowColumnAndReasonAndSavesNothingThenAGoodOneSaves() throws Exception {
        var officer = signedIn.login("canbo.luongvantri");
        var period = "2028Q" + (1 + SEQUENCE.getAndIncrement() % 4);
        var template = mvc.perform(get("/api/reporting/entry/xlsx").session(officer).param("form", "DV-QUY").param("unit", "05983")
                .param("period", period)).andReturn().getResponse();
        assertThat(template.getStatus()).isEqualTo(200);
        byte[] bad;
        byte[] good;
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(template.getContentAsByteArray()))) {
            var sheet = book.getSheetAt(0);
            setValue(sheet, 1, "bốn");
            setValue(sheet, 5, "2");
            var extra = sheet.createRow(sheet.getLastRowNum() + 1);
            extra.createCell(0).setCellValue(99);
            bad = bytes(book);
            setValue(sheet, 1, "4");
            sheet.removeRow(extra);
            good = bytes(book);
        }
        var refused = mvc.perform(multipart("/api/reporting/entry/xlsx").file(new MockMultipartFile("file", "dv.xlsx", null, bad))
                .param("form", "DV-QUY").param("unit", "05983").param("period", period).session(officer).with(csrf()))
                .andReturn().getResponse();
        assertThat(refused.getStatus()).as(refused.getContentAsString()).isEqualTo(400);
        var messages = JsonPath.<List<String>>read(refused.getContentAsString(), "$.errors[*].message");
        assertThat(messages).hasSize(2);
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("cột D", "\"bốn\" không phải là số"));
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("cột A", "không có dòng mã số \"99\""));
        assertThat(stored("LOP_TAP_HUAN", "05983", period)).isZero();

        var imported = mvc.perform(multipart("/api/reporting/entry/xlsx").file(new MockMultipartFile("file", "dv.xlsx", null, good))
                .param("form", "DV-QUY").param("unit", "05983").param("period", period).session(officer).with(csrf()))
                .andReturn().getResponse();
        assertThat(imported.getStatus()).as(imported.getContentAsString()).isEqualTo(200);
        assertThat(stored("LOP_TAP_HUAN", "05983", period)).isOne();
        assertThat(stored("VAN_BAN_CHI_DAO", "05983", period)).isOne();
    }

    private static void setValue(org.apache.poi.ss.usermodel.Sheet sheet, int line, String value) {
        for (Row row : sheet) {
            var a = row.getCell(0);
            if (a != null && a.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC && a.getNumericCellValue() == line) {
                row.createCell(3).setCellValue(value);
                return;
            }
        }
        throw new AssertionError("no line " + line);
    }

    private static byte[] bytes(XSSFWorkbook book) throws java.io.IOException {
        var out = new ByteArrayOutputStream();
        book.write(out);
        return out.toByteArray();
    }

    @Test
    void aPeriodNotOfTheFormsTypeAnIllFormedPeriodAndAUnitOutsideScopeAreRefused() throws Exception {
        var officer = signedIn.login("canbo.luongvantri");
        var monthly = grid(officer, "DV-QUY", "05983", "202603");
        assertThat(monthly.getStatus()).isEqualTo(400);
        assertThat(JsonPath.<String>read(monthly.getContentAsString(), "$.detail")).contains("202603", "2025Q1");
        assertThat(grid(officer, "DV-QUY", "05983", "2026Q5").getStatus()).isEqualTo(400);
        assertThat(grid(officer, "KHONG-CO", "05983", "2026Q1").getStatus()).isEqualTo(404);

        var otherProvince = signedIn.login("canbo.thainguyen");
        assertThat(grid(otherProvince, "DV-QUY", "05983", "2026Q1").getStatus()).isEqualTo(404);
        assertThat(save(otherProvince, cells("05983", "2026Q4", "{\"number\": 1, \"value\": \"1\", \"version\": 0}", "")).getStatus())
                .isEqualTo(404);
        var page = mvc.perform(get("/reporting/entry").session(otherProvince).param("form", "DV-QUY").param("unit", "05983")
                .param("period", "2026Q1")).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains("Không tìm thấy").doesNotContain("id=\"entry-grid\"");
    }

    @Test
    void versionsApplyByValidityDateAndDeadlinesCountWorkingOrCalendarDays() throws Exception {
        var admin = signedIn.login("admin");
        var code = "DV-T" + SEQUENCE.incrementAndGet() + System.nanoTime() % 1000;
        var v1 = definition(code, 1, "2024-01-01", "VAN_BAN_CHI_DAO", "{\"days\": 10, \"workingDays\": true}");
        var v2 = definition(code, 2, "2026-01-01", "LOP_TAP_HUAN", "{\"days\": 15, \"workingDays\": false}");
        for (var v : List.of(v1, v2)) {
            var created = mvc.perform(post("/api/reporting/forms").session(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                    .content(v)).andReturn().getResponse();
            assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        }
        var officer = signedIn.login("canbo.luongvantri");
        var q3 = grid(officer, code, "05983", "2025Q3").getContentAsString();
        assertThat(JsonPath.<Integer>read(q3, "$.formVersion")).isEqualTo(1);
        assertThat(JsonPath.<List<String>>read(q3, "$.sections[*].lines[*].indicator")).containsExactly("VAN_BAN_CHI_DAO");
        // 10 working days after Tuesday 30/09/2025: 1–3, 6–10, 13, 14 October
        assertThat(JsonPath.<String>read(q3, "$.deadline")).isEqualTo("2025-10-14");
        var q1 = grid(officer, code, "05983", "2026Q1").getContentAsString();
        assertThat(JsonPath.<Integer>read(q1, "$.formVersion")).isEqualTo(2);
        assertThat(JsonPath.<List<String>>read(q1, "$.sections[*].lines[*].indicator")).containsExactly("LOP_TAP_HUAN");
        assertThat(JsonPath.<String>read(q1, "$.deadline")).isEqualTo("2026-04-15");

        var officerDefines = mvc.perform(post("/api/reporting/forms").session(officer).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(definition(code, 3, "2027-01-01", "LOP_TAP_HUAN", "null"))).andReturn().getResponse();
        assertThat(officerDefines.getStatus()).isEqualTo(404);
    }

    @Test
    void aFormWhoseRuleNamesAnUnknownIndicatorIsRefusedNamingIt() throws Exception {
        var admin = signedIn.login("admin");
        var body = definition("DV-X" + SEQUENCE.incrementAndGet(), 1, "2025-01-01", "VAN_BAN_CHI_DAO", "null")
                .replace("\"rules\": []", "\"rules\": [{\"expression\": \"VAN_BAN_CHI_DAO ≥ CHI_TIEU_MA\", \"severity\": \"ERROR\"}]");
        var refused = mvc.perform(post("/api/reporting/forms").session(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andReturn().getResponse();
        assertThat(refused.getStatus()).as(refused.getContentAsString()).isEqualTo(400);
        assertThat(JsonPath.<String>read(refused.getContentAsString(), "$.detail")).contains("CHI_TIEU_MA");
    }

    private static String definition(String code, int version, String validFrom, String indicator, String deadline) {
        return """
                {"code": "%s", "symbol": "%s", "version": %d, "validFrom": "%s", "title": "Biểu thử", "cut": "CALENDAR",
                 "periodKind": "QUARTER", "deadline": %s, "reporters": {"levels": ["COMMUNE"]},
                 "columns": [{"number": 1, "header": ["I. Mục", "Dòng một"], "measure": "%s"}], "rules": [],
                 "narratives": [{"key": "ket_qua", "title": "Kết quả đạt được"}]}
                """.formatted(code, code.replace('-', '/'), version, validFrom, deadline, indicator);
    }
}
