package vn.danvan.dialogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;
import vn.danvan.SignedInMvc;
import vn.danvan.dialogue.DialogueViews.Figures;
import vn.danvan.form.FormQuery;
import vn.danvan.form.RowKind;
import vn.danvan.orgunit.UnitLevel;

/**
 * The country's dialogue figures (V82): one row per province, each the sum of the figures DialogueQueries counts one by
 * one for the dialogues of the units on its path; the dialogue's tally of commitments that the sum reads follows every
 * change of a commitment's task in the same transaction, so the next answer shows it.
 */
@SpringBootTest
class CountryFiguresIntegrationTests {

    static final List<String> MEASURES = DialogueFiguresIntegrationTests.MEASURES;

    @Autowired
    WebApplicationContext context;
    @Autowired
    DialogueForms forms;
    @Autowired
    DialogueQueries queries;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    record Held(long id, long rowId) {
    }

    @Test
    void theCountryAnswersOneRowPerProvinceEachTheSumOfTheFiguresOfTheDialoguesOnItsPath() throws Exception {
        signIn("admin");
        var today = LocalDate.now(clock);
        // whole years up to a partial current month (V93's tally and the records), the inspection sector's years cut on
        // the 15th (partial months at both ends), and periods inside a month or across a month's end (records only)
        assertCountryRows(LocalDate.of(2016, 1, 1), today.withDayOfYear(1).plusYears(1).minusDays(1));
        for (int year = 2020; year <= today.getYear(); year++) {
            assertCountryRows(LocalDate.of(year - 1, 12, 15), LocalDate.of(year, 12, 14));
        }
        assertCountryRows(today.withDayOfMonth(1).minusMonths(2).plusDays(9), today.withDayOfMonth(1).minusMonths(1).plusDays(19));
        assertCountryRows(today.withDayOfMonth(1).minusYears(1).plusDays(4), today.withDayOfMonth(1).minusYears(1).plusDays(24));
    }

    private void assertCountryRows(LocalDate from, LocalDate to) {
        var held = jdbc.sql("""
                        select d.id, coalesce(nullif(split_part(u.path, '/', 3), '')::bigint, u.id) as row_id
                        from dialogue d join org_unit u on u.id = d.unit_id
                        where d.held_on between :from and :until""")
                .param("from", from).param("until", to.isAfter(LocalDate.now(clock)) ? LocalDate.now(clock) : to)
                .query(Held.class).list();
        if (held.isEmpty()) {
            assertThat(forms.rows(new FormQuery("test", new LinkedHashSet<>(MEASURES), Map.of(), "VN", null, from, to, null)).rows()
                    .stream().filter(r -> r.kind() == RowKind.UNIT)).as("%s–%s", from, to).isEmpty();
            return;
        }
        var figures = queries.figures(held.stream().map(Held::id).toList());
        var expected = new HashMap<Long, long[]>();
        var total = new long[MEASURES.size()];
        for (var h : held) {
            var f = figures.getOrDefault(h.id(), Figures.ZERO);
            var sum = expected.computeIfAbsent(h.rowId(), id -> new long[MEASURES.size()]);
            long[] values = {1, f.raised(), f.answered(), f.assigned(), f.resolved()};
            for (int i = 0; i < values.length; i++) {
                sum[i] += values[i];
                total[i] += values[i];
            }
        }
        var rows = forms.rows(new FormQuery("test", new LinkedHashSet<>(MEASURES), Map.of(), "VN", null, from, to, null)).rows();
        var provinces = rows.stream().filter(r -> r.kind() == RowKind.UNIT).toList();
        assertThat(provinces).hasSize(expected.size());
        for (var row : provinces) {
            var level = jdbc.sql("select level from org_unit where id = :id").param("id", row.unitId()).query(String.class).single();
            assertThat(level).as(row.label()).isEqualTo(UnitLevel.PROVINCE.name());
            var sum = expected.get(row.unitId());
            assertThat(sum).as("province %s", row.unitCode()).isNotNull();
            for (int i = 0; i < MEASURES.size(); i++) {
                assertThat(row.value(MEASURES.get(i))).as("%s of %s", MEASURES.get(i), row.label())
                        .isEqualByComparingTo(BigDecimal.valueOf(sum[i]));
            }
            // the row's drill-down lists the dialogues of the units on the province's path
            assertThat(forms.records(new FormQuery("test", java.util.Set.of(DialogueForms.HELD), Map.of(), "VN", null, from, to, null),
                    DialogueForms.HELD, row.unitCode(), 100_000)).as(row.label()).hasSizeGreaterThanOrEqualTo((int) sum[0]);
        }
        var totalRow = rows.stream().filter(r -> r.kind() == RowKind.TOTAL).findFirst().orElseThrow();
        for (int i = 0; i < MEASURES.size(); i++) {
            assertThat(totalRow.value(MEASURES.get(i))).as(MEASURES.get(i)).isEqualByComparingTo(BigDecimal.valueOf(total[i]));
        }
    }

    @Test
    void theTallyPerProvinceAndMonthIsTheSumOfItsDialoguesFigures() {
        assertThat(jdbc.sql("select count(*) from dialogue_country_tally where held > 0").query(Long.class).single()).isPositive();
        var wrong = jdbc.sql("""
                with records (month, row_id, held, raised, answered, assigned, resolved) as (
                    select cast(date_trunc('month', d.held_on) as date), coalesce(nullif(split_part(u.path, '/', 3), '')::bigint, u.id),
                           count(*), sum(coalesce(d.raised_count, d.opinions_recorded)), sum(coalesce(d.answered_count, d.opinions_answered)),
                           sum(d.commitments_assigned), sum(d.commitments_resolved)
                    from dialogue d join org_unit u on u.id = d.unit_id
                    group by 1, 2)
                select count(*)
                from records r
                full join (select * from dialogue_country_tally where held <> 0) t on t.month = r.month and t.row_id = r.row_id
                where (r.held, r.raised, r.answered, r.assigned, r.resolved)
                      is distinct from (t.held, t.raised, t.answered, t.assigned, t.resolved)""").query(Long.class).single();
        assertThat(wrong).isZero();
    }

    @Test
    void everyDialoguesTallyOfCommitmentsIsTheCountOfItsTasksNotCancelledAndDone() {
        assertThat(jdbc.sql("select count(*) from plan_task where origin_kind = 'DIALOGUE'").query(Long.class).single()).isPositive();
        var wrong = jdbc.sql("""
                        select count(*) from dialogue d
                        where d.commitments_assigned <> (select count(*) from plan_task t
                                                         where t.origin_kind = 'DIALOGUE' and t.origin_id = d.id and t.status <> 'CANCELLED')
                           or d.commitments_resolved <> (select count(*) from plan_task t
                                                         where t.origin_kind = 'DIALOGUE' and t.origin_id = d.id and t.status = 'DONE')""")
                .query(Long.class).single();
        assertThat(wrong).isZero();
    }

    @Test
    void aCommitmentAssignedAcceptedOrCancelledShowsInTheNextCountryFigures() throws Exception {
        var signedIn = new SignedInMvc(context);
        var mvc = signedIn.mvc();
        var officer = signedIn.login("canbo.luongvantri");
        var admin = signedIn.login("admin");
        var today = LocalDate.now(clock);
        var dialogue = id(mvc.perform(json(post("/api/dialogues"), officer, """
                {"title": "Đối thoại về vệ sinh môi trường", "heldOn": "%s", "startsAt": "08:00", "endsAt": "10:00",
                 "place": "Nhà văn hóa khối 3", "unit": "05983", "participants": {"PEOPLE": 40}}""".formatted(today.minusDays(3))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        var before = country(mvc, admin, today);
        var first = opinion(mvc, officer, dialogue, "Thu gom rác thải đúng giờ");
        var second = opinion(mvc, officer, dialogue, "Nạo vét mương thoát nước");
        var kept = assign(mvc, officer, dialogue, first, today.plusDays(30));
        var cancelled = assign(mvc, officer, dialogue, second, today.plusDays(30));
        var assigned = country(mvc, admin, today);
        assertThat(assigned[0] - before[0]).as("assigned").isEqualTo(2);
        assertThat(assigned[1] - before[1]).as("resolved").isZero();

        mvc.perform(json(post("/api/tasks/" + kept + "/progress"), officer, """
                {"percent": 100, "text": "Đã thu gom rác theo lịch mới."}""")).andExpect(status().is2xxSuccessful());
        mvc.perform(json(post("/api/dialogues/" + dialogue + "/opinions/" + first + "/accept"), officer,
                "{\"version\": %d}".formatted(taskVersion(kept)))).andExpect(status().isOk());
        mvc.perform(json(post("/api/tasks/" + cancelled + "/cancel"), officer, "{\"version\": %d}".formatted(taskVersion(cancelled))))
                .andExpect(status().isOk());
        var after = country(mvc, admin, today);
        assertThat(after[0] - before[0]).as("assigned, one cancelled").isEqualTo(1);
        assertThat(after[1] - before[1]).as("resolved, one accepted").isEqualTo(1);
        assertThat(jdbc.sql("select commitments_assigned || '/' || commitments_resolved from dialogue where id = :id")
                .param("id", dialogue).query(String.class).single()).isEqualTo("1/1");
    }

    /** The country's total of commitments assigned and resolved this year, through the form provider as the admin. */
    private long[] country(org.springframework.test.web.servlet.MockMvc mvc, MockHttpSession admin, LocalDate today) throws Exception {
        SecurityContextHolder.setContext((SecurityContext) admin.getAttribute("SPRING_SECURITY_CONTEXT"));
        try {
            var rows = forms.rows(new FormQuery("test", new LinkedHashSet<>(List.of(DialogueForms.ASSIGNED, DialogueForms.RESOLVED)),
                    Map.of(), "VN", null, today.withDayOfYear(1), today, null)).rows();
            var total = rows.stream().filter(r -> r.kind() == RowKind.TOTAL).findFirst().orElseThrow();
            return new long[] {total.value(DialogueForms.ASSIGNED).longValue(), total.value(DialogueForms.RESOLVED).longValue()};
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, MockHttpSession session, String body) {
        return request.session(session).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static long id(String body) {
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private long opinion(org.springframework.test.web.servlet.MockMvc mvc, MockHttpSession session, long dialogue, String topic)
            throws Exception {
        return id(mvc.perform(json(post("/api/dialogues/" + dialogue + "/opinions"), session, """
                {"speakerKind": "ANONYMOUS", "topic": "%s", "field": "ENVIRONMENT"}""".formatted(topic)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
    }

    private long assign(org.springframework.test.web.servlet.MockMvc mvc, MockHttpSession session, long dialogue, long opinion,
                        LocalDate due) throws Exception {
        return id(mvc.perform(json(post("/api/dialogues/" + dialogue + "/opinions/" + opinion + "/commitment"), session, """
                {"unit": "05983", "dueOn": "%s"}""".formatted(due)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
    }

    private int taskVersion(long taskId) {
        return jdbc.sql("select version from plan_task where id = :id").param("id", taskId).query(Integer.class).single();
    }

    private void signIn(String username) throws Exception {
        var session = new SignedInMvc(context).login(username);
        SecurityContextHolder.setContext((SecurityContext) session.getAttribute("SPRING_SECURITY_CONTEXT"));
    }
}
