package vn.danvan.petition;

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
 * Petition's bulk path (one grouped statement per source over every period) gives exactly the answer of asking
 * {@link FormProvider#rows} once per period — for a province and for the country, for quarters, a year and the same
 * periods a year before, with every measure, including those whose period conditions read carried-over records.
 */
@SpringBootTest
class PetitionFormsBulkIntegrationTests {

    @Autowired
    WebApplicationContext context;
    @Autowired
    PetitionForms forms;
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

    @Test
    void theBulkPathGivesExactlyTheAnswerOfOneQuestionPerPeriodForAProvince() throws Exception {
        signIn("lanhdao.langson");
        var query = new FormQuery("bulk", forms.measures(), Map.of(), "20", null, null, null, SecurityContextHolder.getContext().getAuthentication());
        var first = spans().get(0);
        var bulk = forms.rowsBySpan(query.during(first), spans());
        var expected = oneByOne().rowsBySpan(query.during(first), spans());
        assertThat(bulk.keySet()).containsExactlyElementsOf(expected.keySet());
        assertThat(bulk).isEqualTo(expected);
        var counted = bulk.values().stream().map(r -> r.rows().get(0).value("visits.total")).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(counted).as("the demo's visits are counted").isPositive();
    }

    @Test
    void theBulkPathGivesExactlyTheAnswerOfOneQuestionPerPeriodForTheCountryWithAContentKind() throws Exception {
        signIn("admin");
        var query = new FormQuery("bulk", forms.measures(), Map.of("contentKinds", "COMPLAINT"), null, null, null, null,
                SecurityContextHolder.getContext().getAuthentication());
        var root = new vn.danvan.form.FormQuery("bulk", forms.measures(), Map.of(), null, null, null, null, query.user());
        var spans = spans();
        for (var q : List.of(query, root)) {
            var bulk = forms.rowsBySpan(q.during(spans.get(0)), spans);
            assertThat(bulk).isEqualTo(oneByOne().rowsBySpan(q.during(spans.get(0)), spans));
        }
    }
}
