package vn.danvan.exemplar;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.context.WebApplicationContext;
import vn.danvan.SignedInMvc;
import vn.danvan.form.FormProvider;
import vn.danvan.form.FormQuery;
import vn.danvan.form.FormRecord;
import vn.danvan.form.FormRows;
import vn.danvan.form.FormSpan;
import vn.danvan.form.PeriodCut;
import vn.danvan.form.ReportPeriod;

/**
 * The registry's bulk path (one grouped statement for registrations, one for recognitions, over every period) gives exactly the answer of asking
 * {@link FormProvider#rows} once per period — for a province and for the country, for quarters, a year and the same
 * periods a year before, with every measure.
 */
@SpringBootTest
class ExemplarFormsBulkIntegrationTests {

    @Autowired
    WebApplicationContext context;
    @Autowired
    ExemplarForms forms;
    @Autowired
    Clock clock;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** The provider with only the interface's default bulk path: one {@code rows} call per span. */
    FormProvider oneByOne() {
        return new FormProvider() {
            public String name() {
                return forms.name();
            }

            public java.util.Set<String> measures() {
                return forms.measures();
            }

            public FormRows rows(FormQuery query) {
                return forms.rows(query);
            }

            public List<FormRecord> records(FormQuery query, String measure, String rowUnitCode, int limit) {
                return forms.records(query, measure, rowUnitCode, limit);
            }
        };
    }

    List<FormSpan> spans() {
        var year = LocalDate.now(clock).getYear();
        var spans = new ArrayList<FormSpan>();
        for (var y : List.of(year - 1, year)) {
            for (int q = 1; q <= 4; q++) {
                var p = new ReportPeriod(ReportPeriod.Kind.QUARTER, y, q, PeriodCut.CALENDAR);
                spans.add(new FormSpan(p.from(), p.to()));
            }
            var p = ReportPeriod.year(y, PeriodCut.INSPECTION);
            spans.add(new FormSpan(p.from(), p.to()));
        }
        return spans;
    }

    void signIn(String username) throws Exception {
        var session = new SignedInMvc(context).login(username);
        SecurityContextHolder.setContext((SecurityContext) session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY));
    }

    /** The same rows, whatever their order (the registry's lists put units in the order the statement returns them). */
    static void sameAnswer(Map<FormSpan, FormRows> bulk, Map<FormSpan, FormRows> expected) {
        assertThat(bulk.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((span, rows) -> {
            var got = bulk.get(span);
            assertThat(got.unitCode()).isEqualTo(rows.unitCode());
            assertThat(got.unitName()).isEqualTo(rows.unitName());
            assertThat(got.rows().get(0)).as("total of %s", span).isEqualTo(rows.rows().get(0));
            assertThat(got.rows()).as("rows of %s", span).containsExactlyInAnyOrderElementsOf(rows.rows());
        });
    }

    @Test
    void theBulkPathGivesExactlyTheAnswerOfOneQuestionPerPeriodForAProvince() throws Exception {
        signIn("lanhdao.langson");
        var query = new FormQuery("bulk", forms.measures(), Map.of(), "20", null, null, null, SecurityContextHolder.getContext().getAuthentication());
        var spans = spans();
        var bulk = forms.rowsBySpan(query.during(spans.get(0)), spans);
        sameAnswer(bulk, oneByOne().rowsBySpan(query.during(spans.get(0)), spans));
        var counted = bulk.values().stream().map(r -> r.rows().get(0).value("exemplars.registered")).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(counted).as("the demo's models are counted").isPositive();
    }

    @Test
    void theBulkPathGivesExactlyTheAnswerOfOneQuestionPerPeriodForTheCountry() throws Exception {
        signIn("admin");
        var query = new FormQuery("bulk", forms.measures(), Map.of(), null, null, null, null, SecurityContextHolder.getContext().getAuthentication());
        var spans = spans();
        sameAnswer(forms.rowsBySpan(query.during(spans.get(0)), spans), oneByOne().rowsBySpan(query.during(spans.get(0)), spans));
    }

    @Test
    void onlyTheMeasuresAskedAreCounted() throws Exception {
        signIn("lanhdao.langson");
        var query = new FormQuery("bulk", java.util.Set.of("exemplars.recognised.typical"), Map.of(), "20", null, null, null,
                SecurityContextHolder.getContext().getAuthentication());
        var spans = spans();
        var bulk = forms.rowsBySpan(query.during(spans.get(0)), spans);
        sameAnswer(bulk, oneByOne().rowsBySpan(query.during(spans.get(0)), spans));
        bulk.values().forEach(rows -> rows.rows().forEach(r -> assertThat(r.values().keySet()).isSubsetOf("exemplars.recognised.typical")));
    }
}
