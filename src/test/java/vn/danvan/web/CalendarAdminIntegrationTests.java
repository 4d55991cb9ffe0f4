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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import vn.danvan.SignedInMvc;
import vn.danvan.calendar.DayUnit;
import vn.danvan.calendar.WorkingCalendar;

/** A system administrator enters an announced schedule; deadlines follow it at once. */
@SpringBootTest
class CalendarAdminIntegrationTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    WorkingCalendar calendar;

    @Autowired
    JdbcClient jdbc;

    MockMvc mvc;

    SignedInMvc signedIn;

    @BeforeEach
    void setUp() {
        signedIn = new SignedInMvc(context);
        mvc = signedIn.mvc();
    }

    @Test
    void enteringASwappedDayInAComputedYearKeepsTheComputedHolidaysAndMovesDeadlines() throws Exception {
        var admin = signedIn.login("admin");
        assertThat(calendar.isStored(2028)).isFalse();
        // Thursday 31/08/2028: made a day off before Quốc khánh (as an announced swap would)
        assertThat(calendar.due(LocalDate.of(2028, 8, 30), 1, DayUnit.WORKING).due()).isEqualTo(LocalDate.of(2028, 8, 31));
        mvc.perform(post("/admin/calendar/days").session(admin).with(csrf())
                        .param("day", "2028-08-31").param("kind", "SWAPPED_OFF").param("name", "Hoán đổi dịp Quốc khánh"))
                .andExpect(status().is3xxRedirection());

        assertThat(calendar.isStored(2028)).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2028, 1, 1))).as("computed Tết Dương lịch kept").isFalse();
        assertThat(calendar.due(LocalDate.of(2028, 8, 30), 1, DayUnit.WORKING).due()).isAfter(LocalDate.of(2028, 8, 31));
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'calendar.day-set' and entity_id = '2028-08-31'")
                .query(Long.class).single()).isEqualTo(1);

        mvc.perform(post("/admin/calendar/days/2028-08-31/remove").session(admin).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(calendar.isWorkingDay(LocalDate.of(2028, 8, 31))).isTrue();
    }

    @Test
    void aDayWithoutKindOrNameShowsTheFieldsInVietnamese() throws Exception {
        var admin = signedIn.login("admin");
        var page = mvc.perform(post("/admin/calendar/days").session(admin).with(csrf()).param("day", "2029-01-02"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("không được để trống").contains("value=\"2029-01-02\"");
    }

    @Test
    void onlyASystemAdministratorEntersSchedules() throws Exception {
        var unitAdmin = signedIn.login("quantri.langson");
        mvc.perform(get("/admin/calendar").session(unitAdmin)).andExpect(status().isNotFound());
        mvc.perform(post("/admin/calendar/days").session(unitAdmin).with(csrf())
                        .param("day", "2029-01-02").param("kind", "HOLIDAY").param("name", "Thử"))
                .andExpect(status().isNotFound());
        assertThat(calendar.isWorkingDay(LocalDate.of(2029, 1, 2))).isTrue();
    }
}
