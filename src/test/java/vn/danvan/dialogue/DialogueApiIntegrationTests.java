package vn.danvan.dialogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;
import vn.danvan.SignedInMvc;

/**
 * Dialogues over HTTP against the embedded PostgreSQL with the demo data: /api/commitments (subtree,
 * effective status, paging with totals, scope), bad input refused per field (more answered than raised, a
 * commitment without unit or deadline or due before the dialogue), the follow-up rule and optimistic
 * versions of acceptance, the conference record in the calendar, the summary report and the figures as
 * computed indicators with the records behind them.
 */
@SpringBootTest
class DialogueApiIntegrationTests {

    @Autowired
    WebApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    MockMvc mvc;
    SignedInMvc signedIn;

    @BeforeEach
    void setUp() {
        signedIn = new SignedInMvc(context);
        mvc = signedIn.mvc();
    }

    static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, MockHttpSession session, String body) {
        return request.session(session).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    String created(MockHttpServletRequestBuilder request) throws Exception {
        var response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
        return response.getContentAsString();
    }

    long dialogue(MockHttpSession session, String unit, LocalDate day, String title) throws Exception {
        var body = created(json(post("/api/dialogues"), session, """
                {"title": "%s", "heldOn": "%s", "startsAt": "08:00", "endsAt": "11:00", "place": "Nhà văn hóa", "unit": "%s",
                 "participants": {"PEOPLE": 60, "YOUTH": 12}}""".formatted(title, day, unit)));
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    long opinion(MockHttpSession session, long dialogueId, String topic) throws Exception {
        var body = created(json(post("/api/dialogues/" + dialogueId + "/opinions"), session, """
                {"speakerKind": "PERSON", "topic": "%s", "field": "INFRASTRUCTURE"}""".formatted(topic)));
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    long assign(MockHttpSession session, long dialogueId, long opinionId, String unit, LocalDate due) throws Exception {
        var body = created(json(post("/api/dialogues/" + dialogueId + "/opinions/" + opinionId + "/commitment"), session, """
                {"unit": "%s", "dueOn": "%s"}""".formatted(unit, due)));
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    int taskVersion(long taskId) {
        return jdbc.sql("select version from plan_task where id = :id").param("id", taskId).query(Integer.class).single();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---- /api/commitments -----------------------------------------------------------------------

    @Test
    void aWardSeesItsDemoCommitmentsOneOverdueAndNotThoseOfTheNeighbouringWard() throws Exception {
        var officer = signedIn.login("canbo.dongkinh");
        // other tests of this class add commitments in Đông Kinh: the demo's are found among them, each status counted once
        var overdue = mvc.perform(get("/api/commitments").param("unit", "05977").param("status", "OVERDUE").param("size", "200")
                        .session(officer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[?(@.title == 'Bố trí sân thể thao cho thanh niên khu tái định cư')].status").value("OVERDUE"))
                .andExpect(jsonPath("$.content[?(@.title == 'Bố trí sân thể thao cho thanh niên khu tái định cư')].responsibleUnit.code")
                        .value("05977"))
                .andExpect(jsonPath("$.content[*].status", Matchers.everyItem(Matchers.is("OVERDUE"))))
                .andReturn().getResponse().getContentAsString();
        var done = mvc.perform(get("/api/commitments").param("unit", "05977").param("status", "DONE").param("size", "200").session(officer))
                .andExpect(jsonPath("$.content[?(@.title == 'Mở lớp kỹ năng số cho công nhân')].status").value("DONE"))
                .andReturn().getResponse().getContentAsString();
        var all = mvc.perform(get("/api/commitments").param("unit", "05977").param("size", "200").session(officer))
                .andReturn().getResponse().getContentAsString();
        long overdueTotal = ((Number) JsonPath.read(overdue, "$.totalElements")).longValue();
        long doneTotal = ((Number) JsonPath.read(done, "$.totalElements")).longValue();
        List<String> statuses = JsonPath.read(all, "$.content[*].status");
        assertThat(overdueTotal).isEqualTo(statuses.stream().filter("OVERDUE"::equals).count()).isPositive();
        assertThat(doneTotal).isEqualTo(statuses.stream().filter("DONE"::equals).count()).isPositive();
        mvc.perform(get("/api/commitments").param("unit", "05983").session(officer)).andExpect(status().isNotFound());
        var neighbour = signedIn.login("canbo.luongvantri");
        var dongKinh = jdbc.sql("select id from dialogue where title like 'Hội nghị đối thoại của Bí thư Đảng ủy phường Đông Kinh%'")
                .query(Long.class).single();
        mvc.perform(get("/api/dialogues/" + dongKinh).session(neighbour)).andExpect(status().isNotFound());
        mvc.perform(get("/api/commitments").param("status", "OVERDUE").session(neighbour))
                .andExpect(jsonPath("$.content[*].responsibleUnit.code", Matchers.not(Matchers.hasItem("05977"))));
    }

    @Test
    void theProvinceSeesTheCommitmentsOfItsWardsPagedWithTheirTotal() throws Exception {
        var officer = signedIn.login("canbo.langson");
        var all = mvc.perform(get("/api/commitments").param("unit", "20").param("size", "2").session(officer))
                .andExpect(status().isOk()).andExpect(jsonPath("$.size").value(2)).andExpect(jsonPath("$.page").value(0))
                .andReturn().getResponse().getContentAsString();
        long total = ((Number) JsonPath.read(all, "$.totalElements")).longValue();
        assertThat(total).isGreaterThanOrEqualTo(4);
        assertThat((List<?>) JsonPath.read(all, "$.content")).hasSize(2);
        mvc.perform(get("/api/commitments").param("unit", "20").param("status", "SOMETIMES").session(officer))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("status"));
    }

    // ---- bad input ------------------------------------------------------------------------------

    @Test
    void moreOpinionsAnsweredThanRaisedIsRefusedNamingTheFieldAndNothingIsSaved() throws Exception {
        var officer = signedIn.login("canbo.dongkinh");
        var before = jdbc.sql("select count(*) from meeting").query(Long.class).single();
        mvc.perform(json(post("/api/dialogues"), officer, """
                        {"title": "Đối thoại thử số ý kiến", "heldOn": "%s", "unit": "05977", "raisedCount": 3, "answeredCount": 5}"""
                        .formatted(today().minusDays(3))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("answeredCount"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("không được lớn hơn số ý kiến được nêu")));
        assertThat(jdbc.sql("select count(*) from meeting").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aCommitmentWithoutUnitOrDeadlineOrDueBeforeTheDialogueIsRefusedPerField() throws Exception {
        var officer = signedIn.login("canbo.dongkinh");
        var day = today().minusDays(10);
        var id = dialogue(officer, "05977", day, "Đối thoại thử cam kết");
        var o = opinion(officer, id, "Đề nghị sửa cầu treo");
        mvc.perform(json(post("/api/dialogues/" + id + "/opinions/" + o + "/commitment"), officer, "{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", Matchers.containsInAnyOrder("commitmentUnitId", "commitmentDueOn")));
        mvc.perform(json(post("/api/dialogues/" + id + "/opinions/" + o + "/commitment"), officer, """
                        {"unit": "05977", "dueOn": "%s"}""".formatted(day.minusDays(1))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("commitmentDueOn"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("không được trước ngày đối thoại")));
        assertThat(jdbc.sql("select count(*) from plan_task where origin_kind = 'DIALOGUE' and origin_id = :id").param("id", id)
                .query(Long.class).single()).isZero();
    }

    // ---- the lifecycle of a commitment ----------------------------------------------------------

    @Test
    void aCommitmentIsAcceptedOnlyAfterAFollowUpReportAndNeverOverAStaleVersion() throws Exception {
        var officer = signedIn.login("canbo.dongkinh");
        var id = dialogue(officer, "05977", today().minusDays(5), "Đối thoại thử nghiệm thu");
        var o = opinion(officer, id, "Đề nghị lắp biển báo giao thông");
        var task = assign(officer, id, o, "05977", today().plusDays(20));
        mvc.perform(json(post("/api/dialogues/" + id + "/opinions/" + o + "/accept"), officer, "{\"version\": %d}".formatted(taskVersion(task))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("followUpReport"));
        var stale = taskVersion(task);
        mvc.perform(json(post("/api/tasks/" + task + "/progress"), officer, """
                {"percent": 100, "text": "Đã lắp 04 biển báo."}""")).andExpect(status().is2xxSuccessful());
        mvc.perform(json(post("/api/dialogues/" + id + "/opinions/" + o + "/accept"), officer, "{\"version\": %d}".formatted(stale)))
                .andExpect(status().isConflict());
        mvc.perform(json(post("/api/dialogues/" + id + "/opinions/" + o + "/accept"), officer, "{\"version\": %d}".formatted(taskVersion(task))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.figures.assigned").value(1))
                .andExpect(jsonPath("$.figures.resolved").value(1))
                .andExpect(jsonPath("$.opinions[0].commitment.acceptedOn").value(today().toString()));
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'dialogue.commitment-accepted' and entity_id = :id")
                .param("id", Long.toString(id)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void twoOfficersUpdatingTheSameFiguresCannotOverwriteEachOther() throws Exception {
        var officer = signedIn.login("canbo.dongkinh");
        var id = dialogue(officer, "05977", today().minusDays(2), "Đối thoại thử phiên bản");
        var version = ((Number) JsonPath.read(mvc.perform(get("/api/dialogues/" + id).session(officer)).andReturn().getResponse()
                .getContentAsString(), "$.version")).intValue();
        mvc.perform(json(put("/api/dialogues/" + id + "/figures"), officer, """
                {"raisedCount": 12, "answeredCount": 7, "version": %d}""".formatted(version))).andExpect(status().isOk())
                .andExpect(jsonPath("$.figures.raised").value(12));
        mvc.perform(json(put("/api/dialogues/" + id + "/figures"), officer, """
                {"raisedCount": 20, "answeredCount": 7, "version": %d}""".formatted(version))).andExpect(status().isConflict());
    }

    @Test
    void aDialogueIsAConferenceOfKindDialogueInTheCalendarAndItsTaskLinksBack() throws Exception {
        var officer = signedIn.login("canbo.dongkinh");
        var id = dialogue(officer, "05977", today().minusDays(1), "Đối thoại thử lịch hội nghị");
        var meetingId = jdbc.sql("select meeting_id from dialogue where id = :id").param("id", id).query(Long.class).single();
        mvc.perform(get("/api/meetings/" + meetingId).session(officer)).andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("DIALOGUE"));
        var o = opinion(officer, id, "Đề nghị làm rõ tiến độ dự án");
        var task = assign(officer, id, o, "05977", today().plusDays(30));
        mvc.perform(get("/tasks/" + task).session(officer)).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(Matchers.containsString("/dialogues/" + id)));
    }

    @Test
    void theSummaryReportCarriesTheFiguresAndNamesNoSpeaker() throws Exception {
        var officer = signedIn.login("canbo.dongkinh");
        var id = dialogue(officer, "05977", today().minusDays(4), "Đối thoại thử báo cáo");
        created(json(post("/api/dialogues/" + id + "/opinions"), officer, """
                {"speakerKind": "PERSON", "speakerName": "Trần Thị Riêng Tư", "speakerContact": "0987 654 321",
                 "topic": "Đề nghị mở rộng điểm trường", "field": "EDUCATION_HEALTH"}"""));
        var bytes = mvc.perform(get("/api/dialogues/" + id + "/report.docx").session(officer)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (var doc = new XWPFDocument(new ByteArrayInputStream(bytes)); var text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("BÁO CÁO", "Ý kiến, kiến nghị được nêu", "Trả lời trực tiếp tại hội nghị",
                    "Đã giải quyết xong", "60 người dân").doesNotContain("Trần Thị Riêng Tư", "0987 654 321");
        }
    }

    // ---- figures --------------------------------------------------------------------------------

    @Test
    void theFiguresOfAProvinceForAYearAnswerTheRecordsBehindThem() throws Exception {
        var admin = signedIn.login("admin");
        var suffix = System.nanoTime() % 100000;
        var officer = signedIn.login("canbo.langson");
        var year = Integer.toString(today().getYear());
        var measures = List.of("dialogues.held", "dialogue-opinions.raised", "dialogue-opinions.answered", "dialogue-opinions.assigned",
                "dialogue-opinions.resolved");
        long totalFromApi = 0;
        var listed = mvc.perform(get("/api/dialogues").param("unit", "20").param("from", year + "-01-01").param("to", year + "-12-31")
                .param("size", "200").session(officer)).andReturn().getResponse().getContentAsString();
        List<Number> raised = JsonPath.read(listed, "$.content[?(@.heldOn <= '" + today() + "')].figures.raised");
        for (var n : raised) {
            totalFromApi += n.longValue();
        }
        for (int i = 0; i < measures.size(); i++) {
            var measure = measures.get(i);
            var code = "T_DLG_" + suffix + "_" + i;
            mvc.perform(json(post("/api/indicators"), admin, """
                    {"code": "%s", "name": "Đối thoại (thử) %s", "valueType": "INTEGER", "aggregation": "SUM", "provider": "dialogue", "measure": "%s"}
                    """.formatted(code, measure, measure))).andExpect(status().isCreated());
            var value = mvc.perform(get("/api/values/aggregate").session(officer).param("indicator", code).param("unit", "20")
                    .param("period", year)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            var v = new BigDecimal(JsonPath.read(value, "$.value").toString());
            var records = mvc.perform(get("/api/values/records").session(officer).param("indicator", code).param("unit", "20")
                    .param("period", year).param("limit", "500")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            List<String> paths = JsonPath.read(records, "$[*].path");
            if (measure.equals("dialogues.held") || measure.endsWith(".assigned") || measure.endsWith(".resolved")) {
                assertThat(v).as(measure).isEqualByComparingTo(BigDecimal.valueOf(paths.size()));
            }
            if (measure.equals("dialogue-opinions.raised")) {
                assertThat(v.longValue()).as(measure).isEqualTo(totalFromApi);
            }
            assertThat(paths).as(measure).allMatch(p -> p.matches("/(dialogues|tasks)/\\d+"));
            if (measure.equals("dialogues.held") && today().getDayOfYear() > 150) {
                // the demo's two Lạng Sơn dialogues lie 62 and 150 days back
                assertThat(v.longValue()).as("Lạng Sơn's demo dialogues in " + year).isGreaterThanOrEqualTo(2);
            }
        }
    }
}
