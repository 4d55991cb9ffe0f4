package vn.danvan.dialogue;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import vn.danvan.shared.InvalidInputException.Problem;

/**
 * The rules a dialogue's figures and commitments obey, apart from storage so that they can be tested
 * alone. Every problem names the field the officer typed into.
 */
final class DialogueRules {

    static final int MAX_TITLE = 500;
    static final int MAX_PLACE = 300;
    static final int MAX_TEXT = 10_000;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private DialogueRules() {
    }

    /** What is already recorded one by one: opinions, those answered on the spot, those assigned. */
    record Recorded(int opinions, int answered, int assigned) {
        static final Recorded NONE = new Recorded(0, 0, 0);
    }

    /** The dialogue's header: title, date, times, place, organising unit, participants. */
    static void checkHeader(DialogueInput in, List<Problem> problems) {
        if (in.title() == null || in.title().isBlank()) {
            problems.add(new Problem("dialogueTitle", "validation.required"));
        } else if (in.title().strip().length() > MAX_TITLE) {
            problems.add(new Problem("dialogueTitle", "validation.too-long", MAX_TITLE));
        }
        if (in.heldOn() == null) {
            problems.add(new Problem("dialogueDate", "validation.required"));
        }
        if (in.startsAt() == null) {
            problems.add(new Problem("dialogueStart", "validation.required"));
        }
        if (in.endsAt() == null) {
            problems.add(new Problem("dialogueEnd", "validation.required"));
        } else if (in.startsAt() != null && in.endsAt().isBefore(in.startsAt())) {
            problems.add(new Problem("dialogueEnd", "dialogue.ends-before-starts"));
        }
        if (in.place() != null && in.place().strip().length() > MAX_PLACE) {
            problems.add(new Problem("dialoguePlace", "validation.too-long", MAX_PLACE));
        }
        if (in.unitId() == null) {
            problems.add(new Problem("organisingUnitId", "validation.required"));
        }
        if (in.summary() != null && in.summary().length() > MAX_TEXT) {
            problems.add(new Problem("dialogueSummary", "validation.too-long", MAX_TEXT));
        }
        checkParticipants(in.participants(), problems);
    }

    static void checkParticipants(Map<Audience, Integer> participants, List<Problem> problems) {
        for (var e : participants.entrySet()) {
            if (e.getValue() != null && e.getValue() < 0) {
                problems.add(new Problem("participants", "dialogue.participants.negative"));
                return;
            }
        }
    }

    /**
     * The numbers an officer enters: never negative; no more answered on the spot than raised; no fewer than
     * the opinions already recorded one by one; answered and assigned together no more than raised.
     */
    static void checkCounts(Integer raised, Integer answered, Recorded recorded, List<Problem> problems) {
        if (raised != null && raised < 0) {
            problems.add(new Problem("raisedCount", "dialogue.count.negative"));
            return;
        }
        if (answered != null && answered < 0) {
            problems.add(new Problem("answeredCount", "dialogue.count.negative"));
            return;
        }
        int effectiveRaised = raised != null ? raised : recorded.opinions();
        if (raised != null && raised < recorded.opinions()) {
            problems.add(new Problem("raisedCount", "dialogue.count.raised-below-recorded", recorded.opinions()));
        }
        if (answered != null) {
            if (answered > effectiveRaised) {
                problems.add(new Problem("answeredCount", "dialogue.count.answered-over-raised", answered, effectiveRaised));
            } else if (answered < recorded.answered()) {
                problems.add(new Problem("answeredCount", "dialogue.count.answered-below-recorded", recorded.answered()));
            } else if (answered + recorded.assigned() > effectiveRaised) {
                problems.add(new Problem("answeredCount", "dialogue.count.answered-assigned-over-raised", answered, recorded.assigned(),
                        effectiveRaised));
            }
        }
    }

    /** A commitment needs a responsible unit and a deadline no earlier than the dialogue. */
    static void checkCommitment(Long unitId, LocalDate dueOn, LocalDate heldOn, String title, List<Problem> problems) {
        if (title != null && title.strip().length() > MAX_TITLE) {
            problems.add(new Problem("commitmentTitle", "validation.too-long", MAX_TITLE));
        }
        if (unitId == null) {
            problems.add(new Problem("commitmentUnitId", "validation.required"));
        }
        if (dueOn == null) {
            problems.add(new Problem("commitmentDueOn", "validation.required"));
        } else if (dueOn.isBefore(heldOn)) {
            problems.add(new Problem("commitmentDueOn", "dialogue.commitment.due-before-dialogue", heldOn.format(DAY)));
        }
    }

    /** An opinion: a topic and a field; an anonymous speaker has no name or contact. */
    static void checkOpinion(OpinionInput in, List<Problem> problems) {
        if (in.speakerKind() == null) {
            problems.add(new Problem("speakerKind", "validation.required"));
        } else if (in.speakerKind() == SpeakerKind.ORGANISATION && (in.speakerName() == null || in.speakerName().isBlank())) {
            problems.add(new Problem("speakerName", "dialogue.speaker.organisation-name"));
        }
        if (in.speakerName() != null && in.speakerName().strip().length() > MAX_PLACE) {
            problems.add(new Problem("speakerName", "validation.too-long", MAX_PLACE));
        }
        if (in.speakerContact() != null && in.speakerContact().strip().length() > MAX_PLACE) {
            problems.add(new Problem("speakerContact", "validation.too-long", MAX_PLACE));
        }
        if (in.topic() == null || in.topic().isBlank()) {
            problems.add(new Problem("opinionTopic", "validation.required"));
        } else if (in.topic().length() > MAX_TEXT) {
            problems.add(new Problem("opinionTopic", "validation.too-long", MAX_TEXT));
        }
        if (in.field() == null) {
            problems.add(new Problem("opinionField", "validation.required"));
        }
        if (in.place() != null && in.place().strip().length() > MAX_PLACE) {
            problems.add(new Problem("opinionPlace", "validation.too-long", MAX_PLACE));
        }
    }
}
