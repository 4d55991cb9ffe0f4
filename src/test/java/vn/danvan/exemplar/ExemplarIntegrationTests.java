package vn.danvan.exemplar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;
import vn.danvan.SignedInMvc;

/**
 * The registry against the embedded PostgreSQL, through its API: a model's life from registration to
 * replication with its lineage, the rules refused in Vietnamese, two officers saving the same model,
 * scope between communes, figures across the 2025 merger, attachments.
 */
@SpringBootTest
class ExemplarIntegrationTests {

    @Autowired
    WebApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    MockMvc mvc;
    SignedInMvc signedIn;

    @BeforeEach
    void setUp() {
        signedIn = new SignedInMvc(context);
        mvc = signedIn.mvc();
    }

    static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, MockHttpSession session, String body) {
        return request.session(session).with(SecurityMockMvcRequestPostProcessors.csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }

    long register(MockHttpSession session, String unit, String name, String registeredOn) throws Exception {
        var body = mvc.perform(json(post("/api/exemplars"), session, """
                {"kind": "COLLECTIVE", "name": "%s", "unit": "%s", "registrantType": "RESIDENTIAL_AREA",
                 "registrantName": "Khối 9", "method": "Họp dân, chia việc theo hộ", "fields": ["NEW_RURAL", "ECONOMY"],
                 "registeredOn": "%s", "fundsVnd": 25000000}""".formatted(name, unit, registeredOn)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    void step(MockHttpSession session, long id, String body) throws Exception {
        mvc.perform(json(post("/api/exemplars/" + id + "/steps"), session, body)).andExpect(status().isOk());
    }

    void recognised(MockHttpSession session, long id, String startedOn, String assessedOn, String recognisedOn, String level)
            throws Exception {
        step(session, id, """
                {"action": "START", "day": "%s"}""".formatted(startedOn));
        step(session, id, """
                {"action": "ASSESS", "day": "%s", "assessor": "Ban Chỉ đạo", "criteria": [
                  {"name": "Hiệu quả", "score": 16, "max": 20}, {"name": "Sự tham gia của dân", "score": 18, "max": 20}]}""".formatted(assessedOn));
        step(session, id, """
                {"action": "RECOGNISE", "day": "%s", "level": "%s", "decisionNumber": "12/QĐ-BCĐ", "issuer": "Ban Chỉ đạo"}"""
                .formatted(recognisedOn, level));
    }

    String daysAgo(int days) {
        return LocalDate.now(clock).minusDays(days).toString();
    }

    @Test
    void aModelIsRegisteredRecognisedCommendedAndReplicatedKeepingItsLineage() throws Exception {
        var officer = signedIn.login("canbo.langson");
        var id = register(officer, "05983", "Mô hình thử: hiến đất mở rộng ngõ xóm", daysAgo(200));
        recognised(officer, id, daysAgo(190), daysAgo(100), daysAgo(90), "COMMUNE");
        step(officer, id, """
                {"action": "COMMEND", "day": "%s", "form": "CERTIFICATE_OF_MERIT", "decisionNumber": "250/QĐ-UBND",
                 "issuer": "Chủ tịch UBND tỉnh Lạng Sơn"}""".formatted(daysAgo(80)));

        var replica = mvc.perform(json(post("/api/exemplars/" + id + "/replicas"), officer, """
                {"unit": "05977", "day": "%s"}""".formatted(daysAgo(30))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long replicaId = ((Number) JsonPath.read(replica, "$.id")).longValue();

        mvc.perform(get("/api/exemplars/" + id).session(officer))
                .andExpect(jsonPath("$.status").value("REPLICATED"))
                .andExpect(jsonPath("$.replicas[0].id").value(replicaId))
                .andExpect(jsonPath("$.replicas[0].unit.code").value("05977"))
                .andExpect(jsonPath("$.commendations[0].form").value("CERTIFICATE_OF_MERIT"))
                .andExpect(jsonPath("$.recognitions[0].level").value("COMMUNE"))
                .andExpect(jsonPath("$.assessments[0].passed").value(true))
                .andExpect(jsonPath("$.events[*].action", Matchers.hasItems("REGISTER", "START", "ASSESS", "RECOGNISE", "COMMEND", "REPLICATE")));
        mvc.perform(get("/api/exemplars/" + replicaId).session(officer))
                .andExpect(jsonPath("$.status").value("REGISTERED"))
                .andExpect(jsonPath("$.unit.code").value("05977"))
                .andExpect(jsonPath("$.ancestors[0].id").value(id))
                .andExpect(jsonPath("$.fields", Matchers.contains("ECONOMY", "NEW_RURAL")));
        mvc.perform(get("/api/exemplars").param("q", "mo hinh thu: hien dat").session(officer))
                .andExpect(jsonPath("$.totalElements").value(2))
                .andExpect(jsonPath("$.content[?(@.id == " + id + ")].replicaCount").value(1))
                .andExpect(jsonPath("$.content[?(@.id == " + replicaId + ")].sourceNumber").isNotEmpty());
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'exemplar' and entity_id = :id")
                .param("id", String.valueOf(id)).query(Long.class).single()).isGreaterThanOrEqualTo(6);
    }

    @Test
    void refusesCommendationBeforeRecognitionNamingTheRuleInVietnamese() throws Exception {
        var officer = signedIn.login("canbo.luongvantri");
        var id = register(officer, "05983", "Mô hình chưa được công nhận", daysAgo(40));
        step(officer, id, """
                {"action": "START", "day": "%s"}""".formatted(daysAgo(35)));
        mvc.perform(json(post("/api/exemplars/" + id + "/steps"), officer, """
                {"action": "COMMEND", "day": "%s", "form": "LETTER_OF_COMMENDATION", "decisionNumber": "1/QĐ", "issuer": "UBND phường"}"""
                .formatted(daysAgo(1))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("action"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("chưa được công nhận")));
        mvc.perform(json(post("/api/exemplars/" + id + "/replicas"), officer, """
                {"unit": "05977"}"""))
                .andExpect(status().isNotFound()); // Đông Kinh lies outside this officer's scope
        mvc.perform(get("/api/exemplars/" + id).session(officer)).andExpect(jsonPath("$.status").value("IMPLEMENTING"))
                .andExpect(jsonPath("$.commendations").isEmpty());
    }

    @Test
    void badInputNamesEveryFieldAndSavesNothing() throws Exception {
        var officer = signedIn.login("canbo.luongvantri");
        var before = jdbc.sql("select count(*) from exemplar").query(Long.class).single();
        mvc.perform(json(post("/api/exemplars"), officer, """
                {"kind": "INDIVIDUAL", "name": " ", "unit": "05983", "registrantType": "SCHOOL", "fields": [],
                 "registeredOn": "%s", "startsOn": "2026-05-01", "endsOn": "2026-04-01", "workdays": -3}"""
                .formatted(LocalDate.now(clock).plusDays(3))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", Matchers.containsInAnyOrder("name", "personName", "registeredOn", "endsOn",
                        "workdays", "fields")))
                .andExpect(jsonPath("$.errors[?(@.field == 'fields')].message").value(Matchers.contains("Lĩnh vực: chọn ít nhất một lĩnh vực")));
        assertThat(jdbc.sql("select count(*) from exemplar").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aSecondOfficerSavingAnOlderVersionIsToldAndOverwritesNothing() throws Exception {
        var first = signedIn.login("canbo.langson");
        var second = signedIn.login("canbo.luongvantri");
        var id = register(first, "05983", "Mô hình hai người cùng sửa", daysAgo(20));
        var update = """
                {"kind": "COLLECTIVE", "name": "%s", "unit": "05983", "registrantType": "RESIDENTIAL_AREA", "fields": ["ECONOMY"],
                 "registeredOn": "%s", "version": 0}""";
        mvc.perform(json(put("/api/exemplars/" + id), first, update.formatted("Tên do tỉnh sửa", daysAgo(20))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1));
        mvc.perform(json(put("/api/exemplars/" + id), second, update.formatted("Tên do phường sửa", daysAgo(20))))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/exemplars/" + id).session(second)).andExpect(jsonPath("$.name").value("Tên do tỉnh sửa"));
    }

    @Test
    void anOfficerOfOneCommuneSeesNeitherTheModelsNorTheFiguresOfAnother() throws Exception {
        var dongKinh = signedIn.login("canbo.dongkinh");
        var luongVanTri = signedIn.login("canbo.luongvantri");
        var id = register(luongVanTri, "05983", "Mô hình riêng của phường Lương Văn Tri", daysAgo(10));
        mvc.perform(get("/api/exemplars/" + id).session(dongKinh)).andExpect(status().isNotFound());
        mvc.perform(json(post("/api/exemplars/" + id + "/steps"), dongKinh, """
                {"action": "START"}""")).andExpect(status().isNotFound());
        mvc.perform(get("/api/exemplars").param("unit", "05983").session(dongKinh)).andExpect(status().isNotFound());
        var seen = mvc.perform(get("/api/exemplars").param("size", "200").session(dongKinh))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> codes = JsonPath.read(seen, "$.content[*].unit.code");
        assertThat(codes).isNotEmpty().allMatch(code -> code.equals("05977") || code.equals("05980") || code.equals("05992")
                || code.equals("06247"));
        mvc.perform(json(post("/api/exemplars"), dongKinh, """
                {"kind": "COLLECTIVE", "name": "Đăng ký hộ phường khác", "unit": "05983", "registrantType": "AGENCY", "fields": ["ECONOMY"]}"""))
                .andExpect(status().isNotFound());
    }

    @Test
    void bacKanModelsCountUnderThaiNguyenTodayAndUnderBacKanForEarlierYears() throws Exception {
        var admin = signedIn.login("admin");
        // Phường Phùng Chí Kiên (01843) of the old Bắc Kạn, recognised by its district in 2024
        var before06 = recognisedIn(admin, "06", 2024);
        var beforeOldThaiNguyen = recognisedIn(admin, "19", 2024);
        var beforeMerged = registeredUpTo(admin, "19", LocalDate.now(clock).getYear());
        var id = register(admin, "01843", "Mô hình của Bắc Kạn trước sáp nhập", "2024-03-04");
        recognised(admin, id, "2024-03-20", "2024-10-10", "2024-11-20", "DISTRICT");

        assertThat(recognisedIn(admin, "06", 2024)).isEqualTo(before06 + 1);
        assertThat(recognisedIn(admin, "19", 2024)).isEqualTo(beforeOldThaiNguyen); // code 19 in 2024: the old Thái Nguyên
        assertThat(registeredUpTo(admin, "19", LocalDate.now(clock).getYear())).isEqualTo(beforeMerged + 1); // today's Thái Nguyên
        var thaiNguyen = signedIn.login("canbo.thainguyen");
        mvc.perform(get("/api/exemplars/" + id).session(thaiNguyen)).andExpect(status().isOk())
                .andExpect(jsonPath("$.recognitions[0].level").value("DISTRICT"));
    }

    @Test
    void refusesADistrictRecognitionAfterTheDistrictLevelWasAbolished() throws Exception {
        var officer = signedIn.login("canbo.langson");
        var id = register(officer, "05983", "Mô hình công nhận sai cấp", daysAgo(60));
        step(officer, id, """
                {"action": "START", "day": "%s"}""".formatted(daysAgo(50)));
        step(officer, id, """
                {"action": "ASSESS", "day": "%s", "assessor": "Ban Chỉ đạo", "criteria": [{"name": "Hiệu quả", "score": 15, "max": 20}]}"""
                .formatted(daysAgo(20)));
        mvc.perform(json(post("/api/exemplars/" + id + "/steps"), officer, """
                {"action": "RECOGNISE", "day": "%s", "level": "DISTRICT", "decisionNumber": "5/QĐ", "issuer": "Huyện ủy"}"""
                .formatted(daysAgo(10))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("level"))
                .andExpect(jsonPath("$.detail").value("Cấp: không còn cấp huyện sau ngày 30/06/2025."));
    }

    @Test
    void acceptsPhotosAndRefusesOtherFiles() throws Exception {
        var officer = signedIn.login("canbo.luongvantri");
        var id = register(officer, "05983", "Mô hình có ảnh", daysAgo(5));
        var png = new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 0};
        mvc.perform(multipart("/exemplars/" + id + "/attachments").file(new MockMultipartFile("file", "anh.png", "image/png", png))
                        .param("caption", "Nhân dân làm đường").session(officer).with(SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(multipart("/exemplars/" + id + "/attachments")
                        .file(new MockMultipartFile("file", "virus.png", "image/png", "MZ not a picture".getBytes()))
                        .session(officer).with(SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection());
        var detail = mvc.perform(get("/api/exemplars/" + id).session(officer)).andReturn().getResponse().getContentAsString();
        List<String> names = JsonPath.read(detail, "$.attachments[*].fileName");
        assertThat(names).containsExactly("anh.png");
        long attachmentId = ((Number) JsonPath.read(detail, "$.attachments[0].id")).longValue();
        mvc.perform(get("/exemplars/" + id + "/attachments/" + attachmentId).session(officer))
                .andExpect(status().isOk()).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().contentType("image/png"));
        mvc.perform(get("/exemplars/" + id + "/attachments/" + attachmentId).session(signedIn.login("canbo.dongkinh")))
                .andExpect(status().isNotFound());
    }

    @Test
    void theScreensShowTheListTheModelAndTheDashboard() throws Exception {
        var officer = signedIn.login("canbo.langson");
        var id = register(officer, "05983", "Mô hình hiển thị trên màn hình", daysAgo(3));
        mvc.perform(get("/exemplars").param("text", "hien thi tren man hinh").session(officer))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(Matchers.containsString("Mô hình hiển thị trên màn hình")));
        mvc.perform(get("/exemplars/" + id).session(officer)).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(Matchers.containsString("Bắt đầu thực hiện")));
        mvc.perform(get("/exemplars/dashboard").session(officer)).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(Matchers.containsString("dv-exemplar-figures")));
        mvc.perform(get("/exemplars/new").session(officer)).andExpect(status().isOk());
        // every state's page, with the step forms its state offers, as a system administrator
        var admin = signedIn.login("admin");
        for (var each : jdbc.sql("select distinct on (status) id from exemplar order by status, id").query(Long.class).list()) {
            mvc.perform(get("/exemplars/" + each).session(admin)).andExpect(status().isOk());
        }
        mvc.perform(get("/exemplars/" + id + "/edit").session(officer)).andExpect(status().isOk());
    }

    @Test
    void aModelIsLinkedToTheRegisteredDocumentItsCampaignCites() throws Exception {
        var officer = signedIn.login("canbo.langson");
        var body = mvc.perform(json(post("/api/exemplars"), officer, """
                {"kind": "COLLECTIVE", "name": "Một cửa thân thiện", "unit": "05983", "registrantType": "AGENCY", "fields": ["ADMIN_REFORM"],
                 "registeredOn": "%s", "campaign": "Thực hiện Chỉ thị số 16/CT-TTg của Thủ tướng Chính phủ"}""".formatted(daysAgo(4))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        mvc.perform(get("/api/exemplars/" + id).session(officer))
                .andExpect(jsonPath("$.campaignDocument.identifier").value("16/CT-TTg"));
        mvc.perform(json(put("/api/exemplars/" + id), officer, """
                {"kind": "COLLECTIVE", "name": "Một cửa thân thiện", "unit": "05983", "registrantType": "AGENCY", "fields": ["ADMIN_REFORM"],
                 "registeredOn": "%s", "campaign": "Phong trào thi đua của phường", "version": 0}""".formatted(daysAgo(4))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.campaignDocument").doesNotExist());
    }

    @Test
    void theDemoHoldsEveryStateAndALineageOfTwoGenerations() {
        var states = jdbc.sql("select distinct status from exemplar").query(String.class).list();
        assertThat(states).contains("REGISTERED", "IMPLEMENTING", "ASSESSED", "RECOGNISED", "TYPICAL", "COMMENDED", "REPLICATED",
                "PAUSED", "DISCONTINUED");
        var deepest = jdbc.sql("""
                select count(*) from exemplar c join exemplar p on p.id = c.source_id where p.source_id is not null
                """).query(Long.class).single();
        assertThat(deepest).isPositive();
        assertThat(jdbc.sql("select count(distinct kind) from exemplar").query(Long.class).single()).isEqualTo(2);
    }

    private long recognisedIn(MockHttpSession session, String unit, int year) throws Exception {
        var body = mvc.perform(get("/api/exemplars/figures").param("unit", unit).param("year", String.valueOf(year)).session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Number> values = JsonPath.read(body, "$.headline[?(@.key == 'RECOGNISED')].collective");
        return values.get(0).longValue();
    }

    private long registeredUpTo(MockHttpSession session, String unit, int year) throws Exception {
        var body = mvc.perform(get("/api/exemplars/figures").param("unit", unit).param("year", String.valueOf(year)).session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Number> collective = JsonPath.read(body, "$.byStatus[*].collective");
        return collective.stream().mapToLong(Number::longValue).sum();
    }
}
