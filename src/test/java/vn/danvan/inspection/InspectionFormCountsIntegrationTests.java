package vn.danvan.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
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
 * The counts the inspection form now takes in the database give the same answer as the records it lists (the reading
 * they replaced, still behind records): for the country and for Lạng Sơn, every measure, the years of the demo's
 * inspections.
 */
@SpringBootTest
class InspectionFormCountsIntegrationTests {

    @Autowired
    WebApplicationContext context;
    @Autowired
    InspectionForms forms;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    void signIn(String username) throws Exception {
        var session = new SignedInMvc(context).login(username);
        SecurityContextHolder.setContext((SecurityContext) session.getAttribute("SPRING_SECURITY_CONTEXT"));
    }

    @Test
    void everyMeasureCountsPerUnitWhatItsRecordsListForTheCountryAndAProvince() throws Exception {
        signIn("admin");
        long counted = 0;
        for (var unit : new String[] {"VN", "20"}) {
            for (int year = 2020; year <= 2026; year++) {
                for (var measure : forms.measures()) {
                    var query = new FormQuery("KIEM_TRA", Set.of(measure), Map.of(), unit, null, LocalDate.of(year, 1, 1),
                            LocalDate.of(year, 12, 31), null);
                    var rows = forms.rows(query).rows();
                    var total = rows.stream().filter(r -> r.kind() == RowKind.TOTAL).findFirst().orElseThrow().value(measure);
                    var records = forms.records(query, measure, null, Integer.MAX_VALUE);
                    assertThat(total).as("%s %s %d", measure, unit, year).isEqualByComparingTo(BigDecimal.valueOf(records.size()));
                    for (var row : rows.stream().filter(r -> r.kind() == RowKind.UNIT).toList()) {
                        assertThat(row.value(measure).signum()).as("%s of %s", measure, row.unitCode()).isPositive();
                    }
                    counted += records.size();
                }
            }
        }
        assertThat(counted).isPositive();
    }

    @Test
    void theCountrysRowsAreItsProvincesEachCountingTheRecordsOfTheUnitsOnItsPath() throws Exception {
        signIn("admin");
        long rowsSeen = 0;
        for (int year = 2020; year <= 2026; year++) {
            for (var measure : forms.measures()) {
                var query = new FormQuery("KIEM_TRA", Set.of(measure), Map.of(), "VN", null, LocalDate.of(year, 1, 1),
                        LocalDate.of(year, 12, 31), null);
                for (var row : forms.rows(query).rows().stream().filter(r -> r.kind() == RowKind.UNIT).toList()) {
                    // a child of the country: a province, or a central body (the country's own records would be its row "VN")
                    var child = jdbc.sql("""
                            select count(*) from org_unit u join org_unit c on c.id = u.parent_id
                            where u.code = :code and c.parent_id is null""").param("code", row.unitCode()).query(Long.class).single();
                    assertThat(child > 0 || row.unitCode().equals("VN")).as("%s of %s in %d", measure, row.unitCode(), year).isTrue();
                    var records = forms.records(query, measure, row.unitCode(), Integer.MAX_VALUE);
                    assertThat(row.value(measure)).as("%s of %s in %d", measure, row.unitCode(), year)
                            .isEqualByComparingTo(BigDecimal.valueOf(records.size()));
                    rowsSeen++;
                }
            }
        }
        assertThat(rowsSeen).isPositive();
    }
}
