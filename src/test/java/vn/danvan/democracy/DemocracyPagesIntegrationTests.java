package vn.danvan.democracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import vn.danvan.SignedInMvc;
import vn.danvan.form.FormQuery;
import vn.danvan.form.FormRow;
import vn.danvan.shared.NotFoundException;

/**
 * The officers' pages, the public board page (HTML, PDF, JSON) and the figures, against the embedded
 * PostgreSQL with the demo data. The privacy test seeds citizens' names, phones and addresses in every
 * field that can hold them and finds none on a public answer.
 */
@SpringBootTest
class DemocracyPagesIntegrationTests {

    @Autowired
    WebApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DemocracyForms forms;

    MockMvc mvc;
    SignedInMvc signedIn;

    @BeforeEach
    void setUp() {
        signedIn = new SignedInMvc(context);
        mvc = signedIn.mvc();
    }

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    long demoBoard(String unitCode) {
        return jdbc.sql("""
                        select b.id from democracy_board b join org_unit u on u.id = b.unit_id
                        where u.code = :code and b.kind = 'PEOPLES_INSPECTION' order by b.id limit 1""")
                .param("code", unitCode).query(Long.class).single();
    }

    String page(MockHttpSession user, String url) throws Exception {
        var response = mvc.perform(get(url).session(user)).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return response.getContentAsString();
    }

    String json(MockHttpSession user, String url, String body) throws Exception {
        var response = mvc.perform(post(url).session(user).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
        return response.getContentAsString();
    }

    // ---- officers' pages ------------------------------------------------------------------------

    @Test
    void aWardOfficerSeesItsBoardsRegisterAndWhatIsOverdue() throws Exception {
        var user = signedIn.login("canbo.luongvantri");
        var html = page(user, "/democracy?period=2026Q3");
        assertThat(html).contains("Dân chủ ở cơ sở", "Phường Lương Văn Tri", "Ban Thanh tra nhân dân", "Hoàng Văn Thắng",
                "Tình hình thực hiện ngân sách quý, 6 tháng, năm", "Quá hạn", "Khối 1");
        var board = page(user, "/democracy/boards/" + demoBoard("05983"));
        assertThat(board).contains("Kiểm tra việc giải quyết kiến nghị của cử tri", "Gửi muộn", "0912 345 601",
                "Chủ tịch Ủy ban nhân dân phường", "Kế hoạch hoạt động", "2026Q1");
        assertThat(page(user, "/democracy/boards/new?unit=05983&kind=INVESTMENT_SUPERVISION")).contains("Chủ đầu tư");
        assertThat(page(user, "/democracy/boards/" + demoBoard("05983") + "/edit")).contains("Văn Thắng", "0912 345 601");
        assertThat(page(user, "/democracy/community-meetings/new?unit=05983")).contains("Số hộ dự họp");
    }

    @Test
    void aBoardFormOfFourMembersComesBackAsTypedWithTheProblemBesideTheMembers() throws Exception {
        var user = signedIn.login("canbo.luongvantri");
        var unitId = jdbc.sql("select id from org_unit where code = '05983' and validity @> current_date").query(Long.class).single();
        long before = jdbc.sql("select count(*) from democracy_board").query(Long.class).single();
        var request = post("/democracy/boards/new").session(user).with(csrf())
                .param("kind", "PEOPLES_INSPECTION").param("unitId", String.valueOf(unitId)).param("villageCount", "4")
                .param("termFrom", "2031-01-01").param("termTo", "2035-12-31");
        for (int i = 0; i < 4; i++) {
            request.param("members[" + i + "].fullName", "Người thứ " + (i + 1)).param("members[" + i + "].role", i == 0 ? "HEAD" : "MEMBER");
        }
        var response = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        assertThat(response.getContentAsString()).contains("ít hơn mức tối thiểu 5 thành viên", "Người thứ 4");
        assertThat(jdbc.sql("select count(*) from democracy_board").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aCommunityMeetingPageShowsTheShareOfHouseholdsAgreeing() throws Exception {
        var user = signedIn.login("canbo.luongvantri");
        var id = jdbc.sql("select id from democracy_community_meeting where village = 'Khối 1' and held_on = date '2024-09-20'")
                .query(Long.class).single();
        // 171 of 215 households: 79,5 %
        assertThat(page(user, "/democracy/community-meetings/" + id)).contains("180/215 hộ", "79,5 %", "Được thông qua");
        mvc.perform(get("/democracy/community-meetings/" + id).session(signedIn.login("canbo.dongkinh"))).andExpect(status().isNotFound());
    }

    // ---- public page ----------------------------------------------------------------------------

    @Test
    void thePublicPageShowsRecommendationsAnswersAndDisclosuresWithoutLogin() throws Exception {
        var response = mvc.perform(get("/public/accountability/05983/board").param("year", "2026")).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).contains("Trách nhiệm giải trình — Phường Lương Văn Tri",
                "Trưởng ban Hoàng Văn Thắng", "Phó Trưởng ban Lê Thị Hương", "Công khai quyết toán quỹ xây dựng nhà văn hóa khối 5",
                "Chủ tịch Ủy ban nhân dân phường", "Đã trả lời", "Tình hình thực hiện ngân sách quý, 6 tháng, năm", "2026Q3",
                "aria-current=\"page\"", "/public/accountability/05983/board/pdf");
        var province = mvc.perform(get("/public/accountability/20/board").param("year", "2026").param("q", "van hoa"))
                .andReturn().getResponse();
        province.setCharacterEncoding("UTF-8");
        assertThat(province.getContentAsString()).contains("Phường Lương Văn Tri", "nhà văn hóa khối 5")
                .doesNotContain("Gửi văn bản xin lỗi người dân");
        mvc.perform(get("/public/accountability/99999/board")).andExpect(status().isNotFound());
    }

    @Test
    void noCitizensNamePhoneOrAddressAppearsOnAnyPublicAnswer() throws Exception {
        var user = signedIn.login("canbo.dongkinh");
        var secrets = List.of("Phùng Thị Kín", "0987 654 321", "Số 99 ngõ Bí Mật", "Tạ Văn Riêng", "0977 111 222", "Nguyễn Văn Giấu");
        var today = LocalDate.now();
        var board = JsonPath.read(json(user, "/api/boards", """
                {"kind": "PEOPLES_INSPECTION", "unit": "05977", "villageCount": 5, "termFrom": "%s", "termTo": "%s", "members": [
                 {"fullName": "Trưởng Ban Công Khai", "role": "HEAD", "village": "Tổ 1", "phone": "0987 654 321", "address": "Số 99 ngõ Bí Mật"},
                 {"fullName": "Phùng Thị Kín", "role": "MEMBER", "village": "Tổ 2", "phone": "0977 111 222", "address": "Số 99 ngõ Bí Mật"},
                 {"fullName": "Thành Viên Ba", "role": "MEMBER"}, {"fullName": "Thành Viên Bốn", "role": "MEMBER"},
                 {"fullName": "Thành Viên Năm", "role": "MEMBER"}]}""".formatted(today.minusDays(10), today.plusYears(4))), "$.id");
        var activity = JsonPath.read(json(user, "/api/boards/" + board + "/activities", """
                {"kind": "SUPERVISION", "activityTitle": "Giám sát việc cấp phép xây dựng", "subjects": "Hộ ông Tạ Văn Riêng, 0977 111 222",
                 "startsOn": "%s"}""".formatted(today.minusDays(3))), "$.id");
        var rec = JsonPath.read(json(user, "/api/activities/" + activity + "/recommendations", """
                {"content": "Rà soát hồ sơ cấp phép khu tổ 2", "addressee": "UBND phường Đông Kinh", "madeOn": "%s"}"""
                .formatted(today.minusDays(2))), "$.id");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/recommendations/" + rec + "/answer")
                .session(user).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"answeredOn": "%s", "answeredBy": "Nguyễn Văn Giấu", "answeredByTitle": "Phó Chủ tịch UBND phường",
                         "answer": "Đã rà soát 12 hồ sơ", "version": 0}""".formatted(today.minusDays(1))))
                .andExpect(status().isNoContent());

        for (var code : List.of("05977", "20")) {
            var html = mvc.perform(get("/public/accountability/" + code + "/board")).andReturn().getResponse();
            html.setCharacterEncoding("UTF-8");
            var pdf = mvc.perform(get("/public/accountability/" + code + "/board/pdf")).andReturn().getResponse();
            var data = mvc.perform(get("/public/accountability/" + code + "/board.json")).andReturn().getResponse();
            data.setCharacterEncoding("UTF-8");
            String pdfText;
            try (var document = Loader.loadPDF(pdf.getContentAsByteArray())) {
                pdfText = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            }
            for (var answer : List.of(html.getContentAsString(), pdfText, data.getContentAsString())) {
                assertThat(answer).contains("Rà soát hồ sơ cấp phép khu tổ 2", "Trưởng Ban Công Khai", "Phó Chủ tịch UBND phường");
                for (var secret : secrets) {
                    assertThat(answer).as(code).doesNotContain(secret);
                }
            }
        }
    }

    // ---- figures --------------------------------------------------------------------------------

    @Test
    void theFiguresOfAProvinceCountItsWardsActivityInThePeriodAndNotAnotherProvinces() throws Exception {
        SecurityContextHolder.setContext((SecurityContext) signedIn.login("canbo.langson").getAttribute("SPRING_SECURITY_CONTEXT"));
        var measures = Set.of("board.sessions", "board.sessions.inspection", "board.recommendations", "board.recommendations.answered",
                "disclosures.made", "disclosures.due", "disclosures.outstanding", "community-meetings.held");
        var rows = forms.rows(new FormQuery("test", measures, Map.of(), "20", null, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 9, 30),
                null)).rows();
        var total = rows.get(0);
        assertThat(total.value("board.sessions")).isEqualByComparingTo("3");
        assertThat(total.value("board.sessions.inspection")).isEqualByComparingTo("1");
        assertThat(total.value("board.recommendations")).isEqualByComparingTo("3");
        assertThat(total.value("board.recommendations.answered")).isEqualByComparingTo("2");
        assertThat(total.value("community-meetings.held")).isEqualByComparingTo("0");
        var luongVanTri = rows.stream().filter(r -> "05983".equals(r.unitCode())).findFirst().orElseThrow();
        assertThat(luongVanTri.value("board.sessions")).isEqualByComparingTo("2");
        assertThat(luongVanTri.value("disclosures.made")).isEqualByComparingTo("6");
        // Q1, Q2, Q3 budget execution and the first half-year's complaints: four due; Q3 missing
        assertThat(luongVanTri.value("disclosures.due")).isEqualByComparingTo("4");
        assertThat(luongVanTri.value("disclosures.outstanding")).isEqualByComparingTo("1");
        assertThat(rows).extracting(FormRow::unitCode).doesNotContain("05443");
        var records = forms.records(new FormQuery("test", measures, Map.of(), "20", null, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 9, 30), null), "disclosures.outstanding", "05983", 10);
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.label()).contains("Tình hình thực hiện ngân sách", "2026Q3");
            assertThat(r.path()).isEqualTo("/democracy?unit=05983&period=2026Q3");
        });
        assertThat(forms.records(new FormQuery("test", measures, Map.of(), "20", null, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 9, 30), null), "board.sessions", null, 10)).hasSize(3);
        assertThat(total.value("disclosures.due")).isGreaterThan(BigDecimal.valueOf(8));
    }

    @Test
    void anotherProvincesFiguresAreNotFound() throws Exception {
        SecurityContextHolder.setContext((SecurityContext) signedIn.login("canbo.thainguyen").getAttribute("SPRING_SECURITY_CONTEXT"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> forms.rows(new FormQuery("test", Set.of("board.sessions"), Map.of(), "20",
                null, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), null))).isInstanceOf(NotFoundException.class);
        var own = forms.rows(new FormQuery("test", Set.of("board.sessions"), Map.of(), "19", null, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), null)).rows();
        assertThat(own.get(0).value("board.sessions")).isEqualByComparingTo("1");
    }
}
