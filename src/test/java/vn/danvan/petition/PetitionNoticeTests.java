package vn.danvan.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;
import vn.danvan.SignedInMvc;

/**
 * The Word notices of case work, downloaded as an officer would and read back with POI: the header of
 * Decree 30 with the unit owning the case, the numbers and dates of the case, scope (another commune
 * gets 404) and the protection of denouncers (never named in a notice).
 */
@SpringBootTest
class PetitionNoticeTests {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

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

    static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, MockHttpSession session, String body) {
        return request.session(session).with(SecurityMockMvcRequestPostProcessors.csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }

    String receive(MockHttpSession session, String unit, String json) throws Exception {
        var response = mvc.perform(json(post("/api/petitions"), session, json.replace("$UNIT", unit))).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
        return JsonPath.read(response.getContentAsString(), "$.number");
    }

    void process(MockHttpSession session, String number, String json) throws Exception {
        var response = mvc.perform(json(post("/api/petitions/" + number + "/processing"), session, json)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
    }

    String read(MockHttpSession session, String path) throws Exception {
        var response = mvc.perform(get(path).session(session)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path + ": " + response.getContentAsString()).isEqualTo(200);
        return response.getContentAsString();
    }

    String step(MockHttpSession session, String matter, String json) throws Exception {
        var response = mvc.perform(json(post("/api/matters/" + matter + "/steps"), session, json)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return response.getContentAsString();
    }

    LocalDate daysAgo(int days) {
        return LocalDate.now(clock).minusDays(days);
    }

    /** Downloads a notice, checks it is an attachment of the Word type, and returns its whole text. */
    String download(MockHttpSession session, String path, String filePrefix) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).session(session)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo(DOCX);
        var disposition = response.getHeader("Content-Disposition");
        assertThat(disposition).startsWith("attachment; filename=\"" + filePrefix).contains(".docx\"")
                .contains("filename*=UTF-8''" + filePrefix);
        assertThat(disposition.substring(0, disposition.indexOf("filename*"))).matches("\\p{ASCII}+");
        try (var doc = new XWPFDocument(new ByteArrayInputStream(response.getContentAsByteArray()));
             var text = new XWPFWordExtractor(doc)) {
            assertThat(doc.getDocument().getBody().getSectPr().getPgMar().getLeft()).isEqualTo(java.math.BigInteger.valueOf(1701));
            return text.getText();
        }
    }

    @Test
    void theAcceptanceNoticeOfAComplaintNamesTheBodyTheMatterAndTheDueDateAndStaysInScope() throws Exception {
        var officer = signedIn.login("canbo.luongvantri");
        var number = receive(officer, "05983.UBND", """
                {"unit": "$UNIT", "receivedOn": "%s", "channel": "IN_PERSON", "petitionerKind": "PERSON",
                 "subject": "Khiếu nại quyết định thu hồi đất vườn", "place": "05983",
                 "persons": [{"name": "Nguyễn Văn Thông", "address": "Tổ 5, phường Lương Văn Tri", "phone": "0912333444"}]}
                """.formatted(daysAgo(12)));
        process(officer, number, """
                {"contentKind": "COMPLAINT", "field": "ADMIN_LAND", "eligible": true, "competence": "WITHIN", "handling": "ACCEPT",
                 "day": "%s"}""".formatted(daysAgo(11)));
        var matterNumber = (String) JsonPath.read(read(officer, "/api/petitions/" + number), "$.matter.number");
        var accepted = step(officer, matterNumber, """
                {"action": "ACCEPT", "day": "%s", "documentNumber": "17/TB-UBND"}""".formatted(daysAgo(10)));
        var matterId = ((Number) JsonPath.read(accepted, "$.id")).longValue();
        var dueOn = LocalDate.parse(JsonPath.read(accepted, "$.due.dueOn"));

        var text = download(officer, "/matters/" + matterId + "/notices/acceptance.docx", "thong-bao-thu-ly-");
        assertThat(text)
                .contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
                .contains("ỦY BAN NHÂN DÂN PHƯỜNG LƯƠNG VĂN TRI")
                .contains("Số: 17/TB-UBND")
                .contains("Lạng Sơn, ngày ")
                .contains("THÔNG BÁO", "Về việc thụ lý giải quyết khiếu nại")
                .contains(matterNumber, number)
                .contains("Điều 27 Luật Khiếu nại năm 2011")
                .contains(daysAgo(10).format(DAY))
                .contains("chậm nhất đến ngày " + dueOn.format(DAY))
                .contains("Luật Khiếu nại 2011, Điều 28")
                .contains("Nguyễn Văn Thông")
                .contains("Nơi nhận:", "CHỦ TỊCH");

        // another ward's officer gets the same 404 as for a matter that does not exist
        var other = signedIn.login("canbo.dongkinh");
        mvc.perform(get("/matters/" + matterId + "/notices/acceptance.docx").session(other)).andExpect(status().isNotFound());
        // an accepted matter has no refusal notice
        mvc.perform(get("/matters/" + matterId + "/notices/refusal.docx").session(officer)).andExpect(status().isNotFound());
    }

    @Test
    void theRefusalNoticeGivesTheRecordedReasonOrTheOneAsked() throws Exception {
        var officer = signedIn.login("canbo.dongkinh");
        var number = receive(officer, "05977.UBND", """
                {"unit": "$UNIT", "receivedOn": "%s", "channel": "POST", "petitionerKind": "PERSON",
                 "subject": "Khiếu nại quyết định xử phạt hành chính năm 2019", "persons": [{"name": "Lò Văn Muộn"}]}
                """.formatted(daysAgo(6)));
        process(officer, number, """
                {"contentKind": "COMPLAINT", "field": "ADMIN_OTHER", "eligible": true, "competence": "WITHIN", "handling": "ACCEPT",
                 "day": "%s"}""".formatted(daysAgo(5)));
        var matterNumber = (String) JsonPath.read(read(officer, "/api/petitions/" + number), "$.matter.number");
        var refused = step(officer, matterNumber, """
                {"action": "NOT_ACCEPT", "day": "%s", "note": "Đã hết thời hiệu khiếu nại"}""".formatted(daysAgo(4)));
        var matterId = ((Number) JsonPath.read(refused, "$.id")).longValue();

        var text = download(officer, "/matters/" + matterId + "/notices/refusal.docx", "thong-bao-khong-thu-ly-");
        assertThat(text).contains("Về việc không thụ lý giải quyết khiếu nại", "Đã hết thời hiệu khiếu nại.", matterNumber,
                "Lò Văn Muộn").containsPattern("Số: +/TB-UBND");
        var asked = download(officer, "/matters/" + matterId + "/notices/refusal.docx?reason=Không thuộc thẩm quyền",
                "thong-bao-khong-thu-ly-");
        assertThat(asked).contains("Không thuộc thẩm quyền.").doesNotContain("Đã hết thời hiệu");
        mvc.perform(get("/matters/" + matterId + "/notices/acceptance.docx").session(officer)).andExpect(status().isNotFound());
    }

    @Test
    void theForwardingSlipOfADenunciationNeverNamesTheDenouncer() throws Exception {
        var receptionist = signedIn.login("tiepdan.langson");
        var number = receive(receptionist, "20.BTCD", """
                {"unit": "$UNIT", "receivedOn": "%s", "channel": "POST", "petitionerKind": "PERSON", "declaredKind": "DENUNCIATION",
                 "subject": "Tố cáo cán bộ địa chính nhận tiền của dân",
                 "persons": [{"name": "Hoàng Thị Kín Đáo", "address": "Thôn Khuổi Kín", "phone": "0977111222"}]}
                """.formatted(daysAgo(3)));
        var officer = signedIn.login("canbo.langson");
        process(officer, number, """
                {"contentKind": "DENUNCIATION", "field": "CORRUPTION", "eligible": true, "competence": "OUTSIDE", "handling": "FORWARD",
                 "targetUnit": "20.TTR", "day": "%s"}""".formatted(daysAgo(2)));
        var petitionId = ((Number) JsonPath.read(read(officer, "/api/petitions/" + number), "$.id")).longValue();

        var text = download(officer, "/petitions/" + petitionId + "/notices/forward.docx", "phieu-chuyen-don-");
        assertThat(text)
                .contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
                .contains("UBND TỈNH LẠNG SƠN", "BAN TIẾP CÔNG DÂN")
                .contains("PHIẾU CHUYỂN ĐƠN", "Kính gửi: Thanh tra tỉnh Lạng Sơn")
                .contains(number, daysAgo(3).format(DAY), "Tố cáo cán bộ địa chính nhận tiền của dân")
                .contains("Lạng Sơn, ngày ", "giữ bí mật").containsPattern("Số: +/PC-BTCD");
        assertThat(text).doesNotContain("Hoàng Thị Kín Đáo").doesNotContain("Kín Đáo").doesNotContain("Khuổi Kín")
                .doesNotContain("0977111222").doesNotContain("***");

        // the receptionist, granted the case, is not given the name in the notice either: revealing it is audited apart
        assertThat(download(receptionist, "/petitions/" + petitionId + "/notices/forward.docx", "phieu-chuyen-don-"))
                .doesNotContain("Kín Đáo");
        // a forwarded petition has no guidance slip; a commune officer cannot read a provincial petition
        mvc.perform(get("/petitions/" + petitionId + "/notices/guide.docx").session(officer)).andExpect(status().isNotFound());
        mvc.perform(get("/petitions/" + petitionId + "/notices/forward.docx").session(signedIn.login("canbo.dongkinh")))
                .andExpect(status().isNotFound());
    }

    @Test
    void theGuidanceSlipTellsThePetitionerWhereToGo() throws Exception {
        var officer = signedIn.login("canbo.luongvantri");
        var number = receive(officer, "05983.UBND", """
                {"unit": "$UNIT", "receivedOn": "%s", "channel": "IN_PERSON", "petitionerKind": "PERSON",
                 "subject": "Khiếu nại quyết định xử phạt của Thanh tra xây dựng tỉnh",
                 "persons": [{"name": "Vy Thị Hướng", "address": "Tổ 9"}]}""".formatted(daysAgo(2)));
        process(officer, number, """
                {"contentKind": "COMPLAINT", "field": "ADMIN_LAND", "eligible": true, "competence": "OUTSIDE", "handling": "GUIDE",
                 "note": "Gửi đơn đến Chánh Thanh tra tỉnh", "day": "%s"}""".formatted(daysAgo(1)));
        var petitionId = ((Number) JsonPath.read(read(officer, "/api/petitions/" + number), "$.id")).longValue();

        var text = download(officer, "/petitions/" + petitionId + "/notices/guide.docx", "phieu-huong-dan-");
        assertThat(text).contains("PHIẾU HƯỚNG DẪN", "Vy Thị Hướng", number, "Gửi đơn đến Chánh Thanh tra tỉnh",
                "ỦY BAN NHÂN DÂN PHƯỜNG LƯƠNG VĂN TRI", daysAgo(1).getYear() + "");
        mvc.perform(get("/petitions/" + petitionId + "/notices/forward.docx").session(officer)).andExpect(status().isNotFound());
    }
}
