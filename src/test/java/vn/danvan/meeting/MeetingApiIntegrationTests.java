package vn.danvan.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
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
import org.springframework.web.context.WebApplicationContext;
import vn.danvan.SignedInMvc;

/**
 * Conferences over HTTP against the embedded PostgreSQL with the demo data: the /api/meetings contract
 * (paging, total, inclusive dates, host or participant, subtree across the 2025 merger, 404 out of
 * scope, 400 on bad dates), an end before the start refused naming the field, titles as of the
 * meeting date, the previous briefing's tasks, the two .docx layouts, and scope between communes.
 * Meetings created here lie in 2031 and later, away from the demo's dates.
 */
@SpringBootTest
class MeetingApiIntegrationTests {

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

    long meetingTitled(String prefix) {
        return jdbc.sql("select id from meeting where title like :p order by id limit 1").param("p", prefix + "%").query(Long.class).single();
    }

    long upcomingBriefing() {
        return jdbc.sql("select id from meeting where title like '%(lịch dự kiến%' order by id limit 1").query(Long.class).single();
    }

    long create(MockHttpSession session, String body) throws Exception {
        var response = mvc.perform(post("/api/meetings").session(session).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
        return ((Number) JsonPath.read(response.getContentAsString(), "$.id")).longValue();
    }

    // ---- the /api/meetings contract --------------------------------------------------------------

    @Test
    void meetingsOfAProvinceSubtreeArePagedWithTheirTotal() throws Exception {
        var user = signedIn.login("canbo.langson");
        mvc.perform(get("/api/meetings").param("unit", "20").param("from", "2019-01-01").param("to", "2021-12-31")
                        .param("size", "2").session(user))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(3))
                .andExpect(jsonPath("$.content.length()").value(2))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.content[0].startsAt").value("2021-06-28T14:00:00"));
        mvc.perform(get("/api/meetings").param("unit", "20").param("from", "2019-01-01").param("to", "2021-12-31")
                        .param("size", "2").param("page", "1").session(user))
                .andExpect(jsonPath("$.totalElements").value(3))
                .andExpect(jsonPath("$.content.length()").value(1))
                .andExpect(jsonPath("$.content[0].title").value(Matchers.startsWith("Hội nghị giao ban công tác dân vận quý I,")));
    }

    @Test
    void fromAndToAreBothInclusive() throws Exception {
        var user = signedIn.login("canbo.langson");
        mvc.perform(get("/api/meetings").param("unit", "20").param("from", "2019-03-28").param("to", "2019-03-28").session(user))
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].hostUnit.code").value("20.TU"));
        mvc.perform(get("/api/meetings").param("unit", "20").param("from", "2019-03-29").param("to", "2019-07-10").session(user))
                .andExpect(jsonPath("$.totalElements").value(0));
        mvc.perform(get("/api/meetings").param("unit", "20").param("from", "2019-03-29").param("to", "2019-07-11").session(user))
                .andExpect(jsonPath("$.totalElements").value(1));
    }

    @Test
    void aLongMeetingIsFoundInAPeriodItEndsInThoughItStartedWeeksBefore() throws Exception {
        var user = signedIn.login("canbo.langson");
        // the period's lower bound on starts_at is the longest meeting's duration before "from": a forty-day
        // meeting stretches it, and a meeting ending on "from" is still found
        var id = create(user, """
                {"kind": "THEMATIC", "title": "Đợt tập huấn kéo dài bốn mươi ngày", "hostUnit": "20.BTGDV",
                 "startsAt": "2032-01-02T08:00:00", "endsAt": "2032-02-11T17:00:00"}""");
        mvc.perform(get("/api/meetings").param("unit", "20").param("from", "2032-02-11").param("to", "2032-03-31").session(user))
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].id").value((int) id));
        mvc.perform(get("/api/meetings").param("unit", "20").param("from", "2032-02-12").param("to", "2032-03-31").session(user))
                .andExpect(jsonPath("$.totalElements").value(0));
    }

    @Test
    void aUnitFindsTheMeetingsItHostedAndThoseItTookPartIn() throws Exception {
        var user = signedIn.login("canbo.langson");
        // 20.MTTQ hosted none: it took part in the two briefings of 2019
        mvc.perform(get("/api/meetings").param("unit", "20.MTTQ").param("from", "2019-01-01").param("to", "2019-12-31").session(user))
                .andExpect(jsonPath("$.totalElements").value(2));
        // 20.UBND hosted the working session of 2021 and took part in the 2019 briefings
        mvc.perform(get("/api/meetings").param("unit", "20.UBND").param("from", "2019-01-01").param("to", "2021-12-31").session(user))
                .andExpect(jsonPath("$.totalElements").value(3));
        // today's commission (Tuyên giáo và Dân vận, 2025) finds the working session its predecessor took part in
        mvc.perform(get("/api/meetings").param("unit", "20.BTGDV").param("from", "2021-01-01").param("to", "2021-12-31").session(user))
                .andExpect(jsonPath("$.totalElements").value(1));
    }

    @Test
    void theMergedProvinceFindsTheMeetingsOfTheUnitsThatPassedIntoIt() throws Exception {
        var user = signedIn.login("canbo.thainguyen");
        mvc.perform(get("/api/meetings").param("unit", "19").param("from", "2018-01-01").param("to", "2018-12-31").session(user))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].kind").value("SIX_MONTH_REVIEW"))
                .andExpect(jsonPath("$.content[0].hostUnit.name").value("Ủy ban nhân dân tỉnh Bắc Kạn"));
    }

    @Test
    void aUnitOutsideTheUsersScopeAnswersNotFoundAndBadDatesAnswerBadRequest() throws Exception {
        var user = signedIn.login("canbo.langson");
        mvc.perform(get("/api/meetings").param("unit", "37").session(user)).andExpect(status().isNotFound());
        mvc.perform(get("/api/meetings").param("unit", "NO-SUCH-UNIT").session(user)).andExpect(status().isNotFound());
        mvc.perform(get("/api/meetings").param("unit", "20").param("from", "2019-13-01").session(user))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("không hợp lệ")));
        mvc.perform(get("/api/meetings").param("unit", "20").param("from", "2019-07-01").param("to", "2019-01-01").session(user))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        var ninhBinh = meetingTitled("Đoàn kiểm tra của Ban Chỉ đạo Trung ương");
        mvc.perform(get("/api/meetings/" + ninhBinh).session(user)).andExpect(status().isNotFound());
        mvc.perform(get("/api/meetings/" + ninhBinh).session(signedIn.login("xem.ninhbinh"))).andExpect(status().isOk());
    }

    // ---- recording ------------------------------------------------------------------------------

    @Test
    void aConferenceEndingBeforeItStartsIsRefusedNamingTheField() throws Exception {
        var user = signedIn.login("canbo.langson");
        mvc.perform(post("/api/meetings").session(user).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"kind": "THEMATIC", "title": "Hội nghị kết thúc trước khi bắt đầu", "hostUnit": "20.BTGDV",
                         "startsAt": "2031-01-10T14:00:00", "endsAt": "2031-01-10T13:00:00"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("endsAt"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("thời gian kết thúc phải sau thời gian bắt đầu")));
        assertThat(jdbc.sql("select count(*) from meeting where title = 'Hội nghị kết thúc trước khi bắt đầu'").query(Long.class).single())
                .isZero();
    }

    @Test
    void chairsAreShownWithTheTitleTheyHeldOnTheMeetingDate() throws Exception {
        var user = signedIn.login("canbo.langson");
        mvc.perform(get("/api/meetings/" + meetingTitled("Hội nghị giao ban công tác dân vận quý I,")).session(user))
                .andExpect(jsonPath("$.chairs[0].name").value("Hoàng Văn Nghiệm"))
                .andExpect(jsonPath("$.chairs[0].title").value("Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh"))
                .andExpect(jsonPath("$.partyHost").value(true))
                .andExpect(jsonPath("$.tasks.length()").value(5));
        mvc.perform(get("/api/people").param("q", "hoang van nghiem").session(user))
                .andExpect(jsonPath("$.totalElements").value(1));
    }

    @Test
    void aBriefingOpensWithThePreviousBriefingsTasksAndWhereTheyStand() throws Exception {
        var user = signedIn.login("canbo.langson");
        // the demo: the next briefing of Lạng Sơn's series shows the five tasks of 28/3/2019, all overdue
        mvc.perform(get("/api/meetings/" + meetingTitled("Hội nghị giao ban công tác dân vận quý II")).session(user))
                .andExpect(jsonPath("$.previous.title").value(Matchers.startsWith("Hội nghị giao ban công tác dân vận quý I,")))
                .andExpect(jsonPath("$.previous.tasks.length()").value(5))
                .andExpect(jsonPath("$.previous.tasks[0].status").value("OVERDUE"))
                .andExpect(jsonPath("$.previous.tasks[0].responsibleUnitName").value("Ủy ban nhân dân tỉnh Lạng Sơn"));
        // a new series: the conclusion of the first meeting assigns a task; the second meeting opens with it
        var first = create(user, """
                {"kind": "QUARTERLY_BRIEFING", "title": "Giao ban thử quý I năm 2031", "hostUnit": "20.BTGDV",
                 "newSeriesName": "Giao ban thử — kiểm thử tự động", "startsAt": "2031-03-28T14:00:00", "endsAt": "2031-03-28T16:00:00"}""");
        mvc.perform(post("/api/meetings/" + first + "/tasks").session(user).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("""
                        [{"title": "Rà soát mô hình Dân vận khéo của các xã", "unit": "20.UBND", "dueOn": "2031-04-30"}]"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.tasks[0].title").value("Rà soát mô hình Dân vận khéo của các xã"));
        var seriesId = jdbc.sql("select series_id from meeting where id = :id").param("id", first).query(Long.class).single();
        var second = create(user, """
                {"kind": "QUARTERLY_BRIEFING", "title": "Giao ban thử quý II năm 2031", "hostUnit": "20.BTGDV", "seriesId": %d,
                 "startsAt": "2031-07-01T14:00:00", "endsAt": "2031-07-01T16:00:00"}""".formatted(seriesId));
        mvc.perform(get("/api/meetings/" + second).session(user))
                .andExpect(jsonPath("$.previous.meetingId").value(first))
                .andExpect(jsonPath("$.previous.tasks[0].title").value("Rà soát mô hình Dân vận khéo của các xã"))
                .andExpect(jsonPath("$.previous.tasks[0].dueOn").value("2031-04-30"));
        // a task due date the plan refuses is named as the task's field
        mvc.perform(post("/api/meetings/" + second + "/tasks").session(user).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("""
                        [{"title": "", "unit": "20.UBND", "dueOn": "2031-08-30"}]"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(Matchers.startsWith("tasks[0].")));
    }

    @Autowired
    MeetingFigures figures;

    @Test
    void figuresCountTheConferencesHeldInASubtreeByKindWithTheirOpinionsAndTasks() {
        var root = jdbc.sql("select id from org_unit where code = 'VN'").query(Long.class).single();
        var system = new vn.danvan.identity.CurrentUser(0, "system", "Hệ thống", root,
                java.util.List.of(new vn.danvan.identity.Grant(0, vn.danvan.identity.Role.SYSTEM_ADMIN, root, java.util.Set.of())));
        var langSon = jdbc.sql("select id from org_unit where code = '20' and valid_to is null").query(Long.class).single();
        var f = figures.figures(langSon, java.time.LocalDate.of(2019, 1, 1), java.time.LocalDate.of(2021, 12, 31), system);
        org.assertj.core.api.Assertions.assertThat(f.held()).isEqualTo(3);
        org.assertj.core.api.Assertions.assertThat(f.byKind().get(MeetingKind.QUARTERLY_BRIEFING)).isEqualTo(2);
        org.assertj.core.api.Assertions.assertThat(f.byKind().get(MeetingKind.INSPECTION_WORKING_SESSION)).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThat(f.byKind().get(MeetingKind.SIGNING_CEREMONY)).isZero();
        org.assertj.core.api.Assertions.assertThat(f.opinions()).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThat(f.tasks()).isEqualTo(5);
        var thaiNguyen = jdbc.sql("select id from org_unit where code = '19' and valid_to is null").query(Long.class).single();
        var tn = figures.figures(thaiNguyen, java.time.LocalDate.of(2018, 1, 1), java.time.LocalDate.of(2022, 12, 31), system);
        org.assertj.core.api.Assertions.assertThat(tn.held()).isEqualTo(3);
        org.assertj.core.api.Assertions.assertThat(tn.byKind().get(MeetingKind.SIX_MONTH_REVIEW)).isEqualTo(1);
    }

    // ---- documents ------------------------------------------------------------------------------

    static String text(byte[] docx) throws Exception {
        try (var doc = new XWPFDocument(new ByteArrayInputStream(docx)); var extractor = new XWPFWordExtractor(doc)) {
            return extractor.getText();
        }
    }

    @Test
    void aPartyHostsConclusionNoticeIsInThePartyLayout() throws Exception {
        var user = signedIn.login("canbo.langson");
        var bytes = mvc.perform(get("/api/meetings/" + meetingTitled("Hội nghị giao ban công tác dân vận quý I,") + "/conclusion-notice.docx")
                        .session(user))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        var text = text(bytes);
        assertThat(text).contains("ĐẢNG CỘNG SẢN VIỆT NAM", "TỈNH ỦY LẠNG SƠN", "*", "Số ", "Lạng Sơn, ngày", "THÔNG BÁO",
                "Hoàng Văn Nghiệm", "Nhiệm vụ giao", "Thực hiện điểm mô hình “Chính quyền thân thiện”", "T/M TỈNH ỦY LẠNG SƠN",
                "PHÓ BÍ THƯ THƯỜNG TRỰC TỈNH ỦY", "-TB/TU");
        assertThat(text).doesNotContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").doesNotContain("Số:");
    }

    @Test
    void aStateHostsInvitationIsInTheLayoutOfDecree30() throws Exception {
        var user = signedIn.login("canbo.langson");
        var bytes = mvc.perform(get("/meetings/" + meetingTitled("Làm việc với Đoàn công tác liên ngành") + "/invitation.docx").session(user))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        var text = text(bytes);
        assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN",
                "Số:", "/GM-UBND", "GIẤY MỜI", "Triệu Văn Cường, Thứ trưởng Bộ Nội vụ", "14 giờ 00 đến 17 giờ 00, thứ Hai, ngày 28/06/2021");
        // signed for the host by the co-chair who held a position in it that day, not by the visiting team's leader
        assertThat(text).contains("TM. ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN", "CHỦ TỊCH UBND TỈNH", "Hồ Tiến Thiệu");
        assertThat(text).doesNotContain("ĐẢNG CỘNG SẢN VIỆT NAM");
    }

    // ---- scope ----------------------------------------------------------------------------------

    @Test
    void aCommuneOfficerCannotReadAnotherCommunesMeetings() throws Exception {
        var dongKinh = signedIn.login("canbo.dongkinh");
        var id = create(dongKinh, """
                {"kind": "THEMATIC", "title": "Hội nghị chuyên đề dân vận khéo phường Đông Kinh 2031", "hostUnit": "05977",
                 "startsAt": "2031-05-05T08:00:00", "endsAt": "2031-05-05T11:00:00", "place": "Nhà văn hóa khối 1"}""");
        mvc.perform(get("/api/meetings/" + id).session(dongKinh)).andExpect(status().isOk());
        var luongVanTri = signedIn.login("canbo.luongvantri");
        mvc.perform(get("/api/meetings/" + id).session(luongVanTri)).andExpect(status().isNotFound());
        mvc.perform(get("/meetings/" + id + "/invitation.docx").session(luongVanTri)).andExpect(status().isNotFound());
        mvc.perform(get("/api/meetings").param("unit", "05977").session(luongVanTri)).andExpect(status().isNotFound());
        mvc.perform(get("/api/meetings").param("from", "2031-05-05").param("to", "2031-05-05").session(luongVanTri))
                .andExpect(jsonPath("$.totalElements").value(0));
        // nor record one for the other commune
        mvc.perform(post("/api/meetings").session(luongVanTri).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"kind": "THEMATIC", "title": "Ghi hộ phường khác", "hostUnit": "05977",
                         "startsAt": "2031-05-06T08:00:00", "endsAt": "2031-05-06T11:00:00"}"""))
                .andExpect(status().isNotFound());
        // the province above both reads it
        mvc.perform(get("/api/meetings/" + id).session(signedIn.login("canbo.langson"))).andExpect(status().isOk());
    }

    @Test
    void aParticipatingWardReadsTheProvincesBriefingButItsNeighbourDoesNot() throws Exception {
        var upcoming = upcomingBriefing();
        mvc.perform(get("/api/meetings/" + upcoming).session(signedIn.login("canbo.luongvantri"))).andExpect(status().isOk());
        mvc.perform(get("/api/meetings/" + upcoming).session(signedIn.login("canbo.dongkinh"))).andExpect(status().isNotFound());
    }
}
