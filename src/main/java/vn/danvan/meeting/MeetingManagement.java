package vn.danvan.meeting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.audit.AuditTrail;
import vn.danvan.document.DocumentQueries;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.OrgScope;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.person.People;
import vn.danvan.shared.ConflictException;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.InvalidInputException.Problem;
import vn.danvan.shared.NotFoundException;
import vn.danvan.shared.VietnameseText;

/**
 * Recording conferences: the meeting itself, opinions raised by units and the conclusion. Writes need
 * a writing role covering the host unit (outside it: not found); each is audited in the same
 * transaction; bad input is refused as a whole, each problem naming its field.
 */
@Service
@Transactional
public class MeetingManagement {

    static final int MAX_TITLE = 500;
    static final int MAX_PLACE = 300;
    static final int MAX_TEXT = 10_000;

    private final JdbcClient jdbc;
    private final OrgScope scope;
    private final OrgUnits units;
    private final People people;
    private final DocumentQueries documents;
    private final AuditTrail audit;
    private final Clock clock;

    MeetingManagement(JdbcClient jdbc, OrgScope scope, OrgUnits units, People people, DocumentQueries documents, AuditTrail audit,
                      Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.units = units;
        this.people = people;
        this.documents = documents;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Records a conference held by {@code input.hostUnitId()}.
     *
     * @return the new meeting's id
     * @throws InvalidInputException naming each field in error (an end before the start names "endsAt")
     * @throws NotFoundException when the host unit is outside the user's write scope
     */
    public long create(MeetingInput input, CurrentUser user) {
        check(input, user);
        var seriesId = series(input, user);
        var id = jdbc.sql("""
                        insert into meeting (kind, series_id, title, starts_at, ends_at, place, host_unit_id, reviewed_document_id,
                                             conclusion_document_id, conclusion_summary, created_by)
                        values (:kind, :series, :title, :startsAt, :endsAt, :place, :host, :reviewed, :conclusion, :summary, :by)
                        returning id""")
                .param("kind", input.kind().name()).param("series", seriesId).param("title", VietnameseText.nfc(input.title().strip()))
                .param("startsAt", input.startsAt()).param("endsAt", input.endsAt()).param("place", blankToNull(input.place()))
                .param("host", input.hostUnitId()).param("reviewed", input.reviewedDocumentId())
                .param("conclusion", input.conclusionDocumentId()).param("summary", blankToNull(input.conclusionSummary()))
                .param("by", user.username()).query(Long.class).single();
        saveParts(id, input);
        audit.record("meeting.created", "meeting", id, input.hostUnitId(), null, auditFields(input));
        return id;
    }

    /**
     * Changes a conference; {@code version} is the version the user read.
     *
     * @throws ConflictException when someone saved it meanwhile
     */
    public void update(long id, MeetingInput input, int version, CurrentUser user) {
        var before = loadForWrite(id, user);
        check(input, user);
        var seriesId = series(input, user);
        var updated = jdbc.sql("""
                        update meeting set kind = :kind, series_id = :series, title = :title, starts_at = :startsAt, ends_at = :endsAt,
                               place = :place, host_unit_id = :host, reviewed_document_id = :reviewed,
                               conclusion_document_id = :conclusion, conclusion_summary = :summary,
                               version = version + 1, updated_at = now()
                        where id = :id and version = :version""")
                .param("kind", input.kind().name()).param("series", seriesId).param("title", VietnameseText.nfc(input.title().strip()))
                .param("startsAt", input.startsAt()).param("endsAt", input.endsAt()).param("place", blankToNull(input.place()))
                .param("host", input.hostUnitId()).param("reviewed", input.reviewedDocumentId())
                .param("conclusion", input.conclusionDocumentId()).param("summary", blankToNull(input.conclusionSummary()))
                .param("id", id).param("version", version).update();
        if (updated == 0) {
            throw new ConflictException("meeting", before.title());
        }
        for (var table : List.of("meeting_chair", "meeting_unit", "meeting_agenda_item", "meeting_report")) {
            // table names come from this fixed list, never from input
            jdbc.sql("delete from " + table + " where meeting_id = :id").param("id", id).update();
        }
        saveParts(id, input);
        audit.record("meeting.updated", "meeting", id, input.hostUnitId(),
                AuditTrail.fields("title", before.title(), "startsAt", before.startsAt()), auditFields(input));
    }

    /** Records what a unit raised at the meeting. */
    public long addOpinion(long meetingId, Long unitId, String text, CurrentUser user) {
        var m = loadForWrite(meetingId, user);
        var problems = new ArrayList<Problem>();
        if (unitId == null) {
            problems.add(new Problem("opinionUnitId", "validation.required"));
        } else if (units.find(unitId, m.startsAt().toLocalDate()).isEmpty()) {
            problems.add(new Problem("opinionUnitId", "meeting.unit.unknown", unitId));
        }
        if (text == null || text.isBlank()) {
            problems.add(new Problem("opinionText", "validation.required"));
        } else if (text.length() > MAX_TEXT) {
            problems.add(new Problem("opinionText", "validation.too-long", MAX_TEXT));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        var id = jdbc.sql("insert into meeting_opinion (meeting_id, unit_id, text, created_by) values (:m, :u, :t, :by) returning id")
                .param("m", meetingId).param("u", unitId).param("t", VietnameseText.nfc(text.strip())).param("by", user.username())
                .query(Long.class).single();
        refreshSearchText(meetingId);
        audit.record("meeting.opinion-added", "meeting", meetingId, m.hostUnitId(), null,
                AuditTrail.fields("unit", unitId, "text", text.strip()));
        return id;
    }

    public void removeOpinion(long meetingId, long opinionId, CurrentUser user) {
        var m = loadForWrite(meetingId, user);
        var text = jdbc.sql("delete from meeting_opinion where id = :id and meeting_id = :m returning text")
                .param("id", opinionId).param("m", meetingId).query(String.class).optional()
                .orElseThrow(() -> new NotFoundException("opinion", opinionId));
        refreshSearchText(meetingId);
        audit.record("meeting.opinion-removed", "meeting", meetingId, m.hostUnitId(), AuditTrail.fields("text", text), null);
    }

    /** Links the conclusion (a document of the registry, e.g. a "Thông báo kết luận") and its summary. */
    public void conclude(long meetingId, Long conclusionDocumentId, String summary, CurrentUser user) {
        var m = loadForWrite(meetingId, user);
        if (conclusionDocumentId != null && documents.identifierOf(conclusionDocumentId).isEmpty()) {
            throw new InvalidInputException("conclusionDocument", "meeting.document.unknown", conclusionDocumentId);
        }
        if (summary != null && summary.length() > MAX_TEXT) {
            throw new InvalidInputException("conclusionSummary", "validation.too-long", MAX_TEXT);
        }
        jdbc.sql("""
                        update meeting set conclusion_document_id = :d, conclusion_summary = :s, version = version + 1, updated_at = now()
                        where id = :id""")
                .param("d", conclusionDocumentId).param("s", blankToNull(summary)).param("id", meetingId).update();
        refreshSearchText(meetingId);
        audit.record("meeting.concluded", "meeting", meetingId, m.hostUnitId(), null,
                AuditTrail.fields("conclusionDocument", conclusionDocumentId, "summary", summary));
    }

    // ---- checks ---------------------------------------------------------------------------------

    private void check(MeetingInput in, CurrentUser user) {
        var problems = new ArrayList<Problem>();
        if (in.kind() == null) {
            problems.add(new Problem("kind", "validation.required"));
        }
        if (in.title() == null || in.title().isBlank()) {
            problems.add(new Problem("meetingTitle", "validation.required"));
        } else if (in.title().strip().length() > MAX_TITLE) {
            problems.add(new Problem("meetingTitle", "validation.too-long", MAX_TITLE));
        }
        if (in.startsAt() == null) {
            problems.add(new Problem("startsAt", "validation.required"));
        }
        if (in.endsAt() == null) {
            problems.add(new Problem("endsAt", "validation.required"));
        } else if (in.startsAt() != null && in.endsAt().isBefore(in.startsAt())) {
            problems.add(new Problem("endsAt", "meeting.ends-before-starts"));
        }
        if (in.place() != null && in.place().strip().length() > MAX_PLACE) {
            problems.add(new Problem("place", "validation.too-long", MAX_PLACE));
        }
        if (in.conclusionSummary() != null && in.conclusionSummary().length() > MAX_TEXT) {
            problems.add(new Problem("conclusionSummary", "validation.too-long", MAX_TEXT));
        }
        if (in.agenda().stream().anyMatch(a -> a.length() > MAX_TITLE)) {
            problems.add(new Problem("agenda", "validation.too-long", MAX_TITLE));
        }
        if (in.hostUnitId() == null) {
            problems.add(new Problem("hostUnitId", "validation.required"));
        }
        if (in.seriesId() != null && !seriesExists(in.seriesId())) {
            problems.add(new Problem("seriesId", "meeting.series.unknown", in.seriesId()));
        }
        if (in.newSeriesName() != null && in.newSeriesName().strip().length() > MAX_TITLE) {
            problems.add(new Problem("newSeriesName", "validation.too-long", MAX_TITLE));
        }
        var day = in.startsAt() != null ? in.startsAt().toLocalDate() : LocalDate.now(clock);
        for (var doc : documentIds(in)) {
            if (documents.identifierOf(doc.id()).isEmpty()) {
                problems.add(new Problem(doc.field(), "meeting.document.unknown", doc.id()));
            }
        }
        var persons = new LinkedHashSet<Long>();
        if (in.chairPersonId() != null) {
            persons.add(in.chairPersonId());
        }
        persons.addAll(in.coChairPersonIds());
        var known = people.titlesOn(persons, day);
        for (var p : persons) {
            if (!known.containsKey(p)) {
                problems.add(new Problem(p.equals(in.chairPersonId()) ? "chairPersonId" : "coChairPersonIds", "meeting.person.unknown", p));
            }
        }
        for (var unitId : in.participatingUnitIds()) {
            if (units.find(unitId, day).isEmpty()) {
                problems.add(new Problem("participatingUnits", "meeting.unit.unknown", unitId));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        scope.requireWrite(user, in.hostUnitId(), "unit", in.hostUnitId());
        units.find(in.hostUnitId(), day).orElseThrow(() -> new InvalidInputException("hostUnitId", "meeting.unit.unknown", in.hostUnitId()));
    }

    private record DocField(String field, long id) {
    }

    private static List<DocField> documentIds(MeetingInput in) {
        var ids = new ArrayList<DocField>();
        if (in.reviewedDocumentId() != null) {
            ids.add(new DocField("reviewedDocument", in.reviewedDocumentId()));
        }
        if (in.conclusionDocumentId() != null) {
            ids.add(new DocField("conclusionDocument", in.conclusionDocumentId()));
        }
        in.reportDocumentIds().forEach(id -> ids.add(new DocField("reports", id)));
        return ids;
    }

    private boolean seriesExists(long id) {
        return jdbc.sql("select exists (select 1 from meeting_series where id = :id)").param("id", id).query(Boolean.class).single();
    }

    /** The series the meeting joins: the chosen one, a new one under the given name, or none. */
    private Long series(MeetingInput in, CurrentUser user) {
        if (in.seriesId() != null) {
            return in.seriesId();
        }
        var name = blankToNull(in.newSeriesName());
        if (name == null) {
            return null;
        }
        var existing = jdbc.sql("select id from meeting_series where host_unit_id = :u and search_key(name) = search_key(:n) order by id limit 1")
                .param("u", in.hostUnitId()).param("n", name).query(Long.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        var id = jdbc.sql("insert into meeting_series (name, host_unit_id, created_by) values (:n, :u, :by) returning id")
                .param("n", VietnameseText.nfc(name)).param("u", in.hostUnitId()).param("by", user.username()).query(Long.class).single();
        audit.record("meeting.series-created", "meeting_series", id, in.hostUnitId(), null, AuditTrail.fields("name", name));
        return id;
    }

    private void saveParts(long id, MeetingInput in) {
        int ordinal = 0;
        if (in.chairPersonId() != null) {
            insertChair(id, in.chairPersonId(), "CHAIR", ordinal++);
        }
        for (var p : new LinkedHashSet<>(in.coChairPersonIds())) {
            if (!p.equals(in.chairPersonId())) {
                insertChair(id, p, "CO_CHAIR", ordinal++);
            }
        }
        for (var u : new LinkedHashSet<>(in.participatingUnitIds())) {
            if (!u.equals(in.hostUnitId())) {
                jdbc.sql("insert into meeting_unit (meeting_id, unit_id) values (:m, :u)").param("m", id).param("u", u).update();
            }
        }
        for (int i = 0; i < in.agenda().size(); i++) {
            jdbc.sql("insert into meeting_agenda_item (meeting_id, ordinal, text) values (:m, :o, :t)")
                    .param("m", id).param("o", i).param("t", VietnameseText.nfc(in.agenda().get(i))).update();
        }
        int r = 0;
        for (var d : new LinkedHashSet<>(in.reportDocumentIds())) {
            jdbc.sql("insert into meeting_report (meeting_id, document_id, ordinal) values (:m, :d, :o)")
                    .param("m", id).param("d", d).param("o", r++).update();
        }
        refreshSearchText(id);
    }

    private void insertChair(long meetingId, long personId, String role, int ordinal) {
        jdbc.sql("insert into meeting_chair (meeting_id, person_id, role, ordinal) values (:m, :p, :r, :o)")
                .param("m", meetingId).param("p", personId).param("r", role).param("o", ordinal).update();
    }

    /** The accent-free text the list's search matches: title, place, series, agenda, opinions, conclusion. */
    private void refreshSearchText(long id) {
        jdbc.sql("""
                        update meeting m set search_text = search_key(concat_ws(' ', m.title, m.place, m.conclusion_summary,
                               (select s.name from meeting_series s where s.id = m.series_id),
                               (select string_agg(a.text, ' ') from meeting_agenda_item a where a.meeting_id = m.id),
                               (select string_agg(o.text, ' ') from meeting_opinion o where o.meeting_id = m.id)))
                        where m.id = :id""")
                .param("id", id).update();
    }

    private static java.util.Map<String, Object> auditFields(MeetingInput in) {
        return AuditTrail.fields("kind", in.kind(), "title", in.title(), "startsAt", in.startsAt(), "endsAt", in.endsAt(),
                "place", in.place(), "chair", in.chairPersonId(), "coChairs", in.coChairPersonIds(),
                "units", in.participatingUnitIds(), "reports", in.reportDocumentIds(), "conclusion", in.conclusionDocumentId());
    }

    // ---- loading --------------------------------------------------------------------------------

    record Row(long id, String title, long hostUnitId, java.time.LocalDateTime startsAt) {
    }

    Row loadForWrite(long id, CurrentUser user) {
        var row = jdbc.sql("select id, title, host_unit_id, starts_at from meeting where id = :id").param("id", id)
                .query(Row.class).optional().orElseThrow(() -> new NotFoundException("meeting", id));
        scope.requireWrite(user, row.hostUnitId(), "meeting", id);
        return row;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
