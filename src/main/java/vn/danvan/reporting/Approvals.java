package vn.danvan.reporting;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.audit.AuditTrail;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.OrgScope;
import vn.danvan.orgunit.OrgUnit;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.reporting.ApprovalRules.Action;
import vn.danvan.reporting.ApprovalRules.Status;
import vn.danvan.shared.ConflictException;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.InvalidInputException.Problem;

/**
 * Approval of a unit's report up the hierarchy (phê duyệt báo cáo): submit, approve (locks the data),
 * accept by the parent unit, return with a reason, unlock with a reason — see {@link ApprovalRules} for
 * who may do what from which state. Every step reads the unit as of the period's last day (outside the
 * user's scope: 404), checks the submission's version (stale: 409), writes the step on the submission
 * and in its history, locks or unlocks the data, and is audited in the same transaction. A report with
 * blocking errors under the form's rules cannot be submitted; the refusal names the cells.
 */
@Service
@Transactional
public class Approvals {

    static final int MAX_REASON = 2000;

    private final ReportForms forms;
    private final ReportEntry entry;
    private final Submissions submissions;
    private final ValueLocks locks;
    private final OrgScope scope;
    private final OrgUnits units;
    private final AuditTrail audit;
    private final Clock clock;

    Approvals(ReportForms forms, ReportEntry entry, Submissions submissions, ValueLocks locks, OrgScope scope, OrgUnits units,
              AuditTrail audit, Clock clock) {
        this.forms = forms;
        this.entry = entry;
        this.submissions = submissions;
        this.locks = locks;
        this.scope = scope;
        this.units = units;
        this.audit = audit;
        this.clock = clock;
    }

    /** A step asked for: the report (form, unit code, period), the action, the version read and the reason. */
    public record StepInput(String form, String unit, String period, String action, Integer version, String reason) {
    }

    /**
     * A report's approval as the grid page and the API show it: the submission (null before the first
     * save), the parent unit that accepts it, the steps this user may take now, and the history.
     */
    public record State(String form, String unit, String unitName, String period, String parentUnit, String parentName,
                        String status, EntryGrid.Submission submission, List<String> actions, List<Submissions.Step> steps) {
    }

    /**
     * @throws vn.danvan.shared.NotFoundException for a unit outside the user's scope
     */
    @Transactional(readOnly = true)
    public State state(String form, String unit, String period, CurrentUser user) {
        var t = forms.target(form, unit, period, user, false);
        return state(t, submissions.find(t.form().code(), t.unit().id(), t.period().identifier()).orElse(null), user);
    }

    /**
     * Takes a step.
     *
     * @throws InvalidInputException naming {@code action} (unknown, not allowed in this state or to this user),
     *                               {@code reason} (missing or too long), or the cells in error when submitting
     * @throws ConflictException     when the submission changed after {@code version} was read
     * @throws vn.danvan.shared.NotFoundException for a unit outside the user's scope
     */
    public State take(StepInput in, CurrentUser user) {
        return take(in, user, OffsetDateTime.now(clock));
    }

    /** As {@link #take(StepInput, CurrentUser)} at a given time (the demo tells a story over past quarters). */
    State take(StepInput in, CurrentUser user, OffsetDateTime at) {
        var action = action(in.action());
        var t = forms.target(in.form(), in.unit(), in.period(), user, false);
        var reason = in.reason() == null || in.reason().isBlank() ? null : in.reason().strip();
        if (action.needsReason() && reason == null) {
            throw new InvalidInputException("reason", "reporting.approval.reason-required");
        }
        if (reason != null && reason.length() > MAX_REASON) {
            throw new InvalidInputException("reason", "reporting.value.too-long", MAX_REASON);
        }
        var key = t.form().symbol() + " · " + t.unit().name() + " · " + t.period().identifier();
        var existing = submissions.find(t.form().code(), t.unit().id(), t.period().identifier());
        var current = existing.map(s -> Status.valueOf(s.status())).orElse(Status.DRAFT);
        var who = capacity(user, t.unit());
        var outcome = ApprovalRules.step(current, action, who);
        if (!outcome.allowed()) {
            throw new InvalidInputException("action", outcome.refusal() == ApprovalRules.Refusal.STATE
                    ? "reporting.approval.refused-state" : "reporting.approval.refused-role." + action.name(),
                    label("reporting.approval.action." + action.name()), label("reporting.entry.status." + current.name()));
        }
        if (in.version() == null || in.version() != existing.map(EntryGrid.Submission::version).orElse(0)) {
            throw new ConflictException("submission", key);
        }
        var submission = submissions.lock(t, user); // creates the draft on a first submit, holds the row until commit
        if (submission.version() != existing.map(EntryGrid.Submission::version).orElse(submission.version())
                || !submission.status().equals(current.name())) {
            throw new ConflictException("submission", key);
        }
        if (action == Action.SUBMIT) {
            var errors = entry.blockingErrors(t);
            if (!errors.isEmpty()) {
                var problems = new ArrayList<Problem>();
                problems.add(new Problem("action", "reporting.approval.submit-blocked", errors.size()));
                problems.addAll(errors);
                throw new InvalidInputException(problems);
            }
        }
        if (!submissions.step(submission, action, outcome.to(), reason, user.username(), at)) {
            throw new ConflictException("submission", key);
        }
        if (action == Action.APPROVE) {
            locks.lock(submission.id(), ReportEntry.enteredIndicators(t), t.unit().id(), t.period().identifier());
        } else if (action == Action.RETURN || action == Action.UNLOCK) {
            locks.unlock(submission.id());
        }
        audit.record("reporting.submission-" + action.name().toLowerCase(Locale.ROOT), "reporting_submission", submission.id(),
                t.unit().id(), AuditTrail.fields("status", current.name(), "version", submission.version()),
                AuditTrail.fields("form", t.form().code(), "unit", t.unit().code(), "period", t.period().identifier(),
                        "status", outcome.to().name(), "reason", reason, "version", submission.version() + 1));
        return state(t, submissions.find(t.form().code(), t.unit().id(), t.period().identifier()).orElseThrow(), user);
    }

    private State state(ReportForms.Target t, EntryGrid.Submission submission, CurrentUser user) {
        var current = submission == null ? Status.DRAFT : Status.valueOf(submission.status());
        var parent = parent(t.unit(), t);
        var actions = ApprovalRules.available(current, capacity(user, t.unit())).stream().map(Enum::name).toList();
        return new State(t.form().code(), t.unit().code(), t.unit().name(), t.period().identifier(),
                parent == null ? null : parent.code(), parent == null ? null : parent.name(), current.name(), submission, actions,
                submission == null ? List.of() : submissions.steps(submission.id()));
    }

    /** What the user may do for the unit and for its parent (the body it reports to, as of the period's last day). */
    ApprovalRules.Capacity capacity(CurrentUser user, OrgUnit unit) {
        var parentId = unit.parentId();
        return new ApprovalRules.Capacity(scope.canWrite(user, unit.id()), scope.canLead(user, unit.id()),
                parentId != null && scope.canWrite(user, parentId), parentId != null && scope.canLead(user, parentId));
    }

    private OrgUnit parent(OrgUnit unit, ReportForms.Target t) {
        return unit.parentId() == null ? null : units.find(unit.parentId(), t.period().to()).orElse(null);
    }

    private static Action action(String text) {
        try {
            return Action.valueOf(text == null ? "" : text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("action", "reporting.approval.action-unknown", String.valueOf(text));
        }
    }

    private static DefaultMessageSourceResolvable label(String key) {
        return new DefaultMessageSourceResolvable(new String[] {key}, key);
    }
}
