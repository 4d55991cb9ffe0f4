package vn.danvan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import vn.danvan.SignedInMvc;

/**
 * The Vietnamese screens of plans, tasks, programmes and the matrix render the demo's records for the
 * officer whose scope holds them; a form with a mistake comes back with what was typed and the message
 * beside the field; another province's plan is not found.
 */
@SpringBootTest
class PlanPagesIntegrationTests {

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

    String page(String url, MockHttpSession session) throws Exception {
        var response = mvc.perform(get(url).session(session)).andReturn().getResponse();
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return response.getContentAsString();
    }

    long plan2019() {
        return jdbc.sql("select id from plan where plan_year = 2019 and theme like 'Kỷ cương%'").query(Long.class).single();
    }

    @Test
    void thePlanPagesShowTheYearsThemeAndTheTaskTreeWithItsRollUp() throws Exception {
        var officer = signedIn.login("canbo.langson");
        assertThat(page("/plans", officer)).contains("Kế hoạch công tác dân vận năm 2019 của tỉnh Lạng Sơn");
        var detail = page("/plans/" + plan2019(), officer);
        assertThat(detail).contains("Chủ đề năm: “Kỷ cương, liêm chính, hành động, sáng tạo, bứt phá, hiệu quả”")
                .contains("Xây dựng, nhân rộng mô hình “Dân vận khéo” ở phường Đông Kinh")
                .contains("Quá hạn").contains("Thêm nhiệm vụ");
        assertThat(page("/plans/new", officer)).contains("Lập kế hoạch");
        mvc.perform(get("/plans/" + plan2019()).session(signedIn.login("canbo.thainguyen"))).andExpect(status().isNotFound());
    }

    @Test
    void theTaskListsAndATasksPageShowStatusProgressAndDelegation() throws Exception {
        var officer = signedIn.login("canbo.langson");
        assertThat(page("/tasks", officer)).contains("Của đơn vị tôi");
        assertThat(page("/tasks?tab=OVERDUE", officer)).contains("Thực hiện điểm mô hình “Chính quyền thân thiện”");
        assertThat(page("/tasks?tab=DUE_SOON&within=30", officer)).contains("Sắp đến hạn");
        assertThat(page("/tasks?tab=SUBTREE&sort=TITLE&q=dan van kheo", officer)).contains("Dân vận khéo");
        var parent = jdbc.sql("select id from plan_task where title like 'Nâng cao chất lượng, hiệu quả phong trào%'")
                .query(Long.class).single();
        assertThat(page("/tasks/" + parent, officer)).contains("Nhiệm vụ đã giao cho cấp dưới").contains("70% hoàn thành")
                .contains("Phường Lương Văn Tri");
    }

    @Test
    void aTaskDueBeforeItsPlanStartsComesBackWithTheTypedTitleAndTheMessage() throws Exception {
        var officer = signedIn.login("canbo.langson");
        var html = mvc.perform(post("/plans/" + plan2019() + "/tasks").session(officer).with(csrf())
                        .param("title", "Nhiệm vụ nhập thử").param("responsibleUnitId", "")
                        .param("dueOn", "2018-12-31"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("value=\"Nhiệm vụ nhập thử\"").contains("trước ngày kế hoạch bắt đầu (01/01/2019)")
                .contains("không được để trống");
    }

    @Test
    void theProgrammeAndMatrixPagesShowRenewalReviewsAndUnitsThatHaveNotActed() throws Exception {
        var officer = signedIn.login("canbo.thainguyen");
        assertThat(page("/programmes", officer)).contains("79-CTr/BDVTW-BCSĐCP");
        var old = jdbc.sql("select p.id from plan_programme p where exists (select 1 from plan_programme s where s.predecessor_id = p.id)")
                .query(Long.class).single();
        assertThat(page("/programmes/" + old, officer)).contains("Chương trình giai đoạn sau").contains("38.500 lượt công dân")
                .contains("Ghi kết quả sơ kết, tổng kết");
        var assignment = jdbc.sql("select id from plan_assignment where assigned_on = '2016-05-16'").query(Long.class).single();
        assertThat(page("/plans/assignments/" + assignment, officer)).contains("Chưa triển khai").contains("Tỉnh Bắc Kạn")
                .contains("2/6 đơn vị đã ban hành văn bản triển khai");
        var document = jdbc.sql("select document_id from plan_assignment where id = :a").param("a", assignment).query(Long.class).single();
        assertThat(page("/plans/assignments?document=" + document, officer)).contains("Giao triển khai");
        assertThat(page("/plans/assignments/new?document=" + document, officer)).contains("Mặt trận và các đoàn thể của tỉnh");
    }
}
