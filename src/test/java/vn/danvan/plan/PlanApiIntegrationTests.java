package vn.danvan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
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
 * Plans and tasks over HTTP against the embedded PostgreSQL with the demo data: the /api/tasks contract
 * (paging with its total, the OVERDUE filter, a unit's subtree, 404 outside scope), scope between
 * communes, a task due before its plan starts, delegation with its roll-up stored.
 */
@SpringBootTest
class PlanApiIntegrationTests {

    @Autowired
    WebApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    MockMvc mvc;
    SignedInMvc signedIn;
    LocalDate today;

    @BeforeEach
    void setUp() {
        signedIn = new SignedInMvc(context);
        mvc = signedIn.mvc();
        today = LocalDate.now(clock);
    }

    static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, MockHttpSession session, String body) {
        return request.session(session).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    long created(MockHttpSession session, String url, String body) throws Exception {
        var response = mvc.perform(json(post(url), session, body)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
        return ((Number) JsonPath.read(response.getContentAsString(), "$.id")).longValue();
    }

    long plan(MockHttpSession session, String unit, int year, String title) throws Exception {
        return created(session, "/api/plans", """
                {"unit": "%s", "kind": "YEARLY", "year": %d, "title": "%s", "theme": "Dân vận khéo"}""".formatted(unit, year, title));
    }

    long task(MockHttpSession session, long planId, String title, String unit, LocalDate dueOn) throws Exception {
        return created(session, "/api/tasks", """
                {"planId": %d, "title": "%s", "responsibleUnit": "%s", "dueOn": "%s"}""".formatted(planId, title, unit, dueOn));
    }

    long total(MockHttpSession session, String unit, String status) throws Exception {
        var request = get("/api/tasks").param("unit", unit).session(session);
        if (status != null) {
            request.param("status", status);
        }
        var body = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.totalElements")).longValue();
    }

    // ---- the /api/tasks contract ------------------------------------------------------------------

    @Test
    void tasksOfAUnitsSubtreeArePagedWithTheirTotalAndFilteredByOverdue() throws Exception {
        var officer = signedIn.login("canbo.langson");
        var before = total(officer, "20", null);
        var overdueBefore = total(officer, "20", "OVERDUE");
        var plan = plan(officer, "20", today.getYear(), "Kế hoạch kiểm thử danh sách nhiệm vụ");
        var late = task(officer, plan, "Rà soát quy chế dân chủ ở phường", "05983", today.minusDays(2));
        var onTime = task(officer, plan, "Tổng kết mô hình dân vận khéo", "05977", today.plusDays(30));

        assertThat(total(officer, "20", null)).isEqualTo(before + 2);
        assertThat(total(officer, "20", "OVERDUE")).isEqualTo(overdueBefore + 1);
        mvc.perform(get("/api/tasks").param("unit", "20").param("size", "1").param("page", "0").session(officer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content.length()").value(1))
                .andExpect(jsonPath("$.totalElements").value((int) before + 2))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(1));
        var overdue = mvc.perform(get("/api/tasks").param("unit", "05983").param("status", "OVERDUE").param("size", "200").session(officer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].status", Matchers.everyItem(Matchers.is("OVERDUE"))))
                .andReturn().getResponse().getContentAsString();
        List<Integer> ids = JsonPath.read(overdue, "$.content[*].id");
        assertThat(ids).contains((int) late).doesNotContain((int) onTime);
        // the subtree of one ward holds none of the other ward's tasks
        List<Integer> dongKinh = JsonPath.read(mvc.perform(get("/api/tasks").param("unit", "05977").param("size", "200").session(officer))
                .andReturn().getResponse().getContentAsString(), "$.content[*].id");
        assertThat(dongKinh).contains((int) onTime).doesNotContain((int) late);
    }

    @Test
    void aUnitOutsideTheUsersScopeAnswersNotFound() throws Exception {
        mvc.perform(get("/api/tasks").param("unit", "20").session(signedIn.login("canbo.thainguyen")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/tasks").param("unit", "05977").session(signedIn.login("canbo.luongvantri")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/tasks").param("unit", "no-such-code").session(signedIn.login("canbo.langson")))
                .andExpect(status().isNotFound());
    }

    @Test
    void aCommuneOfficerCannotReadAnotherCommunesPlansOrTasks() throws Exception {
        var luongVanTri = signedIn.login("canbo.luongvantri");
        var plan = plan(luongVanTri, "05983", today.getYear(), "Kế hoạch dân vận phường Lương Văn Tri");
        var task = task(luongVanTri, plan, "Đối thoại với nhân dân khu phố", "05983", today.plusDays(10));
        var dongKinh = signedIn.login("canbo.dongkinh");

        mvc.perform(get("/api/plans/" + plan).session(dongKinh)).andExpect(status().isNotFound());
        mvc.perform(get("/api/tasks/" + task).session(dongKinh)).andExpect(status().isNotFound());
        List<Integer> visible = JsonPath.read(mvc.perform(get("/api/plans").param("size", "200").session(dongKinh))
                .andReturn().getResponse().getContentAsString(), "$.content[*].id");
        assertThat(visible).doesNotContain((int) plan);
        mvc.perform(get("/api/plans/" + plan).session(luongVanTri)).andExpect(status().isOk());
        mvc.perform(get("/api/tasks/" + task).session(signedIn.login("canbo.langson"))).andExpect(status().isOk());
    }

    @Test
    void aTaskDueBeforeItsPlanStartsIsRefusedNamingTheField() throws Exception {
        var officer = signedIn.login("canbo.langson");
        var plan = plan(officer, "20", 2019, "Kế hoạch năm 2019 (kiểm thử thời hạn)");
        mvc.perform(json(post("/api/tasks"), officer, """
                        {"planId": %d, "title": "Nhiệm vụ lùi ngày", "responsibleUnit": "05983", "dueOn": "2018-12-31"}""".formatted(plan)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("dueOn"))
                .andExpect(jsonPath("$.detail").value(Matchers.startsWith("Thời hạn: ")))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("01/01/2019")));
        assertThat(jdbc.sql("select count(*) from plan_task where plan_id = :p").param("p", plan).query(Long.class).single()).isZero();
    }

    /** From Monday 9/2/2026 (not counted): four working days end on Friday 13/2; the fifth is Monday 23/2, after Tết. */
    @Test
    void aDeadlineInWorkingDaysSkipsTet() throws Exception {
        var officer = signedIn.login("canbo.langson");
        var plan = plan(officer, "20", 2026, "Kế hoạch năm 2026 (kiểm thử ngày làm việc)");
        var friday = created(officer, "/api/tasks", """
                {"planId": %d, "title": "Hoàn thành trước Tết", "responsibleUnit": "05983", "startsOn": "2026-02-09",
                 "dueWorkingDays": 4}""".formatted(plan));
        var afterTet = created(officer, "/api/tasks", """
                {"planId": %d, "title": "Hoàn thành sau Tết", "responsibleUnit": "05983", "startsOn": "2026-02-09",
                 "dueWorkingDays": 5}""".formatted(plan));
        assertThat(dueOn(friday)).isEqualTo(LocalDate.of(2026, 2, 13));
        assertThat(dueOn(afterTet)).isEqualTo(LocalDate.of(2026, 2, 23));
    }

    LocalDate dueOn(long task) {
        return jdbc.sql("select due_on from plan_task where id = :id").param("id", task).query(LocalDate.class).single();
    }

    // ---- delegation -----------------------------------------------------------------------------

    @Test
    void aDelegatedTasksProgressIsRolledUpFromItsChildrenAndStored() throws Exception {
        var province = signedIn.login("canbo.langson");
        var plan = plan(province, "20", today.getYear(), "Kế hoạch kiểm thử giao cho cấp dưới");
        var parent = task(province, plan, "Triển khai Quy chế dân chủ ở cơ sở", "20", today.plusDays(60));
        var body = mvc.perform(json(post("/api/tasks/" + parent + "/delegations"), province, """
                        {"children": [
                          {"title": "Triển khai ở phường Lương Văn Tri", "responsibleUnit": "05983", "dueOn": "%s"},
                          {"title": "Triển khai ở phường Đông Kinh", "responsibleUnit": "05977", "dueOn": "%s"}]}"""
                        .formatted(today.plusDays(30), today.plusDays(30))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        List<Integer> children = JsonPath.read(body, "$.ids");

        mvc.perform(json(post("/api/tasks/" + children.get(0) + "/progress"), signedIn.login("canbo.luongvantri"), """
                {"percent": 100, "text": "Đã tổ chức hội nghị triển khai"}""")).andExpect(status().isCreated());
        assertThat(stored(parent)).isEqualTo(List.of("IN_PROGRESS", 50));

        mvc.perform(json(post("/api/tasks/" + children.get(1) + "/progress"), signedIn.login("canbo.dongkinh"), """
                {"percent": 100, "text": "Đã hoàn thành"}""")).andExpect(status().isCreated());
        assertThat(stored(parent)).isEqualTo(List.of("DONE", 100));
        mvc.perform(get("/api/plans/" + plan).session(province))
                .andExpect(jsonPath("$.tasks[0].children.length()").value(2))
                .andExpect(jsonPath("$.progressPercent").value(100));
    }

    @Test
    void delegationOutsideTheResponsibleUnitsSubtreeIsRefused() throws Exception {
        var province = signedIn.login("canbo.langson");
        var plan = plan(province, "20", today.getYear(), "Kế hoạch kiểm thử giao sai cấp");
        var parent = task(province, plan, "Nhiệm vụ của phường", "05983", today.plusDays(60));
        mvc.perform(json(post("/api/tasks/" + parent + "/delegations"), province, """
                        {"children": [{"title": "Giao sang phường khác", "responsibleUnit": "05977", "dueOn": "%s"}]}"""
                        .formatted(today.plusDays(30))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("children[0].responsibleUnitId"));
    }

    List<Object> stored(long task) {
        return jdbc.sql("select status, progress_percent from plan_task where id = :id").param("id", task)
                .query((rs, n) -> List.<Object>of(rs.getString(1), rs.getInt(2))).single();
    }

    @Test
    void evidenceIsAcceptedByItsBytesAndAFileThatOnlyPretendsIsRefusedOnItsField() throws Exception {
        var officer = signedIn.login("canbo.langson");
        var plan = plan(officer, "20", today.getYear(), "Kế hoạch kiểm thử minh chứng");
        var task = task(officer, plan, "Báo cáo có minh chứng", "05983", today.plusDays(20));
        var ward = signedIn.login("canbo.luongvantri");
        var png = java.util.Arrays.copyOf(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 256);
        mvc.perform(multipart("/api/tasks/" + task + "/progress").file(new org.springframework.mock.web.MockMultipartFile("file",
                        "anh-hoi-nghi.png", "image/png", png)).param("percent", "30").param("text", "Đã họp dân khu phố")
                        .session(ward).with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.updates[0].contentType").value("image/png"))
                .andExpect(jsonPath("$.status").value("IN_PROGRESS"));
        mvc.perform(multipart("/api/tasks/" + task + "/progress").file(new org.springframework.mock.web.MockMultipartFile("file",
                        "bao-cao.pdf", "application/pdf", "MZ this is a program, not a PDF".getBytes()))
                        .param("percent", "40").param("text", "Báo cáo").session(ward).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.detail").value(Matchers.startsWith("Tệp minh chứng: ")));
        assertThat(stored(task)).isEqualTo(List.of("IN_PROGRESS", 30));
    }
}
