package vn.danvan.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.danvan.shared.InvalidInputException;

/** The moves of a matter that the Complaints and Denunciations Laws allow, and the ones they refuse. */
class MatterRulesTests {

    static final LocalDate DAY = LocalDate.of(2026, 8, 3);

    static Matter matter(ContentKind kind, int round) {
        var m = new Matter();
        m.number = "VV-1";
        m.contentKind = kind;
        m.field = Field.ADMIN_LAND;
        m.round = round;
        return m;
    }

    @Test
    void aComplaintGoesFromAcceptanceThroughVerificationAndDialogueToADecisionAndEnforcement() {
        var m = matter(ContentKind.COMPLAINT, 1);
        m.accept(DAY, "12/TB-UBND");
        m.startVerification(DAY.plusDays(2));
        m.holdDialogue(DAY.plusDays(10));
        m.decide(DAY.plusDays(20), "34/QĐ-UBND", MatterResult.PARTLY_RIGHT);
        m.close(DAY.plusDays(40));
        assertThat(m.status).isEqualTo(MatterStatus.CLOSED);
        assertThat(m.resolutionRule()).isEqualTo("C2");
    }

    @Test
    void resolvingAComplaintThatWasNotAcceptedIsRefusedWithAnExplanation() {
        var m = matter(ContentKind.COMPLAINT, 1);
        assertThatThrownBy(() -> m.decide(DAY, "1/QĐ", MatterResult.RIGHT))
                .isInstanceOfSatisfying(InvalidInputException.class, e ->
                        assertThat(e.problems().get(0).messageKey()).isEqualTo("petition.illegal.decide-not-accepted"));
    }

    @Test
    void aComplaintIsDecidedOnlyAfterVerification() {
        var m = matter(ContentKind.COMPLAINT, 1);
        m.accept(DAY, null);
        assertThatThrownBy(() -> m.decide(DAY.plusDays(1), "1/QĐ", MatterResult.RIGHT)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aRecommendationIsAnsweredWithoutVerification() {
        var m = matter(ContentKind.RECOMMENDATION, 1);
        m.accept(DAY, null);
        m.decide(DAY.plusDays(5), "5/UBND-VP", null);
        assertThat(m.status).isEqualTo(MatterStatus.DECIDED);
        assertThat(m.resolutionRule()).isEqualTo("R1");
    }

    @ParameterizedTest(name = "{0} round {1} with {2} → allowed={3}")
    @CsvSource(textBlock = """
            COMPLAINT,    1, RIGHT,        true
            COMPLAINT,    1, UPHELD,       false
            COMPLAINT,    2, UPHELD,       true
            COMPLAINT,    2, ANNULLED,     true
            COMPLAINT,    2, WRONG,        false
            DENUNCIATION, 1, PARTLY_RIGHT, true
            DENUNCIATION, 1, ANNULLED,     false
            """)
    void theOutcomeMatchesTheKindAndTheRound(ContentKind kind, int round, MatterResult result, boolean allowed) {
        var m = matter(kind, round);
        m.accept(DAY, null);
        m.startVerification(DAY);
        if (allowed) {
            m.decide(DAY.plusDays(1), "1", result);
            assertThat(m.result).isEqualTo(result);
        } else {
            assertThatThrownBy(() -> m.decide(DAY.plusDays(1), "1", result)).isInstanceOf(InvalidInputException.class);
        }
    }

    @Test
    void onlyDenunciationsAreExtendedAndOnlyComplaintsHaveADialogue() {
        var complaint = matter(ContentKind.COMPLAINT, 1);
        complaint.accept(DAY, null);
        complaint.startVerification(DAY);
        assertThatThrownBy(() -> complaint.extend(DAY)).isInstanceOf(InvalidInputException.class);
        var denunciation = matter(ContentKind.DENUNCIATION, 1);
        denunciation.accept(DAY, null);
        denunciation.startVerification(DAY);
        denunciation.extend(DAY.plusDays(25));
        assertThat(denunciation.extensions).isEqualTo(1);
        assertThat(denunciation.resolutionRule()).isEqualTo("D4");
        assertThatThrownBy(() -> denunciation.holdDialogue(DAY)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void partialWithdrawalExistsOnlyFromTheFirstOfJuly2026() {
        var before = matter(ContentKind.COMPLAINT, 1);
        before.accept(LocalDate.of(2026, 6, 1), null);
        assertThatThrownBy(() -> before.withdrawPartly(LocalDate.of(2026, 6, 30)))
                .isInstanceOfSatisfying(InvalidInputException.class, e ->
                        assertThat(e.problems().get(0).messageKey()).isEqualTo("petition.illegal.partial-withdrawal-before-law-136"));
        before.withdrawPartly(LocalDate.of(2026, 7, 1));
        assertThat(before.withdrawnPartly).isTrue();
        assertThat(before.status).isEqualTo(MatterStatus.ACCEPTED);
    }

    @Test
    void aSuspendedMatterResumesWhereItStoodAndAFullWithdrawalEndsIt() {
        var m = matter(ContentKind.DENUNCIATION, 1);
        m.accept(DAY, null);
        m.startVerification(DAY);
        m.suspend(DAY.plusDays(3));
        assertThatThrownBy(() -> m.decide(DAY.plusDays(4), "1", MatterResult.RIGHT)).isInstanceOf(InvalidInputException.class);
        m.resume(DAY.plusDays(10));
        assertThat(m.status).isEqualTo(MatterStatus.VERIFYING);
        m.withdraw(DAY.plusDays(11));
        assertThat(m.status).isEqualTo(MatterStatus.WITHDRAWN);
        assertThatThrownBy(() -> m.startVerification(DAY.plusDays(12))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void stepsCannotBeDatedBeforeTheAcceptance() {
        var m = matter(ContentKind.COMPLAINT, 1);
        m.accept(DAY, null);
        assertThatThrownBy(() -> m.startVerification(DAY.minusDays(1)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().get(0).field()).isEqualTo("day"));
    }
}
