package vn.danvan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import vn.danvan.SignedInMvc;
import org.springframework.web.context.WebApplicationContext;
import vn.danvan.orgunit.OrgUnits;

/** The audit trail: written with each change, append-only, browsed within the administrator's scope. */
@SpringBootTest
class AuditBrowserIntegrationTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    OrgUnits units;

    @Autowired
    JdbcClient jdbc;

    MockMvc mvc;

    SignedInMvc signedIn;

    @BeforeEach
    void setUp() {
        signedIn = new SignedInMvc(context);
        mvc = signedIn.mvc();
    }

    MockHttpSession login(String username, String password) throws Exception {
        return signedIn.login(username, password);
    }

    long unit(String code) {
        return units.findByCode(code, LocalDate.of(2026, 3, 1)).orElseThrow().id();
    }

    @Test
    void aUnitAdministratorSeesChangesInTheProvinceButNotThoseOfAnother() throws Exception {
        var admin = login("admin", "admin-pass-123");
        mvc.perform(post("/units/{id}/sub-units", unit("14329")).session(admin).with(csrf())
                .param("kind", "RESIDENTIAL_GROUP").param("code", "14329.AUD1").param("name", "Tổ dân phố Kiểm Tra Ninh Bình")
                .param("validFrom", "2026-03-01")).andExpect(status().is3xxRedirection());
        var langSonAdmin = login("quantri.langson", "demo-pass-123");
        mvc.perform(post("/units/{id}/sub-units", unit("05977")).session(langSonAdmin).with(csrf())
                .param("kind", "RESIDENTIAL_GROUP").param("code", "05977.AUD1").param("name", "Tổ dân phố Kiểm Tra Lạng Sơn")
                .param("validFrom", "2026-03-01")).andExpect(status().is3xxRedirection());

        var page = mvc.perform(get("/admin/audit").param("action", "orgunit.created").session(langSonAdmin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Kiểm Tra Lạng Sơn").doesNotContain("Kiểm Tra Ninh Bình");

        var everything = mvc.perform(get("/admin/audit").param("action", "orgunit.created").session(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(everything).contains("Kiểm Tra Lạng Sơn").contains("Kiểm Tra Ninh Bình");
    }

    @Test
    void anOfficerHasNoAuditBrowser() throws Exception {
        mvc.perform(get("/admin/audit").session(login("canbo.langson", "demo-pass-123"))).andExpect(status().isNotFound());
    }

    @Test
    void theAuditLogRefusesChangesAndDeletions() {
        var id = jdbc.sql("select max(id) from audit_log").query(Long.class).single();
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                jdbc.sql("update audit_log set actor = 'someone' where id = :id").param("id", id).update())
                .hasMessageContaining("append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                jdbc.sql("delete from audit_log where id = :id").param("id", id).update())
                .hasMessageContaining("append-only");
    }
}
