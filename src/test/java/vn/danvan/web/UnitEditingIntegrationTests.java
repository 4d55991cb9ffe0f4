package vn.danvan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import vn.danvan.SignedInMvc;
import org.springframework.web.context.WebApplicationContext;
import vn.danvan.orgunit.OrgUnits;

/** Unit administrators keep bodies and residential areas of their own units, and nobody else's. */
@SpringBootTest
class UnitEditingIntegrationTests {

    static final LocalDate DAY = LocalDate.of(2026, 3, 1);

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

    MockHttpSession login(String username) throws Exception {
        return signedIn.login(username);
    }

    long unit(String code) {
        return units.findByCode(code, DAY).orElseThrow().id();
    }

    @Test
    void aUnitAdministratorAddsAResidentialGroupUnderACommuneOfTheProvince() throws Exception {
        var admin = login("quantri.langson");
        mvc.perform(post("/units/{id}/sub-units", unit("05983")).session(admin).with(csrf())
                        .param("kind", "RESIDENTIAL_GROUP").param("code", "05983.TDP07").param("name", "Tổ dân phố số 7")
                        .param("validFrom", "2026-03-01"))
                .andExpect(status().is3xxRedirection());
        var added = units.findByCode("05983.TDP07", DAY).orElseThrow();
        assertThat(added.name()).isEqualTo("Tổ dân phố số 7");
        assertThat(units.get(added.parentId(), DAY).code()).isEqualTo("05983");
        assertThat(jdbc.sql("select actor from audit_log where action = 'orgunit.created' and entity_id = :id")
                .param("id", String.valueOf(added.id())).query(String.class).single()).isEqualTo("quantri.langson");
    }

    @Test
    void anInvalidSubUnitShowsEveryFieldInVietnameseAndKeepsWhatWasTyped() throws Exception {
        var admin = login("quantri.langson");
        var page = mvc.perform(post("/units/{id}/sub-units", unit("05983")).session(admin).with(csrf())
                        .param("kind", "WARD").param("code", "05983.TDP01").param("name", "Phường Mới")
                        .param("validFrom", "2026-03-01"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var renameForm = mvc.perform(get("/units/{id}/rename", unit("05983.UBND")).session(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(renameForm).contains("phường Lương Văn Tri\"").contains("Lưu").contains("Hủy");
        assertThat(page).contains("đơn vị hành chính chính thức chỉ thay đổi qua danh mục")
                .contains("mã 05983.TDP01 đã thuộc một đơn vị khác")
                .contains("value=\"Phường Mới\"");
    }

    @Test
    void anOfficerAndAnotherProvincesAdministratorAreToldTheFormDoesNotExist() throws Exception {
        var officer = login("canbo.luongvantri");
        mvc.perform(get("/units/{id}/sub-units/new", unit("05983")).session(officer)).andExpect(status().isNotFound());
        var admin = login("quantri.langson");
        mvc.perform(get("/units/{id}/sub-units/new", unit("14329")).session(admin)).andExpect(status().isNotFound());
        mvc.perform(post("/api/units").session(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"parentCode":"14329","code":"14329.TDP09","kind":"RESIDENTIAL_GROUP","name":"Tổ 9","validFrom":"2026-03-01"}"""))
                .andExpect(status().isNotFound());
        assertThat(units.findByCode("14329.TDP09", DAY)).isEmpty();
    }

    @Test
    void overTheApiABodyIsRenamedFromADayAndKeepsItsEarlierName() throws Exception {
        var admin = login("quantri.langson");
        mvc.perform(post("/api/units").session(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"parentCode":"05977.UBND","code":"05977.TCD2","kind":"CITIZEN_RECEPTION_OFFICE","name":"Tổ tiếp dân lưu động","validFrom":"2026-01-01"}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.level").value("COMMUNE"));
        mvc.perform(post("/api/units/05977.TCD2/rename").session(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"Tổ tiếp công dân lưu động","validFrom":"2026-06-01"}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Tổ tiếp công dân lưu động"));
        assertThat(units.findByCode("05977.TCD2", LocalDate.of(2026, 5, 31)).orElseThrow().name()).isEqualTo("Tổ tiếp dân lưu động");
        mvc.perform(post("/api/units/05977/rename").session(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"Phường Kinh Đông","validFrom":"2026-06-01"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
    }

    @Test
    void aSubUnitNamedAsASiblingInTheOtherTonePlacementIsADuplicate() throws Exception {
        var admin = login("quantri.langson");
        mvc.perform(post("/units/{id}/sub-units", unit("05977")).session(admin).with(csrf())
                        .param("kind", "RESIDENTIAL_GROUP").param("code", "05977.HOA1").param("name", "Tổ dân phố Hòa Bình")
                        .param("validFrom", "2026-03-01"))
                .andExpect(status().is3xxRedirection());
        var page = mvc.perform(post("/units/{id}/sub-units", unit("05977")).session(admin).with(csrf())
                        .param("kind", "RESIDENTIAL_GROUP").param("code", "05977.HOA2").param("name", "Tổ dân phố Hoà Bình")
                        .param("validFrom", "2026-03-01"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("đã có đơn vị trực thuộc tên");
        assertThat(units.findByCode("05977.HOA2", DAY)).isEmpty();
    }
}
