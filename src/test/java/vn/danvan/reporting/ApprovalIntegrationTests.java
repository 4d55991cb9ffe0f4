package vn.danvan.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
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
 * Approval of the quarterly form DV-QUY against the embedded PostgreSQL, over the JSON API and the grid
 * page: each step by whom it belongs to, stale versions, returns and unlocks with a reason, the lock on
 * all four write paths (409, nothing changed), scope (404), and the demo's story. Each test uses its own
 * unit × period in 2027–2028, which neither the demo nor the other tests write.
 */
@SpringBootTest
class ApprovalIntegrationTests {

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

    MockHttpServletResponse state(MockHttpSession session, String unit, String period) throws Exception {
        return mvc.perform(get("/api/reporting/approval").session(session).param("form", "DV-QUY").param("unit", unit)
                .param("period", period)).andReturn().getResponse();
    }

    int version(MockHttpSession session, String unit, String period) throws Exception {
        var body = state(session, unit, period).getContentAsString();
        Integer v = JsonPath.read(body, "$.submission") == null ? 0 : JsonPath.read(body, "$.submission.version");
        return v;
    }

    MockHttpServletResponse step(MockHttpSession session, String unit, String period, String action, int version, String reason)
            throws Exception {
        var body = """
                {"form": "DV-QUY", "unit": "%s", "period": "%s", "action": "%s", "version": %d, "reason": %s}
                """.formatted(unit, period, action, version, reason == null ? "null" : "\"" + reason + "\"");
        return mvc.perform(post("/api/reporting/approval").session(session).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andReturn().getResponse();
    }

    MockHttpServletResponse next(MockHttpSession session, String unit, String period, String action, String reason) throws Exception {
        return step(session, unit, period, action, version(session, unit, period), reason);
    }

    MockHttpServletResponse putValue(MockHttpSession session, String indicator, String unit, String period, int value) throws Exception {
        return mvc.perform(put("/api/values").session(session).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"indicator\": \"%s\", \"unit\": \"%s\", \"period\": \"%s\", \"value\": %d}"
                        .formatted(indicator, unit, period, value))).andReturn().getResponse();
    }

    String stored(String indicator, String unit, String period) {
        return jdbc.sql("""
                select v.value::text from reporting_value v join reporting_indicator i on i.id = v.indicator_id
                join org_unit u on u.id = v.unit_id
                where i.code = :i and u.code = :u and v.period = :p and u.valid_to is null
                """).param("i", indicator).param("u", unit).param("p", period).query(String.class).optional().orElse(null);
    }

    /** Officer fills line 1 and submits, the ward's leader approves. */
    void approved(String unit, String officer, String leader, String period) throws Exception {
        var o = signedIn.login(officer);
        assertThat(putValue(o, "VAN_BAN_CHI_DAO", unit, period, 4).getStatus()).isEqualTo(200);
        var submitted = next(o, unit, period, "SUBMIT", null);
        assertThat(submitted.getStatus()).as(submitted.getContentAsString()).isEqualTo(200);
        var l = signedIn.login(leader);
        var approved = next(l, unit, period, "APPROVE", null);
        assertThat(approved.getStatus()).as(approved.getContentAsString()).isEqualTo(200);
    }

    @Test
    void anOfficerSubmitsTheLeaderApprovesAndTheProvinceAcceptsEachStepInTheHistoryAndTheAudit() throws Exception {
        var officer = signedIn.login("canbo.luongvantri");
        assertThat(putValue(officer, "VAN_BAN_CHI_DAO", "05983", "2027Q1", 3).getStatus()).isEqualTo(200);
        var first = JsonPath.<List<String>>read(state(officer, "05983", "2027Q1").getContentAsString(), "$.actions");
        assertThat(first).containsExactly("SUBMIT");

        var submitted = next(officer, "05983", "2027Q1", "SUBMIT", null);
        assertThat(submitted.getStatus()).as(submitted.getContentAsString()).isEqualTo(200);
        assertThat(JsonPath.<String>read(submitted.getContentAsString(), "$.submission.status")).isEqualTo("SUBMITTED");
        assertThat(JsonPath.<String>read(submitted.getContentAsString(), "$.submission.submittedBy")).isEqualTo("canbo.luongvantri");
        // the officer cannot approve what he submitted
        var selfApproved = next(officer, "05983", "2027Q1", "APPROVE", null);
        assertThat(selfApproved.getStatus()).isEqualTo(400);
        assertThat(selfApproved.getContentAsString()).contains("chỉ lãnh đạo");

        var leader = signedIn.login("lanhdao.luongvantri");
        assertThat(JsonPath.<List<String>>read(state(leader, "05983", "2027Q1").getContentAsString(), "$.actions"))
                .containsExactly("APPROVE", "RETURN");
        var approved = next(leader, "05983", "2027Q1", "APPROVE", null);
        assertThat(approved.getStatus()).as(approved.getContentAsString()).isEqualTo(200);
        assertThat(JsonPath.<String>read(approved.getContentAsString(), "$.submission.approvedBy")).isEqualTo("lanhdao.luongvantri");
        // the ward's leader is not the parent unit
        assertThat(next(leader, "05983", "2027Q1", "ACCEPT", null).getStatus()).isEqualTo(400);

        var province = signedIn.login("canbo.langson");
        var accepted = next(province, "05983", "2027Q1", "ACCEPT", null);
        assertThat(accepted.getStatus()).as(accepted.getContentAsString()).isEqualTo(200);
        var body = accepted.getContentAsString();
        assertThat(JsonPath.<String>read(body, "$.submission.status")).isEqualTo("ACCEPTED");
        assertThat(JsonPath.<String>read(body, "$.parentUnit")).isEqualTo("20");
        assertThat(JsonPath.<List<String>>read(body, "$.steps[*].action")).containsExactly("ACCEPT", "APPROVE", "SUBMIT");
        assertThat(JsonPath.<List<String>>read(body, "$.steps[*].actedBy"))
                .containsExactly("canbo.langson", "lanhdao.luongvantri", "canbo.luongvantri");
        long id = JsonPath.<Integer>read(body, "$.submission.id");
        assertThat(jdbc.sql("""
                select action from audit_log where entity_type = 'reporting_submission' and entity_id = :id
                  and action like 'reporting.submission-%' order by id
                """).param("id", String.valueOf(id)).query(String.class).list())
                .contains("reporting.submission-submit", "reporting.submission-approve", "reporting.submission-accept");

        // the grid page shows the state and the history
        var page = mvc.perform(get("/reporting/entry").session(province).param("form", "DV-QUY").param("unit", "05983")
                .param("period", "2027Q1")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"approval-history\"").contains("Cấp trên đã tiếp nhận").contains("lanhdao.luongvantri");
    }

    @Test
    void aStaleVersionIsRefusedWith409AndNothingChanges() throws Exception {
        var officer = signedIn.login("canbo.dongkinh");
        assertThat(putValue(officer, "VAN_BAN_CHI_DAO", "05977", "2027Q1", 2).getStatus()).isEqualTo(200);
        var read = version(officer, "05977", "2027Q1");
        assertThat(step(officer, "05977", "2027Q1", "SUBMIT", read, null).getStatus()).isEqualTo(200);
        var leader = signedIn.login("lanhdao.dongkinh");
        var stale = step(leader, "05977", "2027Q1", "APPROVE", read, null);
        assertThat(stale.getStatus()).isEqualTo(409);
        assertThat(JsonPath.<String>read(state(leader, "05977", "2027Q1").getContentAsString(), "$.submission.status"))
                .isEqualTo("SUBMITTED");
    }

    @Test
    void aReturnNeedsAReasonTheUnitSeesItEditsAgainAndResubmits() throws Exception {
        approved("05977", "canbo.dongkinh", "lanhdao.dongkinh", "2027Q2");
        var province = signedIn.login("canbo.langson");
        var noReason = next(province, "05977", "2027Q2", "RETURN", " ");
        assertThat(noReason.getStatus()).isEqualTo(400);
        assertThat(JsonPath.<String>read(noReason.getContentAsString(), "$.errors[0].field")).isEqualTo("reason");

        var returned = next(province, "05977", "2027Q2", "RETURN", "Thiếu số liệu tập huấn");
        assertThat(returned.getStatus()).as(returned.getContentAsString()).isEqualTo(200);
        assertThat(JsonPath.<String>read(returned.getContentAsString(), "$.submission.returnedReason")).isEqualTo("Thiếu số liệu tập huấn");
        assertThat(JsonPath.<String>read(returned.getContentAsString(), "$.steps[0].reason")).isEqualTo("Thiếu số liệu tập huấn");

        var officer = signedIn.login("canbo.dongkinh");
        assertThat(putValue(officer, "VAN_BAN_CHI_DAO", "05977", "2027Q2", 6).getStatus()).isEqualTo(200);
        assertThat(stored("VAN_BAN_CHI_DAO", "05977", "2027Q2")).isEqualTo("6");
        var page = mvc.perform(get("/reporting/entry").session(officer).param("form", "DV-QUY").param("unit", "05977")
                .param("period", "2027Q2")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Lý do trả lại: Thiếu số liệu tập huấn");
        var resubmitted = next(officer, "05977", "2027Q2", "SUBMIT", null);
        assertThat(JsonPath.<String>read(resubmitted.getContentAsString(), "$.submission.status")).isEqualTo("SUBMITTED");
    }

    @Test
    void approvedDataAreLockedOnAllFourWritePathsUntilALeaderUnlocksThem() throws Exception {
        approved("05983", "canbo.luongvantri", "lanhdao.luongvantri", "2027Q2");
        var officer = signedIn.login("canbo.luongvantri");

        var api = putValue(officer, "VAN_BAN_CHI_DAO", "05983", "2027Q2", 9);
        assertThat(api.getStatus()).isEqualTo(409);
        assertThat(JsonPath.<String>read(api.getContentAsString(), "$.detail"))
                .contains("DV/Q").contains("Phường Lương Văn Tri").contains("2027Q2").contains("khóa");

        var gridBody = mvc.perform(get("/api/reporting/entry").session(officer).param("form", "DV-QUY").param("unit", "05983")
                .param("period", "2027Q2")).andReturn().getResponse().getContentAsString();
        int lineVersion = JsonPath.<List<Integer>>read(gridBody, "$.sections[*].lines[?(@.number == 1)].version").get(0);
        var grid = mvc.perform(put("/api/reporting/entry").session(officer).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"form": "DV-QUY", "unit": "05983", "period": "2027Q2",
                         "cells": [{"number": 1, "value": "9", "version": %d}], "narratives": []}
                        """.formatted(lineVersion))).andReturn().getResponse();
        assertThat(grid.getStatus()).isEqualTo(409);
        assertThat(grid.getContentAsString()).contains("Phường Lương Văn Tri");

        var template = mvc.perform(get("/api/reporting/entry/xlsx").session(officer).param("form", "DV-QUY").param("unit", "05983")
                .param("period", "2027Q2")).andReturn().getResponse().getContentAsByteArray();
        var xlsx = mvc.perform(multipart("/api/reporting/entry/xlsx").file(new MockMultipartFile("file", "dv.xlsx", null, template))
                .param("form", "DV-QUY").param("unit", "05983").param("period", "2027Q2").session(officer).with(csrf()))
                .andReturn().getResponse();
        assertThat(xlsx.getStatus()).isEqualTo(409);

        var exchange = mvc.perform(post("/api/dataValueSets").session(officer).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"period": "2027Q2", "orgUnit": "05983", "dataValues": [
                          {"dataElement": "LOP_TAP_HUAN", "orgUnit": "05983", "period": "2027Q3", "value": "2"},
                          {"dataElement": "VAN_BAN_CHI_DAO", "value": "11"}
                        ]}
                        """)).andReturn().getResponse();
        assertThat(exchange.getStatus()).as(exchange.getContentAsString()).isEqualTo(409);
        assertThat(JsonPath.<List<Integer>>read(exchange.getContentAsString(), "$.rows[*].index")).containsExactly(1);
        assertThat(exchange.getContentAsString()).as("the unit named as on the locked period's last day").contains("Phường Lương Văn Tri");
        assertThat(stored("LOP_TAP_HUAN", "05983", "2027Q3")).as("nothing of the import is saved").isNull();

        var page = mvc.perform(post("/reporting/entry").session(officer).with(csrf()).param("form", "DV-QUY").param("unit", "05983")
                .param("period", "2027Q2").param("value.1", "77").param("version.1", String.valueOf(lineVersion)))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("đã được phê duyệt nên bị khóa").contains("value=\"77\"");
        assertThat(stored("VAN_BAN_CHI_DAO", "05983", "2027Q2")).isEqualTo("4");

        // an officer cannot unlock; the leader can, with a reason, and the data can change again
        assertThat(next(officer, "05983", "2027Q2", "UNLOCK", "Sửa số văn bản").getStatus()).isEqualTo(400);
        var leader = signedIn.login("lanhdao.luongvantri");
        assertThat(next(leader, "05983", "2027Q2", "UNLOCK", null).getStatus()).isEqualTo(400);
        var unlocked = next(leader, "05983", "2027Q2", "UNLOCK", "Sửa số văn bản");
        assertThat(JsonPath.<String>read(unlocked.getContentAsString(), "$.submission.status")).isEqualTo("SUBMITTED");
        assertThat(putValue(officer, "VAN_BAN_CHI_DAO", "05983", "2027Q2", 9).getStatus()).isEqualTo(200);
        assertThat(stored("VAN_BAN_CHI_DAO", "05983", "2027Q2")).isEqualTo("9");
    }

    @Test
    void aReportWithBlockingErrorsCannotBeSubmittedAndTheRefusalNamesTheCell() throws Exception {
        var officer = signedIn.login("canbo.luongvantri");
        assertThat(putValue(officer, "Y_KIEN_DOI_THOAI", "05983", "2027Q3", 5).getStatus()).isEqualTo(200);
        assertThat(putValue(officer, "Y_KIEN_TRA_LOI_TAI_CHO", "05983", "2027Q3", 9).getStatus()).isEqualTo(200);
        var refused = next(officer, "05983", "2027Q3", "SUBMIT", null);
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString()).contains("Dòng 10").contains("Y_KIEN_TRA_LOI_TAI_CHO");
        assertThat(JsonPath.<String>read(state(officer, "05983", "2027Q3").getContentAsString(), "$.status")).isEqualTo("DRAFT");
    }

    @Test
    void aUnitOutsideTheUsersScopeAnswersNotFound() throws Exception {
        var other = signedIn.login("canbo.thainguyen");
        assertThat(state(other, "05983", "2027Q4").getStatus()).isEqualTo(404);
        assertThat(step(other, "05983", "2027Q4", "SUBMIT", 0, null).getStatus()).isEqualTo(404);
        var ward = signedIn.login("canbo.dongkinh");
        assertThat(step(ward, "05983", "2027Q4", "SUBMIT", 0, null).getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/api/reporting/completeness").session(other).param("form", "DV-QUY").param("unit", "20")
                .param("period", "2027Q4")).andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void theEnteredValuesBehindAFigureShowWhoApprovedThem() throws Exception {
        approved("05977", "canbo.dongkinh", "lanhdao.dongkinh", "2028Q1");
        var province = signedIn.login("canbo.langson");
        var page = mvc.perform(get("/reporting").session(province).param("indicator", "VAN_BAN_CHI_DAO").param("unit", "20")
                .param("period", "2028Q1").param("on", "2028-03-31")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"entered-values\"").contains("Đã phê duyệt").contains("lanhdao.dongkinh");
    }

    @Test
    void theDemoTellsTheStoryOfTheLastQuarterOnTheProvincesBoard() throws Exception {
        var province = signedIn.login("canbo.langson");
        var periods = jdbc.sql("select distinct period from reporting_submission_step s join reporting_submission r on r.id = s.submission_id "
                + "where r.returned_reason is not null").query(String.class).list();
        assertThat(periods).hasSize(1);
        var body = mvc.perform(get("/api/reporting/completeness").session(province).param("form", "DV-QUY").param("unit", "20")
                .param("period", periods.get(0))).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(body, "$.entries[?(@.code == '05983')].status")).containsExactly("ACCEPTED");
        assertThat(JsonPath.<List<String>>read(body, "$.entries[?(@.code == '06187')].status")).containsExactly("RETURNED");
        assertThat(JsonPath.<List<String>>read(body, "$.entries[?(@.code == '05986')].timeliness")).containsExactly("LATE");
        assertThat(JsonPath.<List<String>>read(body, "$.entries[?(@.code == '05977')].timeliness")).containsExactly("NOT_SUBMITTED");
        assertThat(JsonPath.<Integer>read(body, "$.total.expected")).isGreaterThan(60);
    }
}
