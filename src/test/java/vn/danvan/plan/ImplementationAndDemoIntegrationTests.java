package vn.danvan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
import vn.danvan.calendar.WorkingCalendar;

/**
 * Implementation tracking and the demo of the seed scenarios over HTTP: the matrix lists the units that
 * have not acted first with their delay (calendar or working days), abolished provinces show where their
 * work went, the Front and mass organisations of a province can be chosen; the demo's programmes,
 * renewal and plans are visible to the right officers only.
 */
@SpringBootTest
class ImplementationAndDemoIntegrationTests {

    @Autowired
    WebApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    WorkingCalendar calendar;
    @Autowired
    PlanFigures figures;
    @Autowired
    vn.danvan.orgunit.OrgUnits units;

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

    String body(MockHttpServletRequestBuilder request) throws Exception {
        var response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isBetween(200, 299);
        return response.getContentAsString();
    }

    long documentId(String identifier) {
        return jdbc.sql("select id from document where identifier = :i").param("i", identifier).query(Long.class).single();
    }

    @Test
    void theDemoMatrixOfDirective16ListsProvincesThatHaveNotActedFirst() throws Exception {
        var officer = signedIn.login("canbo.langson");
        var assignments = body(get("/api/assignments").param("document", String.valueOf(documentId("16/CT-TTg"))).session(officer));
        List<Number> demo = JsonPath.read(assignments, "$[?(@.assignedOn == '2016-05-16')].id");
        assertThat(demo).hasSize(1);
        var id = demo.get(0).longValue();
        var matrix = body(get("/api/assignments/" + id + "/matrix").session(officer));

        List<Map<String, Object>> rows = JsonPath.read(matrix, "$.content");
        assertThat(rows).hasSize(6);
        assertThat(rows.subList(0, 4)).allSatisfy(r -> {
            assertThat(r.get("implementingDocumentId")).isNull();
            assertThat((Integer) r.get("daysLate")).isEqualTo((int) (today.toEpochDay() - LocalDate.of(2016, 8, 31).toEpochDay()));
        });
        assertThat(rows.subList(4, 6).stream().map(r -> (String) ((Map<?, ?>) r.get("unit")).get("code")).toList())
                .containsExactly("20", "37");
        assertThat(rows.get(4).get("daysLate")).isEqualTo(0);                 // Lạng Sơn: 20/7/2016, on time
        assertThat(rows.get(5).get("daysLate")).isEqualTo(12);                // Ninh Bình: 12/9/2016, twelve days late
        var bacKan = rows.stream().filter(r -> "06".equals(((Map<?, ?>) r.get("unit")).get("code"))).findFirst().orElseThrow();
        assertThat(bacKan.get("validToday")).isEqualTo(false);
        assertThat(JsonPath.<List<String>>read(bacKan, "$.carriedBy[*].name")).contains("Tỉnh Thái Nguyên");

        // a province sees the directive's matrix through its own row; a ward assigned nothing does not
        mvc.perform(get("/api/assignments/" + id + "/matrix").session(signedIn.login("canbo.thainguyen"))).andExpect(status().isOk());
        mvc.perform(get("/api/assignments/" + id + "/matrix").session(signedIn.login("canbo.luongvantri"))).andExpect(status().isNotFound());
    }

    @Test
    void everyCommuneOfAProvinceIsAssignedAndAWardThatActsLateMovesLastWithItsWorkingDaysLate() throws Exception {
        var province = signedIn.login("canbo.langson");
        var assignedOn = today.minusDays(30);
        var dueOn = today.minusDays(20);
        var created = body(json(post("/api/assignments"), province, """
                {"document": "16/CT-TTg", "assigningUnit": "20", "assignedOn": "%s", "dueOn": "%s", "lateInWorkingDays": true,
                 "target": "COMMUNES_OF", "targetUnit": "20"}""".formatted(assignedOn, dueOn)));
        var id = ((Number) JsonPath.read(created, "$.id")).longValue();
        var communes = jdbc.sql("select count(*) from plan_assignment_unit where assignment_id = :a").param("a", id)
                .query(Long.class).single();
        assertThat(communes).isGreaterThan(10);

        var ward = signedIn.login("canbo.luongvantri");
        var issuedOn = today.minusDays(3);
        var plan = body(json(post("/api/documents"), ward, """
                {"system": "STATE", "kindName": "Kế hoạch", "ownerUnit": "05983", "issuers": [{"unit": "05983"}], "issuedOn": "%s",
                 "subject": "Kế hoạch triển khai Chỉ thị 16/CT-TTg trên địa bàn phường Lương Văn Tri"}""".formatted(issuedOn)));
        var planId = ((Number) JsonPath.read(plan, "$.id")).longValue();
        var row = jdbc.sql("""
                        select u.id from plan_assignment_unit u join org_unit o on o.id = u.unit_id
                        where u.assignment_id = :a and o.code = '05983'""").param("a", id).query(Long.class).single();
        mvc.perform(json(post("/api/assignments/units/" + row + "/implementing-document"), signedIn.login("canbo.dongkinh"),
                "{\"documentId\": %d}".formatted(planId))).andExpect(status().isNotFound());
        mvc.perform(json(post("/api/assignments/units/" + row + "/implementing-document"), ward, "{\"documentId\": %d}".formatted(planId)))
                .andExpect(status().isNoContent());

        var all = body(get("/api/assignments/" + id + "/matrix").param("size", "500").session(province));
        List<Map<String, Object>> rows = JsonPath.read(all, "$.content");
        assertThat(rows).hasSize(communes.intValue());
        assertThat(rows.subList(0, rows.size() - 1)).allSatisfy(r -> assertThat(r.get("implementingDocumentId")).isNull());
        var last = rows.get(rows.size() - 1);
        assertThat(((Map<?, ?>) last.get("unit")).get("code")).isEqualTo("05983");
        assertThat(last.get("daysLate")).isEqualTo(calendar.workingDaysBetween(dueOn, issuedOn));
        assertThat((Integer) last.get("daysLate")).isLessThan(17);   // working days, not the 17 calendar days
        assertThat(((Number) JsonPath.read(body(get("/api/assignments/" + id + "/matrix").param("notActed", "true").param("size", "1")
                .session(province)), "$.totalElements")).longValue()).isEqualTo(communes - 1);
    }

    @Test
    void theFrontAndTheMassOrganisationsOfAProvinceCanBeAssigned() throws Exception {
        var province = signedIn.login("canbo.langson");
        var created = body(json(post("/api/assignments"), province, """
                {"document": "16/CT-TTg", "assigningUnit": "20", "dueOn": "%s", "target": "FRONT_AND_MASS_OF", "targetUnit": "20"}"""
                .formatted(today.plusDays(30))));
        var id = ((Number) JsonPath.read(created, "$.id")).longValue();
        List<String> codes = JsonPath.read(body(get("/api/assignments/" + id + "/matrix").session(province)), "$.content[*].unit.code");
        assertThat(codes).containsExactlyInAnyOrder("20.MTTQ", "20.HLHPN", "20.HND", "20.DTN", "20.HCCB", "20.LDLD");
        mvc.perform(json(post("/api/assignments"), province, """
                        {"document": "16/CT-TTg", "assigningUnit": "20", "dueOn": "%s", "target": "COMMUNES_OF"}"""
                        .formatted(today.plusDays(30))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("targetUnitId"));
    }

    @Test
    void theDemoProgrammesAreRenewedReviewedAndChangedOnlyByTheirOwner() throws Exception {
        var langSon = signedIn.login("canbo.langson");
        var list = body(get("/api/programmes").session(langSon));
        List<Integer> renewed = JsonPath.read(list, "$[?(@.successorId != null)].id");
        assertThat(renewed).hasSize(1);
        var old = renewed.get(0);
        var detail = body(get("/api/programmes/" + old).session(langSon));
        assertThat(JsonPath.<Integer>read(detail, "$.successor.fromYear")).isEqualTo(2022);
        assertThat(JsonPath.<List<Object>>read(detail, "$.items[*].reviews[*]")).hasSize(3);
        var item = ((Number) JsonPath.read(detail, "$.items[0].id")).longValue();
        var review = """
                {"reviewedOn": "2022-04-05", "result": "Kết quả sơ kết", "meetingId": 42}""";
        mvc.perform(json(post("/api/programmes/" + old + "/items/" + item + "/reviews"), langSon, review))
                .andExpect(status().isNotFound());
        mvc.perform(json(post("/api/programmes/" + old + "/items/" + item + "/reviews"), signedIn.login("canbo.thainguyen"), review))
                .andExpect(status().isCreated());
        assertThat(JsonPath.<List<Integer>>read(body(get("/api/programmes/" + old).session(langSon)), "$.items[0].reviews[*].meetingId"))
                .contains(42);
        var central = body(get("/api/programmes").session(langSon));
        assertThat(JsonPath.<List<String>>read(central, "$[*].documentIdentifier")).contains("79-CTr/BDVTW-BCSĐCP");
    }

    @Test
    void theDemoPlansAreSeenByTheirProvinceOnly() throws Exception {
        var langSon = signedIn.login("canbo.langson");
        var thaiNguyen = signedIn.login("canbo.thainguyen");
        var plan2019 = jdbc.sql("select id from plan where plan_year = 2019 and theme like 'Kỷ cương%'").query(Long.class).single();
        var detail = body(get("/api/plans/" + plan2019).session(langSon));
        List<Map<String, Object>> delegated = JsonPath.read(detail, "$.tasks[?(@.children.length() == 2)].task");
        assertThat(delegated).hasSize(1);
        assertThat(delegated.get(0).get("progressPercent")).isEqualTo(70);
        mvc.perform(get("/api/plans/" + plan2019).session(thaiNguyen)).andExpect(status().isNotFound());

        List<String> langSonOverdue = JsonPath.read(body(get("/api/tasks").param("unit", "20").param("status", "OVERDUE")
                .param("size", "200").session(langSon)), "$.content[*].title");
        assertThat(langSonOverdue).contains("Thực hiện điểm mô hình “Chính quyền thân thiện”");
        List<String> thaiNguyenTasks = JsonPath.read(body(get("/api/tasks").param("unit", "19").param("size", "200").session(thaiNguyen)),
                "$.content[*].title");
        assertThat(thaiNguyenTasks).anyMatch(t -> t.startsWith("Tuyên truyền về công tác dân vận"))
                .noneMatch(t -> t.startsWith("Thực hiện điểm mô hình"));
        var tnPlan = jdbc.sql("select id from plan where implements_programme_id is not null").query(Long.class).single();
        mvc.perform(get("/api/plans/" + tnPlan).session(langSon)).andExpect(status().isNotFound());
        // the ward sees the task delegated to it
        List<String> ward = JsonPath.read(body(get("/api/tasks").param("tab", "MINE").param("size", "200")
                .session(signedIn.login("canbo.luongvantri"))), "$.content[*].title");
        assertThat(ward).anyMatch(t -> t.contains("phường Lương Văn Tri"));
    }

    @Test
    void planFiguresCountTheDemoTasksOfLangSonIn2019AndWhatWasOverdueOnADay() {
        var langSon = units.findByCode("20", today).orElseThrow().id();
        var year = figures.figures(langSon, LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31), LocalDate.of(2020, 1, 1));
        assertThat(year.plansIssued()).isGreaterThanOrEqualTo(1);
        // the plan's three tasks and the two wards' subtasks, and the five the briefing of 28/3/2019 concluded (meeting demo)
        assertThat(year.tasksAssigned()).isEqualTo(10);
        assertThat(year.tasksDone()).isEqualTo(2);
        // on 1/1/2020: the Dân vận khéo task (70 %), Đông Kinh's subtask (40 %), the congress task, and the briefing's five
        assertThat(year.tasksOverdue()).isEqualTo(8);
        var midYear = figures.figures(langSon, LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31), LocalDate.of(2019, 7, 15));
        assertThat(midYear.tasksOverdue()).as("the briefing's tasks, due 30/6/2019").isEqualTo(5);
        var ward = units.findByCode("05983", today).orElseThrow().id();
        assertThat(figures.figures(ward, LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31), LocalDate.of(2020, 1, 1)).tasksDone())
                .isEqualTo(1);
        var implementation = figures.implementation(documentId("16/CT-TTg"), langSon, LocalDate.of(2016, 1, 1), LocalDate.of(2016, 12, 31));
        assertThat(implementation.implementingPlansIssued()).isEqualTo(1);
    }
}
