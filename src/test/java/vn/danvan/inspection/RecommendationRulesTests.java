package vn.danvan.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.danvan.inspection.RecommendationRules.Member;
import vn.danvan.shared.InvalidInputException.Problem;

/** The recommendation lifecycle and the inspection's own rules, table by table, without a database. */
class RecommendationRulesTests {

    @Test
    void aRecommendationShowsWhereItsTaskStandsUntilTheInspectingBodyJudgesIt() {
        assertThat(RecommendationRules.status("NOT_STARTED", false, false)).isEqualTo(RecommendationStatus.NOT_STARTED);
        assertThat(RecommendationRules.status("IN_PROGRESS", false, false)).isEqualTo(RecommendationStatus.IN_PROGRESS);
        assertThat(RecommendationRules.status("OVERDUE", false, false)).isEqualTo(RecommendationStatus.OVERDUE);
        assertThat(RecommendationRules.status("DONE", false, false)).isEqualTo(RecommendationStatus.REPORTED_DONE);
        assertThat(RecommendationRules.status("CANCELLED", false, false)).isEqualTo(RecommendationStatus.CANCELLED);
    }

    @Test
    void onlyADoneTaskThatWasAcceptedIsAccepted() {
        assertThat(RecommendationRules.status("DONE", true, false)).isEqualTo(RecommendationStatus.ACCEPTED);
        // accepted, then reopened by plan (a new report below 100 %): it is owed again
        assertThat(RecommendationRules.status("IN_PROGRESS", true, false)).isEqualTo(RecommendationStatus.IN_PROGRESS);
    }

    @Test
    void aSentBackRecommendationStaysSentBackUntilItIsReportedDoneAgain() {
        assertThat(RecommendationRules.status("IN_PROGRESS", false, true)).isEqualTo(RecommendationStatus.SENT_BACK);
        assertThat(RecommendationRules.status("OVERDUE", false, true)).isEqualTo(RecommendationStatus.SENT_BACK);
        assertThat(RecommendationRules.status("DONE", false, true)).isEqualTo(RecommendationStatus.REPORTED_DONE);
    }

    @Test
    void anAcceptedOrCancelledRecommendationIsFinal() {
        assertThat(RecommendationRules.canAccept(RecommendationStatus.ACCEPTED)).isFalse();
        assertThat(RecommendationRules.canAccept(RecommendationStatus.CANCELLED)).isFalse();
        assertThat(RecommendationRules.canSendBack(RecommendationStatus.ACCEPTED)).isFalse();
        assertThat(RecommendationRules.canAccept(RecommendationStatus.REPORTED_DONE)).isTrue();
        assertThat(RecommendationRules.canAccept(RecommendationStatus.OVERDUE)).isTrue();
    }

    @Test
    void onlyAReportedCompletionCanBeSentBack() {
        for (var status : RecommendationStatus.values()) {
            assertThat(RecommendationRules.canSendBack(status)).as(status.name()).isEqualTo(status == RecommendationStatus.REPORTED_DONE);
        }
    }

    @Test
    void aTeamNeedsExactlyOneHead() {
        assertThat(fields(RecommendationRules.teamProblems(List.of(new Member(1L, 10L, TeamRole.MEMBER)))))
                .containsExactly("members:inspection.team.no-head");
        assertThat(fields(RecommendationRules.teamProblems(List.of(new Member(1L, 10L, TeamRole.HEAD), new Member(2L, 10L, TeamRole.HEAD)))))
                .containsExactly("members:inspection.team.many-heads");
        assertThat(RecommendationRules.teamProblems(List.of(new Member(1L, 10L, TeamRole.HEAD), new Member(2L, 11L, TeamRole.SECRETARY))))
                .isEmpty();
    }

    @Test
    void anEmptyTeamAPersonTwiceAndAMissingRoleAreNamedByRow() {
        assertThat(fields(RecommendationRules.teamProblems(List.of()))).containsExactly("members:inspection.team.empty");
        assertThat(fields(RecommendationRules.teamProblems(List.of(new Member(1L, 10L, TeamRole.HEAD), new Member(1L, 10L, null)))))
                .containsExactly("members[1].personId:inspection.team.duplicate", "members[1].role:validation.required");
    }

    @Test
    void aDeadlineBeforeTheInspectionBeganIsRefusedTheFirstDayIsNot() {
        var starts = LocalDate.of(2021, 6, 28);
        assertThat(RecommendationRules.deadlineBeforeInspection(LocalDate.of(2021, 6, 27), starts)).isTrue();
        assertThat(RecommendationRules.deadlineBeforeInspection(starts, starts)).isFalse();
        assertThat(RecommendationRules.deadlineBeforeInspection(null, starts)).isFalse();
    }

    @Test
    void aSelfAssessmentReportIsLateAfterItsDeadlineOrWhenMissingOnceItPassed() {
        var due = LocalDate.of(2021, 6, 25);
        assertThat(RecommendationRules.reportLate(due, due, LocalDate.of(2021, 7, 1))).isFalse();
        assertThat(RecommendationRules.reportLate(due, due.plusDays(1), LocalDate.of(2021, 7, 1))).isTrue();
        assertThat(RecommendationRules.reportLate(due, null, due)).isFalse();
        assertThat(RecommendationRules.reportLate(due, null, due.plusDays(1))).isTrue();
        assertThat(RecommendationRules.reportLate(null, null, due)).isFalse();
    }

    @Test
    void anInspectionIsPlannedUntilItStartsAndConcludedOnceItHasAConclusion() {
        var today = LocalDate.of(2026, 11, 30);
        assertThat(RecommendationRules.stage(today.plusDays(1), false, today)).isEqualTo(RecommendationRules.Stage.PLANNED);
        assertThat(RecommendationRules.stage(today, false, today)).isEqualTo(RecommendationRules.Stage.UNDER_WAY);
        assertThat(RecommendationRules.stage(today.minusDays(10), true, today)).isEqualTo(RecommendationRules.Stage.CONCLUDED);
    }

    private static List<String> fields(List<Problem> problems) {
        return problems.stream().map(p -> p.field() + ":" + p.messageKey()).toList();
    }
}
