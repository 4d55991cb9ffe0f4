package vn.danvan.exemplar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;
import vn.danvan.SignedInMvc;

/**
 * The public showcase as a visitor without an account sees it: only recognised models, only their
 * public part, found without accents, under today's province (the old Bắc Kạn under Thái Nguyên),
 * with their public files and as PDF; and nothing of the officers' side (no session, no CSRF
 * token, no scores, no names of officers).
 */
@SpringBootTest
class ExemplarShowcaseIntegrationTests {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 0};

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

    /** A created model: id and number. */
    record Created(long id, String number) {
    }

    Created register(MockHttpSession session, String unit, String kind, String name, String person, String registeredOn)
            throws Exception {
        var body = mvc.perform(json(post("/api/exemplars"), session, """
                {"kind": "%s", "name": "%s", "unit": "%s", "personName": %s, "personTitle": "Trưởng ban công tác Mặt trận",
                 "registrantType": "RESIDENTIAL_AREA", "registrantName": "Khối Nội Bộ Chín",
                 "method": "Cách làm nội bộ chưa công bố: họp kín với tổ trưởng",
                 "situation": "Thực trạng riêng: ba hộ còn nợ quỹ", "fields": ["NEW_RURAL", "ECONOMY"],
                 "registeredOn": "%s", "fundsVnd": 25000000,
                 "publicSummary": "Tóm tắt công khai: nhân dân cùng làm đường, đồng thuận cao ở %s."}"""
                .formatted(kind, name, unit, person == null ? "null" : "\"" + person + "\"", registeredOn, name)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return new Created(((Number) JsonPath.read(body, "$.id")).longValue(), JsonPath.read(body, "$.number"));
    }

    Created register(MockHttpSession session, String unit, String name, String registeredOn) throws Exception {
        return register(session, unit, "COLLECTIVE", name, null, registeredOn);
    }

    void step(MockHttpSession session, long id, String body) throws Exception {
        mvc.perform(json(post("/api/exemplars/" + id + "/steps"), session, body)).andExpect(status().isOk());
    }

    void start(MockHttpSession session, long id, String day) throws Exception {
        step(session, id, """
                {"action": "START", "day": "%s"}""".formatted(day));
    }

    void recognise(MockHttpSession session, long id, String started, String assessed, String recognised, String level, boolean typical)
            throws Exception {
        start(session, id, started);
        step(session, id, """
                {"action": "ASSESS", "day": "%s", "assessor": "Tổ thẩm định Kín Đáo", "criteria": [
                  {"name": "Tiêu chí chấm riêng", "score": 17, "max": 20}]}""".formatted(assessed));
        step(session, id, """
                {"action": "RECOGNISE", "day": "%s", "level": "%s", "typical": %s, "decisionNumber": "77/QĐ-BCĐ",
                 "issuer": "Ban Chỉ đạo Dân vận khéo"}""".formatted(recognised, level, typical));
    }

    static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, MockHttpSession session, String body) {
        return request.session(session).with(SecurityMockMvcRequestPostProcessors.csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }

    String daysAgo(int days) {
        return LocalDate.now(clock).minusDays(days).toString();
    }

    /** A word no other test uses, so that a search finds only this test's models. */
    static String marker() {
        return "Thử công khai số " + (1000 + SEQ.incrementAndGet()) + " " + Long.toString(System.nanoTime() % 100_000, 36);
    }

    String page(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aVisitorWithoutAccountReadsTheListWithNoSessionNoCsrfTokenAndNoOfficersMenu() throws Exception {
        var result = mvc.perform(get("/public/exemplars")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML)).andReturn();
        var html = page(result);
        assertThat(html).contains("Đăng nhập cán bộ", "Đọc to", "Tải PDF", "Chế độ ban đêm", "Tỉnh Thái Nguyên", "Tỉnh Lạng Sơn")
                .doesNotContain("_csrf", "/logout", "/petitions", "/exemplars/new", "<script>");
        assertThat(result.getRequest().getSession(false)).as("no session for a visitor").isNull();
        assertThat(result.getResponse().getHeader("Content-Security-Policy")).contains("script-src 'self'");
        // today's 34 provinces in the filter, in Vietnamese order (An Giang first, Vĩnh Long last)
        var provinces = html.substring(html.indexOf("id=\"province\""), html.indexOf("</select>", html.indexOf("id=\"province\"")));
        assertThat(provinces.split("<option").length - 2).isEqualTo(34);
        assertThat(provinces.indexOf("An Giang")).isLessThan(provinces.indexOf("Bắc Ninh"));
        assertThat(provinces.indexOf("Đắk Lắk")).isGreaterThan(provinces.indexOf("Cao Bằng")).isLessThan(provinces.indexOf("Điện Biên"));
        mvc.perform(get("/public/exemplars").param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Officers sign in")));
    }

    @Test
    void anUnknownPublicAddressAnswersNotFoundOnTheCitizensLayoutWithoutASession() throws Exception {
        for (var path : List.of("/public/nothing-here", "/public/exemplars/x/y/z", "/public/accountability/x/y/z")) {
            var result = mvc.perform(get(path)).andExpect(status().isNotFound()).andReturn();
            assertThat(page(result)).contains("Đăng nhập cán bộ").doesNotContain("_csrf", "/logout");
            assertThat(result.getRequest().getSession(false)).as("no session for " + path).isNull();
        }
    }

    @Test
    void aFilterValueThePageCannotReadAnswersBadRequestNamingTheFilter() throws Exception {
        var kind = mvc.perform(get("/public/exemplars").param("kind", "XYZ")).andExpect(status().isBadRequest()).andReturn();
        assertThat(page(kind)).contains("Bộ lọc «Loại» không nhận giá trị «XYZ»", "Về danh sách mô hình");
        assertThat(kind.getRequest().getSession(false)).isNull();
        var year = mvc.perform(get("/public/exemplars").param("year", "hai nghìn")).andExpect(status().isBadRequest()).andReturn();
        assertThat(page(year)).contains("Bộ lọc «Năm công nhận» không nhận giá trị «hai nghìn»");
    }

    @Test
    void onlyRecognisedModelsAreListedAndTheOthersAnswerNotFound() throws Exception {
        var officer = signedIn.login("canbo.langson");
        var word = marker();
        var registered = register(officer, "05983", word + " mới đăng ký", daysAgo(300));
        var implementing = register(officer, "05983", word + " đang thực hiện", daysAgo(300));
        start(officer, implementing.id(), daysAgo(290));
        var recognised = register(officer, "05983", word + " được công nhận", daysAgo(300));
        recognise(officer, recognised.id(), daysAgo(290), daysAgo(200), daysAgo(190), "COMMUNE", false);

        var html = page(mvc.perform(get("/public/exemplars").param("text", word)).andExpect(status().isOk()).andReturn());
        assertThat(html).contains(word + " được công nhận", "Có 1 mô hình")
                .doesNotContain(word + " mới đăng ký", word + " đang thực hiện");
        mvc.perform(get("/public/exemplars/" + registered.number())).andExpect(status().isNotFound())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Không tìm thấy mô hình")));
        mvc.perform(get("/public/exemplars/" + implementing.number())).andExpect(status().isNotFound());
        mvc.perform(get("/public/exemplars/" + implementing.number() + "/pdf")).andExpect(status().isNotFound());
        mvc.perform(get("/public/exemplars/MH-1999-999999")).andExpect(status().isNotFound());
        mvc.perform(get("/public/exemplars/" + recognised.number())).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(word + " được công nhận")));

        // paused: off the showcase until it resumes
        step(officer, recognised.id(), """
                {"action": "PAUSE", "day": "%s", "note": "Thiếu kinh phí"}""".formatted(daysAgo(10)));
        mvc.perform(get("/public/exemplars/" + recognised.number())).andExpect(status().isNotFound());
    }

    @Test
    void searchIgnoresAccentsAndDButNotTheInternalTexts() throws Exception {
        var officer = signedIn.login("canbo.langson");
        var word = marker();
        var model = register(officer, "05983", "Dân vận khéo ở khu phố Đồng Tâm — " + word, daysAgo(300));
        recognise(officer, model.id(), daysAgo(290), daysAgo(200), daysAgo(190), "COMMUNE", false);
        var plain = word.toLowerCase().replace("ử", "u").replace("ô", "o").replace("ố", "o");

        mvc.perform(get("/public/exemplars").param("text", "dan van kheo o khu pho dong tam — " + plain))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Dân vận khéo ở khu phố Đồng Tâm — " + word)));
        mvc.perform(get("/public/exemplars").param("text", "DONG TAM — " + plain))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Có 1 mô hình")));
        // the public summary is searched; the way of working (internal) is not
        mvc.perform(get("/public/exemplars").param("text", "dong thuan cao o dan van kheo o khu pho dong tam — " + plain))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(word)));
        mvc.perform(get("/public/exemplars").param("text", "hop kin voi to truong"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Không có mô hình, điển hình nào")));
        // by its number too
        mvc.perform(get("/public/exemplars").param("text", model.number().toLowerCase()))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(word)));
    }

    @Test
    void anOldBacKanModelIsListedUnderThaiNguyenToday() throws Exception {
        var admin = signedIn.login("admin");
        var word = marker();
        // Phường Phùng Chí Kiên (01843) of the old Bắc Kạn, recognised by its district in 2024
        var model = register(admin, "01843", word + " của Bắc Kạn cũ", "2024-03-04");
        recognise(admin, model.id(), "2024-03-20", "2024-10-10", "2024-11-20", "DISTRICT", true);

        var underThaiNguyen = page(mvc.perform(get("/public/exemplars").param("text", word).param("province", "19")).andReturn());
        assertThat(underThaiNguyen).contains(word + " của Bắc Kạn cũ", "Phường Phùng Chí Kiên", "Tỉnh Thái Nguyên", "Tiêu biểu")
                .doesNotContain("Tỉnh Bắc Kạn");
        assertThat(page(mvc.perform(get("/public/exemplars").param("text", word).param("province", "20")).andReturn()))
                .contains("Không có mô hình, điển hình nào");
        // the year of recognition, typical only, field and kind filters
        assertThat(page(mvc.perform(get("/public/exemplars").param("text", word).param("year", "2024").param("typical", "true")
                .param("field", "NEW_RURAL").param("kind", "COLLECTIVE")).andReturn())).contains(word);
        assertThat(page(mvc.perform(get("/public/exemplars").param("text", word).param("year", "2023")).andReturn()))
                .doesNotContain(word + " của");
        assertThat(page(mvc.perform(get("/public/exemplars").param("text", word).param("kind", "INDIVIDUAL")).andReturn()))
                .doesNotContain(word + " của");
        var detail = page(mvc.perform(get("/public/exemplars/" + model.number())).andExpect(status().isOk()).andReturn());
        assertThat(detail).contains("Phường Phùng Chí Kiên", "Tỉnh Thái Nguyên", "77/QĐ-BCĐ", "20/11/2024", "Cấp huyện");
    }

    @Test
    void theDetailShowsOnlyThePublicPartOfAModel() throws Exception {
        var officer = signedIn.login("canbo.langson");
        var word = marker();
        var model = register(officer, "05983", "INDIVIDUAL", word + " điển hình cá nhân", "Hoàng Thị Công Khai", daysAgo(300));
        recognise(officer, model.id(), daysAgo(290), daysAgo(200), daysAgo(190), "COMMUNE", false);
        step(officer, model.id(), """
                {"action": "COMMEND", "day": "%s", "form": "LETTER_OF_COMMENDATION", "decisionNumber": "901/QĐ-UBND",
                 "issuer": "Chủ tịch UBND tỉnh Lạng Sơn"}""".formatted(daysAgo(100)));

        var html = page(mvc.perform(get("/public/exemplars/" + model.number())).andExpect(status().isOk()).andReturn());
        assertThat(html).contains(word, "Hoàng Thị Công Khai", "Tóm tắt công khai", "Giấy khen của Chủ tịch UBND tỉnh Lạng Sơn",
                "Xây dựng nông thôn mới", "Phường Lương Văn Tri", "Tỉnh Lạng Sơn");
        assertThat(html).as("nothing internal").doesNotContain("Trưởng ban công tác Mặt trận", "Khối Nội Bộ Chín", "họp kín",
                "Thực trạng riêng", "25.000.000", "Tổ thẩm định Kín Đáo", "Tiêu chí chấm riêng", "canbo.langson",
                "901/QĐ-UBND", "/exemplars/" + model.id(), "_csrf");
    }

    @Test
    void onlyFilesMarkedPublicOfPublicModelsCanBeDownloaded() throws Exception {
        var officer = signedIn.login("canbo.luongvantri");
        var word = marker();
        var model = register(officer, "05983", word + " có ảnh", daysAgo(300));
        var hidden = register(officer, "05983", word + " chưa công nhận", daysAgo(300));
        upload(officer, model.id(), "cong-khai.png", "Nhân dân làm đường", true);
        upload(officer, model.id(), "noi-bo.png", "Ảnh nội bộ", false);
        upload(officer, hidden.id(), "chua-cong-nhan.png", null, true);
        recognise(officer, model.id(), daysAgo(290), daysAgo(200), daysAgo(190), "COMMUNE", false);

        var files = JsonPath.<List<Object>>read(mvc.perform(get("/api/exemplars/" + model.id()).session(officer)).andReturn()
                .getResponse().getContentAsString(), "$.attachments");
        assertThat(files).hasSize(2);
        var detailJson = mvc.perform(get("/api/exemplars/" + model.id()).session(officer)).andReturn().getResponse().getContentAsString();
        long publicId = ((Number) JsonPath.<List<Object>>read(detailJson, "$.attachments[?(@.fileName == 'cong-khai.png')].id").get(0)).longValue();
        long internalId = ((Number) JsonPath.<List<Object>>read(detailJson, "$.attachments[?(@.fileName == 'noi-bo.png')].id").get(0)).longValue();
        long hiddenId = ((Number) JsonPath.<List<Object>>read(mvc.perform(get("/api/exemplars/" + hidden.id()).session(officer))
                .andReturn().getResponse().getContentAsString(), "$.attachments[*].id").get(0)).longValue();

        mvc.perform(get("/public/exemplars/" + model.number() + "/files/" + publicId)).andExpect(status().isOk())
                .andExpect(content().contentType("image/png")).andExpect(header().string("X-Content-Type-Options", "nosniff"));
        mvc.perform(get("/public/exemplars/" + model.number() + "/files/" + internalId)).andExpect(status().isNotFound());
        mvc.perform(get("/public/exemplars/" + hidden.number() + "/files/" + hiddenId)).andExpect(status().isNotFound());
        mvc.perform(get("/public/exemplars/" + model.number() + "/files/" + hiddenId)).andExpect(status().isNotFound());
        mvc.perform(get("/public/exemplars/" + model.number() + "/files/abc")).andExpect(status().isNotFound());
        assertThat(page(mvc.perform(get("/public/exemplars/" + model.number())).andReturn()))
                .contains("Nhân dân làm đường").doesNotContain("noi-bo.png", "Ảnh nội bộ");
    }

    @Test
    void theDetailAndTheListAreWrittenAsPdfWithVietnameseText() throws Exception {
        var officer = signedIn.login("canbo.langson");
        var word = marker();
        var model = register(officer, "05983", word + " xuất PDF: Đồng thuận, ỹ ẫ ặ ộ", daysAgo(300));
        recognise(officer, model.id(), daysAgo(290), daysAgo(200), daysAgo(190), "COMMUNE", true);

        var detail = mvc.perform(get("/public/exemplars/" + model.number() + "/pdf")).andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF)).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(detail, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(text(detail)).contains("xuất PDF: Đồng thuận, ỹ ẫ ặ ộ", "Tóm tắt công khai", "77/QĐ-BCĐ", "Tỉnh Lạng Sơn")
                .doesNotContain("Tổ thẩm định Kín Đáo", "họp kín");

        var list = mvc.perform(get("/public/exemplars/pdf").param("text", word)).andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF)).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(list, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(text(list)).contains("Có 1 mô hình", "xuất PDF");
    }

    private void upload(MockHttpSession session, long id, String name, String caption, boolean isPublic) throws Exception {
        var request = multipart("/exemplars/" + id + "/attachments").file(new MockMultipartFile("file", name, "image/png", PNG))
                .param("publicFile", String.valueOf(isPublic)).session(session).with(SecurityMockMvcRequestPostProcessors.csrf());
        if (caption != null) {
            request.param("caption", caption);
        }
        mvc.perform(request).andExpect(status().is3xxRedirection());
    }

    private static String text(byte[] pdf) throws Exception {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
