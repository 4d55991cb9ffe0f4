package vn.danvan.petition;

import java.time.LocalDate;

/**
 * Search filters; every one optional. {@code unitId} limits to a unit's subtree (within the user's
 * scope); {@code text} matches subject and content ignoring accents ("dat dai" finds "đất đai");
 * {@code state} is a petition state (RECEIVED, PROCESSED) or a matter state; {@code from}/{@code to}
 * bound the day of receipt.
 */
public record PetitionFilter(String text, ContentKind kind, String state, Field field, Long unitId, LocalDate from,
                             LocalDate to, Boolean overdue, Boolean hot) {

    public static PetitionFilter none() {
        return new PetitionFilter(null, null, null, null, null, null, null, null, null);
    }
}
