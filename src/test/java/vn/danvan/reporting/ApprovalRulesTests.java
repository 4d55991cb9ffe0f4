package vn.danvan.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.danvan.reporting.ApprovalRules.Action;
import vn.danvan.reporting.ApprovalRules.Capacity;
import vn.danvan.reporting.ApprovalRules.Refusal;
import vn.danvan.reporting.ApprovalRules.Status;

/** Who may take which approval step from which state, without the database. */
class ApprovalRulesTests {

    static final Capacity OFFICER = new Capacity(true, false, false, false);
    static final Capacity LEADER = new Capacity(true, true, false, false);
    static final Capacity PARENT_OFFICER = new Capacity(true, false, true, false);
    static final Capacity PARENT_LEADER = new Capacity(true, true, true, true);
    static final Capacity VIEWER = new Capacity(false, false, false, false);

    @Test
    void anOfficerSubmitsADraftOrAReturnedReportButNothingElse() {
        assertThat(ApprovalRules.step(Status.DRAFT, Action.SUBMIT, OFFICER).to()).isEqualTo(Status.SUBMITTED);
        assertThat(ApprovalRules.step(Status.RETURNED, Action.SUBMIT, OFFICER).to()).isEqualTo(Status.SUBMITTED);
        assertThat(ApprovalRules.available(Status.DRAFT, OFFICER)).containsExactly(Action.SUBMIT);
        assertThat(ApprovalRules.available(Status.SUBMITTED, OFFICER)).isEmpty();
        assertThat(ApprovalRules.step(Status.SUBMITTED, Action.APPROVE, OFFICER).refusal()).isEqualTo(Refusal.ROLE);
    }

    @Test
    void aViewerMayNotSubmit() {
        assertThat(ApprovalRules.step(Status.DRAFT, Action.SUBMIT, VIEWER).refusal()).isEqualTo(Refusal.ROLE);
    }

    @Test
    void theUnitsLeaderApprovesOrReturnsASubmittedReportButCannotAcceptIt() {
        assertThat(ApprovalRules.available(Status.SUBMITTED, LEADER)).containsExactly(Action.APPROVE, Action.RETURN);
        assertThat(ApprovalRules.step(Status.APPROVED, Action.ACCEPT, LEADER).refusal()).isEqualTo(Refusal.ROLE);
        assertThat(ApprovalRules.available(Status.APPROVED, LEADER)).containsExactly(Action.UNLOCK);
    }

    @Test
    void theParentUnitAcceptsOrReturnsAnApprovedReport() {
        assertThat(ApprovalRules.available(Status.APPROVED, PARENT_OFFICER)).containsExactly(Action.ACCEPT, Action.RETURN);
        assertThat(ApprovalRules.step(Status.APPROVED, Action.ACCEPT, PARENT_OFFICER).to()).isEqualTo(Status.ACCEPTED);
        assertThat(ApprovalRules.step(Status.ACCEPTED, Action.RETURN, PARENT_OFFICER).to()).isEqualTo(Status.RETURNED);
        // a submitted report is returned by its approvers, not by the parent's officers
        assertThat(ApprovalRules.step(Status.SUBMITTED, Action.RETURN, PARENT_OFFICER).refusal()).isEqualTo(Refusal.ROLE);
    }

    @Test
    void onlyALeaderUnlocksAndAnAcceptedReportOnlyALeaderOfTheParent() {
        assertThat(ApprovalRules.step(Status.APPROVED, Action.UNLOCK, LEADER).to()).isEqualTo(Status.SUBMITTED);
        assertThat(ApprovalRules.step(Status.APPROVED, Action.UNLOCK, OFFICER).refusal()).isEqualTo(Refusal.ROLE);
        assertThat(ApprovalRules.step(Status.ACCEPTED, Action.UNLOCK, LEADER).refusal()).isEqualTo(Refusal.ROLE);
        assertThat(ApprovalRules.step(Status.ACCEPTED, Action.UNLOCK, PARENT_OFFICER).refusal()).isEqualTo(Refusal.ROLE);
        assertThat(ApprovalRules.step(Status.ACCEPTED, Action.UNLOCK, PARENT_LEADER).to()).isEqualTo(Status.SUBMITTED);
    }

    @Test
    void stepsOutOfOrderAreRefusedForTheStateWhoeverAsks() {
        assertThat(ApprovalRules.step(Status.DRAFT, Action.APPROVE, PARENT_LEADER).refusal()).isEqualTo(Refusal.STATE);
        assertThat(ApprovalRules.step(Status.SUBMITTED, Action.ACCEPT, PARENT_LEADER).refusal()).isEqualTo(Refusal.STATE);
        assertThat(ApprovalRules.step(Status.APPROVED, Action.SUBMIT, PARENT_LEADER).refusal()).isEqualTo(Refusal.STATE);
        assertThat(ApprovalRules.step(Status.DRAFT, Action.RETURN, PARENT_LEADER).refusal()).isEqualTo(Refusal.STATE);
        assertThat(ApprovalRules.step(Status.SUBMITTED, Action.UNLOCK, PARENT_LEADER).refusal()).isEqualTo(Refusal.STATE);
        assertThat(ApprovalRules.step(Status.RETURNED, Action.RETURN, PARENT_LEADER).refusal()).isEqualTo(Refusal.STATE);
    }

    @Test
    void onlyApprovedAndAcceptedReportsAreLockedAndReturnAndUnlockNeedAReason() {
        assertThat(java.util.Arrays.stream(Status.values()).filter(Status::locked)).containsExactly(Status.APPROVED, Status.ACCEPTED);
        assertThat(java.util.Arrays.stream(Action.values()).filter(Action::needsReason)).containsExactly(Action.RETURN, Action.UNLOCK);
    }
}
