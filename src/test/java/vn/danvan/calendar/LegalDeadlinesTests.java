package vn.danvan.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.danvan.shared.InvalidInputException;

/**
 * Every deadline rule, table-driven, over the official 2026 schedule (Tết 16–20/02, make-up
 * Saturday 10/01, Giỗ Tổ 26/04 with its compensatory 27/04, 30/04–01/05, National Day 01–02/09)
 * and the rule versions seeded in V6 (the 1/7/2026 switch of Law 136/2025/QH15).
 */
class LegalDeadlinesTests {

    static final WorkingDays DAYS = new WorkingDays(day -> WorkingDaysTests.BUNDLED.getOrDefault(day.getYear(), java.util.Map.of()));
    static final LocalDate L136 = LocalDate.of(2026, 7, 1);

    static final List<DeadlineRule> RULES = List.of(
            rule("P1", 1, "2021-11-15", null, 10, DayUnit.WORKING, null, null, null, null, 0, 0, false),
            rule("D1", 1, "2019-01-01", null, 7, DayUnit.WORKING, null, 10, null, null, 0, 0, false),
            rule("C2", 1, "2012-07-01", "2026-06-30", 30, DayUnit.CALENDAR, 45, 45, 60, null, 0, 0, false),
            rule("C2", 2, "2026-07-01", null, 30, DayUnit.CALENDAR, 45, 45, 60, null, 0, 0, true),
            rule("C5", 2, "2026-07-01", null, 45, DayUnit.CALENDAR, 60, 60, 70, null, 0, 0, true),
            rule("C5", 1, "2012-07-01", "2026-06-30", 45, DayUnit.CALENDAR, 60, 60, 70, null, 0, 0, false),
            rule("D4", 1, "2019-01-01", null, 30, DayUnit.CALENDAR, null, null, null, 30, 1, 2, true));

    static DeadlineRule rule(String code, int version, String from, String to, int days, DayUnit unit, Integer remote, Integer complex,
                             Integer remoteComplex, Integer extension, int maxComplex, int maxEspecially, boolean suspension) {
        return new DeadlineRule(code, version, LocalDate.parse(from), to == null ? null : LocalDate.parse(to), code, code, days, unit,
                "RECEIPT", remote, complex, remoteComplex, extension, maxComplex, maxEspecially, suspension, "test");
    }

    static DeadlineRule ruleOn(String code, LocalDate on) {
        return RULES.stream().filter(r -> r.code().equals(code) && !on.isBefore(r.effectiveFrom())
                && (r.effectiveTo() == null || !on.isAfter(r.effectiveTo()))).findFirst().orElseThrow();
    }

    static List<DayRange> suspensions(String text) {
        if (text == null) {
            return List.of();
        }
        var parts = text.split("\\.\\.");
        return List.of(new DayRange(LocalDate.parse(parts[0]), LocalDate.parse(parts[1])));
    }

    @ParameterizedTest(name = "{0} from {1} remote={2} {3} ext={4} susp={5} → {6} (v{7})")
    @CsvSource(nullValues = "-", delimiter = '|', textBlock = """
            # rule | start     | remote | complexity        | ext | suspended              | due        | version | why
            P1 | 2026-02-06 | false | NORMAL             | 0 | -                      | 2026-02-27 | 1 | 10 working days across Tết 16–20/02
            P1 | 2025-12-31 | false | NORMAL             | 0 | -                      | 2026-01-15 | 1 | New Year 01/01, swapped 02/01, make-up Saturday 10/01 counts
            D1 | 2026-01-08 | false | NORMAL             | 0 | -                      | 2026-01-16 | 1 | 7 working days; Saturday 10/01 is a make-up working day
            D1 | 2026-01-08 | false | COMPLEX            | 0 | -                      | 2026-01-21 | 1 | up to 10 working days when verified at several places
            C2 | 2026-03-02 | false | NORMAL             | 0 | -                      | 2026-04-01 | 1 | 30 calendar days
            C2 | 2026-03-27 | false | NORMAL             | 0 | -                      | 2026-04-28 | 1 | ends Sunday 26/04 Giỗ Tổ, 27/04 compensatory: rolls to Tuesday
            C2 | 2026-03-02 | true  | NORMAL             | 0 | -                      | 2026-04-16 | 1 | remote area: 45 days
            C2 | 2026-03-02 | false | COMPLEX            | 0 | -                      | 2026-04-16 | 1 | complex: 45 days
            C2 | 2026-03-02 | true  | COMPLEX            | 0 | -                      | 2026-05-04 | 1 | remote and complex: 60 days, 01/05 holiday then weekend
            C5 | 2026-03-02 | false | NORMAL             | 0 | -                      | 2026-04-16 | 1 | second complaint: 45 days
            C5 | 2026-03-02 | true  | COMPLEX            | 0 | -                      | 2026-05-11 | 1 | second complaint, remote and complex: 70 days
            C2 | 2026-06-30 | false | NORMAL             | 0 | -                      | 2026-07-30 | 1 | accepted the day before Law 136: version 1
            C2 | 2026-07-01 | false | NORMAL             | 0 | -                      | 2026-07-31 | 2 | accepted on 01/07/2026: version 2
            C2 | 2026-07-01 | false | NORMAL             | 0 | 2026-07-10..2026-07-19 | 2026-08-10 | 2 | 10 suspended days not counted (v2), Sunday 09/08 rolls to Monday
            D4 | 2026-08-03 | false | NORMAL             | 0 | -                      | 2026-09-03 | 1 | 30 days end on National Day 02/09: rolls to 03/09
            D4 | 2026-08-03 | false | COMPLEX            | 1 | -                      | 2026-10-02 | 1 | complex: one extension of 30 days
            D4 | 2026-08-03 | false | ESPECIALLY_COMPLEX | 2 | -                      | 2026-11-02 | 1 | especially complex: two extensions, Sunday 01/11 rolls
            D4 | 2026-08-03 | false | NORMAL             | 0 | 2026-08-10..2026-08-19 | 2026-09-14 | 1 | suspension of a denunciation not counted
            """)
    void deadlinesFollowTheRuleVersionInForceOnTheStartDay(String code, LocalDate start, boolean remote, Complexity complexity,
                                                           int extensions, String suspended, LocalDate due, int version, String why) {
        var deadline = DeadlineArithmetic.compute(ruleOn(code, start), start, remote, complexity, extensions, suspensions(suspended), DAYS);
        assertThat(deadline.due()).as(why).isEqualTo(due);
        assertThat(deadline.ruleVersion()).as(why).isEqualTo(version);
    }

    @ParameterizedTest(name = "{0} from {1} {2} ext={3} susp={4} → refused on {5}")
    @CsvSource(nullValues = "-", delimiter = '|', textBlock = """
            # rule | start     | complexity         | ext | suspended              | field       | why
            D4 | 2026-08-03 | NORMAL             | 1 | -                      | extensions  | an ordinary denunciation is not extended
            D4 | 2026-08-03 | COMPLEX            | 2 | -                      | extensions  | a complex one only once
            D4 | 2026-08-03 | ESPECIALLY_COMPLEX | 3 | -                      | extensions  | a third extension is illegal
            C2 | 2026-08-03 | COMPLEX            | 1 | -                      | extensions  | complaints are never extended
            C2 | 2026-06-30 | NORMAL             | 0 | 2026-07-10..2026-07-19 | suspensions | no suspension before Law 136 (v1)
            """)
    void illegalExtensionsAndSuspensionsAreRefusedNamingTheField(String code, LocalDate start, Complexity complexity, int extensions,
                                                                 String suspended, String field, String why) {
        var refused = catchThrowableOfType(InvalidInputException.class, () ->
                DeadlineArithmetic.compute(ruleOn(code, start), start, false, complexity, extensions, suspensions(suspended), DAYS));
        assertThat(refused).as(why).isNotNull();
        assertThat(refused.problems().get(0).field()).as(why).isEqualTo(field);
    }
}
