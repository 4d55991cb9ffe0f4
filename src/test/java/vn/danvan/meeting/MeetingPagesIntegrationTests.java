package vn.danvan.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.web.context.WebApplicationContext;
import vn.danvan.SignedInMvc;

/** The conference and people screens, the form's bad input, and the secret calendar feed. */
@SpringBootTest
class MeetingPagesIntegrationTests {

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

    static ResultMatcher html(org.hamcrest.Matcher<? super String> matcher) {
        return result -> org.hamcrest.MatcherAssert.assertThat(
                org.springframework.web.util.HtmlUtils.htmlUnescape(result.getResponse().getContentAsString()), matcher);
    }

    long meetingTitled(String prefix) {
        return jdbc.sql("select id from meeting where title like :p order by id limit 1").param("p", prefix + "%").query(Long.class).single();
    }

    @Test
    void theNextBriefingsPageOpensWithThePreviousConclusionAndItsOverdueTasksInRed() throws Exception {
        var user = signedIn.login("canbo.langson");
        mvc.perform(get("/meetings/" + meetingTitled("Hội nghị giao ban công tác dân vận quý II")).session(user))
                .andExpect(status().isOk())
                .andExpect(html(Matchers.containsString("Kết luận kỳ trước")))
                .andExpect(html(Matchers.containsString("Kỳ trước giao 5 nhiệm vụ, 5 nhiệm vụ đang quá hạn.")))
                .andExpect(html(Matchers.containsString("table-danger")))
                .andExpect(html(Matchers.containsString("Chuẩn bị các điều kiện tổ chức Đại hội đại biểu Mặt trận Tổ quốc")));
        var page = mvc.perform(get("/meetings/" + meetingTitled("Hội nghị giao ban công tác dân vận quý II")).session(user))
                .andReturn().getResponse().getContentAsString();
        assertThat(page.indexOf("Kết luận kỳ trước")).isLessThan(page.indexOf("<h1"));
    }

    @Test
    void theListTheCalendarAndThePeoplePagesShowTheDemoInVietnamese() throws Exception {
        var user = signedIn.login("canbo.langson");
        mvc.perform(get("/meetings").session(user)).andExpect(status().isOk())
                .andExpect(html(Matchers.containsString("Sắp diễn ra")))
                .andExpect(html(Matchers.containsString("Làm việc với Đoàn công tác liên ngành")))
                .andExpect(html(Matchers.not(Matchers.containsString("Ninh Bình về tổng kết 10 năm"))));
        mvc.perform(get("/meetings/calendar").session(user)).andExpect(status().isOk())
                .andExpect(html(Matchers.containsString("(lịch dự kiến, bản ghi minh họa)")));
        mvc.perform(get("/meetings/new").session(user)).andExpect(status().isOk())
                .andExpect(html(Matchers.containsString("Hoàng Văn Nghiệm")));
        mvc.perform(get("/people").param("q", "giap thi bac").session(user)).andExpect(status().isOk())
                .andExpect(html(Matchers.containsString("Giáp Thị Bắc")));
        var person = jdbc.sql("select id from person where full_name = 'Giáp Thị Bắc'").query(Long.class).single();
        mvc.perform(get("/people/" + person).session(user)).andExpect(status().isOk())
                .andExpect(html(Matchers.containsString("Trưởng Ban Dân vận Tỉnh ủy")));
        mvc.perform(get("/people/" + person).session(signedIn.login("xem.ninhbinh"))).andExpect(status().isNotFound());
    }

    @Test
    void aFormEndingBeforeItStartsComesBackAsTypedWithTheFieldNamed() throws Exception {
        var user = signedIn.login("canbo.langson");
        var host = jdbc.sql("select home_unit_id from identity_user where username = 'canbo.langson'").query(Long.class).single();
        mvc.perform(post("/meetings/new").session(user).with(csrf())
                        .param("kind", "THEMATIC").param("meetingTitle", "Hội nghị chuyên đề đã gõ")
                        .param("startsAt", "2032-02-02T14:00").param("endsAt", "2032-02-02T09:00")
                        .param("hostUnitId", String.valueOf(host)).param("participatingUnitCodes", "20.UBND, KHONG-CO")
                        .param("agendaText", "Nội dung một\nNội dung hai"))
                .andExpect(status().isOk())
                .andExpect(html(Matchers.containsString("value=\"Hội nghị chuyên đề đã gõ\"")))
                .andExpect(html(Matchers.containsString("không có đơn vị mang mã “KHONG-CO”")))
                .andExpect(html(Matchers.containsString("value=\"20.UBND, KHONG-CO\"")));
        mvc.perform(post("/meetings/new").session(user).with(csrf())
                        .param("kind", "THEMATIC").param("meetingTitle", "Hội nghị chuyên đề đã gõ")
                        .param("startsAt", "2032-02-02T14:00").param("endsAt", "2032-02-02T09:00")
                        .param("hostUnitId", String.valueOf(host)).param("participatingUnitCodes", "20.UBND"))
                .andExpect(status().isOk())
                .andExpect(html(Matchers.containsString("thời gian kết thúc phải sau thời gian bắt đầu")))
                .andExpect(html(Matchers.containsString("value=\"2032-02-02T09:00\"")));
        assertThat(jdbc.sql("select count(*) from meeting where title = 'Hội nghị chuyên đề đã gõ'").query(Long.class).single()).isZero();
        mvc.perform(post("/meetings/new").session(user).with(csrf())
                        .param("kind", "THEMATIC").param("meetingTitle", "Hội nghị chuyên đề đã gõ")
                        .param("startsAt", "2032-02-02T08:00").param("endsAt", "2032-02-02T11:00")
                        .param("hostUnitId", String.valueOf(host)).param("participatingUnitCodes", "20.UBND")
                        .param("reportIdentifiers", "16/CT-TTg"))
                .andExpect(redirectedUrlPattern("/meetings/*"));
    }

    @Test
    void anOpinionWithoutTextIsRefusedKeepingTheRestAndTheEditFormShowsWhatWasSaved() throws Exception {
        var user = signedIn.login("canbo.thainguyen");
        var review = meetingTitled("Hội nghị đánh giá công tác dân vận chính quyền 6 tháng đầu năm");
        var unit = jdbc.sql("select host_unit_id from meeting where id = :id").param("id", review).query(Long.class).single();
        mvc.perform(post("/meetings/" + review + "/opinions").session(user).with(csrf()).param("opinionUnitId", String.valueOf(unit))
                        .param("opinionText", " "))
                .andExpect(status().isOk())
                .andExpect(html(Matchers.containsString("Ý kiến: không được để trống")));
        mvc.perform(post("/meetings/" + review + "/opinions").session(user).with(csrf()).param("opinionUnitId", String.valueOf(unit))
                        .param("opinionText", "Đề nghị tăng cường đối thoại với người dân ở cơ sở."))
                .andExpect(redirectedUrl("/meetings/" + review));
        mvc.perform(get("/meetings/" + review).session(user))
                .andExpect(html(Matchers.containsString("Đề nghị tăng cường đối thoại với người dân ở cơ sở.")))
                .andExpect(html(Matchers.containsString(", Phó Chủ tịch UBND tỉnh")));
        // the Bắc Kạn review of 2018 is edited by the merged province's officer, its units read as of the meeting date
        mvc.perform(get("/meetings/" + review + "/edit").session(user)).andExpect(status().isOk())
                .andExpect(html(Matchers.allOf(Matchers.containsString("06.TU"), Matchers.containsString("06.MTTQ"),
                        Matchers.containsString("06.BDV"), Matchers.containsString("06.SNV"))))
                .andExpect(html(Matchers.containsString("value=\"2018-07-20T08:00\"")));
        mvc.perform(get("/meetings/" + review + "/edit").session(signedIn.login("canbo.langson"))).andExpect(status().isNotFound());
    }

    @Test
    void theSecretFeedShowsItsOwnersCalendarUntilRevoked() throws Exception {
        var user = signedIn.login("canbo.luongvantri");
        var flash = mvc.perform(post("/meetings/calendar/feed").session(user).with(csrf()))
                .andExpect(redirectedUrl("/meetings/calendar")).andReturn().getFlashMap();
        var url = (String) flash.get("feedUrl");
        var path = url.substring(url.indexOf("/public/calendar/"));
        var hash = jdbc.sql("select token_hash from meeting_feed_token t join identity_user u on u.id = t.user_id "
                + "where u.username = 'canbo.luongvantri'").query(String.class).single();
        assertThat(path).doesNotContain(hash);
        // no session: the token is the key; the ward took part in the province's upcoming briefing
        var ics = mvc.perform(get(path)).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/calendar"))
                .andExpect(content().string(Matchers.startsWith("BEGIN:VCALENDAR\r\n")))
                .andReturn().getResponse().getContentAsString();
        // long lines are folded (RFC 5545 §3.1): unfold before reading
        assertThat(ics.replace("\r\n ", "")).contains("lịch dự kiến", "SUMMARY:Hội nghị giao ban công tác dân vận quý")
                .doesNotContain("Đoàn kiểm tra của Ban Chỉ đạo Trung ương");
        mvc.perform(get("/public/calendar/not-a-real-token-at-all-0123456789.ics")).andExpect(status().isNotFound());
        mvc.perform(post("/meetings/calendar/feed/revoke").session(user).with(csrf())).andExpect(redirectedUrl("/meetings/calendar"));
        mvc.perform(get(path)).andExpect(status().isNotFound());
    }
}
