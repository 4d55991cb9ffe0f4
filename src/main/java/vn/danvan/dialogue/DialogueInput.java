package vn.danvan.dialogue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;

/**
 * A dialogue as the officer enters it: when and where, the organising unit and the chair (a person of
 * module person), the participants by group, and — when not every opinion is recorded one by one — the
 * numbers of opinions raised and answered on the spot.
 */
public record DialogueInput(String title, LocalDate heldOn, LocalTime startsAt, LocalTime endsAt, String place, Long unitId,
                            Long chairPersonId, Map<Audience, Integer> participants, Integer raisedCount, Integer answeredCount,
                            String summary) {

    public DialogueInput {
        participants = participants == null ? Map.of() : Map.copyOf(participants);
    }
}
