package vn.danvan.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.WebApplicationContext;
import vn.danvan.SignedInMvc;
import vn.danvan.dialogue.DialogueViews.Figures;
import vn.danvan.form.FormQuery;
import vn.danvan.form.RowKind;

/**
 * The figures read in bulk give the same answers as the dialogue-by-dialogue reading they replaced (the oversight
 * benchmark's fixes): the form's row of each unit is the sum of DialogueQueries.figures of its dialogues, and the public
 * page's opinions and figures are those DialogueQueries reads for each dialogue on its own.
 */
@SpringBootTest
class DialogueFiguresIntegrationTests {

    static final List<String> MEASURES = List.of(DialogueForms.HELD, DialogueForms.RAISED, DialogueForms.ANSWERED, DialogueForms.ASSIGNED,
            DialogueForms.RESOLVED);

    @Autowired
    WebApplicationContext context;
    @Autowired
    DialogueForms forms;
    @Autowired
    DialogueQueries queries;
    @Autowired
    PublicAccountability accountability;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    void signIn(String username) throws Exception {
        var session = new SignedInMvc(context).login(username);
        SecurityContextHolder.setContext((SecurityContext) session.getAttribute("SPRING_SECURITY_CONTEXT"));
    }

    record Held(long id, long unitId) {
    }

    @Test
    void aProvincesFormRowOfEachUnitSumsTheFiguresOfItsDialoguesReadOneByOne() throws Exception {
        // the country's form has one row per province (CountryFiguresIntegrationTests); a province's, one per unit
        signIn("admin");
        var from = LocalDate.of(2016, 1, 1);
        var to = LocalDate.now(clock).withDayOfYear(1).plusYears(1).minusDays(1);
        var province = jdbc.sql("select id from org_unit where code = '20' and validity @> cast(:d as date)")
                .param("d", to).query(Long.class).single();
        var held = jdbc.sql("select id, unit_id from dialogue where unit_id = any(:units) and held_on between :from and :until")
                .param("units", queries.subtree(province).toArray(Long[]::new))
                .param("from", from).param("until", LocalDate.now(clock)).query(Held.class).list();
        assertThat(held).isNotEmpty();
        var figures = queries.figures(held.stream().map(Held::id).toList());
        var expected = new HashMap<Long, long[]>();
        for (var h : held) {
            var f = figures.getOrDefault(h.id(), Figures.ZERO);
            var sum = expected.computeIfAbsent(h.unitId(), id -> new long[5]);
            sum[0]++;
            sum[1] += f.raised();
            sum[2] += f.answered();
            sum[3] += f.assigned();
            sum[4] += f.resolved();
        }
        var rows = forms.rows(new FormQuery("test", Set.copyOf(MEASURES), Map.of(), "20", null, from, to, null)).rows();
        var units = rows.stream().filter(r -> r.kind() == RowKind.UNIT).toList();
        assertThat(units).hasSize(expected.size());
        for (var row : units) {
            var sum = expected.get(row.unitId());
            assertThat(sum).as("unit %s", row.unitCode()).isNotNull();
            for (int i = 0; i < MEASURES.size(); i++) {
                assertThat(row.value(MEASURES.get(i))).as("%s of %s", MEASURES.get(i), row.unitCode()).isEqualByComparingTo(BigDecimal.valueOf(sum[i]));
            }
        }
        var total = rows.stream().filter(r -> r.kind() == RowKind.TOTAL).findFirst().orElseThrow();
        assertThat(total.value(DialogueForms.HELD)).isEqualByComparingTo(BigDecimal.valueOf(held.size()));
        assertThat(total.value(DialogueForms.ASSIGNED).signum()).isPositive();
    }

    @Test
    void eachDialoguesTallyOfOpinionsIsTheCountOfItsOpinionsRecordedAndAnsweredOnTheSpot() {
        // the demo's and the other tests' opinions came through DialogueManagement, which keeps the tally (V73)
        var opinions = jdbc.sql("select count(*) from dialogue_opinion").query(Long.class).single();
        assertThat(opinions).isPositive();
        var answered = jdbc.sql("select count(*) from dialogue_opinion where answer is not null").query(Long.class).single();
        assertThat(answered).isPositive();
        var wrong = jdbc.sql("""
                        select count(*) from dialogue d
                        where d.opinions_recorded <> (select count(*) from dialogue_opinion o where o.dialogue_id = d.id)
                           or d.opinions_answered <> (select count(o.answer) from dialogue_opinion o where o.dialogue_id = d.id)""")
                .query(Long.class).single();
        assertThat(wrong).isZero();
    }

    @Test
    void thePublicPagesOpinionsAndFiguresAreThoseReadForEachDialogueOnItsOwn() {
        for (var code : List.of("05977", "20")) {
            var page = accountability.page(code, null, null, 0);
            assertThat(page.dialogues().content()).as(code).isNotEmpty();
            for (var d : page.dialogues().content()) {
                var expected = queries.opinions(d.id(), d.heldOn(), false);
                assertThat(d.opinions()).hasSize(expected.size());
                for (int i = 0; i < expected.size(); i++) {
                    var e = expected.get(i);
                    var o = d.opinions().get(i);
                    assertThat(o.ordinal()).isEqualTo(e.ordinal());
                    assertThat(o.topic()).isEqualTo(e.topic());
                    assertThat(o.answer()).isEqualTo(e.answer());
                    assertThat(o.answeredBy()).isEqualTo(e.answeredBy());
                    if (e.commitment() == null || "CANCELLED".equals(e.commitment().status())) {
                        assertThat(o.commitment()).isNull();
                    } else {
                        assertThat(o.commitment().title()).isEqualTo(e.commitment().title());
                        assertThat(o.commitment().status()).isEqualTo(PublicAccountability.publicStatus(e.commitment().status()));
                        assertThat(o.commitment().dueOn()).isEqualTo(e.commitment().dueOn());
                    }
                }
            }
            var unitId = jdbc.sql("select id from org_unit where code = :c and validity @> cast(:d as date)")
                    .param("c", code).param("d", LocalDate.now(clock)).query(Long.class).single();
            var ids = jdbc.sql("select id from dialogue where unit_id = any(:u)")
                    .param("u", queries.subtree(unitId).toArray(Long[]::new)).query(Long.class).list();
            var figures = queries.figures(ids).values().stream().reduce(Figures.ZERO, Figures::plus);
            assertThat(page.figures()).as(code).isEqualTo(figures);
            assertThat(page.tally().total()).as(code).isEqualTo(figures.assigned());
        }
    }
}
