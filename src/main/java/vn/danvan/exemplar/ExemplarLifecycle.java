package vn.danvan.exemplar;

import java.time.LocalDate;
import vn.danvan.shared.InvalidInputException;

/**
 * The rules of a model's life, as pure functions of its status: each returns the status after the
 * step or refuses it with a message naming the rule. No commendation before recognition, no
 * recognition without a passed assessment, no district recognition after the district level was
 * abolished, nothing but resuming for a paused model, nothing at all for a discontinued one.
 */
final class ExemplarLifecycle {

    private ExemplarLifecycle() {
    }

    static ExemplarStatus start(ExemplarStatus status) {
        requireActive(status, ExemplarAction.START);
        if (status != ExemplarStatus.REGISTERED) {
            throw refused("exemplar.rule.already-started", status);
        }
        return ExemplarStatus.IMPLEMENTING;
    }

    static ExemplarStatus assess(ExemplarStatus status) {
        requireActive(status, ExemplarAction.ASSESS);
        if (!status.reached(ExemplarStatus.IMPLEMENTING)) {
            throw refused("exemplar.rule.assess-before-implementing", status);
        }
        return status.raisedTo(ExemplarStatus.ASSESSED);
    }

    /**
     * @param lastAssessmentPassed the result of the model's latest assessment, null when never assessed
     */
    static ExemplarStatus recognise(ExemplarStatus status, Boolean lastAssessmentPassed, RecognitionLevel level,
                                    LocalDate decisionDate, boolean typical) {
        requireActive(status, ExemplarAction.RECOGNISE);
        if (!status.reached(ExemplarStatus.ASSESSED) || lastAssessmentPassed == null) {
            throw refused("exemplar.rule.recognise-before-assessment", status);
        }
        if (!lastAssessmentPassed) {
            throw refused("exemplar.rule.recognise-failed-assessment", status);
        }
        if (!level.existsOn(decisionDate)) {
            throw new InvalidInputException("level", "exemplar.rule.no-district-level", ExemplarManagement.dmy(RecognitionLevel.LAST_DISTRICT_DAY));
        }
        return status.raisedTo(typical ? ExemplarStatus.TYPICAL : ExemplarStatus.RECOGNISED);
    }

    static ExemplarStatus markTypical(ExemplarStatus status) {
        requireActive(status, ExemplarAction.MARK_TYPICAL);
        if (!status.reached(ExemplarStatus.RECOGNISED)) {
            throw refused("exemplar.rule.typical-before-recognition", status);
        }
        return status.raisedTo(ExemplarStatus.TYPICAL);
    }

    static ExemplarStatus commend(ExemplarStatus status) {
        requireActive(status, ExemplarAction.COMMEND);
        if (!status.reached(ExemplarStatus.RECOGNISED)) {
            throw refused("exemplar.rule.commend-before-recognition", status);
        }
        return status.raisedTo(ExemplarStatus.COMMENDED);
    }

    /** The source's status once one of its units replicated it. */
    static ExemplarStatus replicate(ExemplarStatus status) {
        requireActive(status, ExemplarAction.REPLICATE);
        if (!status.reached(ExemplarStatus.RECOGNISED)) {
            throw refused("exemplar.rule.replicate-before-recognition", status);
        }
        return status.raisedTo(ExemplarStatus.REPLICATED);
    }

    static ExemplarStatus pause(ExemplarStatus status) {
        requireActive(status, ExemplarAction.PAUSE);
        return ExemplarStatus.PAUSED;
    }

    static ExemplarStatus resume(ExemplarStatus status, ExemplarStatus pausedStatus) {
        if (status != ExemplarStatus.PAUSED || pausedStatus == null) {
            throw refused("exemplar.rule.resume-not-paused", status);
        }
        return pausedStatus;
    }

    static ExemplarStatus discontinue(ExemplarStatus status) {
        if (status == ExemplarStatus.DISCONTINUED) {
            throw refused("exemplar.rule.discontinued", status);
        }
        return ExemplarStatus.DISCONTINUED;
    }

    /** Editing the registration is allowed while the model lives (not once discontinued). */
    static void edit(ExemplarStatus status) {
        if (status == ExemplarStatus.DISCONTINUED) {
            throw refused("exemplar.rule.discontinued", status);
        }
    }

    private static void requireActive(ExemplarStatus status, ExemplarAction action) {
        if (status == ExemplarStatus.DISCONTINUED) {
            throw refused("exemplar.rule.discontinued", status);
        }
        if (status == ExemplarStatus.PAUSED) {
            throw refused("exemplar.rule.paused", status);
        }
    }

    private static InvalidInputException refused(String key, ExemplarStatus status) {
        return new InvalidInputException("action", key, status);
    }
}
