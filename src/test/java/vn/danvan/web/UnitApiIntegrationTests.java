package vn.danvan.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import vn.danvan.SignedInMvc;
import org.springframework.web.context.WebApplicationContext;

/** /api/units as a script sees it: logged in through /login, counts, successors, problem details. */
@SpringBootTest
class UnitApiIntegrationTests {

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;

    MockHttpSession session;

    @BeforeEach
    void logIn() throws Exception {
        var signedIn = new SignedInMvc(context);
        mvc = signedIn.mvc();
        session = signedIn.login("canbo.dongkinh");
    }

    @Test
    void listsThe34ProvincesAnd3321CommunesValidOnReformDay() throws Exception {
        mvc.perform(get("/api/units").param("level", "PROVINCE").param("validOn", "2025-07-01").session(session))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(34))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(50))
                .andExpect(jsonPath("$.content.length()").value(34));
        mvc.perform(get("/api/units").param("level", "COMMUNE").param("validOn", "2025-07-01").param("size", "10").session(session))
                .andExpect(jsonPath("$.totalElements").value(3321))
                .andExpect(jsonPath("$.content.length()").value(10));
    }

    @Test
    void lists63Provinces696DistrictsAnd10035CommunesTheDayBefore() throws Exception {
        for (var expected : new Object[][] {{"PROVINCE", 63}, {"DISTRICT", 696}, {"COMMUNE", 10035}}) {
            mvc.perform(get("/api/units").param("level", (String) expected[0]).param("validOn", "2025-06-30").session(session))
                    .andExpect(jsonPath("$.totalElements").value(expected[1]));
        }
    }

    @Test
    void bodiesAreListedByKindNotByLevel() throws Exception {
        mvc.perform(get("/api/units").param("kind", "PEOPLES_COMMITTEE").param("validOn", "2026-01-01").param("q", "lang son").session(session))
                .andExpect(jsonPath("$.content[*].name", Matchers.hasItem("Ủy ban nhân dân tỉnh Lạng Sơn")));
        mvc.perform(get("/api/units").param("level", "PROVINCE").param("validOn", "2026-01-01").param("size", "100").session(session))
                .andExpect(jsonPath("$.content[*].category", Matchers.everyItem(Matchers.is("AREA"))));
    }

    @Test
    void aCodeIsReadAsOfTheDayTheRequestNames() throws Exception {
        mvc.perform(get("/api/units/19").param("on", "2025-06-30").session(session))
                .andExpect(jsonPath("$.name").value("Tỉnh Thái Nguyên"))
                .andExpect(jsonPath("$.validTo").value("2025-06-30"));
        mvc.perform(get("/api/units/19").param("on", "2025-07-01").session(session))
                .andExpect(jsonPath("$.validFrom").value("2025-07-01"))
                .andExpect(jsonPath("$.validTo").doesNotExist());
        mvc.perform(get("/api/units/06").param("on", "2025-07-01").session(session))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value("Không tìm thấy đơn vị 06."));
    }

    @Test
    void successorsFollowTheContractShape() throws Exception {
        mvc.perform(get("/api/units/06/successors").param("on", "2026-01-01").session(session))
                .andExpect(jsonPath("$.unit.code").value("06"))
                .andExpect(jsonPath("$.unit.name").value("Tỉnh Bắc Kạn"))
                .andExpect(jsonPath("$.on").value("2026-01-01"))
                .andExpect(jsonPath("$.successors.length()").value(1))
                .andExpect(jsonPath("$.successors[0].code").value("19"))
                .andExpect(jsonPath("$.successors[0].validFrom").value("2025-07-01"));
        mvc.perform(get("/api/units/19/successors").param("on", "2025-07-01").session(session))
                .andExpect(jsonPath("$.unit.validTo").value("2025-06-30"));
        mvc.perform(get("/api/units/19/successors").param("on", "2025-07-01").param("held", "2025-07-01").session(session))
                .andExpect(jsonPath("$.unit.validFrom").value("2025-07-01"))
                .andExpect(jsonPath("$.successors[0].code").value("19"));
    }

    @Test
    void badInputIsAProblemDetailNamingTheFieldInVietnamese() throws Exception {
        mvc.perform(get("/api/units").param("level", "TINH").session(session))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(Matchers.startsWith("Cấp: giá trị \"TINH\" không hợp lệ")))
                .andExpect(jsonPath("$.errors[0].field").value("level"));
        mvc.perform(get("/api/units/20").param("on", "31/02/2026").session(session))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("on"));
        mvc.perform(get("/api/units").param("size", "0").session(session))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
    }

    @Test
    void anAnonymousScriptGets401AndAnAnonymousBrowserIsSentToLogin() throws Exception {
        mvc.perform(get("/api/units"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/units"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", Matchers.endsWith("/login")));
    }

    @Test
    void healthAndApiDocsAreOpen() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/units/{code}/successors']").exists());
    }

    @Test
    void everyPagePublishesTheCsrfTokenForScripts() throws Exception {
        mvc.perform(get("/units").session(session))
                .andExpect(content().string(Matchers.containsString("<meta name=\"_csrf\"")))
                .andExpect(content().string(Matchers.containsString("<meta name=\"_csrf_header\"")));
    }

    @Test
    void historyShowsDatedVersionsAndLinksAndSubtreeTheBodiesBelow() throws Exception {
        mvc.perform(get("/api/units/75/history").param("on", "2026-05-01").session(session))
                .andExpect(jsonPath("$.unit.name").value("Thành phố Đồng Nai"))
                .andExpect(jsonPath("$.versions[0].name").value("Tỉnh Đồng Nai"))
                .andExpect(jsonPath("$.versions[1].change").value("UPGRADED"))
                .andExpect(jsonPath("$.versions[1].validFrom").value("2026-04-30"));
        mvc.perform(get("/api/units/06/history").param("on", "2025-06-30").session(session))
                .andExpect(jsonPath("$.successors[0].unit.code").value("19"))
                .andExpect(jsonPath("$.successors[0].kind").value("MERGED"))
                .andExpect(jsonPath("$.carriersToday[0].name").value("Tỉnh Thái Nguyên"));
        mvc.perform(get("/api/units/05983/subtree").param("on", "2026-01-01").session(session))
                .andExpect(jsonPath("$[0].code").value("05983"))
                .andExpect(jsonPath("$[*].code", Matchers.hasItems("05983.UBND", "05983.TCD", "05983.TDP01")));
    }
}
