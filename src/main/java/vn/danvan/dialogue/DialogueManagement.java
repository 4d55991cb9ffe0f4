package vn.danvan.dialogue;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.audit.AuditTrail;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.OrgScope;
import vn.danvan.meeting.MeetingInput;
import vn.danvan.meeting.MeetingKind;
import vn.danvan.meeting.MeetingManagement;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.person.People;
import vn.danvan.shared.ConflictException;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.InvalidInputException.Problem;
import vn.danvan.shared.NotFoundException;
import vn.danvan.shared.VietnameseText;

/**
 * Recording dialogues: the dialogue (with its conference record in module meeting), its figures, the
 * opinions raised and the answers given on the spot. Commitments and petitions are {@link Commitments}'.
 * Writes need a writing role covering the organising unit (outside it: not found); each is audited in the
 * same transaction; bad input is refused as a whole, each problem naming its field.
 */
@Service
@Transactional
public class DialogueManagement {

    private final JdbcClient jdbc;
    private final MeetingManagement meetings;
    private final OrgScope scope;
    private final OrgUnits units;
    private final People people;
    private final AuditTrail audit;
    private final Clock clock;

    DialogueManagement(JdbcClient jdbc, MeetingManagement meetings, OrgScope scope, OrgUnits units, People people, AuditTrail audit,
                       Clock clock) {
        this.jdbc = jdbc;
        this.meetings = meetings;
        this.scope = scope;
        this.units = units;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Records a dialogue and its conference (kind DIALOGUE) held by {@code input.unitId()}.
     *
     * @return the dialogue's id
     * @throws InvalidInputException naming each field in error; nothing is saved
     * @throws NotFoundException     when the organising unit is outside the user's write scope
     */
    public long create(DialogueInput input, CurrentUser user) {
        var problems = new ArrayList<Problem>();
        DialogueRules.checkHeader(input, problems);
        DialogueRules.checkCounts(input.raisedCount(), input.answeredCount(), DialogueRules.Recorded.NONE, problems);
        checkReferences(input, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        scope.requireWrite(user, input.unitId(), "unit", input.unitId());
        var title = VietnameseText.nfc(input.title().strip());
        var meetingId = meetings.create(new MeetingInput(MeetingKind.DIALOGUE, title, input.heldOn().atTime(input.startsAt()),
                input.heldOn().atTime(input.endsAt()), blankToNull(input.place()), input.unitId(), null, null, null,
                input.chairPersonId(), List.of(), List.of(), List.of(), List.of(), null, blankToNull(input.summary())), user);
        var id = jdbc.sql("""
                        insert into dialogue (meeting_id, unit_id, held_on, title, place, chair_person_id, raised_count, answered_count,
                                              summary, created_by)
                        values (:meeting, :unit, :heldOn, :title, :place, :chair, :raised, :answered, :summary, :by)
                        returning id""")
                .param("meeting", meetingId).param("unit", input.unitId()).param("heldOn", input.heldOn()).param("title", title)
                .param("place", blankToNull(input.place())).param("chair", input.chairPersonId())
                .param("raised", input.raisedCount()).param("answered", input.answeredCount())
                .param("summary", blankToNull(input.summary())).param("by", user.username())
                .query(Long.class).single();
        saveParticipants(id, input.participants());
        refreshSearchText(id);
        audit.record("dialogue.created", "dialogue", id, input.unitId(), null, AuditTrail.fields("title", title, "heldOn", input.heldOn(),
                "place", input.place(), "chair", input.chairPersonId(), "participants", input.participants(),
                "raisedCount", input.raisedCount(), "answeredCount", input.answeredCount(), "meeting", meetingId));
        return id;
    }

    /**
     * Changes the participants, the numbers entered and the summary; {@code version} is the one the user read.
     *
     * @throws ConflictException when someone saved the dialogue meanwhile
     */
    public void updateFigures(long id, Map<Audience, Integer> participants, Integer raisedCount, Integer answeredCount, String summary,
                              int version, CurrentUser user) {
        var d = loadForWrite(id, user);
        var problems = new ArrayList<Problem>();
        var counts = participants == null ? Map.<Audience, Integer>of() : participants;
        DialogueRules.checkParticipants(counts, problems);
        DialogueRules.checkCounts(raisedCount, answeredCount, recorded(id), problems);
        if (summary != null && summary.length() > DialogueRules.MAX_TEXT) {
            problems.add(new Problem("dialogueSummary", "validation.too-long", DialogueRules.MAX_TEXT));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        var updated = jdbc.sql("""
                        update dialogue set raised_count = :raised, answered_count = :answered, summary = :summary,
                               version = version + 1, updated_at = now()
                        where id = :id and version = :version""")
                .param("raised", raisedCount).param("answered", answeredCount).param("summary", blankToNull(summary))
                .param("id", id).param("version", version).update();
        if (updated == 0) {
            throw new ConflictException("dialogue", d.title());
        }
        jdbc.sql("delete from dialogue_participant where dialogue_id = :id").param("id", id).update();
        saveParticipants(id, counts);
        refreshSearchText(id);
        audit.record("dialogue.figures-updated", "dialogue", id, d.unitId(),
                AuditTrail.fields("raisedCount", d.raisedCount(), "answeredCount", d.answeredCount()),
                AuditTrail.fields("raisedCount", raisedCount, "answeredCount", answeredCount, "participants", counts, "summary", summary));
    }

    /** Records an opinion raised at the dialogue; returns its id. */
    public long addOpinion(long dialogueId, OpinionInput input, CurrentUser user) {
        var d = loadForWrite(dialogueId, user);
        var problems = new ArrayList<Problem>();
        DialogueRules.checkOpinion(input, problems);
        if (d.raisedCount() != null && recorded(dialogueId).opinions() + 1 > d.raisedCount()) {
            problems.add(new Problem("raisedCount", "dialogue.count.raised-below-recorded", recorded(dialogueId).opinions() + 1));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        var anonymous = input.speakerKind() == SpeakerKind.ANONYMOUS;
        var id = jdbc.sql("""
                        insert into dialogue_opinion (dialogue_id, ordinal, speaker_kind, speaker_name, speaker_contact, topic, field, place,
                                                      created_by)
                        values (:d, (select coalesce(max(ordinal), 0) + 1 from dialogue_opinion where dialogue_id = :d),
                                :kind, :name, :contact, :topic, :field, :place, :by)
                        returning id""")
                .param("d", dialogueId).param("kind", input.speakerKind().name())
                .param("name", anonymous ? null : nfcOrNull(input.speakerName())).param("contact", anonymous ? null : nfcOrNull(input.speakerContact()))
                .param("topic", VietnameseText.nfc(input.topic().strip())).param("field", input.field().name())
                .param("place", nfcOrNull(input.place())).param("by", user.username())
                .query(Long.class).single();
        refreshSearchText(dialogueId);
        refreshTally(dialogueId);
        touch(dialogueId);
        // the speaker's name and contact are private: the audit trail notes only that they were given
        audit.record("dialogue.opinion-added", "dialogue", dialogueId, d.unitId(), null, AuditTrail.fields("opinion", id,
                "speakerKind", input.speakerKind(), "speakerNamed", !anonymous && blankToNull(input.speakerName()) != null,
                "topic", input.topic().strip(), "field", input.field(), "place", input.place()));
        return id;
    }

    /** Records the answer given on the spot and the official who gave it. */
    public void answer(long dialogueId, long opinionId, String text, Long answeredByPersonId, CurrentUser user) {
        var d = loadForWrite(dialogueId, user);
        var o = opinion(dialogueId, opinionId);
        var problems = new ArrayList<Problem>();
        if (o.settled()) {
            problems.add(new Problem("answerText", "dialogue.opinion.already-settled"));
        }
        if (text == null || text.isBlank()) {
            problems.add(new Problem("answerText", "validation.required"));
        } else if (text.length() > DialogueRules.MAX_TEXT) {
            problems.add(new Problem("answerText", "validation.too-long", DialogueRules.MAX_TEXT));
        }
        if (answeredByPersonId == null) {
            problems.add(new Problem("answeredByPersonId", "validation.required"));
        } else if (people.titleOn(answeredByPersonId, d.heldOn()).isEmpty()) {
            problems.add(new Problem("answeredByPersonId", "dialogue.person.unknown", answeredByPersonId));
        }
        var r = recorded(dialogueId);
        if (d.answeredCount() != null && r.answered() + 1 > d.answeredCount()) {
            problems.add(new Problem("answeredCount", "dialogue.count.answered-below-recorded", r.answered() + 1));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        jdbc.sql("update dialogue_opinion set answer = :a, answered_by_person_id = :p where id = :id")
                .param("a", VietnameseText.nfc(text.strip())).param("p", answeredByPersonId).param("id", opinionId).update();
        refreshTally(dialogueId);
        touch(dialogueId);
        audit.record("dialogue.opinion-answered", "dialogue", dialogueId, d.unitId(), null,
                AuditTrail.fields("opinion", opinionId, "answer", text.strip(), "answeredBy", answeredByPersonId));
    }

    /**
     * The dialogue's tally of its opinions (recorded, answered on the spot), recounted in the writer's transaction from
     * the dialogue's own opinions (V73): the country's figures sum it instead of counting every opinion.
     */
    private void refreshTally(long dialogueId) {
        jdbc.sql("""
                        update dialogue
                        set opinions_recorded = (select count(*) from dialogue_opinion where dialogue_id = :d),
                            opinions_answered = (select count(answer) from dialogue_opinion where dialogue_id = :d)
                        where id = :d""")
                .param("d", dialogueId).update();
    }

        // ---- shared with Commitments ----------------------------------------------------------------

    record Row(long id, long meetingId, long unitId, LocalDate heldOn, String title, Integer raisedCount, Integer answeredCount,
               int version) {
    }

    record Opinion(long id, String speakerKind, String speakerName, String speakerContact, String topic, String field, String place,
                   String answer, Long taskId, Long petitionId) {
        boolean settled() {
            return answer != null || taskId != null;
        }
    }

    Row loadForWrite(long id, CurrentUser user) {
        var row = jdbc.sql("""
                        select id, meeting_id, unit_id, held_on, title, raised_count, answered_count, version
                        from dialogue where id = :id""")
                .param("id", id).query(Row.class).optional().orElseThrow(() -> new NotFoundException("dialogue", id));
        scope.requireWrite(user, row.unitId(), "dialogue", id);
        return row;
    }

    Opinion opinion(long dialogueId, long opinionId) {
        return jdbc.sql("""
                        select id, speaker_kind, speaker_name, speaker_contact, topic, field, place, answer, task_id, petition_id
                        from dialogue_opinion where id = :id and dialogue_id = :d""")
                .param("id", opinionId).param("d", dialogueId).query(Opinion.class).optional()
                .orElseThrow(() -> new NotFoundException("opinion", opinionId));
    }

    DialogueRules.Recorded recorded(long dialogueId) {
        return jdbc.sql("""
                        select cast(count(*) as int) as opinions, cast(count(answer) as int) as answered, cast(count(task_id) as int) as assigned
                        from dialogue_opinion where dialogue_id = :d""")
                .param("d", dialogueId).query(DialogueRules.Recorded.class).single();
    }

    /** Bumps the version, so that a form read before this change is refused as stale. */
    void touch(long dialogueId) {
        jdbc.sql("update dialogue set version = version + 1, updated_at = now() where id = :id").param("id", dialogueId).update();
    }

    // ---- helpers --------------------------------------------------------------------------------

    private void checkReferences(DialogueInput in, List<Problem> problems) {
        var day = in.heldOn() != null ? in.heldOn() : LocalDate.now(clock);
        if (in.unitId() != null && units.find(in.unitId(), day).isEmpty()) {
            problems.add(new Problem("organisingUnitId", "dialogue.unit.unknown", in.unitId()));
        }
        if (in.chairPersonId() != null && people.titleOn(in.chairPersonId(), day).isEmpty()) {
            problems.add(new Problem("chairPersonId", "dialogue.person.unknown", in.chairPersonId()));
        }
    }

    private void saveParticipants(long id, Map<Audience, Integer> participants) {
        for (var e : participants.entrySet()) {
            if (e.getValue() != null && e.getValue() > 0) {
                jdbc.sql("insert into dialogue_participant (dialogue_id, audience, count) values (:d, :a, :c)")
                        .param("d", id).param("a", e.getKey().name()).param("c", e.getValue()).update();
            }
        }
    }

    /** The accent-free text the searches match: title, place, summary and the opinions' topics (never a speaker). */
    private void refreshSearchText(long id) {
        jdbc.sql("""
                        update dialogue d set search_text = search_key(concat_ws(' ', d.title, d.place, d.summary,
                               (select string_agg(o.topic, ' ') from dialogue_opinion o where o.dialogue_id = d.id)))
                        where d.id = :id""")
                .param("id", id).update();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String nfcOrNull(String s) {
        var t = blankToNull(s);
        return t == null ? null : VietnameseText.nfc(t);
    }
}
