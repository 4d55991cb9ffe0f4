package vn.danvan.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import vn.danvan.form.FormRow;
import vn.danvan.form.RowKind;
import vn.danvan.shared.NotFoundException;

/**
 * The inspection figures for reporting, on the demo's seed inspections: for Lạng Sơn's subtree, units
 * inspected and recommendations made in 2021, accepted in 2022 and overdue today, each traceable to its
 * records; for the country, the inspections held; another province's subtree is not found.
 */
@SpringBootTest
class InspectionFormsIntegrationTests {

    @Autowired
    WebApplicationContext context;
    @Autowired
    InspectionForms forms;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    void signIn(String username) throws Exception {
        var session = new SignedInMvc(context).login(username);
        SecurityContextHolder.setContext((SecurityContext) session.getAttribute("SPRING_SECURITY_CONTEXT"));
    }

    static FormQuery query(String unit, int year, String... measures) {
        return new FormQuery("KIEM_TRA", Set.of(measures), Map.of(), unit, null, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), null);
    }

    static BigDecimal total(java.util.List<FormRow> rows, String measure) {
        return rows.stream().filter(r -> r.kind() == RowKind.TOTAL).findFirst().orElseThrow().value(measure);
    }

    @Test
    void langSonsSubtreeCountsTheUnitInspectedAndTheRecommendationsOfItsYear() throws Exception {
        signIn("canbo.langson");
        var rows = forms.rows(query("20", 2021, InspectionForms.INSPECTED, InspectionForms.MADE, InspectionForms.HELD,
                InspectionForms.ACCEPTED)).rows();
        assertThat(total(rows, InspectionForms.INSPECTED)).isEqualByComparingTo("1");
        assertThat(total(rows, InspectionForms.MADE)).isEqualByComparingTo("4");
        // the inspecting body is central: Lạng Sơn held none itself
        assertThat(total(rows, InspectionForms.HELD)).isEqualByComparingTo("0");
        assertThat(total(rows, InspectionForms.ACCEPTED)).isEqualByComparingTo("0");
        assertThat(rows).anyMatch(r -> "05983".equals(r.unitCode()) && r.value(InspectionForms.MADE).intValue() == 1);

        var accepted2022 = forms.rows(query("20", 2022, InspectionForms.ACCEPTED)).rows();
        assertThat(total(accepted2022, InspectionForms.ACCEPTED)).isEqualByComparingTo("1");
        assertThat(forms.records(query("20", 2022, InspectionForms.ACCEPTED), InspectionForms.ACCEPTED, null, 10))
                .singleElement().satisfies(r -> {
                    assertThat(r.path()).startsWith("/tasks/");
                    assertThat(r.day()).isEqualTo(LocalDate.of(2022, 1, 10));
                });
    }

    @Test
    void recommendationsMadeByAPeriodsEndAndOverdueTodayAreCountedForTheirResponsibleUnits() throws Exception {
        signIn("canbo.langson");
        var rows = forms.rows(query("20", 2021, InspectionForms.OVERDUE)).rows();
        // 20.SNV (due 31/12/2022, half done) and Phường Lương Văn Tri (due 31/12/2025) are overdue; the rest are done
        assertThat(total(rows, InspectionForms.OVERDUE)).isEqualByComparingTo("2");
        assertThat(forms.records(query("20", 2021, InspectionForms.OVERDUE), InspectionForms.OVERDUE, "05983", 10)).hasSize(1);
    }

    @Test
    void theCountryHeldBothSeedInspectionsAndAnotherProvinceIsNotFound() throws Exception {
        signIn("admin");
        assertThat(total(forms.rows(query("VN", 2021, InspectionForms.HELD)).rows(), InspectionForms.HELD)).isGreaterThanOrEqualTo(BigDecimal.ONE);
        assertThat(forms.records(query("VN", 2020, InspectionForms.HELD), InspectionForms.HELD, null, 10))
                .anyMatch(r -> r.label().contains("Ninh Bình") && r.path().startsWith("/inspections/"));
        signIn("canbo.thainguyen");
        assertThatThrownBy(() -> forms.rows(query("20", 2021, InspectionForms.MADE))).isInstanceOf(NotFoundException.class);
    }
}
