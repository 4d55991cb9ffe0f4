package vn.danvan.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;
import vn.danvan.SignedInMvc;

/**
 * The document registry over HTTP against the embedded PostgreSQL with the demo data: the
 * identifier contract, search, the seed documents' chains, uniqueness across years and Party
 * terms, duplicates and deletions refused with 409, scope, attachments and their text, CSRF.
 */
@SpringBootTest
class DocumentApiIntegrationTests {

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

    static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, MockHttpSession session, String body) {
        return request.session(session).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    long idOf(String identifier) {
        return jdbc.sql("select id from document where identifier = :i").param("i", identifier).query(Long.class).single();
    }

    long register(MockHttpSession session, String body, int expectedStatus) throws Exception {
        var response = mvc.perform(json(post("/api/documents"), session, body)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expectedStatus);
        return expectedStatus == 201 ? ((Number) JsonPath.read(response.getContentAsString(), "$.id")).longValue() : -1;
    }

    // ---- the identifier contract -------------------------------------------------------------

    @Test
    void parsesIdentifiersAsTheContractSays() throws Exception {
        var user = signedIn.login("canbo.luongvantri");
        mvc.perform(get("/api/documents/identifier").param("text", "16/CT-TTg").session(user))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"system": "STATE", "number": 16, "year": null, "type": "CT", "issuers": ["TTg"], "normalized": "16/CT-TTg"}
                        """, org.springframework.test.json.JsonCompareMode.STRICT));
        mvc.perform(get("/api/documents/identifier").param("text", "Chỉ thị số 16/CT-TTg").session(user))
                .andExpect(jsonPath("$.normalized").value("16/CT-TTg"));
        mvc.perform(get("/api/documents/identifier").param("text", "1246/UBND-BTCD").session(user))
                .andExpect(jsonPath("$.type").value(Matchers.nullValue()))
                .andExpect(jsonPath("$.issuers[0]").value("UBND")).andExpect(jsonPath("$.issuers[1]").value("BTCD"));
        mvc.perform(get("/api/documents/identifier").param("text", "42/2013/QH13").session(user))
                .andExpect(jsonPath("$.year").value(2013)).andExpect(jsonPath("$.type").value(Matchers.nullValue()))
                .andExpect(jsonPath("$.issuers[0]").value("QH13"));
        mvc.perform(get("/api/documents/identifier").param("text", "1656/NQ-UBTVQH15").session(user))
                .andExpect(jsonPath("$.type").value("NQ")).andExpect(jsonPath("$.issuers[0]").value("UBTVQH15"));
        mvc.perform(get("/api/documents/identifier").param("text", "Số: 79 - CTr/BDVTW-BCSĐCP").session(user))
                .andExpect(jsonPath("$.system").value("PARTY")).andExpect(jsonPath("$.type").value("CTr"))
                .andExpect(jsonPath("$.normalized").value("79-CTr/BDVTW-BCSĐCP"));
        mvc.perform(get("/api/documents/identifier").param("text", "09/2019/NĐ-CP").session(user))
                .andExpect(jsonPath("$.number").value(9)).andExpect(jsonPath("$.year").value(2019))
                .andExpect(jsonPath("$.normalized").value("09/2019/NĐ-CP"));
    }

    @Test
    void textThatIsNoIdentifierAnswers400NamingTheWrongPart() throws Exception {
        var user = signedIn.login("canbo.luongvantri");
        mvc.perform(get("/api/documents/identifier").param("text", "Công văn của UBND").session(user))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(Matchers.startsWith("Số, ký hiệu: ")))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("không có số văn bản")))
                .andExpect(jsonPath("$.errors[0].field").value("identifier"));
        mvc.perform(get("/api/documents/identifier").param("text", "290-XYZ/TW").session(user))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("“XYZ”")));
        mvc.perform(get("/api/documents/identifier").param("text", "09/19/NĐ-CP").session(user))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("phần năm “19”")));
    }

    @Test
    void readsACitationForTheForm() throws Exception {
        var user = signedIn.login("canbo.langson");
        mvc.perform(get("/api/documents/citation").param("text", "Chỉ thị số 16/CT-TTg ngày 16/5/2016 của Thủ tướng Chính phủ").session(user))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kindName").value("Chỉ thị"))
                .andExpect(jsonPath("$.identifier").value("16/CT-TTg"))
                .andExpect(jsonPath("$.issuedOn").value("2016-05-16"))
                .andExpect(jsonPath("$.issuers[0]").value("Thủ tướng Chính phủ"));
    }

    // ---- search and the seed documents ---------------------------------------------------------

    @Test
    void searchMatchesIdentifiersExactlyAndTextsWithoutAccents() throws Exception {
        var user = signedIn.login("canbo.luongvantri");
        mvc.perform(get("/api/documents").param("q", "16/CT-TTg").session(user))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].identifier").value("16/CT-TTg"))
                .andExpect(jsonPath("$.totalElements").value(Matchers.greaterThanOrEqualTo(1)))
                .andExpect(jsonPath("$.page").value(0)).andExpect(jsonPath("$.size").value(20));
        mvc.perform(get("/api/documents").param("q", "16 / CT - TTg").session(user))
                .andExpect(jsonPath("$.content[0].identifier").value("16/CT-TTg"));
        mvc.perform(get("/api/documents").param("q", "chi thi").session(user))
                .andExpect(jsonPath("$.content[*].identifier").value(Matchers.hasItems("16/CT-TTg", "33/CT-TTg")));
        mvc.perform(get("/api/documents").param("q", "doi moi cong tac dan van").session(user))
                .andExpect(jsonPath("$.content[*].identifier").value(Matchers.hasItem("16/CT-TTg")));
        // documents of bodies abolished or merged in 2025 are found under the issuer's name of the time
        mvc.perform(get("/api/documents").param("q", "bac kan").session(user))
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].status").value("ISSUER_ABOLISHED"));
        mvc.perform(get("/api/documents").param("issuer", "Ban Dân vận Trung ương").session(user))
                .andExpect(jsonPath("$.content[*].identifier").value(Matchers.containsInAnyOrder("79-CTr/BDVTW-BCSĐCP", "1573-KH/BDVTW-BCSĐCP")));
        mvc.perform(get("/api/documents").param("type", "QĐ").param("year", "2021").session(user))
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].identifier").value("23-QĐ/TW"));
        mvc.perform(get("/api/documents").param("issuer", "TTg").param("size", "1").session(user))
                .andExpect(jsonPath("$.totalElements").value(2))
                .andExpect(jsonPath("$.content.length()").value(1));
    }

    @Test
    void anIdentifierIsFoundAsAWholeWordNotInsideALongerOne() throws Exception {
        var officer = signedIn.login("canbo.langson");
        var body = """
                {"identifier": "%s", "ownerUnit": "20", "issuers": [{"unit": "20.UBND"}], "issuedOn": "2023-02-%s",
                 "subject": "%s"}""";
        var one = register(officer, body.formatted("1/KH-UBND", "01", "Kế hoạch tuyên truyền năm 2023"), 201);
        var eleven = register(officer, body.formatted("11/KH-UBND", "11", "Kế hoạch thực hiện Kế hoạch số 1/KH-UBND về tuyên truyền"), 201);
        var cited = register(officer, body.formatted("12/BC-UBND", "21", "Báo cáo kết quả (theo 1/kh-ubnd, ngày 01/02/2023)"), 201);
        register(officer, body.formatted("13/BC-UBND", "25", "Báo cáo về Kế hoạch 1/KH-UBND-VP và số1/KH-UBND, 21/KH-UBND"), 201);
        var found = mvc.perform(get("/api/documents").param("q", "1/KH-UBND").param("year", "2023").session(officer))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // the document holding it first, then those whose text cites it, newest first (in brackets, in lower case too);
        // "11/KH-UBND", "1/KH-UBND-VP", "số1/KH-UBND" and "21/KH-UBND" are no match for "1/KH-UBND"
        assertThat(JsonPath.<List<Integer>>read(found, "$.content[*].id")).containsExactly((int) one, (int) cited, (int) eleven);
        mvc.perform(get("/api/documents").param("q", "11/KH-UBND").param("year", "2023").session(officer))
                .andExpect(jsonPath("$.totalElements").value(1)).andExpect(jsonPath("$.content[0].id").value(eleven));
    }

    @Test
    void aCommonWordIsCountedUpToTheCapAndPagedNewestFirstLikeARareOne() throws Exception {
        var officer = signedIn.login("canbo.langson");
        // 1,030 documents share the words, a seventh of them also "nhóm 3"; dates out of id order, a third undated
        jdbc.sql("""
                insert into document (system, kind_name, owner_unit_id, issued_on, subject, search_text, created_by)
                select 'STATE', 'Kế hoạch', (select id from org_unit where code = '20' and valid_to is null),
                       case when n % 3 = 0 then null else date '1990-01-01' + (n * 7919 % 1000) end,
                       'Kế hoạch thử tìm Khuổi Nặm nhóm ' || (n % 7) || ' bản ' || n,
                       search_key('Kế hoạch thử tìm Khuổi Nặm nhóm ' || (n % 7) || ' bản ' || n), 'test'
                from generate_series(1, 1030) n""").update();
        try {
            var expected = jdbc.sql("""
                    select id from document where subject like 'Kế hoạch thử tìm Khuổi Nặm%'
                    order by issued_on desc nulls last, id desc""").query(Long.class).list();
            // common: the count stops at the cap, the page is the same as ordering them all
            var common = mvc.perform(get("/api/documents").param("q", "thu tim khuoi nam").param("page", "2").param("size", "20")
                            .session(officer))
                    .andExpect(jsonPath("$.totalElements").value(DocumentQueries.COUNT_CAP + 1))
                    .andReturn().getResponse().getContentAsString();
            assertThat(JsonPath.<List<Number>>read(common, "$.content[*].id").stream().map(Number::longValue).toList())
                    .isEqualTo(expected.subList(40, 60));
            mvc.perform(get("/documents").param("q", "thu tim khuoi nam").session(officer))
                    .andExpect(content().string(Matchers.containsString("Hơn 1.000 văn bản")));
            // rare: counted exactly, every page in the same order
            var group = jdbc.sql("""
                    select id from document where subject like 'Kế hoạch thử tìm Khuổi Nặm nhóm 3 %'
                    order by issued_on desc nulls last, id desc""").query(Long.class).list();
            var rare = mvc.perform(get("/api/documents").param("q", "Khuổi Nặm nhóm 3").param("page", "1").param("size", "100")
                            .session(officer))
                    .andExpect(jsonPath("$.totalElements").value(group.size()))
                    .andReturn().getResponse().getContentAsString();
            assertThat(JsonPath.<List<Number>>read(rare, "$.content[*].id").stream().map(Number::longValue).toList())
                    .isEqualTo(group.subList(100, group.size()));
        } finally {
            jdbc.sql("delete from document where subject like 'Kế hoạch thử tìm Khuổi Nặm%'").update();
        }
    }

    @Test
    void showsTheSeedChainsInBothDirections() throws Exception {
        var user = signedIn.login("xem.ninhbinh");
        mvc.perform(get("/api/documents/" + idOf("290-QĐ/TW")).session(user))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REPLACED"))
                .andExpect(jsonPath("$.partyTerm").value("2006-2011"))
                .andExpect(jsonPath("$.chain[0].identifier").value("290-QĐ/TW"))
                .andExpect(jsonPath("$.chain[1].identifier").value("23-QĐ/TW"))
                .andExpect(jsonPath("$.chain[1].how").value("REPLACES"))
                .andExpect(jsonPath("$.relations[?(@.direction == 'IN' && @.kind == 'REPLACES')].otherIdentifier").value("23-QĐ/TW"))
                .andExpect(jsonPath("$.relations[?(@.direction == 'IN' && @.kind == 'REPORTS_ON')].otherKindName").value("Báo cáo"));
        mvc.perform(get("/api/documents/" + idOf("23-QĐ/TW")).session(user))
                .andExpect(jsonPath("$.chain[0].identifier").value("290-QĐ/TW"))
                .andExpect(jsonPath("$.chain[1].current").value(true))
                .andExpect(jsonPath("$.relations[0].direction").value("OUT"))
                .andExpect(jsonPath("$.relations[0].kind").value("REPLACES"));
        mvc.perform(get("/api/documents/" + idOf("16/CT-TTg")).session(user))
                .andExpect(jsonPath("$.chain[1].identifier").value("33/CT-TTg"))
                .andExpect(jsonPath("$.chain[1].how").value("RENEWS"));
        mvc.perform(get("/api/documents/" + idOf("79-CTr/BDVTW-BCSĐCP")).session(user))
                .andExpect(jsonPath("$.issuers[0].name").value("Ban Dân vận Trung ương"))
                .andExpect(jsonPath("$.issuers[0].unitCode").value("TW.BDV"))
                .andExpect(jsonPath("$.issuers[1].name").value("Ban Cán sự đảng Chính phủ"))
                .andExpect(jsonPath("$.relations[?(@.kind == 'IMPLEMENTS')].otherIdentifier").value("1573-KH/BDVTW-BCSĐCP"));
    }

    // ---- registering, uniqueness, deletion -------------------------------------------------------

    @Test
    void stateNumbersAreUniquePerIssuerAndYearAndADuplicateNamesItsHolder() throws Exception {
        var officer = signedIn.login("canbo.langson");
        var body = """
                {"identifier": "%s", "ownerUnit": "20", "issuers": [{"unit": "20.UBND"}], "issuedOn": "%s",
                 "subject": "Triển khai công tác dân vận chính quyền năm %s"}""";
        var first = register(officer, body.formatted("987/KH-UBND", "2024-03-05", "2024"), 201);
        var response = mvc.perform(json(post("/api/documents"), officer, body.formatted("987 / KH-UBND", "2024-11-20", "2024 (lần 2)")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(Matchers.startsWith("Số, ký hiệu: ")))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("987/KH-UBND")))
                .andExpect(jsonPath("$.documents[0].id").value(first))
                .andExpect(jsonPath("$.documents[0].href").value("/api/documents/" + first))
                .andReturn();
        assertThat(response.getResponse().getContentAsString()).contains("/documents/" + first);
        // the same number the next year is another document; so is the same number of another province's committee
        register(officer, body.formatted("987/KH-UBND", "2025-01-06", "2025"), 201);
        var thaiNguyen = signedIn.login("canbo.thainguyen");
        register(thaiNguyen, """
                {"identifier": "987/KH-UBND", "ownerUnit": "19", "issuers": [{"unit": "19.UBND"}], "issuedOn": "2024-03-05",
                 "subject": "Kế hoạch của tỉnh Thái Nguyên"}""", 201);
        var detail = mvc.perform(get("/api/documents/" + first).session(officer)).andReturn().getResponse().getContentAsString();
        assertThat((String) JsonPath.read(detail, "$.issuers[0].name")).isEqualTo("Ủy ban nhân dân tỉnh Lạng Sơn");
        // a central body's abbreviation (TTg) names its numbering scope, however its name is written
        mvc.perform(json(post("/api/documents"), officer, """
                        {"identifier": "16/CT-TTg", "ownerUnit": "20", "issuers": [{"name": "Thủ tướng"}], "issuedOn": "2016-08-01",
                         "subject": "Bản sao chép"}"""))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.documents[0].identifier").value("16/CT-TTg"));
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'document.registered' and entity_id = :id")
                .param("id", String.valueOf(first)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void partyNumbersAreUniquePerIssuerTermAndType() throws Exception {
        var officer = signedIn.login("canbo.langson");
        var body = """
                {"identifier": "%s", "ownerUnit": "20", "issuers": [{"unit": "20.TU"}], "issuedOn": "%s", "subject": "%s"}""";
        register(officer, body.formatted("77-KH/TU", "2019-03-01", "Kế hoạch nhiệm kỳ 2015-2020"), 201);
        register(officer, body.formatted("77-KH/TU", "2021-01-10", "Kế hoạch nhiệm kỳ 2020-2025"), 201);
        register(officer, body.formatted("77-CT/TU", "2021-02-10", "Chỉ thị cùng số, loại khác"), 201);
        mvc.perform(json(post("/api/documents"), officer, body.formatted("77-KH/TU", "2023-06-01", "Trùng trong nhiệm kỳ 2020-2025")))
                .andExpect(status().isConflict());
        // the term can be given when the default cut-over does not fit the committee's congress
        register(officer, """
                {"identifier": "77-KH/TU", "ownerUnit": "20", "issuers": [{"unit": "20.TU"}], "issuedOn": "2025-09-20",
                 "partyTerm": "2025-2030", "subject": "Đại hội tỉnh đã bế mạc"}""", 201);
    }

    @Test
    void refusesBadInputPerField() throws Exception {
        var officer = signedIn.login("canbo.langson");
        mvc.perform(json(post("/api/documents"), officer, """
                        {"identifier": "16/CT", "ownerUnit": "20", "issuedOn": "2016-05-16",
                         "effectiveFrom": "2016-06-01", "effectiveTo": "2016-05-01"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'identifier')].message").value(Matchers.hasItem(Matchers.containsString("“CT”"))))
                .andExpect(jsonPath("$.errors[?(@.field == 'subject')]").isNotEmpty())
                .andExpect(jsonPath("$.errors[?(@.field == 'issuers')]").isNotEmpty())
                .andExpect(jsonPath("$.errors[?(@.field == 'effectiveTo')]").isNotEmpty());
        mvc.perform(json(post("/api/documents"), officer, """
                        {"identifier": "12/2019/QĐ-UBND", "ownerUnit": "20", "issuers": [{"name": "UBND tỉnh"}],
                         "issuedOn": "2020-01-02", "subject": "Năm khác"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("issuedOn"));
    }

    @Test
    void aDocumentOthersImplementOrReplaceCannotBeDeletedButCanBeMarkedAbolished() throws Exception {
        var admin = signedIn.login("admin");
        var qd290 = idOf("290-QĐ/TW");
        mvc.perform(delete("/api/documents/" + qd290).session(admin).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("23-QĐ/TW")))
                .andExpect(jsonPath("$.documents[*].identifier").value(Matchers.hasItem("23-QĐ/TW")));
        var officer = signedIn.login("canbo.langson");
        var plan = register(officer, """
                {"identifier": "31/KH-UBND", "ownerUnit": "20", "issuers": [{"unit": "20.UBND"}], "issuedOn": "2026-02-03",
                 "subject": "Kế hoạch thực hiện Chỉ thị 16/CT-TTg năm 2026"}""", 201);
        var report = register(officer, """
                {"ownerUnit": "20", "system": "STATE", "kindName": "Báo cáo", "issuers": [{"unit": "20.UBND"}], "issuedOn": "2026-03-03",
                 "subject": "Báo cáo kết quả thực hiện kế hoạch"}""", 201);
        mvc.perform(json(post("/api/documents/" + plan + "/relations"), officer, """
                        {"kind": "IMPLEMENTS", "target": "Chỉ thị số 16/CT-TTg", "relatedOn": "2026-02-03"}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.relations[0].otherIdentifier").value("16/CT-TTg"));
        mvc.perform(json(post("/api/documents/" + report + "/relations"), officer, """
                        {"kind": "REPORTS_ON", "targetId": %d}""".formatted(plan))).andExpect(status().isCreated());
        mvc.perform(delete("/api/documents/" + plan).session(officer).with(csrf())).andExpect(status().isConflict());
        mvc.perform(get("/api/documents/" + idOf("16/CT-TTg")).session(officer))
                .andExpect(jsonPath("$.relations[?(@.kind == 'IMPLEMENTS')].otherId").value(Matchers.hasItem((int) plan)));
        mvc.perform(delete("/api/documents/" + report).session(officer).with(csrf())).andExpect(status().isNoContent());
        mvc.perform(delete("/api/documents/" + plan).session(officer).with(csrf())).andExpect(status().isNoContent());
        mvc.perform(get("/api/documents/" + plan).session(officer)).andExpect(status().isNotFound());
    }

    // ---- scope --------------------------------------------------------------------------------

    @Test
    void anOfficerOfOneCommuneCannotChangeAnothersDocumentsButReadsThem() throws Exception {
        var dongKinh = signedIn.login("canbo.dongkinh");
        var id = register(dongKinh, """
                {"identifier": "05/KH-UBND", "ownerUnit": "05977.UBND", "issuers": [{"unit": "05977.UBND"}], "issuedOn": "2026-01-15",
                 "subject": "Kế hoạch công tác dân vận chính quyền phường Đông Kinh năm 2026"}""", 201);
        var luongVanTri = signedIn.login("canbo.luongvantri");
        mvc.perform(get("/api/documents/" + id).session(luongVanTri)).andExpect(status().isOk())
                .andExpect(jsonPath("$.canWrite").value(false));
        mvc.perform(json(put("/api/documents/" + id), luongVanTri, """
                        {"identifier": "05/KH-UBND", "ownerUnit": "05983.UBND", "issuers": [{"unit": "05983.UBND"}],
                         "issuedOn": "2026-01-15", "subject": "Đổi chủ"}"""))
                .andExpect(status().isNotFound());
        mvc.perform(delete("/api/documents/" + id).session(luongVanTri).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(json(post("/api/documents/" + id + "/relations"), luongVanTri, """
                        {"kind": "IMPLEMENTS", "target": "16/CT-TTg"}""")).andExpect(status().isNotFound());
        mvc.perform(multipart("/api/documents/" + id + "/attachments").file(docx("ke-hoach.docx", "Nội dung")).session(luongVanTri).with(csrf()))
                .andExpect(status().isNotFound());
        // nor register a document kept by the other ward
        mvc.perform(json(post("/api/documents"), luongVanTri, """
                        {"ownerUnit": "05977.UBND", "system": "STATE", "kindName": "Kế hoạch", "issuers": [{"name": "UBND phường"}],
                         "subject": "Của phường khác"}""")).andExpect(status().isNotFound());
        // the owner edits it, with the version read
        mvc.perform(json(put("/api/documents/" + id), dongKinh, """
                        {"identifier": "05/KH-UBND", "ownerUnit": "05977.UBND", "issuers": [{"unit": "05977.UBND"}],
                         "issuedOn": "2026-01-15", "subject": "Kế hoạch (sửa)", "version": 0}"""))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1));
        mvc.perform(json(put("/api/documents/" + id), dongKinh, """
                        {"identifier": "05/KH-UBND", "ownerUnit": "05977.UBND", "issuers": [{"unit": "05977.UBND"}],
                         "issuedOn": "2026-01-15", "subject": "Kế hoạch (bản cũ)", "version": 0}"""))
                .andExpect(status().isConflict());
    }

    @Test
    void theDocumentApiIsInTheOpenApiDocument() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/documents/identifier'].get").exists())
                .andExpect(jsonPath("$.paths['/api/documents'].get").exists())
                .andExpect(jsonPath("$.paths['/api/documents'].post").exists())
                .andExpect(jsonPath("$.paths['/api/documents/{id}'].put").exists())
                .andExpect(jsonPath("$.paths['/api/documents/{id}/relations'].post").exists())
                .andExpect(jsonPath("$.paths['/api/documents/{id}/attachments'].post").exists());
    }

    @Test
    void writesNeedTheCsrfToken() throws Exception {
        var officer = signedIn.login("canbo.langson");
        mvc.perform(post("/api/documents").session(officer).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
    }

    // ---- attachments ------------------------------------------------------------------------

    @Test
    void attachmentsArePdfOrDocxWithinTheLimitAndTheirTextIsSearchable() throws Exception {
        var officer = signedIn.login("canbo.luongvantri");
        var id = register(officer, """
                {"ownerUnit": "05983.UBND", "system": "STATE", "kindName": "Kế hoạch", "issuers": [{"unit": "05983.UBND"}],
                 "issuedOn": "2026-02-02", "subject": "Kế hoạch có tệp đính kèm"}""", 201);
        mvc.perform(multipart("/api/documents/" + id + "/attachments")
                        .file(docx("kế hoạch.docx", "Xây dựng mô hình Dân vận khéo ở tổ dân phố Khuổi Mịt")).session(officer).with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.attachments[0].fileName").value("kế hoạch.docx"))
                .andExpect(jsonPath("$.attachments[0].hasText").value(true));
        mvc.perform(multipart("/api/documents/" + id + "/attachments").file(pdf("phu-luc.pdf", "Phu luc so lieu tong hop Quy Bon"))
                        .session(officer).with(csrf()))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/documents").param("q", "khuoi mit").session(officer))
                .andExpect(jsonPath("$.content[0].id").value((int) id));
        mvc.perform(get("/api/documents").param("q", "tong hop quy bon").session(officer))
                .andExpect(jsonPath("$.content[0].id").value((int) id));
        var attachmentId = jdbc.sql("select min(id) from document_attachment where document_id = :d").param("d", id).query(Long.class).single();
        mvc.perform(get("/api/documents/" + id + "/attachments/" + attachmentId).session(signedIn.login("xem.ninhbinh")))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        mvc.perform(multipart("/api/documents/" + id + "/attachments")
                        .file(new MockMultipartFile("file", "ghi-chu.txt", "text/plain", "xin chào".getBytes(StandardCharsets.UTF_8)))
                        .session(officer).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("không phải PDF hoặc DOCX")));
        var big = new byte[21 * 1024 * 1024];
        big[0] = '%';
        big[1] = 'P';
        big[2] = 'D';
        big[3] = 'F';
        mvc.perform(multipart("/api/documents/" + id + "/attachments").file(new MockMultipartFile("file", "lon.pdf", "application/pdf", big))
                        .session(officer).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("20 MB")));
        mvc.perform(multipart("/api/documents/" + id + "/attachments")
                        .file(new MockMultipartFile("file", "hong.pdf", "application/pdf", "%PDF-1.7 hỏng".getBytes(StandardCharsets.UTF_8)))
                        .session(officer).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("không đọc được")));
    }

    static MockMultipartFile docx(String name, String text) throws Exception {
        try (var doc = new XWPFDocument(); var out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText(text);
            doc.write(out);
            return new MockMultipartFile("file", name, "application/octet-stream", out.toByteArray());
        }
    }

    static MockMultipartFile pdf(String name, String text) throws Exception {
        try (var doc = new PDDocument(); var out = new ByteArrayOutputStream()) {
            var page = new PDPage();
            doc.addPage(page);
            try (var stream = new PDPageContentStream(doc, page)) {
                stream.beginText();
                stream.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                stream.newLineAtOffset(72, 700);
                stream.showText(text);
                stream.endText();
            }
            doc.save(out);
            return new MockMultipartFile("file", name, "application/pdf", out.toByteArray());
        }
    }
}
