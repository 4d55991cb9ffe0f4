package vn.danvan.democracy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import vn.danvan.democracy.BoardRules.BoardKind;
import vn.danvan.democracy.BoardRules.MemberRole;
import vn.danvan.shared.InvalidInputException.Problem;

class BoardRulesTests {

    /** Monday–Friday, except National Day 2026 (Tuesday 1/9 and Wednesday 2/9 off). */
    static final Set<LocalDate> HOLIDAYS = Set.of(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 2));
    static final Predicate<LocalDate> WORKING = day -> day.getDayOfWeek() != DayOfWeek.SATURDAY
            && day.getDayOfWeek() != DayOfWeek.SUNDAY && !HOLIDAYS.contains(day);

    static List<MemberRole> board(int members) {
        var roles = new java.util.ArrayList<MemberRole>();
        roles.add(MemberRole.HEAD);
        roles.addAll(Collections.nCopies(members - 1, MemberRole.MEMBER));
        return roles;
    }

    static List<String> keys(List<Problem> problems) {
        return problems.stream().map(Problem::messageKey).toList();
    }

    @Test
    void aPeoplesInspectionBoardOfFourMembersIsRefusedNamingTheMembers() {
        var verdict = BoardRules.composition(BoardKind.PEOPLES_INSPECTION, board(4), 4);
        assertThat(verdict.problems()).extracting(Problem::field).containsExactly("members");
        assertThat(keys(verdict.problems())).containsExactly("democracy.board.too-few");
        assertThat(verdict.problems().get(0).args()).containsExactly(4, 5);
    }

    @Test
    void fiveMembersAreEnoughForACommuneOfThreeVillages() {
        var verdict = BoardRules.composition(BoardKind.PEOPLES_INSPECTION, board(5), 3);
        assertThat(verdict.problems()).isEmpty();
        assertThat(verdict.warnings()).isEmpty();
    }

    @Test
    void aBoardWhoseSizeDiffersFromTheVillagesIsSavedWithAWarning() {
        var verdict = BoardRules.composition(BoardKind.PEOPLES_INSPECTION, board(7), 9);
        assertThat(verdict.problems()).isEmpty();
        assertThat(keys(verdict.warnings())).containsExactly("democracy.board.village-mismatch");
        assertThat(verdict.warnings().get(0).args()).containsExactly(7, 9);
    }

    @Test
    void aBoardWithoutExactlyOneHeadIsRefused() {
        var roles = Collections.nCopies(6, MemberRole.MEMBER);
        assertThat(keys(BoardRules.composition(BoardKind.PEOPLES_INSPECTION, roles, 6).problems()))
                .containsExactly("democracy.board.one-head");
    }

    @Test
    void aSupervisionBoardOfSixRepresentativesIsRefusedButFiveAreAccepted() {
        assertThat(keys(BoardRules.composition(BoardKind.INVESTMENT_SUPERVISION, board(6), null).problems()))
                .containsExactly("democracy.board.too-many");
        assertThat(BoardRules.composition(BoardKind.INVESTMENT_SUPERVISION, board(5), null).problems()).isEmpty();
    }

    @Test
    void aSupervisionBoardWithThreeDeputiesIsRefused() {
        var roles = List.of(MemberRole.HEAD, MemberRole.DEPUTY, MemberRole.DEPUTY, MemberRole.DEPUTY);
        assertThat(keys(BoardRules.composition(BoardKind.INVESTMENT_SUPERVISION, roles, null).problems()))
                .containsExactly("democracy.board.too-many-deputies");
    }

    @Test
    void aPlanSentFiveWorkingDaysBeforeTheStartIsInTime() {
        // sent Monday 9/3/2026, starts Monday 16/3: Mon–Fri of the week before are five working days
        assertThat(BoardRules.noticeShortfall(LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 16), WORKING)).isZero();
    }

    @Test
    void aPlanSentOneCalendarWeekBeforeButAcrossNationalDayIsTwoWorkingDaysShort() {
        // sent Monday 31/8, starts Monday 7/9: 31/8, 3/9, 4/9 are working days; 1/9 and 2/9 are off
        assertThat(BoardRules.noticeShortfall(LocalDate.of(2026, 8, 31), LocalDate.of(2026, 9, 7), WORKING)).isEqualTo(2);
    }

    @Test
    void aPlanSentOnTheDayItStartsIsTheWholeFiveDaysShort() {
        assertThat(BoardRules.noticeShortfall(LocalDate.of(2026, 9, 7), LocalDate.of(2026, 9, 7), WORKING)).isEqualTo(5);
        assertThat(BoardRules.noticeShortfall(LocalDate.of(2026, 9, 8), LocalDate.of(2026, 9, 7), WORKING)).isEqualTo(5);
    }

    @Test
    void aWeekendBeforeTheStartDoesNotCount() {
        // sent Thursday 10/9, starts Thursday 17/9: Thu, Fri, Mon, Tue, Wed = five
        assertThat(BoardRules.noticeShortfall(LocalDate.of(2026, 9, 10), LocalDate.of(2026, 9, 17), WORKING)).isZero();
        // sent Friday 11/9: Fri, Mon, Tue, Wed = four
        assertThat(BoardRules.noticeShortfall(LocalDate.of(2026, 9, 11), LocalDate.of(2026, 9, 17), WORKING)).isEqualTo(1);
    }
}
