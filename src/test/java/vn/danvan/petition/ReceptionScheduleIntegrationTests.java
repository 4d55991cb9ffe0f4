package vn.danvan.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.WebApplicationContext;
import vn.danvan.SignedInMvc;

/**
 * The heads' published reception schedule: the demo publishes the coming sessions of each demo body's head (a commune's
 * chair twice a month, as the law asks from 1/7/2026; a province's once), and the reception page lists them ahead.
 */
@SpringBootTest
class ReceptionScheduleIntegrationTests {

    @Autowired
    WebApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    record Ahead(String unit, LocalDate heldOn, String host, boolean scheduled) {
    }

    @Test
    void theDemoPublishesEachBodysHeadSessionsAheadAndTheReceptionPageListsThem() throws Exception {
        var today = LocalDate.now(clock);
        var ahead = jdbc.sql("""
                        select u.code as unit, s.held_on, s.host, s.scheduled
                        from petition_session s join org_unit u on u.id = s.unit_id
                        where s.held_on > :today and s.created_by = 'system' order by s.held_on""")
                .param("today", today).query(Ahead.class).list();
        assertThat(ahead).allMatch(a -> a.scheduled() && a.host().equals("HEAD"));
        assertThat(ahead.stream().filter(a -> a.unit().equals("05983.UBND"))).as("a ward's chair: twice in the coming month")
                .hasSize(2).allMatch(a -> !a.heldOn().isAfter(today.plusDays(31)));
        assertThat(ahead.stream().filter(a -> a.unit().equals("20.BTCD"))).as("a province body's head: once").hasSize(1);

        var signedIn = new SignedInMvc(context);
        var page = signedIn.mvc().perform(get("/reception").session(signedIn.login("canbo.luongvantri")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var schedule = page.substring(page.indexOf("Lịch tiếp công dân"), page.indexOf("Các buổi tiếp"));
        var first = ahead.stream().filter(a -> a.unit().equals("05983.UBND")).findFirst().orElseThrow();
        var day = first.heldOn().format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        assertThat(schedule).contains(day, "Chủ tịch").doesNotContain("(không có)");
        assertThat(page.substring(page.indexOf("Các buổi tiếp"))).as("the sessions held do not repeat the schedule")
                .doesNotContain(day);
    }
}
