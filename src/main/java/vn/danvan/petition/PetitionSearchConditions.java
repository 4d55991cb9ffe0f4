package vn.danvan.petition;

import java.util.Arrays;
import java.util.Set;

/** Conditions of the petition search ({@link PetitionQueries#search}) that more than one of its statements use. */
final class PetitionSearchConditions {

    private PetitionSearchConditions() {
    }

    /** A search by words: the text holds what was typed, accents and case folded (the index narrows, this decides). */
    static final String WORDS = " and strpos(t.search_text, search_key(:text)) > 0";

    /** The states a petition itself is in (V1's check); every other state asked is its matter's. */
    private static final Set<String> PETITION_STATES = Set.of("RECEIVED", "PROCESSED");

    /**
     * The search's condition on a state: the petition's (RECEIVED, PROCESSED) or its matter's. A state only petitions
     * are in asks the petition alone, and a count of such a search joins no matter; a state only matters are in asks
     * the matter alone (V106: its status is read from an index, not from its row); RECEIVED, both.
     */
    static String state(String state) {
        var matterState = Arrays.stream(MatterStatus.values()).anyMatch(s -> s.name().equals(state));
        if (!matterState) {
            return "p.status = :state";
        }
        return PETITION_STATES.contains(state) ? "(p.status = :state or m.status = :state)" : "m.status = :state";
    }
}
