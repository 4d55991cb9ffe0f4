package vn.danvan.democracy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
import vn.danvan.orgunit.UnitLevel;

/**
 * The grassroots-democracy form for the country: one row per province (named as Communes.find names it), each the
 * number of records on the province's path and, for the disclosures due and outstanding, the province's own form's
 * total; counted without searching the subtree's ids, each measure's total is the number of records listed through the ids.
 */
@SpringBootTest
class DemocracyFormLabelsIntegrationTests {

    @Autowired
    WebApplicationContext context;
    @Autowired
    DemocracyForms forms;
    @Autowired
    Communes communes;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void everyBoardRecommendationCarriesTheCommuneOfItsBoardThatTheCountrysCountsRead() {
        // the demo's and the other tests' recommendations came through BoardActivities (V82 filled the older ones)
        assertThat(jdbc.sql("select count(*) from democracy_recommendation").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("""
                select count(*) from democracy_recommendation r
                join democracy_activity a on a.id = r.activity_id
                join democracy_board b on b.id = a.board_id
                where r.unit_id <> b.unit_id""").query(Long.class).single()).isZero();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theCountryAnswersOneRowPerProvinceEachTheSumOfTheRecordsOnItsPath() throws Exception {
        signIn();
        var measures = List.of("board.sessions", "board.sessions.inspection", "board.sessions.supervision", "board.recommendations",
                "board.recommendations.answered", "disclosures.made", "community-meetings.held");
        // 2016–2026: the records of communes before and after the 2025 reform (merged provinces keep their own rows)
        var query = new FormQuery("test", new LinkedHashSet<>(measures), Map.of(), "VN", null, LocalDate.of(2016, 1, 1),
                LocalDate.of(2026, 12, 31), null);
        var rows = forms.rows(query).rows();
        var provinces = rows.stream().filter(r -> r.kind() == RowKind.UNIT).toList();
        assertThat(provinces).isNotEmpty();
        var codes = provinces.stream().collect(Collectors.groupingBy(r -> r.unitCode(), Collectors.counting()));
        var checked = 0;
        for (var row : provinces) {
            var unit = communes.find(row.unitId()).orElseThrow();
            assertThat(unit.level()).as(row.label()).isEqualTo(UnitLevel.PROVINCE);
            assertThat(row.unitCode()).isEqualTo(unit.code());
            if (codes.get(row.unitCode()) > 1) {
                continue; // a code two rows share (an old and a new province) names one of them in a drill-down
            }
            for (var measure : measures) {
                var value = row.value(measure) == null ? 0 : row.value(measure).longValue();
                assertThat(value).as(row.label() + " " + measure)
                        .isEqualTo(forms.records(query, measure, row.unitCode(), 100_000).size());
                checked += value;
            }
        }
        assertThat(checked).isPositive();
    }

    @Test
    void theCountrysDisclosuresDueAndOutstandingPerProvinceAreThoseOfTheProvincesOwnForm() throws Exception {
        signIn();
        var measures = new LinkedHashSet<>(List.of("disclosures.due", "disclosures.outstanding"));
        for (var period : List.of(new LocalDate[] {LocalDate.of(2026, 1, 1), LocalDate.of(2026, 9, 30)},
                new LocalDate[] {LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)})) {
            var country = forms.rows(new FormQuery("test", measures, Map.of(), "VN", null, period[0], period[1], null)).rows();
            var provinces = country.stream().filter(r -> r.kind() == RowKind.UNIT).toList();
            assertThat(provinces).as("provinces owing in " + period[0]).isNotEmpty();
            long due = 0;
            for (var row : provinces) {
                var own = forms.rows(new FormQuery("test", measures, Map.of(), null, row.unitId(), period[0], period[1], null)).rows()
                        .stream().filter(r -> r.kind() == RowKind.TOTAL).findFirst().orElseThrow();
                for (var measure : measures) {
                    assertThat(row.value(measure) == null ? 0 : row.value(measure).longValue()).as(row.label() + " " + measure + " " + period[0])
                            .isEqualTo(own.value(measure).longValue());
                }
                due += row.value("disclosures.due").longValue();
            }
            var total = country.stream().filter(r -> r.kind() == RowKind.TOTAL).findFirst().orElseThrow();
            assertThat(total.value("disclosures.due").longValue()).isEqualTo(due);
            if (period[0].getYear() == 2026) {
                // the demo's communes disclosed some of 2026's items: the outstanding are fewer than the due
                assertThat(total.value("disclosures.outstanding").longValue()).isLessThan(due);
            }
        }
    }

    private void signIn() throws Exception {
        var session = new SignedInMvc(context).login("admin");
        SecurityContextHolder.setContext((SecurityContext) session.getAttribute("SPRING_SECURITY_CONTEXT"));
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
