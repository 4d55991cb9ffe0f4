package vn.danvan.dialogue;

import java.time.LocalDate;
import java.util.List;

/** What the dialogue screens, the API and the public page read. */
public final class DialogueViews {

    private DialogueViews() {
    }

    public record UnitRef(long id, String code, String name) {
    }

    /** The four figures of a dialogue (or of many): opinions raised, answered on the spot, assigned, resolved. */
    public record Figures(long raised, long answered, long assigned, long resolved) {

        public Figures plus(Figures o) {
            return new Figures(raised + o.raised, answered + o.answered, assigned + o.assigned, resolved + o.resolved);
        }

        static final Figures ZERO = new Figures(0, 0, 0, 0);
    }

    /** A dialogue in a list. */
    public record DialogueRow(long id, String title, LocalDate heldOn, String place, UnitRef unit, Figures figures) {
    }

    /** A commitment: the task in module plan, with its status today (NOT_STARTED, IN_PROGRESS, DONE, OVERDUE, CANCELLED). */
    public record CommitmentView(long taskId, String title, String unitName, LocalDate dueOn, String status, int progressPercent,
                                 LocalDate lastUpdateOn, String lastUpdateText, int version, LocalDate acceptedOn) {

        public boolean overdue() {
            return "OVERDUE".equals(status);
        }

        public boolean done() {
            return "DONE".equals(status);
        }
    }

    /** An official named as acting in office: name and title held on the dialogue's day. */
    public record Official(long personId, String name, String title) {

        public String label() {
            return title == null || title.isBlank() ? name : name + ", " + title;
        }
    }

    /**
     * An opinion as the officers see it (speakerName and speakerContact included: never on a public page).
     * Exactly one of {@code answer} and {@code commitment} is set once the opinion is settled.
     */
    public record OpinionView(long id, int ordinal, SpeakerKind speakerKind, String speakerName, String speakerContact, String topic,
                              OpinionField field, String place, String answer, Official answeredBy, CommitmentView commitment,
                              Long petitionId) {

        public boolean settled() {
            return answer != null || commitment != null;
        }
    }

    public record Participant(Audience audience, int count) {
    }

    public record DialogueDetail(long id, long meetingId, String title, LocalDate heldOn, String place, UnitRef unit, Official chair,
                                 List<Participant> participants, Integer raisedCount, Integer answeredCount, String summary,
                                 List<OpinionView> opinions, Figures figures, int version, boolean canWrite) {

        public int participantsTotal() {
            return participants.stream().mapToInt(Participant::count).sum();
        }
    }

    /** A commitment in the API's list, with the dialogue that made it. */
    public record CommitmentRow(long taskId, String title, String status, LocalDate dueOn, int progressPercent, UnitRef responsibleUnit,
                                long dialogueId, String dialogueTitle, LocalDate dialogueHeldOn, int version) {
    }
}
