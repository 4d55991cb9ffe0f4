package vn.danvan.reporting;

import java.util.Optional;

/**
 * Who may take which approval step from which state (quy trình phê duyệt báo cáo), without the
 * database: SUBMIT from a draft or a returned report (an officer who writes for the unit); APPROVE a
 * submitted one (a leader of the unit or above); ACCEPT an approved one (a user who writes for the
 * parent unit, the body the unit reports to); RETURN, with a reason, a submitted report (its
 * approvers), an approved or accepted one (the parent unit); UNLOCK, with a reason, an approved report
 * (a leader of the unit or above) or an accepted one (a leader of the parent unit) back to SUBMITTED,
 * so that the data can change and be approved again.
 */
final class ApprovalRules {

    private ApprovalRules() {
    }

    enum Status {
        DRAFT, SUBMITTED, APPROVED, ACCEPTED, RETURNED;

        /** Whether the unit has sent the report (it counts as submitted on the completeness board). */
        boolean sent() {
            return this == SUBMITTED || this == APPROVED || this == ACCEPTED;
        }

        /** Whether the data are locked. */
        boolean locked() {
            return this == APPROVED || this == ACCEPTED;
        }
    }

    enum Action {
        SUBMIT, APPROVE, ACCEPT, RETURN, UNLOCK;

        boolean needsReason() {
            return this == RETURN || this == UNLOCK;
        }
    }

    /** What the user may do for the unit and for its parent (false when it has none). */
    record Capacity(boolean writesUnit, boolean leadsUnit, boolean writesParent, boolean leadsParent) {
    }

    /** Why a step is refused: the state does not allow it, or this user may not take it. */
    enum Refusal {
        STATE, ROLE
    }

    /** The state a step leads to, or why it is refused. */
    record Outcome(Status to, Refusal refusal) {

        boolean allowed() {
            return refusal == null;
        }
    }

    static Outcome step(Status from, Action action, Capacity who) {
        Optional<Status> to = switch (action) {
            case SUBMIT -> from == Status.DRAFT || from == Status.RETURNED ? Optional.of(Status.SUBMITTED) : Optional.empty();
            case APPROVE -> from == Status.SUBMITTED ? Optional.of(Status.APPROVED) : Optional.empty();
            case ACCEPT -> from == Status.APPROVED ? Optional.of(Status.ACCEPTED) : Optional.empty();
            case RETURN -> from.sent() ? Optional.of(Status.RETURNED) : Optional.empty();
            case UNLOCK -> from.locked() ? Optional.of(Status.SUBMITTED) : Optional.empty();
        };
        if (to.isEmpty()) {
            return new Outcome(null, Refusal.STATE);
        }
        var may = switch (action) {
            case SUBMIT -> who.writesUnit();
            case APPROVE -> who.leadsUnit();
            case ACCEPT -> who.writesParent();
            case RETURN -> from == Status.SUBMITTED ? who.leadsUnit() : who.writesParent();
            case UNLOCK -> from == Status.APPROVED ? who.leadsUnit() : who.leadsParent();
        };
        return may ? new Outcome(to.get(), null) : new Outcome(null, Refusal.ROLE);
    }

    /** The steps this user may take now, in the order the buttons show them. */
    static java.util.List<Action> available(Status from, Capacity who) {
        return java.util.Arrays.stream(Action.values()).filter(a -> step(from, a, who).allowed()).toList();
    }
}
