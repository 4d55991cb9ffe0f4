package vn.danvan.exemplar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import vn.danvan.shared.InvalidInputException;

class ExemplarLifecycleTests {

    private static final LocalDate DAY = LocalDate.of(2026, 5, 4);

    @ParameterizedTest
    @EnumSource(value = ExemplarStatus.class, names = {"REGISTERED", "IMPLEMENTING", "ASSESSED"})
    void refusesCommendationBeforeRecognition(ExemplarStatus status) {
        assertThatThrownBy(() -> ExemplarLifecycle.commend(status))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).messageKey()).isEqualTo("exemplar.rule.commend-before-recognition"));
    }

    @ParameterizedTest
    @CsvSource({"RECOGNISED, COMMENDED", "TYPICAL, COMMENDED", "COMMENDED, COMMENDED", "REPLICATED, REPLICATED"})
    void commendsARecognisedModelWithoutMovingItDownTheLadder(ExemplarStatus status, ExemplarStatus after) {
        assertThat(ExemplarLifecycle.commend(status)).isEqualTo(after);
    }

    @Test
    void recognisesOnlyAfterAPassedAssessment() {
        assertThatThrownBy(() -> ExemplarLifecycle.recognise(ExemplarStatus.IMPLEMENTING, null, RecognitionLevel.COMMUNE, DAY, false))
                .hasMessageContaining("exemplar.rule.recognise-before-assessment");
        assertThatThrownBy(() -> ExemplarLifecycle.recognise(ExemplarStatus.ASSESSED, false, RecognitionLevel.COMMUNE, DAY, false))
                .hasMessageContaining("exemplar.rule.recognise-failed-assessment");
        assertThat(ExemplarLifecycle.recognise(ExemplarStatus.ASSESSED, true, RecognitionLevel.COMMUNE, DAY, false))
                .isEqualTo(ExemplarStatus.RECOGNISED);
        assertThat(ExemplarLifecycle.recognise(ExemplarStatus.ASSESSED, true, RecognitionLevel.PROVINCE, DAY, true))
                .isEqualTo(ExemplarStatus.TYPICAL);
    }

    @Test
    void aModelRecognisedAgainInALaterYearKeepsItsStage() {
        assertThat(ExemplarLifecycle.assess(ExemplarStatus.COMMENDED)).isEqualTo(ExemplarStatus.COMMENDED);
        assertThat(ExemplarLifecycle.recognise(ExemplarStatus.COMMENDED, true, RecognitionLevel.PROVINCE, DAY, false))
                .isEqualTo(ExemplarStatus.COMMENDED);
    }

    @ParameterizedTest
    @CsvSource({"2025-06-30, true", "2025-07-01, false", "2019-12-01, true"})
    void districtRecognitionExistsOnlyUntilTheDistrictLevelWasAbolished(LocalDate day, boolean allowed) {
        if (allowed) {
            assertThat(ExemplarLifecycle.recognise(ExemplarStatus.ASSESSED, true, RecognitionLevel.DISTRICT, day, false))
                    .isEqualTo(ExemplarStatus.RECOGNISED);
        } else {
            assertThatThrownBy(() -> ExemplarLifecycle.recognise(ExemplarStatus.ASSESSED, true, RecognitionLevel.DISTRICT, day, false))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                        assertThat(e.problems().get(0).field()).isEqualTo("level");
                        assertThat(e.problems().get(0).args()).containsExactly("30/06/2025");
                    });
        }
    }

    @Test
    void assessesOnlyAModelBeingImplemented() {
        assertThatThrownBy(() -> ExemplarLifecycle.assess(ExemplarStatus.REGISTERED))
                .hasMessageContaining("exemplar.rule.assess-before-implementing");
        assertThat(ExemplarLifecycle.assess(ExemplarStatus.IMPLEMENTING)).isEqualTo(ExemplarStatus.ASSESSED);
    }

    @ParameterizedTest
    @EnumSource(value = ExemplarStatus.class, names = {"REGISTERED", "IMPLEMENTING", "ASSESSED"})
    void replicatesOnlyARecognisedModel(ExemplarStatus status) {
        assertThatThrownBy(() -> ExemplarLifecycle.replicate(status)).hasMessageContaining("exemplar.rule.replicate-before-recognition");
    }

    @ParameterizedTest
    @CsvSource({"RECOGNISED, REPLICATED", "TYPICAL, REPLICATED", "COMMENDED, REPLICATED", "REPLICATED, REPLICATED"})
    void aReplicatedSourceIsMarkedReplicated(ExemplarStatus status, ExemplarStatus after) {
        assertThat(ExemplarLifecycle.replicate(status)).isEqualTo(after);
    }

    @ParameterizedTest
    @EnumSource(value = ExemplarStatus.class, names = {"REGISTERED", "IMPLEMENTING", "ASSESSED", "RECOGNISED", "TYPICAL", "COMMENDED", "REPLICATED"})
    void aPausedModelResumesAtTheStageItLeft(ExemplarStatus status) {
        var paused = ExemplarLifecycle.pause(status);
        assertThat(paused).isEqualTo(ExemplarStatus.PAUSED);
        assertThat(ExemplarLifecycle.resume(paused, status)).isEqualTo(status);
        assertThatThrownBy(() -> ExemplarLifecycle.commend(paused)).hasMessageContaining("exemplar.rule.paused");
    }

    @Test
    void aDiscontinuedModelCannotChange() {
        var stopped = ExemplarLifecycle.discontinue(ExemplarStatus.RECOGNISED);
        assertThat(stopped).isEqualTo(ExemplarStatus.DISCONTINUED);
        assertThatThrownBy(() -> ExemplarLifecycle.start(stopped)).hasMessageContaining("exemplar.rule.discontinued");
        assertThatThrownBy(() -> ExemplarLifecycle.replicate(stopped)).hasMessageContaining("exemplar.rule.discontinued");
        assertThatThrownBy(() -> ExemplarLifecycle.discontinue(stopped)).hasMessageContaining("exemplar.rule.discontinued");
        assertThatThrownBy(() -> ExemplarLifecycle.resume(stopped, ExemplarStatus.RECOGNISED)).hasMessageContaining("exemplar.rule.resume-not-paused");
        assertThatThrownBy(() -> ExemplarLifecycle.edit(stopped)).hasMessageContaining("exemplar.rule.discontinued");
    }

    @Test
    void startsOnlyOnce() {
        assertThat(ExemplarLifecycle.start(ExemplarStatus.REGISTERED)).isEqualTo(ExemplarStatus.IMPLEMENTING);
        assertThatThrownBy(() -> ExemplarLifecycle.start(ExemplarStatus.IMPLEMENTING)).hasMessageContaining("exemplar.rule.already-started");
    }

    @Test
    void judgesAnAttachmentByItsFirstBytesNotByWhatTheBrowserClaims() {
        assertThat(ExemplarAttachments.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}, "text/plain")).isEqualTo("image/png");
        assertThat(ExemplarAttachments.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}, null)).isEqualTo("image/jpeg");
        assertThat(ExemplarAttachments.sniff("%PDF-1.7".getBytes(), null)).isEqualTo("application/pdf");
        assertThat(ExemplarAttachments.sniff(new byte[] {'P', 'K', 3, 4, 0}, null))
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(ExemplarAttachments.sniff("<script>alert(1)</script>".getBytes(), "image/png")).isNull();
    }
}
