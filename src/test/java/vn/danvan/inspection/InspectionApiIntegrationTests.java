package vn.danvan.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.LocalDate;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import vn.danvan.SignedInMvc;

/**
 * Inspections over HTTP against the embedded PostgreSQL with the demo data: the S00 inspection found
 * by its subject without accents and seen by Lạng Sơn, not by Thái Nguyên (404); overdue recommendations
 * of a subtree with their total; what a ward owes; a team without a head and a target outside the
 * inspecting body's reach refused per field with nothing saved; and a recommendation's whole lifecycle —
 * a deadline before the inspection refused, acceptance refused without a follow-up report, the ward's
 * report, sending back, a stale version answered 409, acceptance, and acceptance being final.
 */
@SpringBootTest
class InspectionApiIntegrationTests {

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

    long langSonInspection() {
        return jdbc.sql("select id from inspection where title like '%tại tỉnh Lạng Sơn' order by id limit 1").query(Long.class).single();
    }

    long person(String name) {
        return jdbc.sql("select id from person where full_name = :n order by id limit 1").param("n", name).query(Long.class).single();
    }

    String body(String title, String head, String target, LocalDate startsOn) {
        var headMember = head == null ? "" : """
                {"personId": %d, "body": "20.TU", "role": "%s"},""".formatted(person("Hồ Tiến Thiệu"), head);
        return """
                {"kind": "INSPECTION", "mode": "THEMATIC", "title": "%s", "startsOn": "%s", "endsOn": "%s",
                 "inspectingUnit": "20.TU", "subjects": ["16/CT-TTg"],
                 "members": [%s {"personId": %d, "body": "20.UBND", "role": "MEMBER"}],
                 "targets": ["%s"], "reportDueOn": "%s"}
                """.formatted(title, startsOn, startsOn.plusDays(1), headMember, person("Giáp Thị Bắc"), target, startsOn);
    }

    long create(MockHttpSession session, String json) throws Exception {
        var response = mvc.perform(post("/api/inspections").session(session).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(json))
                .andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
        return ((Number) JsonPath.read(response.getContentAsString(), "$.id")).longValue();
    }

    // ---- the demo: S00 in Lạng Sơn ------------------------------------------------------------------

    @Test
    void langSonsLeaderFindsTheInterAgencyInspectionByItsSubjectWithoutAccents() throws Exception {
        var leader = signedIn.login("lanhdao.langson");
        mvc.perform(get("/api/inspections").param("unit", "20").param("q", "16/ct-ttg").session(leader))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(Matchers.greaterThanOrEqualTo(1)))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.content[*].title", Matchers.hasItem(Matchers.containsString("tại tỉnh Lạng Sơn"))));
        mvc.perform(get("/api/inspections").param("q", "chuong trinh phoi hop so 79").session(leader))
                .andExpect(jsonPath("$.content[*].subjects[*]", Matchers.hasItem("79-CTr/BDVTW-BCSĐCP")));
        mvc.perform(get("/api/inspections/{id}", langSonInspection()).session(leader))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.members[0].role").value("HEAD"))
                .andExpect(jsonPath("$.members[0].name").value("Triệu Văn Cường"))
                .andExpect(jsonPath("$.members[0].title").value(Matchers.containsString("Thứ trưởng Bộ Nội vụ")))
                .andExpect(jsonPath("$.sessions.length()").value(1))
                .andExpect(jsonPath("$.recommendations.length()").value(4))
                .andExpect(jsonPath("$.recommendations[0].status").value("ACCEPTED"))
                .andExpect(jsonPath("$.recommendations[1].status").value("REPORTED_DONE"))
                .andExpect(jsonPath("$.recommendations[2].status").value("OVERDUE"));
    }

    @Test
    void anotherProvincesOfficerDoesNotSeeTheLangSonInspection() throws Exception {
        var thaiNguyen = signedIn.login("canbo.thainguyen");
        mvc.perform(get("/api/inspections/{id}", langSonInspection()).session(thaiNguyen)).andExpect(status().isNotFound());
        mvc.perform(get("/api/inspections").param("unit", "20").session(thaiNguyen)).andExpect(status().isNotFound());
        mvc.perform(get("/inspections/{id}", langSonInspection()).session(thaiNguyen)).andExpect(status().isNotFound());
        mvc.perform(get("/api/inspections").param("q", "Lạng Sơn").session(thaiNguyen))
                .andExpect(jsonPath("$.content[*].title", Matchers.not(Matchers.hasItem(Matchers.containsString("tại tỉnh Lạng Sơn")))));
    }

    @Test
    void overdueRecommendationsOfAProvinceArePagedWithTheirTotal() throws Exception {
        var officer = signedIn.login("canbo.langson");
        mvc.perform(get("/api/recommendations").param("unit", "20").param("status", "OVERDUE").param("size", "1").session(officer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(Matchers.greaterThanOrEqualTo(2)))
                .andExpect(jsonPath("$.content.length()").value(1))
                .andExpect(jsonPath("$.size").value(1))
                .andExpect(jsonPath("$.content[0].taskStatus").value("OVERDUE"))
                .andExpect(jsonPath("$.content[0].inspectingUnit.name").value(Matchers.notNullValue()));
        mvc.perform(get("/api/recommendations").param("unit", "37").session(officer)).andExpect(status().isNotFound());
    }

    @Test
    void aWardOfficerSeesWhatTheWardOwesAndTheNeighbouringWardDoesNot() throws Exception {
        var ward = signedIn.login("canbo.luongvantri");
        mvc.perform(get("/inspections/owed").session(ward))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Tập trung giải quyết kịp thời")))
                .andExpect(content().string(Matchers.containsString("Bộ Nội vụ")));
        // the ward reads the inspection it answers to, though it was not a target; its neighbour does not
        mvc.perform(get("/api/inspections/{id}", langSonInspection()).session(ward)).andExpect(status().isOk());
        var neighbour = signedIn.login("canbo.dongkinh");
        mvc.perform(get("/api/inspections/{id}", langSonInspection()).session(neighbour)).andExpect(status().isNotFound());
        mvc.perform(get("/api/recommendations").param("unit", "05983").session(neighbour)).andExpect(status().isNotFound());
        mvc.perform(get("/api/recommendations").session(neighbour))
                .andExpect(jsonPath("$.content[*].text", Matchers.not(Matchers.hasItem(Matchers.startsWith("Tập trung giải quyết kịp thời")))));
    }

    // ---- bad input ---------------------------------------------------------------------------------

    @Test
    void aTeamWithoutAHeadAndATargetOutsideTheReachAreRefusedPerFieldAndNothingIsSaved() throws Exception {
        var officer = signedIn.login("canbo.langson");
        var title = "Kiểm tra thử không có trưởng đoàn";
        var response = mvc.perform(post("/api/inspections").session(officer).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(body(title, null, "19", LocalDate.of(2031, 3, 2))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", Matchers.hasItems("members", "targets")))
                .andReturn().getResponse();
        assertThat(response.getContentAsString()).contains("Trưởng đoàn").contains("không thuộc phạm vi của cơ quan kiểm tra");
        assertThat(jdbc.sql("select count(*) from inspection where title = :t").param("t", title).query(Long.class).single()).isZero();
    }

    // ---- a recommendation from being made to being accepted ---------------------------------------

    @Test
    void aRecommendationIsFollowedUpByTheWardAndClosedOnlyByTheInspectingBody() throws Exception {
        var today = LocalDate.now(clock);
        var officer = signedIn.login("canbo.langson");
        var id = create(officer, body("Kiểm tra việc thực hiện Chỉ thị 16/CT-TTg tại phường (thử vòng đời kiến nghị)", "HEAD", "05983",
                today.minusDays(10)));

        mvc.perform(post("/api/inspections/{id}/recommendations", id).session(officer).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                [{"text": "Đối thoại định kỳ với Nhân dân", "unit": "05983", "dueOn": "%s", "target": "05983"}]
                                """.formatted(today.minusDays(20))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("recommendations[0].dueOn"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("không được trước ngày bắt đầu kiểm tra")));

        mvc.perform(post("/api/inspections/{id}/recommendations", id).session(officer).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                [{"text": "Đối thoại định kỳ với Nhân dân", "unit": "05983", "dueOn": "%s", "target": "05983",
                                  "finding": "Chưa đối thoại định kỳ"}]
                                """.formatted(today.plusDays(30))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.recommendations[0].status").value("NOT_STARTED"));
        var rid = jdbc.sql("select id from inspection_recommendation where inspection_id = :i").param("i", id).query(Long.class).single();
        var taskId = jdbc.sql("select task_id from inspection_recommendation where id = :i").param("i", rid).query(Long.class).single();

        mvc.perform(post("/api/recommendations/{id}/accept", rid).session(officer).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": 0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("followUpReport"));

        var ward = signedIn.login("canbo.luongvantri");
        report(ward, taskId, 100, "Đã tổ chức đối thoại với Nhân dân khu phố 1 và 2");
        mvc.perform(get("/api/recommendations/{id}", rid).session(officer)).andExpect(jsonPath("$.status").value("REPORTED_DONE"));
        mvc.perform(post("/api/recommendations/{id}/accept", rid).session(ward).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\": 0}")).andExpect(status().isNotFound());

        mvc.perform(post("/api/recommendations/{id}/send-back", rid).session(officer).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": 0, \"reason\": \"Chưa có biên bản đối thoại\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SENT_BACK"))
                .andExpect(jsonPath("$.version").value(1));
        report(ward, taskId, 100, "Gửi kèm biên bản đối thoại");

        // a second officer still holding version 0 cannot overwrite the verdict given since
        mvc.perform(post("/api/recommendations/{id}/accept", rid).session(officer).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\": 0}")).andExpect(status().isConflict());
        mvc.perform(post("/api/recommendations/{id}/accept", rid).session(officer).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": 1}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACCEPTED"))
                .andExpect(jsonPath("$.acceptedBy").value("canbo.langson"));
        mvc.perform(post("/api/recommendations/{id}/send-back", rid).session(officer).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": 2, \"reason\": \"Xem lại\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'inspection_recommendation' and entity_id = :id")
                .param("id", String.valueOf(rid)).query(Long.class).single()).isEqualTo(3);
    }

    void report(MockHttpSession session, long taskId, int percent, String text) throws Exception {
        var response = mvc.perform(post("/api/tasks/{id}/progress", taskId).session(session).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"percent\": %d, \"text\": \"%s\"}".formatted(percent, text))).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isBetween(200, 201);
    }

    // ---- pages ------------------------------------------------------------------------------------

    @Test
    void theInspectionPageShowsTheTeamWithTitlesOfTheDayAndTheRecommendationsStatus() throws Exception {
        var leader = signedIn.login("lanhdao.langson");
        mvc.perform(get("/inspections/{id}", langSonInspection()).session(leader))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Trưởng đoàn")))
                .andExpect(content().string(Matchers.containsString("Thứ trưởng Bộ Nội vụ")))
                .andExpect(content().string(Matchers.containsString("Đã báo cáo hoàn thành — chờ chấp nhận")))
                .andExpect(content().string(Matchers.containsString("28/06/2021")));
        mvc.perform(get("/inspections").param("unit", "37").session(signedIn.login("xem.ninhbinh")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("290-QĐ/TW")));
        mvc.perform(get("/inspections/new").session(signedIn.login("canbo.langson")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Thành phần đoàn")));
    }
}
