package vn.danvan.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import vn.danvan.SignedInMvc;

/** The document screens in both languages: list, detail with its chain, the form, citation pre-fill, errors per field. */
@SpringBootTest
class DocumentPagesIntegrationTests {

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

    /** The page's text with HTML entities decoded (Thymeleaf writes "í" in attributes as "&iacute;"). */
    static org.springframework.test.web.servlet.ResultMatcher html(org.hamcrest.Matcher<? super String> matcher) {
        return result -> org.hamcrest.MatcherAssert.assertThat(
                org.springframework.web.util.HtmlUtils.htmlUnescape(result.getResponse().getContentAsString()), matcher);
    }

    long idOf(String identifier) {
        return jdbc.sql("select id from document where identifier = :i").param("i", identifier).query(Long.class).single();
    }

    @Test
    void listsSearchesAndShowsTheChainWithDatesInVietnameseForm() throws Exception {
        var user = signedIn.login("canbo.luongvantri");
        mvc.perform(get("/documents").session(user))
                .andExpect(status().isOk())
                .andExpect(html(Matchers.containsString("href=\"/documents\"")))
                .andExpect(html(Matchers.containsString("23-QĐ/TW")))
                .andExpect(html(Matchers.containsString("30/07/2021")));
        mvc.perform(get("/documents").param("q", "quy che cong tac dan van").header("HX-Request", "true").session(user))
                .andExpect(status().isOk())
                .andExpect(html(Matchers.containsString("290-QĐ/TW")))
                .andExpect(html(Matchers.not(Matchers.containsString("<html"))));
        mvc.perform(get("/documents/" + idOf("290-QĐ/TW")).session(user))
                .andExpect(status().isOk())
                .andExpect(html(Matchers.containsString("Bị thay thế bởi")))
                .andExpect(html(Matchers.containsString("25/02/2010")))
                .andExpect(html(Matchers.containsString("Được báo cáo tại")))
                // a commune officer reads the centre's documents but may not change them
                .andExpect(html(Matchers.not(Matchers.containsString("/edit"))));
    }

    @Test
    void speaksEnglishToo() throws Exception {
        var user = signedIn.login("canbo.langson");
        mvc.perform(get("/documents/" + idOf("16/CT-TTg")).param("lang", "en").session(user))
                .andExpect(status().isOk())
                .andExpect(html(Matchers.containsString("Renewed by")))
                .andExpect(html(Matchers.containsString("Date of issue")));
    }

    @Test
    void aPastedCitationPreFillsTheForm() throws Exception {
        var user = signedIn.login("canbo.langson");
        mvc.perform(get("/documents/new").session(user)).andExpect(status().isOk())
                .andExpect(html(Matchers.containsString("hx-post=\"/documents/prefill\"")));
        mvc.perform(post("/documents/prefill").session(user).with(csrf())
                        .param("citation", "Chỉ thị số 16/CT-TTg ngày 16/5/2016 của Thủ tướng Chính phủ")
                        .param("subject", "đã gõ"))
                .andExpect(status().isOk())
                .andExpect(html(Matchers.containsString("value=\"16/CT-TTg\"")))
                .andExpect(html(Matchers.containsString("value=\"Chỉ thị\"")))
                .andExpect(html(Matchers.containsString("value=\"2016-05-16\"")))
                .andExpect(html(Matchers.containsString("value=\"Thủ tướng Chính phủ\"")))
                .andExpect(html(Matchers.containsString("value=\"đã gõ\"")));
    }

    @Test
    void badInputIsShownBesideItsFieldKeepingWhatWasTyped() throws Exception {
        var user = signedIn.login("canbo.langson");
        var owner = jdbc.sql("select home_unit_id from identity_user where username = 'canbo.langson'").query(Long.class).single();
        mvc.perform(post("/documents/new").session(user).with(csrf())
                        .param("identifier", "16/CT--TTg").param("system", "STATE").param("ownerUnitId", String.valueOf(owner))
                        .param("issuerName", "Ủy ban nhân dân tỉnh").param("issuedOn", "2026-01-05")
                        .param("subject", "Trích yếu đã gõ").param("status", "IN_FORCE"))
                .andExpect(status().isOk())
                .andExpect(html(Matchers.containsString("ký hiệu “CT--TTg” có phần trống")))
                .andExpect(html(Matchers.containsString("value=\"Trích yếu đã gõ\"")))
                .andExpect(html(Matchers.containsString("value=\"16/CT--TTg\"")));
        // a duplicate links the document that holds the identifier
        mvc.perform(post("/documents/new").session(user).with(csrf())
                        .param("identifier", "Chỉ thị số 16/CT-TTg").param("system", "STATE").param("ownerUnitId", String.valueOf(owner))
                        .param("issuerName", "Thủ tướng Chính phủ").param("issuedOn", "2016-05-16")
                        .param("subject", "Trùng").param("status", "IN_FORCE"))
                .andExpect(status().isOk())
                .andExpect(html(Matchers.containsString("href=\"/documents/" + idOf("16/CT-TTg") + "\"")));
        var saved = mvc.perform(post("/documents/new").session(user).with(csrf())
                        .param("identifier", "44/KH-UBND").param("system", "STATE").param("ownerUnitId", String.valueOf(owner))
                        .param("issuerName", "Ủy ban nhân dân tỉnh Lạng Sơn").param("issuedOn", "2026-01-05")
                        .param("subject", "Kế hoạch đăng ký qua màn hình").param("status", "IN_FORCE"))
                .andExpect(redirectedUrlPattern("/documents/*")).andReturn();
        var location = saved.getResponse().getRedirectedUrl();
        mvc.perform(post(location + "/relations").session(user).with(csrf()).param("relationKind", "IMPLEMENTS").param("target", "99/XX-YY"))
                .andExpect(status().isOk())
                .andExpect(html(Matchers.containsString("không có văn bản nào mang số, ký hiệu “99/XX-YY”")))
                .andExpect(html(Matchers.containsString("value=\"99/XX-YY\"")));
        mvc.perform(post(location + "/relations").session(user).with(csrf()).param("relationKind", "IMPLEMENTS").param("target", "16/CT-TTg"))
                .andExpect(redirectedUrlPattern("/documents/*"));
        mvc.perform(get(location).session(user)).andExpect(html(Matchers.containsString("Triển khai thực hiện")));
        assertThat(location).startsWith("/documents/");
        // edited with the version read; then marked abolished instead of deleted once another document implements it
        mvc.perform(get(location + "/edit").session(user)).andExpect(status().isOk())
                .andExpect(html(Matchers.containsString("value=\"44/KH-UBND\"")));
        mvc.perform(post(location + "/edit").session(user).with(csrf())
                        .param("identifier", "44/KH-UBND").param("system", "STATE").param("ownerUnitId", String.valueOf(owner))
                        .param("issuerName", "Ủy ban nhân dân tỉnh Lạng Sơn").param("issuedOn", "2026-01-05")
                        .param("subject", "Kế hoạch (đã sửa)").param("status", "IN_FORCE").param("version", "0"))
                .andExpect(redirectedUrlPattern("/documents/*"));
        var implementing = jdbc.sql("select id from document where subject = 'Kế hoạch đăng ký qua màn hình'").query(Long.class).list();
        assertThat(implementing).isEmpty();
        mvc.perform(post("/documents/new").session(user).with(csrf())
                        .param("system", "STATE").param("kindName", "Báo cáo").param("ownerUnitId", String.valueOf(owner))
                        .param("issuerName", "Ủy ban nhân dân tỉnh Lạng Sơn").param("issuedOn", "2026-02-05")
                        .param("subject", "Báo cáo thực hiện kế hoạch 44").param("status", "IN_FORCE"))
                .andExpect(redirectedUrlPattern("/documents/*"));
        var report = jdbc.sql("select id from document where subject = 'Báo cáo thực hiện kế hoạch 44'").query(Long.class).single();
        mvc.perform(post("/documents/" + report + "/relations").session(user).with(csrf()).param("relationKind", "REPORTS_ON")
                .param("target", "44/KH-UBND")).andExpect(redirectedUrlPattern("/documents/*"));
        mvc.perform(post(location + "/delete").session(user).with(csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(location))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("flashError", Matchers.containsString("không xóa được")));
        mvc.perform(post(location + "/status").session(user).with(csrf()).param("status", "ABOLISHED"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(location));
        mvc.perform(get(location).session(user))
                .andExpect(html(Matchers.containsString("Kế hoạch (đã sửa)")))
                .andExpect(html(Matchers.containsString("Bị bãi bỏ")));
    }
}
