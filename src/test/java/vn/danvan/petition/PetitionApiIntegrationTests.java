package vn.danvan.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.LocalDate;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;
import vn.danvan.SignedInMvc;

/**
 * A complaint from the reception desk to enforcement over the REST API, with the legal refusals,
 * denouncer protection, scope, concurrent edits and duplicate detection — against the embedded
 * PostgreSQL with the demo data loaded.
 */
@SpringBootTest
class PetitionApiIntegrationTests {

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

    String receive(MockHttpSession session, String unit, String json) throws Exception {
        var response = mvc.perform(json(post("/api/petitions"), session, json.replace("$UNIT", unit))).andReturn().getResponse();
        var body = response.getContentAsString();
        assertThat(response.getStatus()).as(body).isEqualTo(201);
        return JsonPath.read(body, "$.number");
    }

    static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, MockHttpSession session, String body) {
        return request.session(session).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }

    String today(int minusDays) {
        return LocalDate.now(clock).minusDays(minusDays).toString();
    }

    @Test
    void aComplaintIsReceivedAcceptedWithItsLegalDeadlineResolvedAndEnforced() throws Exception {
        var officer = signedIn.login("canbo.luongvantri");
        var number = receive(officer, "05983.UBND", """
                {"unit": "$UNIT", "receivedOn": "%s", "channel": "IN_PERSON", "petitionerKind": "PERSON",
                 "subject": "Khiếu nại quyết định thu hồi đất nông nghiệp", "place": "05983",
                 "persons": [{"name": "Nguyễn Văn Khiếu", "address": "Tổ 3", "phone": "0912000111"}]}
                """.formatted(today(20)));
        mvc.perform(get("/api/petitions/" + number).session(officer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RECEIVED"))
                .andExpect(jsonPath("$.due.rule").value("P1"))
                .andExpect(jsonPath("$.persons[0].name").value("Nguyễn Văn Khiếu"));
        var processed = mvc.perform(json(post("/api/petitions/" + number + "/processing"), officer, """
                {"contentKind": "COMPLAINT", "field": "ADMIN_LAND", "eligible": true, "competence": "WITHIN", "handling": "ACCEPT",
                 "day": "%s"}
                """.formatted(today(18)))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var matter = (String) JsonPath.read(processed, "$.matter");
        assertThat((String) JsonPath.read(mvc.perform(get("/api/petitions/" + JsonPath.read(processed, "$.number")).session(officer))
                .andReturn().getResponse().getContentAsString(), "$.matter.number")).as("the matter the processing answered").isEqualTo(matter);

        // resolving before acceptance is refused with a Vietnamese explanation
        mvc.perform(json(post("/api/matters/" + matter + "/steps"), officer, """
                {"action": "DECIDE", "day": "%s", "documentNumber": "1/QĐ-UBND", "result": "RIGHT"}""".formatted(today(17))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("chưa được thụ lý")));

        var accepted = LocalDate.now(clock).minusDays(16);
        mvc.perform(json(post("/api/matters/" + matter + "/steps"), officer, """
                {"action": "ACCEPT", "day": "%s", "documentNumber": "12/TB-UBND"}""".formatted(accepted)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACCEPTED"))
                .andExpect(jsonPath("$.due.rule").value("C2"))
                .andExpect(jsonPath("$.due.dueOn").value(Matchers.greaterThanOrEqualTo(accepted.plusDays(30).toString())));
        for (var step : new String[] {"START_VERIFICATION", "HOLD_DIALOGUE"}) {
            mvc.perform(json(post("/api/matters/" + matter + "/steps"), officer, """
                    {"action": "%s", "day": "%s", "note": "Tổ xác minh"}""".formatted(step, today(10)))).andExpect(status().isOk());
        }
        mvc.perform(json(post("/api/matters/" + matter + "/steps"), officer, """
                {"action": "DECIDE", "day": "%s", "documentNumber": "34/QĐ-UBND", "result": "PARTLY_RIGHT",
                 "outcome": {"returnPersonMoney": 120.5, "personsRestored": 1}}""".formatted(today(5))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DECIDED"))
                .andExpect(jsonPath("$.decided.returnPersonMoney").value(120.5));
        mvc.perform(json(post("/api/matters/" + matter + "/steps"), officer, """
                {"action": "CLOSE", "day": "%s", "outcome": {"returnPersonMoney": 120.5, "personsRestored": 1}}""".formatted(today(1))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.steps.length()").value(Matchers.greaterThanOrEqualTo(6)));
        var audited = jdbc.sql("select count(*) from audit_log where entity_id = :m").param("m", matter).query(Long.class).single();
        assertThat(audited).isGreaterThanOrEqualTo(5);
    }

    @Test
    void aDenouncersIdentityIsMaskedForOthersAndEveryViewIsAudited() throws Exception {
        var receptionist = signedIn.login("tiepdan.langson");
        var number = receive(receptionist, "20.BTCD", """
                {"unit": "$UNIT", "channel": "POST", "petitionerKind": "PERSON", "declaredKind": "DENUNCIATION",
                 "subject": "Tố cáo cán bộ nhận tiền khi làm sổ đỏ",
                 "persons": [{"name": "Lý Thị Tố", "address": "Thôn Nà Mò", "phone": "0988777666", "idNumber": "020190001234"}]}
                """);
        var officer = signedIn.login("canbo.langson");
        mvc.perform(get("/api/petitions/" + number).session(officer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.protectedIdentity").value(true))
                .andExpect(jsonPath("$.persons[0].name").value("***"))
                .andExpect(jsonPath("$.persons[0].phone").value("***"));
        mvc.perform(get("/api/petitions/" + number + "/identity").session(officer)).andExpect(status().isBadRequest());
        mvc.perform(get("/api/petitions").param("text", "Ly Thi To").session(officer))
                .andExpect(jsonPath("$.totalElements").value(0));
        var before = jdbc.sql("select count(*) from audit_log where action = 'petition.identity-viewed' and entity_id = :n")
                .param("n", number).query(Long.class).single();
        mvc.perform(get("/api/petitions/" + number + "/identity").session(receptionist))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("Lý Thị Tố"));
        var after = jdbc.sql("select count(*) from audit_log where action = 'petition.identity-viewed' and entity_id = :n")
                .param("n", number).query(Long.class).single();
        assertThat(after).isEqualTo(before + 1);
        var stored = jdbc.sql("select name_cipher, name_key from petition_person p join petition q on q.id = p.petition_id where q.number = :n")
                .param("n", number).query((rs, n) -> new Object[] {rs.getBytes(1), rs.getString(2)}).single();
        var latin1 = java.nio.charset.StandardCharsets.ISO_8859_1;
        var clear = new String("Lý Thị Tố".getBytes(java.nio.charset.StandardCharsets.UTF_8), latin1);
        assertThat(new String((byte[]) stored[0], latin1)).as("stored encrypted").doesNotContain(clear).doesNotContain("Th");
        assertThat(stored[1]).as("a denouncer's name has no clear search key").isNull();
    }

    @Test
    void anOfficerOfOneWardCannotOpenAnotherWardsPetitions() throws Exception {
        var dongKinh = signedIn.login("canbo.dongkinh");
        var number = receive(dongKinh, "05977.UBND", """
                {"unit": "$UNIT", "channel": "HOTLINE", "petitionerKind": "PERSON", "subject": "Phản ánh đèn đường hỏng",
                 "persons": [{"name": "Đinh Văn Đèn"}]}""");
        var luongVanTri = signedIn.login("canbo.luongvantri");
        mvc.perform(get("/api/petitions/" + number).session(luongVanTri)).andExpect(status().isNotFound());
        mvc.perform(get("/api/petitions/" + number + "/identity").session(luongVanTri)).andExpect(status().isNotFound());
        mvc.perform(get("/api/petitions").param("text", "den duong hong").session(luongVanTri))
                .andExpect(jsonPath("$.totalElements").value(0));
        mvc.perform(get("/api/petitions").param("text", "den duong hong").session(dongKinh))
                .andExpect(jsonPath("$.totalElements").value(1));
        mvc.perform(json(post("/api/petitions"), luongVanTri, """
                {"unit": "05977.UBND", "channel": "POST", "petitionerKind": "PERSON", "subject": "x", "persons": [{"name": "A"}]}"""))
                .andExpect(status().isNotFound());
    }

    @Test
    void theSearchFollowsAPetitionsTextThroughItsStepsAndACorrection() throws Exception {
        var dongKinh = signedIn.login("canbo.dongkinh");
        var number = receive(dongKinh, "05977.UBND", """
                {"unit": "$UNIT", "channel": "POST", "petitionerKind": "PERSON", "subject": "Kiến nghị sửa cống thoát nước khối Hoàng Văn Thụ",
                 "content": "Cống bị tắc sau mưa lớn", "persons": [{"name": "Lục Văn Cống"}]}""");
        mvc.perform(get("/api/petitions").param("text", "cong bi tac sau mua").session(dongKinh))
                .andExpect(jsonPath("$.totalElements").value(1)).andExpect(jsonPath("$.content[0].number").value(number));
        // a corrected subject is searchable at once, the old one is gone
        jdbc.sql("update petition set subject = 'Kiến nghị nạo vét mương Nà Lầu' where number = :n").param("n", number).update();
        mvc.perform(get("/api/petitions").param("text", "nao vet muong na lau").session(dongKinh))
                .andExpect(jsonPath("$.totalElements").value(1));
        mvc.perform(get("/api/petitions").param("text", "sua cong thoat nuoc khoi hoang van thu").session(dongKinh))
                .andExpect(jsonPath("$.totalElements").value(0));
    }

    @Test
    void aPetitionsWordsAreKeyedByTheYearAndProvinceOfItsReceiptAndFoundInThatProvinceOnly() throws Exception {
        var dongKinh = signedIn.login("canbo.dongkinh");
        var number = receive(dongKinh, "05977.UBND", """
                {"unit": "$UNIT", "channel": "POST", "petitionerKind": "PERSON", "subject": "Kiến nghị lắp đèn chiếu sáng ngõ Pò Moòng",
                 "persons": [{"name": "Hoàng Thị Pò"}]}""");
        var langSon = jdbc.sql("select id from org_unit where code = '20' and validity @> current_date").query(Long.class).single();
        var text = jdbc.sql("""
                select t.area_id, cast(petition_area_words(t.area_id, t.received_on, t.search_text) as text)
                from petition_text t join petition p on p.id = t.petition_id where p.number = :n
                """).param("n", number).query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).single();
        assertThat(text[0]).as("the area of receipt: the province of the receiving ward").isEqualTo(langSon);
        assertThat((String) text[1]).contains("'" + LocalDate.now(clock).getYear() + "." + langSon + "/po moong'");
        // asked within Lạng Sơn (its keys) and in the whole country (every area's keys); not within Thái Nguyên
        var admin = signedIn.login("admin", SignedInMvc.ADMIN_PASSWORD);
        for (var unit : new String[] {"20", null}) {
            var request = get("/api/petitions").param("text", "ngo po moong").session(admin);
            mvc.perform(unit == null ? request : request.param("unit", unit))
                    .andExpect(jsonPath("$.totalElements").value(1)).andExpect(jsonPath("$.content[0].number").value(number));
        }
        mvc.perform(get("/api/petitions").param("text", "ngo po moong").param("unit", "19").session(admin))
                .andExpect(jsonPath("$.totalElements").value(0));
    }

    @Test
    void theDatabaseRefusesAPetitionJoinedToAMatterOfAnotherUnit() {
        var matterElsewhere = jdbc.sql("""
                select m.id from petition_matter m join petition p on p.unit_id <> m.unit_id limit 1""").query(Long.class).single();
        var petition = jdbc.sql("""
                select p.id from petition p join petition_matter m on m.id = :m and m.unit_id <> p.unit_id limit 1""")
                .param("m", matterElsewhere).query(Long.class).single();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("update petition set matter_id = :m where id = :p")
                        .param("m", matterElsewhere).param("p", petition).update())
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class)
                .hasMessageContaining("petition_matter_same_unit");
    }

    @Test
    void twoOfficersEditingTheSameMatterCannotOverwriteEachOther() throws Exception {
        var officer = signedIn.login("canbo.dongkinh");
        var number = receive(officer, "05977.UBND", """
                {"unit": "$UNIT", "receivedOn": "%s", "channel": "POST", "petitionerKind": "PERSON", "subject": "Kiến nghị nạo vét mương",
                 "persons": [{"name": "Hà Văn Mương"}]}""".formatted(today(3)));
        mvc.perform(json(post("/api/petitions/" + number + "/processing"), officer, """
                {"contentKind": "RECOMMENDATION", "field": "ADMIN_OTHER", "eligible": true, "competence": "WITHIN", "handling": "ACCEPT"}"""))
                .andExpect(status().isOk());
        var matter = (String) JsonPath.read(mvc.perform(get("/api/petitions/" + number).session(officer)).andReturn().getResponse()
                .getContentAsString(), "$.matter.number");
        var version = (Integer) JsonPath.read(mvc.perform(get("/api/matters/" + matter).session(officer)).andReturn().getResponse()
                .getContentAsString(), "$.version");
        mvc.perform(json(post("/api/matters/" + matter + "/steps"), officer, """
                {"action": "ACCEPT", "version": %d}""".formatted(version))).andExpect(status().isOk());
        mvc.perform(json(post("/api/matters/" + matter + "/steps"), officer, """
                {"action": "FLAG_HOT", "note": "Nhiều hộ bị ngập", "version": %d}""".formatted(version)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("người khác cập nhật")));
        mvc.perform(get("/api/matters/" + matter).session(officer)).andExpect(jsonPath("$.hotManual").value(false));
    }

    @Test
    void aLikelyDuplicateOfTheSamePetitionerIsFoundIgnoringAccents() throws Exception {
        var officer = signedIn.login("canbo.luongvantri");
        receive(officer, "05983.UBND", """
                {"unit": "$UNIT", "channel": "POST", "petitionerKind": "PERSON", "subject": "Khiếu nại việc cấp giấy chứng nhận đất ở",
                 "persons": [{"name": "Trần Thị Trùng", "phone": "0911 222 333"}]}""");
        mvc.perform(json(post("/api/petitions/duplicates"), officer, """
                {"subject": "khieu nai cap giay chung nhan dat", "persons": [{"name": "tran thi trung", "phone": "0911222333"}]}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].subject").value("Khiếu nại việc cấp giấy chứng nhận đất ở"));
        mvc.perform(json(post("/api/petitions/duplicates"), officer, """
                {"subject": "khieu nai cap giay chung nhan dat", "persons": [{"name": "Trần Thị Khác", "phone": "0911222333"}]}"""))
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void aDenunciationWithTheSameContentIsForwardedOnlyOnce() throws Exception {
        var officer = signedIn.login("canbo.langson");
        var first = receive(officer, "20.UBND", """
                {"unit": "$UNIT", "channel": "POST", "petitionerKind": "PERSON", "declaredKind": "DENUNCIATION",
                 "subject": "Tố cáo trưởng thôn thu tiền trái phép", "persons": [{"name": "Vi Văn Một"}]}""");
        mvc.perform(json(post("/api/petitions/" + first + "/processing"), officer, """
                {"contentKind": "DENUNCIATION", "field": "CORRUPTION", "eligible": true, "competence": "OUTSIDE", "handling": "FORWARD",
                 "targetUnit": "20.TTR"}""")).andExpect(status().isOk());
        var matter = (String) JsonPath.read(mvc.perform(get("/api/petitions/" + first).session(officer)).andReturn().getResponse()
                .getContentAsString(), "$.matter.number");
        var second = receive(officer, "20.UBND", """
                {"unit": "$UNIT", "channel": "POST", "petitionerKind": "PERSON", "declaredKind": "DENUNCIATION",
                 "subject": "Tố cáo trưởng thôn thu tiền trái phép (lần 2)", "persons": [{"name": "Vi Văn Một"}]}""");
        mvc.perform(json(post("/api/petitions/" + second + "/processing"), officer, """
                {"contentKind": "DENUNCIATION", "field": "CORRUPTION", "eligible": true, "competence": "OUTSIDE", "handling": "FORWARD",
                 "targetUnit": "20.TTR", "matter": "%s"}""".formatted(matter)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("handling"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString(first)));
        // the copy arrived at the inspectorate as a received petition
        mvc.perform(get("/api/petitions").param("text", "truong thon thu tien").param("unit", "20.TTR").session(officer))
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].channel").value("AGENCY"));
    }

    @Test
    void aComplaintAcceptedBeforeLaw136CannotBeSuspended() throws Exception {
        var officer = signedIn.login("canbo.dongkinh");
        var number = receive(officer, "05977.UBND", """
                {"unit": "$UNIT", "receivedOn": "2026-05-04", "channel": "POST", "petitionerKind": "PERSON",
                 "subject": "Khiếu nại quyết định xử phạt xây dựng", "persons": [{"name": "Lê Văn Phạt"}]}""");
        mvc.perform(json(post("/api/petitions/" + number + "/processing"), officer, """
                {"contentKind": "COMPLAINT", "field": "ADMIN_OTHER", "eligible": true, "competence": "WITHIN", "handling": "ACCEPT",
                 "day": "2026-05-06"}""")).andExpect(status().isOk());
        var matter = (String) JsonPath.read(mvc.perform(get("/api/petitions/" + number).session(officer)).andReturn().getResponse()
                .getContentAsString(), "$.matter.number");
        mvc.perform(json(post("/api/matters/" + matter + "/steps"), officer, """
                {"action": "ACCEPT", "day": "2026-05-08"}""")).andExpect(status().isOk())
                .andExpect(jsonPath("$.due.dueOn").value("2026-06-08"));
        mvc.perform(json(post("/api/matters/" + matter + "/steps"), officer, """
                {"action": "SUSPEND", "day": "2026-05-20", "note": "Chờ giám định"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("01/07/2026")));
        mvc.perform(json(post("/api/matters/" + matter + "/steps"), officer, """
                {"action": "WITHDRAW_PARTLY", "day": "2026-06-20", "note": "Rút nội dung thứ hai"}"""))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aDenunciationsSuspendedDaysAreNotCountedAndOnlyAComplexOneIsExtended() throws Exception {
        var officer = signedIn.login("canbo.dongkinh");
        var number = receive(officer, "05977.UBND", """
                {"unit": "$UNIT", "receivedOn": "%s", "channel": "POST", "petitionerKind": "PERSON", "declaredKind": "DENUNCIATION",
                 "subject": "Tố cáo lấn chiếm hành lang giao thông", "persons": [{"name": "Bùi Văn Lấn"}]}""".formatted("2026-02-25"));
        mvc.perform(json(post("/api/petitions/" + number + "/processing"), officer, """
                {"contentKind": "DENUNCIATION", "field": "ADMIN_LAND", "eligible": true, "competence": "WITHIN", "handling": "ACCEPT",
                 "day": "%s"}""".formatted("2026-02-26"))).andExpect(status().isOk());
        var matter = (String) JsonPath.read(mvc.perform(get("/api/petitions/" + number).session(officer)).andReturn().getResponse()
                .getContentAsString(), "$.matter.number");
        mvc.perform(json(post("/api/matters/" + matter + "/steps"), officer, """
                {"action": "ACCEPT", "day": "%s"}""".formatted("2026-03-02"))).andExpect(status().isOk());
        var dueBefore = (String) JsonPath.read(mvc.perform(get("/api/matters/" + matter).session(officer)).andReturn().getResponse()
                .getContentAsString(), "$.due.dueOn");
        mvc.perform(json(post("/api/matters/" + matter + "/steps"), officer, """
                {"action": "SUSPEND", "day": "%s", "note": "Chờ kết quả đo đạc"}""".formatted("2026-03-10"))).andExpect(status().isOk());
        mvc.perform(json(post("/api/matters/" + matter + "/steps"), officer, """
                {"action": "RESUME", "day": "%s"}""".formatted("2026-03-20"))).andExpect(status().isOk());
        var dueAfter = (String) JsonPath.read(mvc.perform(get("/api/matters/" + matter).session(officer)).andReturn().getResponse()
                .getContentAsString(), "$.due.dueOn");
        // D4: 30 days after acceptance (02/03/2026 → 01/04/2026); the 10 suspended days (10/03–19/03) are not
        // counted: 11/04/2026 is a Saturday, so the period ends on Monday 13/04/2026.
        assertThat(dueBefore).isEqualTo("2026-04-01");
        assertThat(dueAfter).isEqualTo("2026-04-13");
        mvc.perform(json(post("/api/matters/" + matter + "/steps"), officer, """
                {"action": "EXTEND", "documentNumber": "5/QĐ-GH"}""")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("extensions"));
    }

    @Test
    void searchFiltersCombineAndEachResultMeetsEveryFilter() throws Exception {
        var leader = signedIn.login("lanhdao.langson");
        var from = LocalDate.now(clock).minusDays(300);
        var to = LocalDate.now(clock).minusDays(10);
        var body = mvc.perform(get("/api/petitions").param("kind", "COMPLAINT").param("field", "ADMIN_LAND")
                        .param("from", from.toString()).param("to", to.toString()).param("size", "200").session(leader))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        java.util.List<java.util.Map<String, Object>> rows = JsonPath.read(body, "$.content");
        assertThat(rows).isNotEmpty();
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("contentKind")).isEqualTo("COMPLAINT");
            assertThat(r.get("field")).isEqualTo("ADMIN_LAND");
            assertThat(LocalDate.parse((String) r.get("receivedOn"))).isBetween(from, to);
        });
        assertThat(((Number) JsonPath.read(body, "$.totalElements")).intValue()).isEqualTo(rows.size());

        var overdue = mvc.perform(get("/api/petitions").param("overdue", "true").param("size", "200").session(leader))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        java.util.List<Boolean> flags = JsonPath.read(overdue, "$.content[*].due.overdue");
        assertThat(flags).isNotEmpty().containsOnly(true);
        // and none is missing: the same rule counted straight from the tables over the province's units
        var counted = jdbc.sql("""
                select count(*) from petition p left join petition_matter m on m.id = p.matter_id
                where ((p.status = 'RECEIVED' and p.due_on < :today) or (m.status in ('ACCEPTED', 'VERIFYING') and m.due_on < :today))
                  and p.unit_id in (select u.id from org_unit u, org_unit l where l.code = '20' and l.valid_to is null
                                    and u.path like l.path || '%')""").param("today", LocalDate.now(clock)).query(Long.class).single();
        assertThat(((Number) JsonPath.read(overdue, "$.totalElements")).longValue()).isEqualTo(counted);

        // accent-insensitive words, newest first, within the filters
        var text = mvc.perform(get("/api/petitions").param("text", "thu hoi dat").param("kind", "COMPLAINT").session(leader))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        java.util.List<String> subjects = JsonPath.read(text, "$.content[*].subject");
        assertThat(subjects).isNotEmpty().allSatisfy(subject -> assertThat(subject.toLowerCase()).contains("thu hồi đất"));
        java.util.List<String> days = JsonPath.read(text, "$.content[*].receivedOn");
        assertThat(days).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        mvc.perform(get("/petitions").param("text", "thu hoi dat").param("overdue", "true").session(leader))
                .andExpect(status().isOk());
    }
}
