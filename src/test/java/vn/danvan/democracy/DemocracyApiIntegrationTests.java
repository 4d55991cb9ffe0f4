package vn.danvan.democracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
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
 * Grassroots democracy over HTTP against the embedded PostgreSQL with the demo data: the composition
 * rules refused per field with nothing saved, a late notice warned but saved, households present above
 * the total refused, two officers answering the same recommendation (409), the due-list of a period,
 * and scope (another province or another ward answers 404). Records created here lie in 2031.
 */
@SpringBootTest
class DemocracyApiIntegrationTests {

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

    long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    long demoBoard(String unitCode) {
        return jdbc.sql("""
                        select b.id from democracy_board b join org_unit u on u.id = b.unit_id
                        where u.code = :code and b.kind = 'PEOPLES_INSPECTION' order by b.id limit 1""")
                .param("code", unitCode).query(Long.class).single();
    }

    static String members(int n) {
        var json = new StringBuilder("[");
        for (int i = 1; i <= n; i++) {
            json.append(i > 1 ? "," : "").append("{\"fullName\": \"Thành viên ").append(i).append("\", \"role\": \"")
                    .append(i == 1 ? "HEAD" : i == 2 ? "DEPUTY" : "MEMBER").append("\", \"village\": \"Khối ").append(i).append("\"}");
        }
        return json.append("]").toString();
    }

    String send(MockHttpSession user, String url, String body, int expected) throws Exception {
        var response = mvc.perform(post(url).session(user).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expected);
        return response.getContentAsString();
    }

    long created(String json) {
        return ((Number) JsonPath.read(json, "$.id")).longValue();
    }

    @Test
    void aPeoplesInspectionBoardOfFourMembersIsRefusedNamingTheFieldAndNothingIsSaved() throws Exception {
        var user = signedIn.login("canbo.luongvantri");
        long boards = count("democracy_board");
        long members = count("democracy_board_member");
        var answer = send(user, "/api/boards", """
                {"kind": "PEOPLES_INSPECTION", "unit": "05983", "villageCount": 4, "termFrom": "2031-01-01", "termTo": "2035-12-31",
                 "members": %s}""".formatted(members(4)), 400);
        assertThat((String) JsonPath.read(answer, "$.errors[0].field")).isEqualTo("members");
        assertThat((String) JsonPath.read(answer, "$.detail")).contains("4 thành viên", "tối thiểu 5");
        assertThat(count("democracy_board")).isEqualTo(boards);
        assertThat(count("democracy_board_member")).isEqualTo(members);
    }

    @Test
    void aBoardWhoseSizeDiffersFromTheVillagesIsSavedWithAWarning() throws Exception {
        var user = signedIn.login("canbo.luongvantri");
        var answer = send(user, "/api/boards", """
                {"kind": "PEOPLES_INSPECTION", "unit": "05983", "villageCount": 9, "termFrom": "2031-01-01", "termTo": "2035-12-31",
                 "members": %s}""".formatted(members(6)), 201);
        assertThat((String) JsonPath.read(answer, "$.warnings[0].field")).isEqualTo("members");
        assertThat((String) JsonPath.read(answer, "$.warnings[0].message")).contains("6 thành viên", "9 thôn");
        mvc.perform(get("/api/boards/" + created(answer)).session(user))
                .andExpect(status().isOk()).andExpect(jsonPath("$.members.length()").value(6));
    }

    @Test
    void aSupervisionBoardWithSixRepresentativesIsRefusedAndWithFiveIsSaved() throws Exception {
        var user = signedIn.login("canbo.luongvantri");
        var body = """
                {"kind": "INVESTMENT_SUPERVISION", "unit": "05983", "projectName": "Nhà văn hóa khối 2", "investor": "UBND phường",
                 "termFrom": "2031-03-01", "termTo": "2031-12-31", "members": %s}""";
        var refused = send(user, "/api/boards", body.formatted(members(6)), 400);
        assertThat((String) JsonPath.read(refused, "$.errors[0].field")).isEqualTo("members");
        assertThat((String) JsonPath.read(refused, "$.detail")).contains("6 đại diện", "tối đa 5");
        send(user, "/api/boards", body.formatted(members(5)), 201);
    }

    @Test
    void anActivityPlanSentLateIsSavedWithAWarningNamingTheFieldAndTheShortfall() throws Exception {
        var user = signedIn.login("canbo.luongvantri");
        var board = demoBoard("05983");
        // starts Monday 10/2/2031; sent to the Front on Wednesday 5/2 (3 working days), to the chair in time
        var answer = send(user, "/api/boards/" + board + "/activities", """
                {"kind": "SUPERVISION", "activityTitle": "Giám sát thu, chi quỹ khuyến học năm 2030", "subjects": "UBND phường",
                 "startsOn": "2031-02-10", "sentFrontOn": "2031-02-05", "sentChairOn": "2031-01-31"}""", 201);
        assertThat((String) JsonPath.read(answer, "$.warnings[0].field")).isEqualTo("sentFrontOn");
        assertThat((String) JsonPath.read(answer, "$.warnings[0].message")).contains("muộn 2 ngày làm việc");
        assertThat(JsonPath.<java.util.List<?>>read(answer, "$.warnings")).hasSize(1);
        var shortfall = jdbc.sql("select notice_shortfall from democracy_activity where id = :id").param("id", created(answer))
                .query(Integer.class).single();
        assertThat(shortfall).isEqualTo(2);
    }

    @Test
    void householdsPresentAboveTheTotalAreRefusedNamingTheField() throws Exception {
        var user = signedIn.login("canbo.luongvantri");
        long meetings = count("democracy_community_meeting");
        var answer = send(user, "/api/community-meetings", """
                {"unit": "05983", "village": "Khối 2", "meetingOn": "2031-04-04", "householdsTotal": 120, "householdsPresent": 121,
                 "agenda": "Bàn mức đóng góp", "votes": [{"item": "Mức đóng góp", "votesFor": 100, "votesAgainst": 10, "votesAbstain": 11}]}""",
                400);
        assertThat((String) JsonPath.read(answer, "$.errors[0].field")).isEqualTo("householdsPresent");
        assertThat((String) JsonPath.read(answer, "$.detail")).contains("121", "120");
        assertThat(count("democracy_community_meeting")).isEqualTo(meetings);
        var saved = send(user, "/api/community-meetings", """
                {"unit": "05983", "village": "Khối 2", "meetingOn": "2031-04-04", "householdsTotal": 120, "householdsPresent": 110,
                 "agenda": "Bàn mức đóng góp", "votes": [{"item": "Mức đóng góp", "votesFor": 70, "votesAgainst": 30, "votesAbstain": 10}]}""",
                201);
        mvc.perform(get("/api/community-meetings/" + created(saved)).session(user))
                .andExpect(jsonPath("$.votes[0].votesFor").value(70)).andExpect(jsonPath("$.householdsPresent").value(110));
    }

    @Test
    void twoOfficersAnsweringTheSameRecommendationCannotOverwriteEachOther() throws Exception {
        var user = signedIn.login("canbo.luongvantri");
        var activity = created(send(user, "/api/boards/" + demoBoard("05983") + "/activities", """
                {"kind": "INSPECTION", "activityTitle": "Kiểm tra chợ khối 3", "subjects": "Ban quản lý chợ", "startsOn": "2031-05-20",
                 "sentFrontOn": "2031-05-05"}""", 201));
        var rec = created(send(user, "/api/activities/" + activity + "/recommendations", """
                {"content": "Bố trí lại khu bán thực phẩm tươi sống", "addressee": "UBND phường", "madeOn": "2031-05-25"}""", 201));
        var body = """
                {"answeredOn": "2031-06-01", "answeredBy": "%s", "answeredByTitle": "Chủ tịch UBND phường", "answer": "%s", "version": 0}""";
        mvc.perform(put("/api/recommendations/" + rec + "/answer").session(user).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(body.formatted("Cán bộ A", "Đã bố trí lại"))).andExpect(status().isNoContent());
        mvc.perform(put("/api/recommendations/" + rec + "/answer").session(user).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(body.formatted("Cán bộ B", "Sẽ bố trí"))).andExpect(status().isConflict());
        var answer = jdbc.sql("select answer from democracy_recommendation where id = :id").param("id", rec).query(String.class).single();
        assertThat(answer).isEqualTo("Đã bố trí lại");
    }

    @Test
    void theDueListOfAQuarterNamesWhatWasNotDisclosed() throws Exception {
        var user = signedIn.login("canbo.langson");
        mvc.perform(get("/api/disclosures/due").param("unit", "05983").param("period", "2026Q3").session(user))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.obligations").value(1))
                .andExpect(jsonPath("$.made").value(0))
                .andExpect(jsonPath("$.outstanding[0].itemCode").value("THUC_HIEN_NGAN_SACH"))
                .andExpect(jsonPath("$.outstanding[0].periodKey").value("2026Q3"));
        mvc.perform(get("/api/disclosures/due").param("unit", "05983").param("period", "2026H1").session(user))
                .andExpect(jsonPath("$.obligations").value(3))
                .andExpect(jsonPath("$.made").value(3))
                .andExpect(jsonPath("$.outstanding.length()").value(0));
        mvc.perform(get("/api/disclosures/due").param("unit", "05983").param("period", "2026Q5").session(user))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("period"));
    }

    @Test
    void aQuarterlyItemDisclosedForAYearIsRefusedNamingThePeriod() throws Exception {
        var user = signedIn.login("canbo.luongvantri");
        var answer = send(user, "/api/disclosures", """
                {"unit": "05983", "itemCode": "THUC_HIEN_NGAN_SACH", "periodKey": "2031", "disclosureChannel": "NOTICE_BOARD",
                 "disclosureTitle": "Thực hiện ngân sách", "postedOn": "2031-04-10"}""", 400);
        assertThat((String) JsonPath.read(answer, "$.errors[0].field")).isEqualTo("periodKey");
        var warned = send(user, "/api/disclosures", """
                {"unit": "05983", "itemCode": "THUC_HIEN_NGAN_SACH", "periodKey": "2031Q1", "disclosureChannel": "NOTICE_BOARD",
                 "disclosureTitle": "Thực hiện ngân sách quý I/2031", "postedOn": "2031-04-10", "postedUntil": "2031-04-20"}""", 201);
        assertThat((String) JsonPath.read(warned, "$.warnings[0].field")).isEqualTo("postedUntil");
        var id = created(warned);
        mvc.perform(put("/api/disclosures/" + id + "/posted-until").session(user).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"postedUntil\": \"2031-05-12\", \"version\": 0}")).andExpect(status().isNoContent());
        mvc.perform(put("/api/disclosures/" + id + "/posted-until").session(user).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"postedUntil\": \"2031-05-20\", \"version\": 0}")).andExpect(status().isConflict());
        mvc.perform(put("/api/disclosures/" + id + "/posted-until").session(user).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"postedUntil\": \"2031-04-01\", \"version\": 1}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("postedUntil"));
    }

    @Test
    void anotherProvincesOfficerFindsNoneOfAWardsRecords() throws Exception {
        var thaiNguyen = signedIn.login("canbo.thainguyen");
        var board = demoBoard("05983");
        mvc.perform(get("/api/boards/" + board).session(thaiNguyen)).andExpect(status().isNotFound());
        mvc.perform(get("/api/boards").param("unit", "05983").session(thaiNguyen)).andExpect(status().isNotFound());
        mvc.perform(get("/api/disclosures/due").param("unit", "05983").param("period", "2026").session(thaiNguyen))
                .andExpect(status().isNotFound());
        send(thaiNguyen, "/api/boards/" + board + "/activities", """
                {"kind": "INSPECTION", "activityTitle": "x", "subjects": "y", "startsOn": "2031-05-20"}""", 404);
        mvc.perform(get("/api/boards").session(thaiNguyen)).andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].unit.code", Matchers.everyItem(Matchers.is("05443"))))
                .andExpect(jsonPath("$.totalElements").value(Matchers.greaterThanOrEqualTo(1)));
    }

    @Test
    void aWardsOfficerDoesNotSeeTheNeighbouringWard() throws Exception {
        var dongKinh = signedIn.login("canbo.dongkinh");
        mvc.perform(get("/api/boards/" + demoBoard("05983")).session(dongKinh)).andExpect(status().isNotFound());
        mvc.perform(get("/api/boards/" + demoBoard("05977")).session(dongKinh)).andExpect(status().isOk())
                .andExpect(jsonPath("$.unit.code").value("05977"));
        send(dongKinh, "/api/disclosures", """
                {"unit": "05983", "itemCode": "KE_HOACH_KTXH", "periodKey": "2031", "disclosureChannel": "WEBSITE",
                 "disclosureTitle": "x", "postedOn": "2031-01-10"}""", 404);
    }

    @Test
    void theProvinceSeesTheBoardsOfItsWardsPaged() throws Exception {
        var user = signedIn.login("canbo.langson");
        mvc.perform(get("/api/boards").param("unit", "20").param("kind", "PEOPLES_INSPECTION").param("size", "1").session(user))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(Matchers.greaterThanOrEqualTo(2)))
                .andExpect(jsonPath("$.content.length()").value(1))
                .andExpect(jsonPath("$.size").value(1));
    }
}
