package vn.danvan.petition;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.audit.AuditTrail;
import vn.danvan.calendar.Complexity;
import vn.danvan.calendar.DayRange;
import vn.danvan.calendar.LegalDeadlines;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.OrgScope;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.NotFoundException;

/**
 * A matter's step in its transaction, for {@link MatterManagement#record}: scope check, the state rule of {@link Matter},
 * the deadline from the rule version in force, the timeline step and the audit record, on the matter read from the
 * database or on the one this instance kept after its last step ({@link RecentCases}).
 */
@Service
@Transactional
class MatterSteps {

    private final CaseStore store;
    private final StepWrites writes;
    private final LegalDeadlines deadlines;
    private final OrgScope scope;
    private final CaseWorkers workers;
    private final AuditTrail audit;
    private final Clock clock;

    MatterSteps(CaseStore store, StepWrites writes, LegalDeadlines deadlines, OrgScope scope, CaseWorkers workers,
                     AuditTrail audit, Clock clock) {
        this.store = store;
        this.writes = writes;
        this.deadlines = deadlines;
        this.scope = scope;
        this.workers = workers;
        this.audit = audit;
        this.clock = clock;
    }

    /** The step on the matter as the database has it now; see {@link MatterManagement#record}. */
    public void record(long matterId, MatterStep step, CurrentUser user) {
        record(store.matter(matterId).orElseThrow(() -> new NotFoundException("matter", matterId)), step, user);
    }

    /**
     * The step on the matter {@code m} (read, or kept by this instance): saved only when the matter's version is still
     * the one the step read ({@code step.version()}, or {@code m}'s), else {@link vn.danvan.shared.ConflictException}.
     */
    public void record(Matter m, MatterStep step, CurrentUser user) {
        scope.requireWrite(user, m.unitId, "matter", m.number);
        if (step.action() == null) {
            throw new InvalidInputException("action", "validation.required");
        }
        var today = LocalDate.now(clock);
        var day = step.day() == null ? today : step.day();
        if (day.isAfter(today)) {
            throw new InvalidInputException("day", "petition.day.future");
        }
        var read = step.version() == null ? m.version : step.version();
        var before = AuditTrail.fields("status", m.status, "dueOn", m.dueOn, "extensions", m.extensions);
        var also = new Also();
        var kind = apply(m, step, day, also);
        var audited = audit.inStatement("saved", null, "petition.matter." + step.action().name().toLowerCase().replace('_', '-'),
                "petition_matter", m.number, m.unitId, before, AuditTrail.fields("status", m.status, "dueOn", m.dueOn,
                        "extensions", m.extensions, "result", m.result, "document", step.documentNumber(), "note", step.note()));
        writes.updateMatter(m, read, new StepWrites.MatterWrite(kind, day, user.username(), step.note(), step.documentNumber(),
                also.grantTo, also.outcomeStage, step.outcome(), audited, true));
    }

    /** What a step writes besides the matter and its timeline step, in the same statement (see {@link StepWrites}). */
    private static final class Also {
        Long grantTo;
        String outcomeStage;
    }

    private StepKind apply(Matter m, MatterStep step, LocalDate day, Also also) {
        switch (step.action()) {
            case ACCEPT -> {
                if (step.remote() != null) {
                    m.remote = step.remote();
                }
                if (step.complexity() != null) {
                    m.complexity = step.complexity();
                }
                m.accept(day, step.documentNumber());
                recomputeDue(m);
                return StepKind.ACCEPTED;
            }
            case NOT_ACCEPT -> {
                requireNote(step);
                m.refuseAcceptance();
                m.closedOn = day;
                return StepKind.NOT_ACCEPTED;
            }
            case START_VERIFICATION -> {
                m.startVerification(day);
                return StepKind.VERIFICATION_STARTED;
            }
            case HOLD_DIALOGUE -> {
                m.holdDialogue(day);
                return StepKind.DIALOGUE_HELD;
            }
            case EXTEND -> {
                if (step.complexity() != null) {
                    m.complexity = step.complexity();
                }
                if (step.documentNumber() == null || step.documentNumber().isBlank()) {
                    // Luật Tố cáo 2018, Điều 30: the extension is decided in writing
                    throw new InvalidInputException("documentNumber", "petition.extension.decision-required");
                }
                m.extend(day);
                recomputeDue(m);
                return StepKind.EXTENDED;
            }
            case SUSPEND -> {
                requireNote(step);
                // The matter follows the rule version in force when it was accepted: a complaint accepted
                // before 1/7/2026 (Luật số 136/2025/QH15) has no suspension.
                if (m.acceptedOn == null || !deadlines.ruleOn(m.resolutionRule(), m.acceptedOn).suspensionNotCounted()) {
                    throw new InvalidInputException("status", "petition.illegal.suspension-not-allowed");
                }
                m.suspend(day);
                store.startSuspension(m.id, day, step.note());
                // as the matter is read from now on, and as RecentCases keeps it
                m.suspendedEver = true;
                return StepKind.SUSPENDED;
            }
            case RESUME -> {
                m.resume(day);
                store.endSuspension(m.id, day);
                recomputeDue(m);
                return StepKind.RESUMED;
            }
            case WITHDRAW_PARTLY -> {
                requireNote(step);
                m.withdrawPartly(day);
                return StepKind.WITHDRAWN_PARTLY;
            }
            case WITHDRAW -> {
                m.withdraw(day);
                store.endSuspension(m.id, day);
                return StepKind.WITHDRAWN;
            }
            case TERMINATE -> {
                requireNote(step);
                m.terminate(day);
                store.endSuspension(m.id, day);
                return StepKind.TERMINATED;
            }
            case DECIDE -> {
                m.decide(day, step.documentNumber(), step.result());
                also.outcomeStage = "DECIDED";
                return StepKind.DECIDED;
            }
            case CLOSE -> {
                m.close(day);
                also.outcomeStage = "ENFORCED";
                return StepKind.CLOSED;
            }
            case ASSIGN -> {
                if (step.handlerId() == null) {
                    throw new InvalidInputException("handlerId", "validation.required");
                }
                if (!workers.mayWorkOn(step.handlerId(), m.unitId)) {
                    throw new InvalidInputException("handlerId", "petition.handler.out-of-scope");
                }
                m.handlerId = step.handlerId();
                // the handler of a matter sees the identities of its petitions
                also.grantTo = step.handlerId();
                return StepKind.HANDLER_ASSIGNED;
            }
            case FLAG_HOT -> {
                requireNote(step);
                m.hotManual = true;
                m.hotReason = step.note().strip();
                return StepKind.HOT_FLAGGED;
            }
            case UNFLAG_HOT -> {
                m.hotManual = false;
                m.hotReason = null;
                return StepKind.HOT_UNFLAGGED;
            }
        }
        throw new IllegalStateException(step.action().name());
    }

    /** Resolution deadline from acceptance, by the rule version in force on that day (brief §1.6). */
    void recomputeDue(Matter m) {
        if (m.acceptedOn == null) {
            return;
        }
        // a matter never suspended has no suspended days: its suspensions are not read
        var suspensions = (m.suspendedEver ? store.suspensions(m.id) : List.<Suspension>of()).stream()
                .filter(s -> s.toDay() != null)
                .map(s -> new DayRange(s.fromDay(), s.toDay().minusDays(1)))
                .filter(r -> !r.to().isBefore(r.from()))
                .toList();
        var rule = deadlines.ruleOn(m.resolutionRule(), m.acceptedOn);
        var deadline = deadlines.deadline(m.resolutionRule(), m.acceptedOn, m.remote,
                m.complexity == null ? Complexity.NORMAL : m.complexity, m.extensions,
                rule.suspensionNotCounted() ? suspensions : List.of());
        m.dueOn = deadline.due();
        m.dueRule = deadline.rule();
        m.dueRuleVersion = deadline.ruleVersion();
    }

    private static void requireNote(MatterStep step) {
        if (step.note() == null || step.note().isBlank()) {
            throw new InvalidInputException("note", "petition.note.required");
        }
    }
}
