package vn.danvan.dialogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import vn.danvan.SignedInMvc;

/**
 * The public home and accountability pages, without login: a province then a commune, accent-insensitive
 * search, the commitments with their status and deadlines — and no personal detail of a citizen anywhere:
 * names, phone numbers and addresses seeded in opinions appear in no public page, PDF or JSON answer, while
 * the officials acting in office are named.
 */
@SpringBootTest
class PublicAccountabilityIntegrationTests {

    static final List<String> SECRETS = List.of("Phạm Thị Bảo Mật", "Pham Thi Bao Mat", "0912 345 678", "0912345678",
            "Số 17 ngõ Hoa Sữa", "Công ty TNHH Kín Đáo", "kindao@example.vn", "Số 99 đường Tuyệt Mật");

    @Autowired
    WebApplicationContext context;
    @Autowired
    Clock clock;

    MockMvc mvc;
    SignedInMvc signedIn;

    @BeforeEach
    void setUp() {
        signedIn = new SignedInMvc(context);
        mvc = signedIn.mvc();
    }

    String text(String url, String... params) throws Exception {
        var request = get(url);
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        var response = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse();
        if (MediaType.APPLICATION_PDF_VALUE.equals(response.getContentType())) {
            try (var pdf = Loader.loadPDF(response.getContentAsByteArray())) {
                return new PDFTextStripper().getText(pdf);
            }
        }
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    /** A dialogue in Phường Đông Kinh whose speakers gave their names, phones and addresses. */
    long seedDialogueWithPersonalDetails() throws Exception {
        MockHttpSession officer = signedIn.login("canbo.dongkinh");
        var day = LocalDate.now(clock).minusDays(8);
        var body = mvc.perform(post("/api/dialogues").session(officer).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"title": "Đối thoại công khai thử với người dân tổ 9", "heldOn": "%s", "unit": "05977", "place": "Nhà văn hóa tổ 9",
                         "participants": {"PEOPLE": 40}}""".formatted(day)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        var opinions = new ArrayList<Long>();
        for (var json : List.of(
                """
                        {"speakerKind": "PERSON", "speakerName": "Phạm Thị Bảo Mật", "speakerContact": "0912 345 678, Số 17 ngõ Hoa Sữa",
                         "topic": "Đề nghị xử lý nước thải tràn ra đường tổ 9", "field": "ENVIRONMENT", "place": "Số 99 đường Tuyệt Mật"}""",
                """
                        {"speakerKind": "ORGANISATION", "speakerName": "Công ty TNHH Kín Đáo", "speakerContact": "kindao@example.vn",
                         "topic": "Đề nghị rút ngắn thủ tục cấp phép biển quảng cáo", "field": "ADMINISTRATION"}""")) {
            var created = mvc.perform(post("/api/dialogues/" + id + "/opinions").session(officer).with(csrf())
                    .contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(status().isCreated()).andReturn().getResponse()
                    .getContentAsString();
            opinions.add(((Number) JsonPath.read(created, "$.id")).longValue());
        }
        mvc.perform(post("/api/dialogues/" + id + "/opinions/" + opinions.get(0) + "/commitment").session(officer).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"unit": "05977", "dueOn": "%s"}""".formatted(day.plusDays(30)))).andExpect(status().isCreated());
        var person = JsonPath.read(mvc.perform(get("/api/people").param("q", "Lường Văn Quân").session(officer)).andReturn().getResponse()
                .getContentAsString(), "$.content[0].id");
        mvc.perform(post("/api/dialogues/" + id + "/opinions/" + opinions.get(1) + "/answer").session(officer).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"text": "Phường niêm yết quy trình và trả kết quả trong 5 ngày làm việc.", "answeredByPersonId": %s}""".formatted(person)))
                .andExpect(status().isOk());
        return id;
    }

    @Test
    void noNamePhoneOrAddressOfACitizenAppearsOnAnyPublicPagePdfOrJsonAnswer() throws Exception {
        seedDialogueWithPersonalDetails();
        var answers = new ArrayList<String>();
        for (var code : List.of("05977", "20")) {
            answers.add(text("/public/accountability/" + code));
            answers.add(text("/public/accountability/" + code, "q", "nuoc thai"));
            answers.add(text("/public/accountability/" + code + "/pdf"));
            answers.add(text("/public/accountability/" + code + "/data"));
        }
        answers.add(text("/public/"));
        answers.add(text("/public/", "q", "Bảo Mật"));
        answers.add(text("/public/", "province", "20", "q", "dong kinh"));
        for (var answer : answers.subList(0, 8)) {
            assertThat(answer).contains("Đông Kinh");
        }
        for (var answer : answers) {
            for (var secret : SECRETS) {
                assertThat(answer).as("a public answer").doesNotContain(secret);
            }
        }
        // what the people may know is there: the topic, the answer, the official who gave it, the commitment's deadline
        var page = answers.get(0);
        assertThat(page).contains("Đề nghị xử lý nước thải tràn ra đường tổ 9", "Phường niêm yết quy trình",
                "Lường Văn Quân, Bí thư Đảng ủy phường Đông Kinh", "Đang giải quyết");
        assertThat(answers.get(1)).contains("nước thải").doesNotContain("Bố trí sân thể thao cho thanh niên");
        assertThat(answers.get(2)).contains("Đề nghị xử lý nước thải");
    }

    @Test
    void theWardsPageShowsItsDemoCommitmentsDoneAndOverdueWithTheirDeadlines() throws Exception {
        var page = text("/public/accountability/05977");
        assertThat(page).contains("Trách nhiệm giải trình", "Phường Đông Kinh", "Bố trí sân thể thao cho thanh niên khu tái định cư",
                "Quá hạn", "Mở lớp kỹ năng số cho công nhân", "Đã giải quyết xong", "Tải PDF");
        var overdue = text("/public/accountability/05977", "status", "OVERDUE");
        assertThat(overdue).contains("Bố trí sân thể thao").doesNotContain("Mở lớp kỹ năng số cho công nhân");
        var province = text("/public/accountability/20");
        assertThat(province).contains("Lắp đặt đèn chiếu sáng ngõ 24 đường Bà Triệu", "Bố trí sân thể thao");
    }

    @Test
    void thePublicHomeLeadsToTheShowcaseAndFromAProvinceToItsCommunesFoundWithoutAccents() throws Exception {
        var home = text("/public/");
        assertThat(home).contains("/public/exemplars", "Tỉnh Lạng Sơn", "Tỉnh Thái Nguyên");
        assertThat(text("/public", "q", "luong van tri")).contains("Phường Lương Văn Tri", "/public/accountability/05983");
        var communes = text("/public/", "province", "20", "q", "dong kinh");
        assertThat(communes).contains("Phường Đông Kinh").doesNotContain("Phường Lương Văn Tri");
        mvc.perform(get("/public/accountability/99999")).andExpect(status().isNotFound());
        mvc.perform(get("/public/accountability/05977").param("status", "SOMETIMES")).andExpect(status().isBadRequest());
        mvc.perform(get("/public/no-such-page")).andExpect(status().isNotFound());
        assertThat(text("/public/exemplars")).contains("/public/");
    }

    @Autowired
    PublicAccountability accountability;

    @Test
    void theCommitmentsComeFiftyAPageOverdueFirstAndAPageBeyondTheLastShowsTheLast() {
        var first = accountability.page("20", null, null, 0, 0);
        assertThat(first.commitmentsMatching()).isEqualTo(first.tally().total()).isPositive();
        assertThat(first.commitments()).hasSize((int) Math.min(PublicAccountability.COMMITMENTS_SHOWN, first.commitmentsMatching()));
        assertThat(first.firstCommitment()).isEqualTo(1);
        assertThat(first.lastCommitment()).isEqualTo(first.commitments().size());
        var overdueFirst = first.commitments().stream().map(c -> c.status().equals("OVERDUE")).toList();
        assertThat(overdueFirst).isSortedAccordingTo((a, b) -> Boolean.compare(b, a));
        var beyond = accountability.page("20", null, null, 0, 99);
        assertThat(beyond.commitmentPage()).isEqualTo(beyond.commitmentPages() - 1);
        assertThat(beyond.commitments()).isNotEmpty();
        // the arithmetic of a longer list: 120 matching, the third page holds 101–120
        var third = new PublicAccountability.Page(first.area(), first.province(), null, null, first.figures(), first.tally(),
                java.util.Collections.nCopies(20, first.commitments().get(0)), 2, 120, first.dialogues());
        assertThat(third.commitmentPages()).isEqualTo(3);
        assertThat(third.firstCommitment()).isEqualTo(101);
        assertThat(third.lastCommitment()).isEqualTo(120);
    }
}
