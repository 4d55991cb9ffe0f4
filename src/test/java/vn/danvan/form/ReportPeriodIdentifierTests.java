package vn.danvan.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import vn.danvan.shared.InvalidInputException;

/**
 * Period identifiers in DHIS2's style, the inspection sector's 15th cut-off and multi-year terms:
 * parsing, formatting, days covered, containment, children and the same period of the year before.
 */
class ReportPeriodIdentifierTests {

    @ParameterizedTest(name = "{0} = {1} … {2}")
    @CsvSource(textBlock = """
            2024,        2024-01-01, 2024-12-31
            2024S1,      2024-01-01, 2024-06-30
            2024S2,      2024-07-01, 2024-12-31
            2024Q1,      2024-01-01, 2024-03-31
            2024Q4,      2024-10-01, 2024-12-31
            202402,      2024-02-01, 2024-02-29
            202412,      2024-12-01, 2024-12-31
            2024N9,      2024-01-01, 2024-09-30
            2024TT,      2023-12-15, 2024-12-14
            2024TTS1,    2023-12-15, 2024-06-14
            2024TTS2,    2024-06-15, 2024-12-14
            2024TTQ1,    2023-12-15, 2024-03-14
            2024TTQ3,    2024-06-15, 2024-09-14
            2024TTN9,    2023-12-15, 2024-09-14
            2024TT03,    2024-02-15, 2024-03-14
            2024TT01,    2023-12-15, 2024-01-14
            2016-2021,   2016-01-01, 2021-12-31
            2016-2021TT, 2015-12-15, 2021-12-14
            """)
    void anIdentifierNamesTheDaysItCoversAndIsWrittenBackTheSame(String identifier, LocalDate from, LocalDate to) {
        var period = ReportPeriod.parse(identifier, "period");
        assertThat(period.from()).isEqualTo(from);
        assertThat(period.to()).isEqualTo(to);
        assertThat(period.identifier()).isEqualTo(identifier);
    }

    @Test
    void lowerCaseAndSurroundingSpacesAreRead() {
        assertThat(ReportPeriod.parse(" 2024q3 ", "period").identifier()).isEqualTo("2024Q3");
        assertThat(ReportPeriod.parse("2024ttq1", "period").cut()).isEqualTo(PeriodCut.INSPECTION);
    }

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(textBlock = """
            2024Q5,      'kỳ "2024Q5": quý phải từ Q1 đến Q4'
            202413,      'kỳ "202413": tháng phải từ 01 đến 12'
            202400,      'kỳ "202400": tháng phải từ 01 đến 12'
            2024S3,      'kỳ "2024S3": 6 tháng chỉ có S1 (đầu năm) và S2 (cuối năm)'
            2021-2016,   'kỳ "2021-2016": năm cuối của giai đoạn phải sau năm đầu và cách năm đầu không quá 10 năm'
            2000-2021,   'kỳ "2000-2021": năm cuối của giai đoạn phải sau năm đầu và cách năm đầu không quá 10 năm'
            1800,        'kỳ "1800": năm phải từ 1945 đến 2100'
            24Q1,        'kỳ "24Q1" không đúng định dạng'
            2024W12,     'kỳ "2024W12" không đúng định dạng'
            2024-2025Q1, 'kỳ "2024-2025Q1" không đúng định dạng'
            Quý 1/2024,  'kỳ "Quý 1/2024" không đúng định dạng'
            """)
    void anIllFormedIdentifierIsRefusedWithAVietnameseMessageNamingIt(String identifier, String message) {
        var messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages/form");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        assertThatThrownBy(() -> ReportPeriod.parse(identifier, "period"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    var problem = e.problems().get(0);
                    assertThat(problem.field()).isEqualTo("period");
                    assertThat(messages.getMessage(problem.messageKey(), problem.args(), Locale.forLanguageTag("vi")))
                            .startsWith(message);
                });
    }

    @Test
    void anEmptyIdentifierIsRequired() {
        assertThatThrownBy(() -> ReportPeriod.parse("  ", "period")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems().get(0).messageKey()).isEqualTo("validation.required"));
    }

    @Test
    void monthsMakeQuartersAndQuartersMakeHalfYearsNineMonthsAndYears() {
        assertThat(ReportPeriod.parse("2024Q2", "p").children()).extracting(ReportPeriod::identifier)
                .containsExactly("202404", "202405", "202406");
        assertThat(ReportPeriod.parse("2024", "p").children()).extracting(ReportPeriod::identifier)
                .containsExactly("2024Q1", "2024Q2", "2024Q3", "2024Q4");
        assertThat(ReportPeriod.parse("2024S2", "p").children()).extracting(ReportPeriod::identifier)
                .containsExactly("2024Q3", "2024Q4");
        assertThat(ReportPeriod.parse("2024TTN9", "p").children()).extracting(ReportPeriod::identifier)
                .containsExactly("2024TTQ1", "2024TTQ2", "2024TTQ3");
        assertThat(ReportPeriod.parse("2016-2021", "p").children()).extracting(ReportPeriod::identifier)
                .containsExactly("2016", "2017", "2018", "2019", "2020", "2021");
        assertThat(ReportPeriod.parse("202403", "p").children()).isEmpty();
    }

    @Test
    void aPeriodContainsThePeriodsInsideItOnTheSameCutOnly() {
        var year = ReportPeriod.parse("2024", "p");
        assertThat(year.contains(ReportPeriod.parse("202411", "p"))).isTrue();
        assertThat(year.contains(year)).isTrue();
        assertThat(year.contains(ReportPeriod.parse("2025Q1", "p"))).isFalse();
        assertThat(year.contains(ReportPeriod.parse("2024TTQ2", "p"))).isFalse();
        assertThat(ReportPeriod.parse("2016-2021", "p").contains(ReportPeriod.parse("2019Q3", "p"))).isTrue();
        assertThat(ReportPeriod.parse("2024Q1", "p").contains(year)).isFalse();
        // every day of a year is in exactly one of its children
        var days = year.children().stream().mapToLong(q -> q.to().toEpochDay() - q.from().toEpochDay() + 1).sum();
        assertThat(days).isEqualTo(366);
        var inspection = ReportPeriod.parse("2024TT", "p");
        assertThat(inspection.children().get(0).from()).isEqualTo(inspection.from());
        assertThat(inspection.children().get(3).to()).isEqualTo(inspection.to());
    }

    @Test
    void theSamePeriodOfThePreviousYearKeepsKindAndCut() {
        assertThat(ReportPeriod.parse("2025Q3", "p").previousYear().identifier()).isEqualTo("2024Q3");
        assertThat(ReportPeriod.parse("2025TT07", "p").previousYear().identifier()).isEqualTo("2024TT07");
        assertThat(ReportPeriod.parse("2024", "p").previousYear().identifier()).isEqualTo("2023");
        assertThat(ReportPeriod.parse("2021-2026", "p").previousYear().identifier()).isEqualTo("2016-2021");
    }

    @Test
    void aMonthIsFinerThanAQuarterAndAQuarterThanAYear() {
        assertThat(ReportPeriod.parse("202403", "p").isFinerThan(ReportPeriod.Kind.QUARTER)).isTrue();
        assertThat(ReportPeriod.parse("2024", "p").isFinerThan(ReportPeriod.Kind.QUARTER)).isFalse();
        assertThat(ReportPeriod.parse("2024Q1", "p").isFinerThan(ReportPeriod.Kind.QUARTER)).isFalse();
    }
}
