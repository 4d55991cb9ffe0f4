package vn.danvan.petition;

import java.time.LocalDate;
import vn.danvan.calendar.Complexity;

/**
 * One step in resolving a matter, as the officer records it. Which fields matter depends on the
 * step: ACCEPT may set {@code remote} and {@code complexity}; EXTEND sets the complexity that allows
 * it; DECIDE needs {@code result} (and {@code outcome}); CLOSE carries the enforcement
 * {@code outcome}; ASSIGN names the {@code handlerId}; FLAG_HOT needs {@code note} as the reason.
 * {@code version} is the version of the matter the officer saw.
 */
public record MatterStep(Action action, LocalDate day, String documentNumber, String note, Boolean remote,
                         Complexity complexity, MatterResult result, Outcome outcome, Long handlerId, Integer version) {

    /** Labels: {@code petition.action.<NAME>}. */
    public enum Action {
        ACCEPT, NOT_ACCEPT, START_VERIFICATION, HOLD_DIALOGUE, EXTEND, SUSPEND, RESUME, WITHDRAW_PARTLY, WITHDRAW,
        TERMINATE, DECIDE, CLOSE, ASSIGN, FLAG_HOT, UNFLAG_HOT
    }
}
