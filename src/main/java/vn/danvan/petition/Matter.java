package vn.danvan.petition;

import java.time.LocalDate;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import vn.danvan.calendar.Complexity;
import vn.danvan.shared.InvalidInputException;

/**
 * A matter (vụ việc) at its handling unit, with the moves the Complaints Law 2011, the
 * Denunciations Law 2018 and Law 136/2025/QH15 allow. Each move checks the state and refuses an
 * illegal step with a Vietnamese explanation naming the current state; the facade computes
 * deadlines and saves.
 */
final class Matter implements Cloneable {

    /** Law 136/2025/QH15 takes effect: partial withdrawal and online reception exist from this day. */
    static final LocalDate LAW_136_EFFECTIVE = LocalDate.of(2026, 7, 1);

    long id;
    String number;
    long unitId;
    String title;
    ContentKind contentKind;
    Field field;
    Long placeUnitId;
    boolean remote;
    Complexity complexity = Complexity.NORMAL;
    int round = 1;
    boolean followUp;
    Long previousMatterId;
    MatterStatus status = MatterStatus.RECEIVED;
    MatterStatus suspendedFrom;
    LocalDate acceptedOn;
    String acceptanceNumber;
    LocalDate dueOn;
    String dueRule;
    Integer dueRuleVersion;
    int extensions;
    Long handlerId;
    LocalDate decidedOn;
    String decisionNumber;
    MatterResult result;
    LocalDate closedOn;
    boolean withdrawnPartly;
    boolean hotManual;
    String hotReason;
    int version;
    /**
     * Read with the matter: does it have a suspension row? Without one, the deadline counts no suspended
     * days and the suspensions need not be read.
     */
    boolean suspendedEver;

    /** A copy to change apart from this one (every field is a value: a shallow copy is a whole one). */
    Matter copy() {
        try {
            return (Matter) clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The deadline rule of this matter's resolution (brief §1.6): C2, C5, D4, or R1 for recommendations. */
    String resolutionRule() {
        return switch (contentKind) {
            case COMPLAINT -> round == 2 ? "C5" : "C2";
            case DENUNCIATION -> "D4";
            default -> "R1";
        };
    }

    void accept(LocalDate on, String documentNumber) {
        require(status == MatterStatus.RECEIVED, StepKind.ACCEPTED);
        requireNotBefore(on);
        status = MatterStatus.ACCEPTED;
        acceptedOn = on;
        acceptanceNumber = documentNumber;
    }

    void refuseAcceptance() {
        require(status == MatterStatus.RECEIVED, StepKind.NOT_ACCEPTED);
        status = MatterStatus.NOT_ACCEPTED;
    }

    void startVerification(LocalDate on) {
        require(status == MatterStatus.ACCEPTED, StepKind.VERIFICATION_STARTED);
        requireNotBefore(on);
        status = MatterStatus.VERIFYING;
    }

    /** Dialogue (đối thoại) is a step of resolving a complaint, held during verification. */
    void holdDialogue(LocalDate on) {
        require(status == MatterStatus.VERIFYING, StepKind.DIALOGUE_HELD);
        if (contentKind != ContentKind.COMPLAINT) {
            throw illegal(StepKind.DIALOGUE_HELD, "petition.illegal.dialogue-only-complaints");
        }
        requireNotBefore(on);
    }

    /** Extensions are for denunciations only (Luật Tố cáo, Điều 30); their number is checked by the rule. */
    void extend(LocalDate on) {
        require(status == MatterStatus.ACCEPTED || status == MatterStatus.VERIFYING, StepKind.EXTENDED);
        if (contentKind != ContentKind.DENUNCIATION) {
            throw illegal(StepKind.EXTENDED, "petition.illegal.extension-only-denunciations");
        }
        requireNotBefore(on);
        extensions++;
    }

    void suspend(LocalDate on) {
        require(status == MatterStatus.ACCEPTED || status == MatterStatus.VERIFYING, StepKind.SUSPENDED);
        requireNotBefore(on);
        suspendedFrom = status;
        status = MatterStatus.SUSPENDED;
    }

    void resume(LocalDate on) {
        require(status == MatterStatus.SUSPENDED, StepKind.RESUMED);
        status = suspendedFrom == null ? MatterStatus.ACCEPTED : suspendedFrom;
        suspendedFrom = null;
    }

    /** Partial withdrawal exists from 1/7/2026 (Luật số 136/2025/QH15); the rest goes on. */
    void withdrawPartly(LocalDate on) {
        require(status.isBeingResolved(), StepKind.WITHDRAWN_PARTLY);
        if (on.isBefore(LAW_136_EFFECTIVE)) {
            throw illegal(StepKind.WITHDRAWN_PARTLY, "petition.illegal.partial-withdrawal-before-law-136");
        }
        withdrawnPartly = true;
    }

    void withdraw(LocalDate on) {
        require(status.isBeingResolved() || status == MatterStatus.RECEIVED, StepKind.WITHDRAWN);
        requireNotBefore(on);
        status = MatterStatus.WITHDRAWN;
        closedOn = on;
    }

    void terminate(LocalDate on) {
        require(status.isBeingResolved(), StepKind.TERMINATED);
        requireNotBefore(on);
        status = MatterStatus.TERMINATED;
        closedOn = on;
    }

    /**
     * A decision (complaint), a conclusion (denunciation) or a written answer (recommendation).
     * Complaints and denunciations must have been accepted and verified first.
     */
    void decide(LocalDate on, String documentNumber, MatterResult outcome) {
        var verified = status == MatterStatus.VERIFYING;
        var answerable = !contentKind.isResolvedByDecision() && status == MatterStatus.ACCEPTED;
        if (status == MatterStatus.RECEIVED || status == MatterStatus.NOT_ACCEPTED) {
            throw illegal(StepKind.DECIDED, "petition.illegal.decide-not-accepted");
        }
        require(verified || answerable, StepKind.DECIDED);
        requireNotBefore(on);
        if (contentKind.isResolvedByDecision()) {
            if (outcome == null) {
                throw new InvalidInputException("result", "petition.result.required");
            }
            var secondTime = contentKind == ContentKind.COMPLAINT && round == 2;
            var secondTimeResult = outcome == MatterResult.UPHELD || outcome == MatterResult.ANNULLED;
            if (secondTime != secondTimeResult) {
                throw new InvalidInputException("result", secondTime ? "petition.result.second-time" : "petition.result.first-time");
            }
        }
        status = MatterStatus.DECIDED;
        decidedOn = on;
        decisionNumber = documentNumber;
        result = outcome;
    }

    /** Enforcement of the decision or conclusion is complete: the matter is closed. */
    void close(LocalDate on) {
        require(status == MatterStatus.DECIDED, StepKind.CLOSED);
        if (on.isBefore(decidedOn)) {
            throw new InvalidInputException("day", "petition.day.before-decision");
        }
        status = MatterStatus.CLOSED;
        closedOn = on;
    }

    void refer(LocalDate on) {
        require(status == MatterStatus.RECEIVED, StepKind.FORWARDED);
        status = MatterStatus.REFERRED;
        closedOn = on;
    }

    /** A decision was made on or before its due date (chấp hành thời hạn giải quyết). */
    boolean decidedOnTime() {
        return decidedOn != null && dueOn != null && !decidedOn.isAfter(dueOn);
    }

    private void requireNotBefore(LocalDate on) {
        if (acceptedOn != null && on.isBefore(acceptedOn)) {
            throw new InvalidInputException("day", "petition.day.before-acceptance");
        }
    }

    private void require(boolean allowed, StepKind step) {
        if (!allowed) {
            throw illegal(step, "petition.illegal.step");
        }
    }

    private InvalidInputException illegal(StepKind step, String key) {
        return new InvalidInputException("status", key,
                new DefaultMessageSourceResolvable("petition.step." + step.name()),
                new DefaultMessageSourceResolvable("petition.matter-status." + status.name()));
    }
}
