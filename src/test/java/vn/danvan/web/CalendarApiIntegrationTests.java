package vn.danvan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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

/** The date calculator over the API and as a page, on the schedules loaded at first start. */
@SpringBootTest
class CalendarApiIntegrationTests {

    @Autowired
    org.springframework.web.context.WebApplicationContext context;

    MockMvc mvc;

    MockHttpSession session;

    @BeforeEach
    void logIn() throws Exception {
        var signedIn = new SignedInMvc(context);
        mvc = signedIn.mvc();
        session = signedIn.login("tiepdan.langson");
    }

    @Test
    void dueDatesSkipTetInWorkingDaysAndRollForwardInCalendarDays() throws Exception {
        mvc.perform(get("/api/calendar/due").param("from", "2026-02-13").param("days", "1").param("unit", "WORKING").session(session))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.due").value("2026-02-23"))
                .andExpect(jsonPath("$.skipped.length()").value(5));
        mvc.perform(get("/api/calendar/due").param("from", "2026-02-06").param("days", "10").param("unit", "CALENDAR").session(session))
                .andExpect(jsonPath("$.due").value("2026-02-23"));
    }

    @Test
    void badInputNamesTheFieldInVietnamese() throws Exception {
        mvc.perform(get("/api/calendar/due").param("from", "2026-02-13").param("days", "-3").session(session))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("days"))
                .andExpect(jsonPath("$.detail").value(Matchers.equalTo("Số ngày: phải từ 0 đến 10.000")));
        mvc.perform(get("/api/calendar/due").param("from", "13/02/2026").param("days", "3").session(session))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
        mvc.perform(get("/api/calendar/due").param("from", "2026-02-13").param("days", "3").param("unit", "WEEKS").session(session))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("unit"));
    }

    @Test
    void aYearNotAnnouncedIsComputedWithTheVietnameseTet() throws Exception {
        mvc.perform(get("/api/calendar/days-off").param("year", "2030").session(session))
                .andExpect(jsonPath("$.stored").value(false))
                .andExpect(jsonPath("$.days[*].day", Matchers.hasItems("2030-02-01", "2030-02-02", "2030-02-05")));
        mvc.perform(get("/api/calendar/days-off").param("year", "2026").session(session))
                .andExpect(jsonPath("$.stored").value(true))
                .andExpect(jsonPath("$.days[*].day", Matchers.hasItem("2026-01-10")))
                .andExpect(jsonPath("$.days[*].day", Matchers.not(Matchers.hasItem("2026-11-24"))));
    }

    @Test
    void theCalculatorPageShowsTheDueDateAndTheDaysSkipped() throws Exception {
        var page = mvc.perform(get("/calendar").param("from", "2026-02-13").param("days", "1").param("unit", "WORKING").session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("23/02/2026").contains("Tết Âm lịch Bính Ngọ").contains("Lịch nghỉ năm 2026");
    }

    @Test
    void aDeadlineByRuleSaysWhichVersionOfTheLawProducedIt() throws Exception {
        mvc.perform(get("/api/calendar/deadline").param("rule", "C2").param("start", "2026-06-30").session(session))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.due").value("2026-07-30"))
                .andExpect(jsonPath("$.ruleVersion").value(1));
        mvc.perform(get("/api/calendar/deadline").param("rule", "C2").param("start", "2026-07-01").session(session))
                .andExpect(jsonPath("$.ruleVersion").value(2));
        mvc.perform(get("/api/calendar/deadline").param("rule", "D4").param("start", "2026-08-03")
                        .param("complexity", "ESPECIALLY_COMPLEX").param("extensions", "3").session(session))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("extensions"));
        mvc.perform(get("/api/calendar/rules").session(session))
                .andExpect(jsonPath("$[?(@.code == 'C2')].version").value(Matchers.contains(1, 2)));
    }

    @Test
    void onlyASystemAdministratorAddsARuleVersion() throws Exception {
        var csrf = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();
        var post = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/calendar/rules/versions")
                .param("code", "R1").param("effectiveFrom", "2030-01-01").param("days", "15").param("unit", "CALENDAR")
                .param("source", "Quy định thử nghiệm");
        mvc.perform(post.session(new SignedInMvc(context).login("canbo.langson")).with(csrf)).andExpect(status().isNotFound());
        var admin = new SignedInMvc(context).login("admin");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/calendar/rules/versions")
                        .param("code", "R1").param("effectiveFrom", "2019-01-01").param("days", "0").param("unit", "CALENDAR")
                        .session(admin).with(csrf))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(Matchers.containsString("phải từ 1 đến 3650 ngày")));
        mvc.perform(post.session(admin).with(csrf)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/calendar/deadline").param("rule", "R1").param("start", "2030-03-01").session(session))
                .andExpect(jsonPath("$.ruleVersion").value(2))
                .andExpect(jsonPath("$.days").value(15));
        mvc.perform(get("/calendar/rules").session(session)).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(Matchers.containsString("Quy định thử nghiệm")));
    }
}
