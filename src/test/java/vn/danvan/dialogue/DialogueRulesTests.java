package vn.danvan.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.danvan.shared.InvalidInputException.Problem;

class DialogueRulesTests {

    static List<Problem> counts(Integer raised, Integer answered, DialogueRules.Recorded recorded) {
        var problems = new ArrayList<Problem>();
        DialogueRules.checkCounts(raised, answered, recorded, problems);
        return problems;
    }

    @Test
    void moreOpinionsAnsweredOnTheSpotThanRaisedIsRefusedOnTheAnsweredCount() {
        assertThat(counts(3, 5, DialogueRules.Recorded.NONE)).extracting(Problem::field, Problem::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("answeredCount", "dialogue.count.answered-over-raised"));
    }

    @Test
    void asManyAnsweredAsRaisedIsAccepted() {
        assertThat(counts(5, 5, DialogueRules.Recorded.NONE)).isEmpty();
        assertThat(counts(null, null, new DialogueRules.Recorded(4, 2, 2))).isEmpty();
    }

    @Test
    void theRaisedCountCannotBeLowerThanTheOpinionsRecordedOneByOne() {
        assertThat(counts(2, null, new DialogueRules.Recorded(3, 0, 0))).extracting(Problem::field).containsExactly("raisedCount");
    }

    @Test
    void withoutARaisedCountTheAnsweredCountIsMeasuredAgainstTheRecordedOpinions() {
        assertThat(counts(null, 4, new DialogueRules.Recorded(3, 1, 0))).extracting(Problem::messageKey)
                .containsExactly("dialogue.count.answered-over-raised");
    }

    @Test
    void answeredAndAssignedTogetherCannotExceedTheOpinionsRaised() {
        assertThat(counts(5, 4, new DialogueRules.Recorded(3, 1, 2))).extracting(Problem::messageKey)
                .containsExactly("dialogue.count.answered-assigned-over-raised");
    }

    @Test
    void negativeCountsAreRefused() {
        assertThat(counts(-1, null, DialogueRules.Recorded.NONE)).extracting(Problem::field).containsExactly("raisedCount");
        assertThat(counts(3, -1, DialogueRules.Recorded.NONE)).extracting(Problem::field).containsExactly("answeredCount");
    }

    @Test
    void aCommitmentNeedsAUnitAndADeadlineNotBeforeTheDialogue() {
        var held = LocalDate.of(2026, 5, 10);
        var problems = new ArrayList<Problem>();
        DialogueRules.checkCommitment(null, null, held, null, problems);
        assertThat(problems).extracting(Problem::field).containsExactly("commitmentUnitId", "commitmentDueOn");
        problems.clear();
        DialogueRules.checkCommitment(7L, held.minusDays(1), held, null, problems);
        assertThat(problems).extracting(Problem::messageKey).containsExactly("dialogue.commitment.due-before-dialogue");
        problems.clear();
        DialogueRules.checkCommitment(7L, held, held, "Sửa đường", problems);
        assertThat(problems).isEmpty();
    }

    @Test
    void anOrganisationMustBeNamedWhileAnAnonymousSpeakerNeedsNothing() {
        var problems = new ArrayList<Problem>();
        DialogueRules.checkOpinion(new OpinionInput(SpeakerKind.ORGANISATION, " ", null, "Đề nghị", OpinionField.ECONOMY, null), problems);
        assertThat(problems).extracting(Problem::field).containsExactly("speakerName");
        problems.clear();
        DialogueRules.checkOpinion(new OpinionInput(SpeakerKind.ANONYMOUS, null, null, "Đề nghị", OpinionField.ECONOMY, null), problems);
        assertThat(problems).isEmpty();
        DialogueRules.checkOpinion(new OpinionInput(SpeakerKind.PERSON, null, null, " ", null, null), problems);
        assertThat(problems).extracting(Problem::field).containsExactly("opinionTopic", "opinionField");
    }

    @Test
    void thePublicReadsANotStartedCommitmentAsInProgress() {
        assertThat(PublicAccountability.publicStatus("NOT_STARTED")).isEqualTo("IN_PROGRESS");
        assertThat(PublicAccountability.publicStatus("OVERDUE")).isEqualTo("OVERDUE");
        assertThat(PublicAccountability.publicStatus("DONE")).isEqualTo("DONE");
    }
}
