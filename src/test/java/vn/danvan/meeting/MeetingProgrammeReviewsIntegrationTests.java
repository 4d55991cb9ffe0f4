package vn.danvan.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.util.HtmlUtils;
import vn.danvan.SignedInMvc;

/**
 * The S02 review conference recorded the 2016–2021 programme's results item by item, and its page lists
 * the programme items it reviewed; the conferences a programme's review form can name are those in the
 * user's scope.
 */
@SpringBootTest
class MeetingProgrammeReviewsIntegrationTests {

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

    String page(String url, MockHttpSession session) throws Exception {
        var response = mvc.perform(get(url).session(session)).andReturn().getResponse();
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return HtmlUtils.htmlUnescape(response.getContentAsString());
    }

    @Test
    void theClosingReviewConferenceRecordedEachItemOfTheProgrammeItReviewed() {
        var s02 = meetingTitled("Hội nghị tổng kết Chương trình phối hợp về công tác dân vận giai đoạn 2016–2021");
        var reviewed = jdbc.sql("""
                        select i.title from plan_programme_review r join plan_programme_item i on i.id = r.item_id
                        join plan_programme g on g.id = i.programme_id
                        where r.meeting_id = :m and g.from_year = 2016 and r.created_by = 'system' order by i.ordinal""")
                .param("m", s02).query(String.class).list();
        assertThat(reviewed).containsExactly("Tiếp công dân, giải quyết khiếu nại, tố cáo", "Phong trào thi đua “Dân vận khéo”",
                "Cải cách hành chính, nâng cao trách nhiệm cán bộ, công chức");
    }

    @Test
    void theReviewConferencesPageListsTheProgrammeItemsItReviewedAndOtherConferencesDoNot() throws Exception {
        var officer = signedIn.login("canbo.thainguyen");
        var s02 = meetingTitled("Hội nghị tổng kết Chương trình phối hợp về công tác dân vận giai đoạn 2016–2021");
        var programme = jdbc.sql("select id from plan_programme where from_year = 2016 and title like '%Thái Nguyên%'")
                .query(Long.class).single();
        assertThat(page("/meetings/" + s02, officer)).contains("Nội dung chương trình phối hợp được sơ kết, tổng kết tại hội nghị")
                .contains("href=\"/programmes/" + programme + "\"").contains("(2016–2021)")
                .contains("1. Tiếp công dân, giải quyết khiếu nại, tố cáo").contains("trên 38.500 lượt công dân")
                .contains("3. Cải cách hành chính, nâng cao trách nhiệm cán bộ, công chức");
        var signing = meetingTitled("Ký kết Chương trình phối hợp về công tác dân vận giai đoạn 2022–2026");
        assertThat(page("/meetings/" + signing, officer)).doesNotContain("được sơ kết, tổng kết tại hội nghị");
    }

    @Test
    void theConferencesAReviewCanNameAreThoseInTheUsersScopeWithTheTypedOneSelected() throws Exception {
        var s02 = meetingTitled("Hội nghị tổng kết Chương trình phối hợp về công tác dân vận giai đoạn 2016–2021");
        var thaiNguyen = page("/meetings/options?selected=" + s02, signedIn.login("canbo.thainguyen"));
        assertThat(thaiNguyen).doesNotContain("<html").contains("— Không gắn hội nghị —")
                .contains("<option value=\"" + s02 + "\" selected=\"selected\">05/04/2022 — Hội nghị tổng kết Chương trình phối hợp");
        var langSon = page("/meetings/options", signedIn.login("canbo.langson"));
        assertThat(langSon).contains("28/03/2019 — Hội nghị giao ban công tác dân vận quý I")
                .doesNotContain("Hội nghị tổng kết Chương trình phối hợp về công tác dân vận giai đoạn 2016–2021");
    }
}
