package vn.danvan.democracy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.WebApplicationContext;
import vn.danvan.SignedInMvc;
import vn.danvan.form.FormQuery;
import vn.danvan.form.RowKind;

/**
 * The grassroots-democracy form names its rows in one read (the oversight benchmark's fix) exactly as it named them
 * commune by commune before: each unit as Communes.find names it; and for the country, counted without searching the
 * subtree's ids, each measure's total is the number of records listed through the ids.
 */
@SpringBootTest
class DemocracyFormLabelsIntegrationTests {

    @Autowired
    WebApplicationContext context;
    @Autowired
    DemocracyForms forms;
    @Autowired
    Communes communes;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theCountrysRowsNameEachCommuneAsCommunesFindNamesIt() throws Exception {
        var session = new SignedInMvc(context).login("admin");
        SecurityContextHolder.setContext((SecurityContext) session.getAttribute("SPRING_SECURITY_CONTEXT"));
        var rows = forms.rows(new FormQuery("test", Set.of("board.sessions", "disclosures.made", "community-meetings.held",
                "board.recommendations"), Map.of(), "VN", null, LocalDate.of(2016, 1, 1), LocalDate.of(2026, 12, 31), null)).rows();
        var units = rows.stream().filter(r -> r.kind() == RowKind.UNIT).toList();
        assertThat(units).isNotEmpty();
        for (var row : units) {
            var unit = communes.find(row.unitId()).orElseThrow();
            assertThat(row.unitCode()).isEqualTo(unit.code());
            assertThat(row.label()).isEqualTo(unit.name());
        }
    }

    @Test
    void theCountrysTotalOfEachEventIsTheNumberOfItsRecordsFoundThroughTheSubtree() throws Exception {
        var session = new SignedInMvc(context).login("admin");
        SecurityContextHolder.setContext((SecurityContext) session.getAttribute("SPRING_SECURITY_CONTEXT"));
        long seen = 0;
        for (var measure : java.util.List.of("board.sessions", "board.sessions.inspection", "board.sessions.supervision",
                "board.recommendations", "board.recommendations.answered", "disclosures.made", "community-meetings.held")) {
            var query = new FormQuery("test", Set.of(measure), Map.of(), "VN", null, LocalDate.of(2016, 1, 1), LocalDate.of(2026, 12, 31), null);
            var total = forms.rows(query).rows().stream().filter(r -> r.kind() == RowKind.TOTAL).findFirst().orElseThrow().value(measure);
            var records = forms.records(query, measure, null, 100_000);
            assertThat(total.longValue()).as(measure).isEqualTo(records.size());
            seen += records.size();
        }
        assertThat(seen).isPositive();
    }
}
