package vn.danvan.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.WebApplicationContext;
import vn.danvan.SignedInMvc;
import vn.danvan.form.FormQuery;
import vn.danvan.form.PeriodCut;
import vn.danvan.form.ReportPeriod;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.orgunit.OrgUnits;

/**
 * A computed indicator's aggregate reads its provider's total alone ({@code FormProvider.total}), not the form's rows
 * per unit; for every computed indicator of every provider, the value and the same period's value a year before are
 * the total row of the provider's full form — for the country, a province that took in another in 2025 (Thái Nguyên)
 * and a commune (Phường Lương Văn Tri), over this year and last year. And every provider's total alone equals the total
 * row of its full form for every measure it publishes, where the seed scenarios and the demo put records.
 */
@SpringBootTest
class ComputedIndicatorTotalsIntegrationTests {

    @Autowired
    WebApplicationContext context;
    @Autowired
    Aggregates aggregates;
    @Autowired
    Indicators indicators;
    @Autowired
    OrgUnits units;
    @Autowired
    CurrentUsers users;
    @Autowired
    Clock clock;

    @AfterEach
    void signOut() {
        ReportingTestUsers.signOut();
    }

    BigDecimal fullFormTotal(Indicator indicator, long unitId, ReportPeriod period) {
        var provider = indicators.provider(indicator.provider()).orElseThrow();
        var rows = provider.rows(new FormQuery(indicator.code(), Set.of(indicator.measure()), Map.of(), null, unitId, period.from(),
                period.to(), SecurityContextHolder.getContext().getAuthentication())).rows();
        return AggregateRules.normalise(rows.isEmpty() ? BigDecimal.ZERO : rows.get(0).value(indicator.measure()));
    }

    @Test
    void everyComputedIndicatorsAggregateIsTheTotalRowOfItsProvidersFullFormThisYearAndAYearBefore() throws Exception {
        var user = ReportingTestUsers.as(new SignedInMvc(context), users, "admin");
        var today = LocalDate.now(clock);
        var computed = indicators.all().stream().filter(Indicator::readsFigure).toList();
        assertThat(computed.stream().map(Indicator::provider).distinct())
                .as("computed indicators of the case modules").contains("petition", "exemplar", "plan", "meeting");
        int nonZero = 0;
        for (var unitCode : List.of("VN", "19", "05983")) {
            var unit = units.findByCode(unitCode, today).orElseThrow();
            for (var year : List.of(today.getYear(), today.getYear() - 1)) {
                var period = ReportPeriod.year(year, PeriodCut.CALENDAR);
                for (var indicator : computed) {
                    var answer = aggregates.aggregate(indicator.code(), unitCode, period.identifier(), today, AggregateMode.RESTATED, "", user);
                    var what = indicator.code() + " " + unitCode + " " + period.identifier();
                    var expected = fullFormTotal(indicator, unit.id(), period);
                    assertThat((BigDecimal) answer.value()).as(what).isEqualByComparingTo(expected);
                    assertThat((BigDecimal) answer.previousValue()).as(what + ", a year before")
                            .isEqualByComparingTo(fullFormTotal(indicator, unit.id(), period.previousYear()));
                    nonZero += expected.signum() != 0 ? 1 : 0;
                }
            }
        }
        assertThat(nonZero).as("figures that count the demo's records").isGreaterThan(10);
    }

    @Test
    void everyProvidersTotalAloneIsTheTotalRowOfItsFullFormForEveryMeasure() throws Exception {
        ReportingTestUsers.as(new SignedInMvc(context), users, "admin");
        var today = LocalDate.now(clock);
        var spans = List.of(new LocalDate[] {LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31)},
                new LocalDate[] {LocalDate.of(today.getYear() - 1, 1, 1), LocalDate.of(today.getYear() - 1, 12, 31)},
                new LocalDate[] {LocalDate.of(today.getYear(), 1, 1), LocalDate.of(today.getYear(), 12, 31)},
                new LocalDate[] {LocalDate.of(2018, 1, 1), today});
        int nonZero = 0;
        for (var name : indicators.figures().keySet()) {
            var provider = indicators.provider(name).orElseThrow();
            var measures = new java.util.LinkedHashSet<>(provider.measures());
            for (var unitCode : List.of("VN", "20", "19", "05983")) {
                var unit = units.findByCode(unitCode, today).orElseThrow();
                for (var span : spans) {
                    var query = new FormQuery("totals", measures, Map.of(), null, unit.id(), span[0], span[1],
                            SecurityContextHolder.getContext().getAuthentication());
                    var rows = provider.rows(query).rows();
                    var total = provider.total(query);
                    for (var measure : measures) {
                        var expected = rows.isEmpty() ? BigDecimal.ZERO : rows.get(0).value(measure);
                        assertThat(total.get(measure)).as(name + " " + measure + " " + unitCode + " " + span[0] + "…" + span[1])
                                .isEqualByComparingTo(expected);
                        nonZero += expected.signum() != 0 ? 1 : 0;
                    }
                }
            }
        }
        assertThat(nonZero).as("figures that count the seed scenarios' and the demo's records").isGreaterThan(50);
    }
}
