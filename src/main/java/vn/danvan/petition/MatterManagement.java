package vn.danvan.petition;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.danvan.identity.CurrentUser;
import vn.danvan.shared.ConflictException;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.NotFoundException;

/**
 * Resolving a matter (giải quyết khiếu nại, tố cáo, kiến nghị): acceptance with its legal deadline,
 * verification, dialogue, extensions, suspension, withdrawal, decision or conclusion, enforcement.
 * Each step is one transaction: scope check, the state rule of {@link Matter}, the deadline from the
 * rule version in force, the timeline step and the audit record ({@link MatterSteps}).
 */
@Service
public class MatterManagement {

    private final MatterSteps steps;
    private final RecentCases recent;
    private final CaseWorkers workers;

    MatterManagement(MatterSteps steps, RecentCases recent, CaseWorkers workers) {
        this.steps = steps;
        this.recent = recent;
        this.workers = workers;
    }

    /**
     * Records a step of a matter.
     *
     * <p>The step is tried first on the matter as this instance committed it last ({@link RecentCases}), without reading
     * it, when the step begins its own transaction. Its write is guarded by the version: when the matter was saved since
     * elsewhere, nothing is saved, and the step runs again on the matter read from the database. So does a step refused on
     * the kept matter, whose refusal might have come from the matter's older state; a refusal then comes from the matter as
     * it is. The exceptions below are thrown before anything is saved.
     *
     * @throws NotFoundException when the matter does not exist or lies outside the user's scope
     * @throws InvalidInputException when the step is illegal in the matter's state, or a field is wrong
     * @throws ConflictException when someone saved the matter after {@code step.version()}
     */
    public void record(long matterId, MatterStep step, CurrentUser user) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            var kept = recent.matter(matterId);
            if (kept.isPresent()) {
                try {
                    steps.record(kept.get(), step, user);
                    return;
                } catch (ConflictException | InvalidInputException | NotFoundException e) {
                    recent.forgetMatter(matterId);
                }
            }
        }
        steps.record(matterId, step, user);
    }

    /**
     * May the user handle a matter of the unit? The handler works on the matter and sees its petitioners' identities:
     * someone who may not write the unit (another commune's officer, a disabled account) would hold a case they cannot
     * open. ASSIGN refuses anyone else; the matter page offers only these; the demo assigns only these.
     */
    @Transactional
    public boolean mayHandle(long userId, long unitId) {
        return workers.mayWorkOn(userId, unitId);
    }
}
