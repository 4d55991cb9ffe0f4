package vn.danvan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.util.HtmlUtils;
import vn.danvan.SignedInMvc;

/**
 * A coordination programme is recorded and completed from its screens by the owner unit's officer: the
 * programme with parties, signatories and items, then a content item, a yearly joint plan with an activity
 * and its status, a review result naming its conference and the successor programme, each audited; bad
 * input comes back as typed with the message beside the field and nothing saved; another province's
 * officer sees no forms and is answered 404.
 */
@SpringBootTest
class ProgrammeScreensIntegrationTests {

    static final String TITLE = "Chương trình phối hợp thử nghiệm màn hình";

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

    /** The programmes of these tests go away, so that the demo's programmes stay the only ones other tests count. */
    @AfterEach
    void removeTestProgrammes() {
        jdbc.sql("update plan_programme set predecessor_id = null where title like :t").param("t", TITLE + "%").update();
        jdbc.sql("delete from plan_programme where title like :t").param("t", TITLE + "%").update();
    }

    long thaiNguyenOwner() {
        return jdbc.sql("select owner_unit_id from plan_programme where from_year = 2016 and title like '%Thái Nguyên%'")
                .query(Long.class).single();
    }

    long s02Meeting() {
        return jdbc.sql("select id from meeting where title like 'Hội nghị tổng kết Chương trình phối hợp%2016–2021%'")
                .query(Long.class).single();
    }

    MockHttpServletRequestBuilder form(String url, MockHttpSession session) {
        return post(url).session(session).with(csrf());
    }

    long createProgramme(MockHttpSession officer, String title, int from, int to) throws Exception {
        var location = mvc.perform(form("/programmes/new", officer).param("title", title).param("fromYear", "" + from)
                        .param("toYear", "" + to).param("documentIdentifier", "79-CTr/BDVTW-BCSĐCP")
                        .param("ownerUnitId", "" + thaiNguyenOwner())
                        .param("partyNames", "Ban Cán sự đảng UBND tỉnh Thái Nguyên", "", "", "")
                        .param("partyUnits", "", "19.BDV", "", "")
                        .param("signatoryNames", "Dương Văn Tiến", "", "")
                        .param("signatoryTitles", "Trưởng Ban Dân vận Tỉnh ủy", "", "")
                        .param("signatoryBodies", "Ban Dân vận Tỉnh ủy Thái Nguyên", "", "")
                        .param("items", "Tiếp công dân, đối thoại\n\nPhong trào thi đua “Dân vận khéo”\n"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/programmes/*"))
                .andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    String page(String url, MockHttpSession session) throws Exception {
        var response = mvc.perform(get(url).session(session)).andReturn().getResponse();
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return HtmlUtils.htmlUnescape(response.getContentAsString());
    }

    long audits(String action, long programmeId) {
        return jdbc.sql("select count(*) from audit_log where action = :a and entity_type = 'plan_programme' and entity_id = :id")
                .param("a", action).param("id", String.valueOf(programmeId)).query(Long.class).single();
    }

    @Test
    void aProgrammeRecordedOnTheFormIsCompletedFromItsPageAndEveryChangeIsAudited() throws Exception {
        var officer = signedIn.login("canbo.thainguyen");
        assertThat(page("/programmes", officer)).contains("Ghi nhận chương trình phối hợp");
        assertThat(page("/programmes/new", officer)).contains("Số, ký hiệu của chương trình (văn bản)").contains("Cơ quan 2");
        var id = createProgramme(officer, TITLE, 2031, 2035);
        var parties = jdbc.sql("select name from plan_programme_party where programme_id = :p order by ordinal").param("p", id)
                .query(String.class).list();
        assertThat(parties).containsExactly("Ban Cán sự đảng UBND tỉnh Thái Nguyên", "Ban Dân vận Tỉnh ủy Thái Nguyên");
        assertThat(audits("plan.programme-created", id)).isEqualTo(1);
        var html = page("/programmes/" + id, officer);
        assertThat(html).contains("79-CTr/BDVTW-BCSĐCP").contains("Dương Văn Tiến").contains("Phong trào thi đua “Dân vận khéo”")
                .contains("Giai đoạn 2031–2035").contains("Thêm nội dung phối hợp").contains("Thêm kế hoạch phối hợp năm");

        mvc.perform(form("/programmes/" + id + "/items", officer).param("title", "Cải cách hành chính").param("description", "Một cửa"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(form("/programmes/" + id + "/joint-plans", officer).param("year", "2031").param("title", "Kế hoạch phối hợp năm 2031")
                .param("documentIdentifier", "")).andExpect(status().is3xxRedirection());
        var jointPlan = jdbc.sql("select id from plan_programme_joint_plan where programme_id = :p").param("p", id).query(Long.class).single();
        mvc.perform(form("/programmes/" + id + "/activities", officer).param("jointPlanId", "" + jointPlan)
                .param("title", "Hội nghị tập huấn dân vận chính quyền").param("ownerUnitId", "" + thaiNguyenOwner())
                .param("dueOn", "2031-06-30")).andExpect(status().is3xxRedirection());
        var activity = jdbc.sql("select id from plan_programme_activity where joint_plan_id = :j").param("j", jointPlan)
                .query(Long.class).single();
        mvc.perform(form("/programmes/" + id + "/activities/" + activity + "/status", officer).param("status", "DONE"))
                .andExpect(status().is3xxRedirection());
        var item = jdbc.sql("select id from plan_programme_item where programme_id = :p and ordinal = 2").param("p", id)
                .query(Long.class).single();
        mvc.perform(form("/programmes/" + id + "/reviews", officer).param("itemId", "" + item).param("reviewedOn", "2022-04-05")
                .param("result", "Thủ tục hành chính được giải quyết đúng hạn.").param("meetingId", "" + s02Meeting()))
                .andExpect(status().is3xxRedirection());
        var next = createProgramme(officer, TITLE + " giai đoạn sau", 2036, 2040);
        assertThat(page("/programmes/" + id, officer)).contains(TITLE + " giai đoạn sau (2036–2040)");
        mvc.perform(form("/programmes/" + id + "/renewal", officer).param("successorId", "" + next)).andExpect(status().is3xxRedirection());

        html = page("/programmes/" + id, officer);
        assertThat(html).contains("3. Cải cách hành chính").doesNotContain("1. Cải cách hành chính")
                .contains("Năm 2031").contains("Hội nghị tập huấn dân vận chính quyền").contains("30/06/2031")
                .contains("05/04/2022").contains("Thủ tục hành chính được giải quyết đúng hạn.").contains("/meetings/" + s02Meeting())
                .contains("Chương trình giai đoạn sau");
        assertThat(jdbc.sql("select status from plan_programme_activity where id = :a").param("a", activity).query(String.class).single())
                .isEqualTo("DONE");
        assertThat(jdbc.sql("select predecessor_id from plan_programme where id = :n").param("n", next).query(Long.class).single()).isEqualTo(id);
        assertThat(audits("plan.programme-item-added", id)).isEqualTo(1);
        assertThat(audits("plan.programme-joint-plan-added", id)).isEqualTo(1);
        assertThat(audits("plan.programme-activity-added", id)).isEqualTo(1);
        assertThat(audits("plan.programme-activity-status", id)).isEqualTo(1);
        assertThat(audits("plan.programme-reviewed", id)).isEqualTo(1);
        assertThat(audits("plan.programme-renewed", id)).isEqualTo(1);
    }

    @Test
    void aProgrammeWithOnePartyAndNoTitleComesBackAsTypedWithTheMessagesAndNothingSaved() throws Exception {
        var officer = signedIn.login("canbo.thainguyen");
        var before = jdbc.sql("select count(*) from plan_programme").query(Long.class).single();
        String html = mvc.perform(form("/programmes/new", officer).param("title", "").param("fromYear", "2031").param("toYear", "2030")
                        .param("ownerUnitId", "" + thaiNguyenOwner())
                        .param("partyNames", "Ban Dân vận Tỉnh ủy Thái Nguyên", "", "", "").param("partyUnits", "", "", "", "")
                        .param("signatoryNames", "Dương Văn Tiến", "", "").param("signatoryTitles", "", "", "")
                        .param("signatoryBodies", "Ban Dân vận Tỉnh ủy", "", "").param("items", "Nội dung gõ dở"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        html = HtmlUtils.htmlUnescape(html);
        assertThat(html).contains("chương trình phối hợp cần ít nhất hai cơ quan").contains("không được để trống")
                .contains("năm kết thúc trước năm bắt đầu (2031)").contains("người ký thứ 1: chưa ghi chức vụ")
                .contains("value=\"Ban Dân vận Tỉnh ủy Thái Nguyên\"").contains("value=\"Dương Văn Tiến\"").contains("Nội dung gõ dở");
        html = mvc.perform(form("/programmes/new", officer).param("title", TITLE).param("fromYear", "2031").param("toYear", "2035")
                        .param("ownerUnitId", "" + thaiNguyenOwner()).param("documentIdentifier", "99-CTr/KHONGCO")
                        .param("partyNames", "Cơ quan A", "Cơ quan B").param("partyUnits", "", "XX.KHONGCO"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        html = HtmlUtils.htmlUnescape(html);
        assertThat(html).contains("không có văn bản „99-CTr/KHONGCO” trong sổ văn bản").contains("không có đơn vị mang mã „XX.KHONGCO”")
                .contains("value=\"" + TITLE + "\"");
        assertThat(jdbc.sql("select count(*) from plan_programme").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aBadActivityOrReviewComesBackBesideItsFieldKeepingWhatWasTyped() throws Exception {
        var officer = signedIn.login("canbo.thainguyen");
        var id = createProgramme(officer, TITLE, 2031, 2035);
        String html = mvc.perform(form("/programmes/" + id + "/joint-plans", officer).param("year", "2040").param("title", "Kế hoạch lệch năm"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        html = HtmlUtils.htmlUnescape(html);
        assertThat(html).contains("năm phải trong giai đoạn 2031–2035 của chương trình").contains("value=\"Kế hoạch lệch năm\"");
        var item = jdbc.sql("select id from plan_programme_item where programme_id = :p and ordinal = 0").param("p", id)
                .query(Long.class).single();
        html = mvc.perform(form("/programmes/" + id + "/reviews", officer).param("itemId", "" + item).param("reviewedOn", "2022-04-05")
                        .param("result", "").param("meetingId", "" + s02Meeting()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        html = HtmlUtils.htmlUnescape(html);
        assertThat(html).contains("không được để trống").contains("/meetings/options?selected=" + s02Meeting());
        html = mvc.perform(form("/programmes/" + id + "/items", officer).param("title", " ").param("description", "Mô tả gõ dở"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        html = HtmlUtils.htmlUnescape(html);
        assertThat(html).contains("không được để trống").contains("Mô tả gõ dở");
        assertThat(jdbc.sql("select count(*) from plan_programme_review r join plan_programme_item i on i.id = r.item_id where i.programme_id = :p")
                .param("p", id).query(Long.class).single()).isZero();
    }

    @Test
    void anotherProvincesOfficerSeesNoFormsAndCannotChangeTheProgramme() throws Exception {
        var id = createProgramme(signedIn.login("canbo.thainguyen"), TITLE, 2031, 2035);
        var langSon = signedIn.login("canbo.langson");
        assertThat(page("/programmes/" + id, langSon)).contains(TITLE).doesNotContain("Thêm nội dung phối hợp")
                .doesNotContain("Ghi kết quả sơ kết, tổng kết");
        mvc.perform(form("/programmes/" + id + "/items", langSon).param("title", "Nội dung lạ")).andExpect(status().isNotFound());
        mvc.perform(form("/programmes/" + id + "/joint-plans", langSon).param("year", "2031").param("title", "Kế hoạch lạ"))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from plan_programme_item where programme_id = :p").param("p", id).query(Long.class).single())
                .isEqualTo(2);
    }

    @Test
    void theDocumentPageLoadsItsImplementationFromPlanWithTheCountOfUnitsThatHaveNotActed() throws Exception {
        var officer = signedIn.login("canbo.thainguyen");
        var assignment = jdbc.sql("select id from plan_assignment where assigned_on = '2016-05-16'").query(Long.class).single();
        var document = jdbc.sql("select document_id from plan_assignment where id = :a").param("a", assignment).query(Long.class).single();
        assertThat(page("/documents/" + document, officer)).contains("hx-get=\"/plans/assignments/for-document/" + document + "\"");
        record Counts(long units, long acted, long assignments) {
        }
        var counts = jdbc.sql("""
                        select count(*) as units, count(u.implementing_document_id) as acted, count(distinct a.id) as assignments
                        from plan_assignment a join plan_assignment_unit u on u.assignment_id = a.id where a.document_id = :d""")
                .param("d", document).query(Counts.class).single();
        var fragment = page("/plans/assignments/for-document/" + document, officer);
        assertThat(fragment).doesNotContain("<html")
                .contains("Giao triển khai: " + counts.units() + " đơn vị, " + (counts.units() - counts.acted()) + " chưa triển khai")
                .contains("xem bảng theo dõi")
                .contains(counts.assignments() == 1 ? "/plans/assignments/" + assignment : "/plans/assignments?document=" + document);

        var unassigned = jdbc.sql("""
                        select d.id from document d where not exists (select 1 from plan_assignment a where a.document_id = d.id)
                        order by d.id limit 1""").query(Long.class).single();
        var none = page("/plans/assignments/for-document/" + unassigned, officer);
        assertThat(none).contains("Văn bản này chưa được giao triển khai.").contains("/plans/assignments/new?document=" + unassigned);
        assertThat(page("/plans/assignments/for-document/" + unassigned, signedIn.login("xem.ninhbinh")))
                .contains("Văn bản này chưa được giao triển khai.").doesNotContain("/plans/assignments/new");
        mvc.perform(get("/plans/assignments/for-document/987654321").session(officer)).andExpect(status().isNotFound());
    }
}
