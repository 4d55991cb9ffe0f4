package vn.danvan.inspection;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.audit.AuditTrail;
import vn.danvan.document.DocumentQueries;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.OrgScope;
import vn.danvan.meeting.MeetingInput;
import vn.danvan.meeting.MeetingKind;
import vn.danvan.meeting.MeetingManagement;
import vn.danvan.meeting.MeetingQueries;
import vn.danvan.orgunit.OrgUnit;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.orgunit.UnitCategory;
import vn.danvan.person.People;
import vn.danvan.shared.ConflictException;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.InvalidInputException.Problem;
import vn.danvan.shared.NotFoundException;
import vn.danvan.shared.VietnameseText;

/**
 * Planning and recording inspections: the inspection with its subjects, team and targets; working
 * sessions (conferences created through module meeting, or existing ones linked); findings; the
 * self-assessment report a target sends; the conclusion. Writes need a writing role covering the
 * inspecting body (outside it: not found) — except the self-assessment report, which the target unit's
 * writers send too. Every change is audited in its transaction; bad input is refused whole, each problem
 * naming its field.
 */
@Service
@Transactional
public class InspectionManagement {

    static final int MAX_TITLE = 500;
    static final int MAX_TEXT = 10_000;

    /** A working session to create as a conference with the target {@code hostUnitId}. */
    public record NewSession(String title, LocalDateTime startsAt, LocalDateTime endsAt, String place, Long hostUnitId) {
    }

    record Head(long id, long inspectingUnitId, String title, LocalDate startsOn, LocalDate endsOn, int version) {
    }

    private final JdbcClient jdbc;
    private final OrgScope scope;
    private final OrgUnits units;
    private final People people;
    private final DocumentQueries documents;
    private final MeetingManagement meetings;
    private final MeetingQueries meetingQueries;
    private final AuditTrail audit;
    private final Clock clock;

    InspectionManagement(JdbcClient jdbc, OrgScope scope, OrgUnits units, People people, DocumentQueries documents,
                         MeetingManagement meetings, MeetingQueries meetingQueries, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.units = units;
        this.people = people;
        this.documents = documents;
        this.meetings = meetings;
        this.meetingQueries = meetingQueries;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Plans an inspection by {@code input.inspectingUnitId()}.
     *
     * @return the new inspection's id
     * @throws InvalidInputException naming each field in error (a team without a head names "members", a target
     *                               outside the inspecting body's reach names "targets")
     * @throws NotFoundException     when the inspecting body is outside the user's write scope
     */
    public long create(InspectionInput input, CurrentUser user) {
        check(input, user);
        var id = jdbc.sql("""
                        insert into inspection (inspecting_unit_id, kind, mode, title, starts_on, ends_on, created_by)
                        values (:unit, :kind, :mode, :title, :startsOn, :endsOn, :by)
                        returning id""")
                .param("unit", input.inspectingUnitId()).param("kind", input.kind().name()).param("mode", input.mode().name())
                .param("title", VietnameseText.nfc(input.title().strip())).param("startsOn", input.startsOn())
                .param("endsOn", input.endsOn()).param("by", user.username()).query(Long.class).single();
        saveParts(id, input);
        audit.record("inspection.created", "inspection", id, input.inspectingUnitId(), null, auditFields(input));
        return id;
    }

    /**
     * Changes an inspection; {@code version} is the version the user read. Findings and reports of targets
     * that stay are kept; a target removed loses them.
     *
     * @throws ConflictException when someone saved the inspection meanwhile
     */
    public void update(long id, InspectionInput input, int version, CurrentUser user) {
        var before = loadForWrite(id, user);
        check(input, user);
        var updated = jdbc.sql("""
                        update inspection set inspecting_unit_id = :unit, kind = :kind, mode = :mode, title = :title,
                               starts_on = :startsOn, ends_on = :endsOn, version = version + 1, updated_at = now()
                        where id = :id and version = :version""")
                .param("unit", input.inspectingUnitId()).param("kind", input.kind().name()).param("mode", input.mode().name())
                .param("title", VietnameseText.nfc(input.title().strip())).param("startsOn", input.startsOn())
                .param("endsOn", input.endsOn()).param("id", id).param("version", version).update();
        if (updated == 0) {
            throw new ConflictException("inspection", before.title());
        }
        saveParts(id, input);
        audit.record("inspection.updated", "inspection", id, input.inspectingUnitId(),
                AuditTrail.fields("title", before.title(), "startsOn", before.startsOn(), "endsOn", before.endsOn()), auditFields(input));
    }

    /**
     * Creates a working session as a conference of kind INSPECTION_WORKING_SESSION with one of the targets
     * (held by the target when the user may write for it, otherwise by the inspecting body with the target
     * taking part), chaired by the team's head, and links it.
     *
     * @return the conference's id
     */
    public long addSession(long id, NewSession session, CurrentUser user) {
        var head = loadForWrite(id, user);
        if (session.hostUnitId() == null) {
            throw new InvalidInputException("sessionUnitId", "validation.required");
        }
        if (!targetIds(id).contains(session.hostUnitId())) {
            throw new InvalidInputException("sessionUnitId", "inspection.session.not-a-target");
        }
        var targetWritable = scope.canWrite(user, session.hostUnitId());
        var host = targetWritable ? session.hostUnitId() : head.inspectingUnitId();
        var other = targetWritable ? head.inspectingUnitId() : session.hostUnitId();
        var day = session.startsAt() == null ? head.startsOn() : session.startsAt().toLocalDate();
        var title = session.title() == null || session.title().isBlank()
                ? defaultSessionTitle(head, session.hostUnitId(), day) : session.title();
        var chair = jdbc.sql("select person_id from inspection_member where inspection_id = :id and role = 'HEAD'")
                .param("id", id).query(Long.class).optional().orElse(null);
        var subject = jdbc.sql("select document_id from inspection_subject where inspection_id = :id order by ordinal limit 1")
                .param("id", id).query(Long.class).optional().orElse(null);
        var meetingId = meetings.create(new MeetingInput(MeetingKind.INSPECTION_WORKING_SESSION, title, session.startsAt(),
                session.endsAt(), session.place(), host, null, null, subject, chair, List.of(), List.of(other), List.of(), List.of(),
                null, null), user);
        link(head, meetingId);
        return meetingId;
    }

    /**
     * Links an existing conference (a working session recorded before) to the inspection.
     *
     * @throws InvalidInputException {@code meetingId} when the conference is not a working session with an inspection team
     */
    public void linkSession(long id, long meetingId, CurrentUser user) {
        var head = loadForWrite(id, user);
        var meeting = meetingQueries.detail(meetingId, user);
        if (meeting.kind() != MeetingKind.INSPECTION_WORKING_SESSION) {
            throw new InvalidInputException("meetingId", "inspection.session.wrong-kind");
        }
        link(head, meetingId);
    }

    private void link(Head head, long meetingId) {
        jdbc.sql("insert into inspection_session (inspection_id, meeting_id) values (:id, :m) on conflict do nothing")
                .param("id", head.id()).param("m", meetingId).update();
        touch(head.id());
        audit.record("inspection.session-linked", "inspection", head.id(), head.inspectingUnitId(), null,
                AuditTrail.fields("meeting", meetingId));
    }

    private String defaultSessionTitle(Head head, long targetId, LocalDate day) {
        var name = units.find(targetId, day).or(() -> units.find(targetId, LocalDate.now(clock))).map(OrgUnit::name).orElse("");
        return "Đoàn kiểm tra làm việc với " + name + " — " + head.title();
    }

    /** Records the findings about one target: strengths and shortcomings (either may be blank). */
    public void recordFindings(long id, long targetUnitId, String strengths, String shortcomings, CurrentUser user) {
        var head = loadForWrite(id, user);
        requireTarget(id, targetUnitId);
        var problems = new ArrayList<Problem>();
        tooLong(strengths, "strengths", problems);
        tooLong(shortcomings, "shortcomings", problems);
        if (blank(strengths) && blank(shortcomings)) {
            problems.add(new Problem("strengths", "inspection.findings.empty"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        jdbc.sql("update inspection_target set strengths = :s, shortcomings = :w where inspection_id = :id and unit_id = :u")
                .param("s", nfcOrNull(strengths)).param("w", nfcOrNull(shortcomings)).param("id", id).param("u", targetUnitId).update();
        touch(id);
        audit.record("inspection.findings", "inspection", id, targetUnitId, null,
                AuditTrail.fields("unit", targetUnitId, "strengths", nfcOrNull(strengths), "shortcomings", nfcOrNull(shortcomings)));
    }

    /**
     * The target sends its self-assessment report: a document of the registry, or a note (where it is,
     * what it says), or both. The target's writers and the inspecting body's writers may.
     *
     * @throws InvalidInputException {@code reportNote} when neither is given, {@code reportSubmittedOn} when in the future
     */
    public void submitSelfAssessment(long id, long targetUnitId, LocalDate submittedOn, Long documentId, String note, CurrentUser user) {
        var head = load(id);
        if (!scope.canWrite(user, targetUnitId) && !scope.canWrite(user, head.inspectingUnitId())) {
            throw new NotFoundException("inspection", id);
        }
        requireTarget(id, targetUnitId);
        var today = LocalDate.now(clock);
        var on = submittedOn == null ? today : submittedOn;
        var problems = new ArrayList<Problem>();
        if (on.isAfter(today)) {
            problems.add(new Problem("reportSubmittedOn", "inspection.report.future"));
        }
        if (documentId == null && blank(note)) {
            problems.add(new Problem("reportNote", "inspection.report.empty"));
        }
        if (documentId != null && documents.identifierOf(documentId).isEmpty()) {
            problems.add(new Problem("reportDocument", "inspection.document.not-found", "#" + documentId));
        }
        tooLong(note, "reportNote", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        jdbc.sql("""
                        update inspection_target set report_submitted_on = :on, report_document_id = :doc, report_note = :note,
                               report_submitted_by = :by
                        where inspection_id = :id and unit_id = :u""")
                .param("on", on).param("doc", documentId).param("note", nfcOrNull(note)).param("by", user.username())
                .param("id", id).param("u", targetUnitId).update();
        touch(id);
        audit.record("inspection.self-assessment", "inspection", id, targetUnitId, null,
                AuditTrail.fields("unit", targetUnitId, "submittedOn", on, "document", documentId, "note", nfcOrNull(note)));
    }

    /** Records the conclusion: a document of the registry (a Thông báo kết luận) and/or its summary. */
    public void conclude(long id, Long documentId, String summary, CurrentUser user) {
        var head = loadForWrite(id, user);
        var problems = new ArrayList<Problem>();
        if (documentId == null && blank(summary)) {
            problems.add(new Problem("conclusionDocument", "inspection.conclusion.empty"));
        }
        if (documentId != null && documents.identifierOf(documentId).isEmpty()) {
            problems.add(new Problem("conclusionDocument", "inspection.document.not-found", "#" + documentId));
        }
        tooLong(summary, "conclusionSummary", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        jdbc.sql("""
                        update inspection set conclusion_document_id = :doc, conclusion_summary = :summary, version = version + 1,
                               updated_at = now()
                        where id = :id""")
                .param("doc", documentId).param("summary", nfcOrNull(summary)).param("id", id).update();
        audit.record("inspection.concluded", "inspection", id, head.inspectingUnitId(), null,
                AuditTrail.fields("document", documentId, "summary", nfcOrNull(summary)));
    }

    // ---- loading and checking -------------------------------------------------------------------

    Head load(long id) {
        return jdbc.sql("select id, inspecting_unit_id, title, starts_on, ends_on, version from inspection where id = :id")
                .param("id", id).query(Head.class).optional().orElseThrow(() -> new NotFoundException("inspection", id));
    }

    /** @throws NotFoundException when there is no such inspection or the user may not write for its inspecting body */
    Head loadForWrite(long id, CurrentUser user) {
        var head = load(id);
        scope.requireWrite(user, head.inspectingUnitId(), "inspection", id);
        return head;
    }

    List<Long> targetIds(long id) {
        return jdbc.sql("select unit_id from inspection_target where inspection_id = :id order by ordinal")
                .param("id", id).query(Long.class).list();
    }

    private void requireTarget(long id, long unitId) {
        if (!targetIds(id).contains(unitId)) {
            throw new NotFoundException("unit", unitId);
        }
    }

    /**
     * Where the inspecting body may inspect: the subtree of the area it serves (a provincial Party
     * committee: its province; a central body: the whole country), with the units that passed into it.
     */
    Set<String> reach(long inspectingUnitId, LocalDate on) {
        var unit = units.find(inspectingUnitId, on).or(() -> units.find(inspectingUnitId, LocalDate.now(clock)))
                .orElseThrow(() -> new NotFoundException("unit", inspectingUnitId));
        while (unit.category() == UnitCategory.BODY && unit.parentId() != null) {
            var parentId = unit.parentId();
            unit = units.find(parentId, on).or(() -> units.find(parentId, LocalDate.now(clock)))
                    .orElseThrow(() -> new NotFoundException("unit", parentId));
        }
        return units.scopePaths(unit.id());
    }

    private void check(InspectionInput input, CurrentUser user) {
        var problems = new ArrayList<Problem>();
        if (input.kind() == null) {
            problems.add(new Problem("kind", "validation.required"));
        }
        if (input.mode() == null) {
            problems.add(new Problem("mode", "validation.required"));
        }
        if (blank(input.title())) {
            problems.add(new Problem("title", "validation.required"));
        } else if (input.title().strip().length() > MAX_TITLE) {
            problems.add(new Problem("title", "validation.too-long", MAX_TITLE));
        }
        if (input.startsOn() == null) {
            problems.add(new Problem("startsOn", "validation.required"));
        }
        if (input.endsOn() == null) {
            problems.add(new Problem("endsOn", "validation.required"));
        } else if (input.startsOn() != null && input.endsOn().isBefore(input.startsOn())) {
            problems.add(new Problem("endsOn", "inspection.ends-before-start"));
        }
        if (input.reportDueOn() != null && input.endsOn() != null && input.reportDueOn().isAfter(input.endsOn())) {
            problems.add(new Problem("reportDueOn", "inspection.report-due.after-end"));
        }
        if (input.subjectDocumentIds().isEmpty()) {
            problems.add(new Problem("subjects", "inspection.subjects.empty"));
        }
        for (var documentId : input.subjectDocumentIds()) {
            if (documents.identifierOf(documentId).isEmpty()) {
                problems.add(new Problem("subjects", "inspection.document.not-found", "#" + documentId));
            }
        }
        var day = input.startsOn() != null ? input.startsOn() : LocalDate.now(clock);
        problems.addAll(RecommendationRules.teamProblems(input.members().stream()
                .map(m -> new RecommendationRules.Member(m.personId(), m.bodyUnitId(), m.role())).toList()));
        var personIds = input.members().stream().map(InspectionInput.MemberInput::personId).filter(java.util.Objects::nonNull).toList();
        var known = people.titlesOn(personIds, day).keySet();
        for (int i = 0; i < input.members().size(); i++) {
            var m = input.members().get(i);
            if (m.personId() != null && !known.contains(m.personId())) {
                problems.add(new Problem("members[" + i + "].personId", "inspection.person.not-found", m.personId()));
            }
            if (m.bodyUnitId() != null && unitOn(m.bodyUnitId(), day) == null) {
                problems.add(new Problem("members[" + i + "].bodyUnitId", "inspection.unit.not-found", m.bodyUnitId()));
            }
        }
        if (input.targetUnitIds().isEmpty()) {
            problems.add(new Problem("targets", "inspection.targets.empty"));
        }
        if (input.inspectingUnitId() == null) {
            problems.add(new Problem("inspectingUnitId", "validation.required"));
        } else if (unitOn(input.inspectingUnitId(), day) == null) {
            problems.add(new Problem("inspectingUnitId", "inspection.unit.not-found", input.inspectingUnitId()));
        } else {
            scope.requireWrite(user, input.inspectingUnitId(), "unit", input.inspectingUnitId());
            var reach = reach(input.inspectingUnitId(), day);
            for (var targetId : input.targetUnitIds()) {
                var target = unitOn(targetId, day);
                if (target == null) {
                    problems.add(new Problem("targets", "inspection.unit.not-found", targetId));
                } else if (!units.isWithin(targetId, reach)) {
                    problems.add(new Problem("targets", "inspection.target.out-of-reach", target.name()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private OrgUnit unitOn(long id, LocalDate day) {
        return units.find(id, day).or(() -> units.find(id, LocalDate.now(clock))).orElse(null);
    }

    private void saveParts(long id, InspectionInput input) {
        jdbc.sql("delete from inspection_subject where inspection_id = :id").param("id", id).update();
        var identifiers = new ArrayList<String>();
        for (int i = 0; i < input.subjectDocumentIds().size(); i++) {
            var documentId = input.subjectDocumentIds().get(i);
            jdbc.sql("insert into inspection_subject (inspection_id, document_id, ordinal) values (:id, :d, :o)")
                    .param("id", id).param("d", documentId).param("o", i).update();
            documents.identifierOf(documentId).ifPresent(identifiers::add);
        }
        jdbc.sql("delete from inspection_member where inspection_id = :id").param("id", id).update();
        for (int i = 0; i < input.members().size(); i++) {
            var m = input.members().get(i);
            jdbc.sql("""
                            insert into inspection_member (inspection_id, person_id, body_unit_id, role, ordinal)
                            values (:id, :p, :b, :r, :o)""")
                    .param("id", id).param("p", m.personId()).param("b", m.bodyUnitId()).param("r", m.role().name()).param("o", i).update();
        }
        jdbc.sql("delete from inspection_target where inspection_id = :id and not (unit_id = any(:keep))")
                .param("id", id).param("keep", input.targetUnitIds().toArray(Long[]::new)).update();
        for (int i = 0; i < input.targetUnitIds().size(); i++) {
            jdbc.sql("""
                            insert into inspection_target (inspection_id, unit_id, ordinal, report_due_on)
                            values (:id, :u, :o, :due)
                            on conflict (inspection_id, unit_id) do update set ordinal = excluded.ordinal, report_due_on = excluded.report_due_on""")
                    .param("id", id).param("u", input.targetUnitIds().get(i)).param("o", i).param("due", input.reportDueOn()).update();
        }
        jdbc.sql("update inspection set search_text = search_key(:text) where id = :id")
                .param("text", VietnameseText.nfc(input.title().strip() + " " + String.join(" ", identifiers))).param("id", id).update();
    }

    private void touch(long id) {
        jdbc.sql("update inspection set version = version + 1, updated_at = now() where id = :id").param("id", id).update();
    }

    private static java.util.Map<String, Object> auditFields(InspectionInput input) {
        return AuditTrail.fields("kind", input.kind(), "mode", input.mode(), "title", VietnameseText.nfc(input.title().strip()),
                "startsOn", input.startsOn(), "endsOn", input.endsOn(), "subjects", input.subjectDocumentIds(),
                "members", input.members().stream().map(m -> m.personId() + ":" + m.role() + "@" + m.bodyUnitId()).toList(),
                "targets", input.targetUnitIds(), "reportDueOn", input.reportDueOn());
    }

    private static void tooLong(String text, String field, List<Problem> problems) {
        if (text != null && text.strip().length() > MAX_TEXT) {
            problems.add(new Problem(field, "validation.too-long", MAX_TEXT));
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String nfcOrNull(String s) {
        return blank(s) ? null : VietnameseText.nfc(s.strip());
    }
}
