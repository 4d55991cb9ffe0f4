package vn.danvan.democracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.WebApplicationContext;
import vn.danvan.SignedInMvc;
import vn.danvan.form.FormQuery;
import vn.danvan.form.RowKind;

/**
 * The country's grassroots-democracy events per province and month (V82's tally): the same counts as the records, for
 * whole months and for periods that begin or end inside a month (counted from the records there), and a write shows in
 * the next answer.
 */
@SpringBootTest
class CountryTallyIntegrationTests {

    static final List<String> EVENTS = List.of("board.sessions", "board.sessions.inspection", "board.sessions.supervision",
            "board.recommendations", "board.recommendations.answered", "disclosures.made", "community-meetings.held");

    @Autowired
    WebApplicationContext context;
    @Autowired
    DemocracyForms forms;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theTallyPerProvinceAndMonthIsTheCountOfTheRecords() {
        var wrong = jdbc.sql("""
                with records (month, measure, row_id, n) as (
                    select cast(date_trunc('month', e.day) as date), e.measure,
                           coalesce(nullif(split_part(u.path, '/', 3), '')::bigint, u.id), count(*)
                    from (select b.unit_id, a.starts_on as day, m.measure
                          from democracy_activity a join democracy_board b on b.id = a.board_id
                          cross join lateral (values ('board.sessions'), ('board.sessions.' || lower(a.kind))) m (measure)
                          union all
                          select a.unit_id, a.made_on, 'board.recommendations' from democracy_recommendation a
                          union all
                          select a.unit_id, a.answered_on, 'board.recommendations.answered' from democracy_recommendation a
                          where a.answered_on is not null
                          union all
                          select a.unit_id, a.posted_on, 'disclosures.made' from democracy_disclosure a
                          union all
                          select a.unit_id, a.held_on, 'community-meetings.held' from democracy_community_meeting a) e
                    join org_unit u on u.id = e.unit_id
                    group by 1, 2, 3)
                select count(*)
                from records r
                full join (select * from democracy_country_tally where n <> 0) t
                  on t.month = r.month and t.measure = r.measure and t.row_id = r.row_id
                where r.n is distinct from t.n""").query(Long.class).single();
        assertThat(jdbc.sql("select count(*) from democracy_country_tally").query(Long.class).single()).isPositive();
        assertThat(wrong).isZero();
    }

    @Test
    void theCountrysTotalsOverWholeAndPartialMonthsAreTheRecordsListed() throws Exception {
        signIn("admin");
        long seen = 0;
        for (var period : List.of(new LocalDate[] {LocalDate.of(2016, 1, 1), LocalDate.of(2026, 12, 31)},
                new LocalDate[] {LocalDate.of(2025, 3, 15), LocalDate.of(2026, 10, 10)},
                new LocalDate[] {LocalDate.of(2026, 2, 3), LocalDate.of(2026, 2, 20)})) {
            var query = new FormQuery("test", new LinkedHashSet<>(EVENTS), Map.of(), "VN", null, period[0], period[1], null);
            var total = forms.rows(query).rows().stream().filter(r -> r.kind() == RowKind.TOTAL).findFirst().orElseThrow();
            for (var measure : EVENTS) {
                var records = forms.records(query, measure, null, 100_000).size();
                assertThat(total.value(measure).longValue()).as(measure + " from " + period[0]).isEqualTo(records);
                seen += records;
            }
        }
        assertThat(seen).isPositive();
    }

    @Test
    void aRecommendationMadeAndAnsweredShowsInTheNextCountryFigures() throws Exception {
        var signedIn = new SignedInMvc(context);
        var officer = signedIn.login("canbo.luongvantri");
        var board = jdbc.sql("""
                        select b.id from democracy_board b join org_unit u on u.id = b.unit_id
                        where u.code = '05983' and b.kind = 'PEOPLES_INSPECTION' order by b.id limit 1""").query(Long.class).single();
        var before = yearOf2025();
        var activity = id(send(signedIn, officer, "/api/boards/" + board + "/activities", """
                {"kind": "SUPERVISION", "activityTitle": "Giám sát thu gom rác thải", "subjects": "Tổ vệ sinh môi trường",
                 "startsOn": "2025-08-12", "sentFrontOn": "2025-07-25"}"""));
        var rec = id(send(signedIn, officer, "/api/activities/" + activity + "/recommendations", """
                {"content": "Tăng tần suất thu gom rác", "addressee": "UBND phường", "madeOn": "2025-08-20"}"""));
        signedIn.mvc().perform(put("/api/recommendations/" + rec + "/answer").session(officer).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"answeredOn": "2025-09-03", "answeredBy": "Nguyễn Văn Hòa", "answeredByTitle": "Chủ tịch UBND phường",
                         "answer": "Đã tăng lên hai lần mỗi ngày", "version": 0}""")).andExpect(status().isNoContent());
        var after = yearOf2025();
        assertThat(after.get("board.sessions") - before.get("board.sessions")).isEqualTo(1);
        assertThat(after.get("board.sessions.supervision") - before.get("board.sessions.supervision")).isEqualTo(1);
        assertThat(after.get("board.recommendations") - before.get("board.recommendations")).isEqualTo(1);
        assertThat(after.get("board.recommendations.answered") - before.get("board.recommendations.answered")).isEqualTo(1);
    }

    /** The country's totals for 2025 (whole months in the past: read from the tally alone). */
    private Map<String, Long> yearOf2025() throws Exception {
        signIn("admin");
        try {
            var query = new FormQuery("test", new LinkedHashSet<>(EVENTS), Map.of(), "VN", null, LocalDate.of(2025, 1, 1),
                    LocalDate.of(2025, 12, 31), null);
            var total = forms.rows(query).rows().stream().filter(r -> r.kind() == RowKind.TOTAL).findFirst().orElseThrow();
            var result = new java.util.HashMap<String, Long>();
            EVENTS.forEach(m -> result.put(m, total.value(m).longValue()));
            return result;
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static String send(SignedInMvc signedIn, MockHttpSession user, String url, String body) throws Exception {
        var response = signedIn.mvc().perform(post(url).session(user).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
        return response.getContentAsString();
    }

    private static long id(String json) {
        return ((Number) JsonPath.read(json, "$.id")).longValue();
    }

    private void signIn(String username) throws Exception {
        var session = new SignedInMvc(context).login(username);
        SecurityContextHolder.setContext((SecurityContext) session.getAttribute("SPRING_SECURITY_CONTEXT"));
    }
}
