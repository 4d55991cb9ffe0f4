package vn.danvan.petition;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.audit.AuditTrail;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.OrgScope;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.InvalidInputException.Problem;
import vn.danvan.shared.NotFoundException;
import vn.danvan.shared.VietnameseText;

/**
 * The citizen reception desk (tiếp công dân, Luật Tiếp công dân 2013; Thông tư 04/2021/TT-TTCP):
 * sessions held by the reception office, by the head of a body (periodic, on the published schedule,
 * or ad hoc) or by a deputy the head delegated; in person or, from 1/7/2026, online. Each visit
 * records the persons present, the matter raised (first time or again), a refusal under Article 9,
 * and for sessions of a head the instruction with its deadline. A visit of many people about the
 * same matter is a crowd delegation whose representatives are checked.
 */
@Service
@Transactional
public class ReceptionDesk {

    private final JdbcClient jdbc;
    private final CaseStore store;
    private final PetitionManagement petitions;
    private final PetitionSettings settings;
    private final OrgScope scope;
    private final AuditTrail audit;
    private final Clock clock;
    private final CasePlaces places;
    private final OrgUnits units;

    ReceptionDesk(JdbcClient jdbc, CaseStore store, PetitionManagement petitions, PetitionSettings settings, OrgScope scope,
                  AuditTrail audit, Clock clock, CasePlaces places, OrgUnits units) {
        this.units = units;
        this.jdbc = jdbc;
        this.places = places;
        this.store = store;
        this.petitions = petitions;
        this.settings = settings;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
    }

    /** A session as the desk opens it (or as a head's schedule announces it: {@code scheduled}). */
    public record NewSession(long unitId, SessionKind kind, SessionHost host, SessionMode mode, LocalDate heldOn, String place,
                             String hostName, String hostTitle, boolean scheduled) {
    }

    /**
     * A visit. {@code matterId} names a known matter (a repeated visit when it was raised before);
     * {@code firstTime} is asked when no matter is named. {@code persons} are the names of those
     * present (encrypted); {@code petition} also receives what was handed over or said as a petition.
     */
    public record NewVisit(int personsCount, int representativesCount, Long matterId, Boolean firstTime, ContentKind contentKind,
                           String summary, Long placeUnitId, boolean refused, RefusalReason refusalReason, String instruction,
                           Long instructionUnitId, LocalDate instructionDueOn, List<PersonInput> persons, boolean petition,
                           PetitionerKind petitionerKind) {

        public NewVisit {
            persons = persons == null ? List.of() : List.copyOf(persons);
        }
    }

    public record VisitRef(long id, boolean crowd, boolean firstTime, String petitionNumber) {
    }

    /** @throws InvalidInputException naming each field in error; nothing saved */
    public long openSession(NewSession s, CurrentUser user) {
        scope.requireWrite(user, s.unitId(), "unit", s.unitId());
        var problems = new ArrayList<Problem>();
        if (s.kind() == null) problems.add(new Problem("sessionKind", "validation.required"));
        if (s.host() == null) problems.add(new Problem("host", "validation.required"));
        if (s.heldOn() == null) problems.add(new Problem("heldOn", "validation.required"));
        if (s.kind() != null && s.host() != null && (s.kind() == SessionKind.REGULAR) != (s.host() == SessionHost.OFFICE)) {
            problems.add(new Problem("host", "petition.session.regular-is-office"));
        }
        if (s.host() != null && s.host() != SessionHost.OFFICE && (s.hostName() == null || s.hostName().isBlank())) {
            problems.add(new Problem("hostName", "petition.session.host-name-required"));
        }
        // Online reception exists from 1/7/2026 (Luật số 136/2025/QH15, Điều 3a mới)
        if (s.mode() == SessionMode.ONLINE && s.heldOn() != null && s.heldOn().isBefore(Matter.LAW_136_EFFECTIVE)) {
            problems.add(new Problem("mode", "petition.session.online-from-law-136"));
        }
        if (s.heldOn() != null && !s.scheduled() && s.heldOn().isAfter(LocalDate.now(clock))) {
            problems.add(new Problem("heldOn", "petition.session.future-must-be-scheduled"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        var id = jdbc.sql("""
                insert into petition_session (unit_id, kind, host, mode, held_on, place, host_name, host_title, scheduled, created_by)
                values (:unit, :kind, :host, :mode, :heldOn, :place, :hostName, :hostTitle, :scheduled, :by)
                returning id
                """)
                .param("unit", s.unitId()).param("kind", s.kind().name()).param("host", s.host().name())
                .param("mode", (s.mode() == null ? SessionMode.IN_PERSON : s.mode()).name()).param("heldOn", s.heldOn())
                .param("place", blank(s.place())).param("hostName", blank(s.hostName())).param("hostTitle", blank(s.hostTitle()))
                .param("scheduled", s.scheduled()).param("by", user.username())
                .query(Long.class).single();
        audit.record("petition.session-opened", "petition_session", id, s.unitId(), null, AuditTrail.fields(
                "kind", s.kind(), "host", s.host(), "mode", s.mode(), "heldOn", s.heldOn(), "hostName", s.hostName()));
        return id;
    }

    /**
     * Records a visit during a session.
     *
     * @throws InvalidInputException naming each field in error (representatives of a crowd, refusal reason …)
     */
    public VisitRef recordVisit(long sessionId, NewVisit v, CurrentUser user) {
        var session = session(sessionId, user, true);
        var problems = new ArrayList<Problem>();
        if (v.personsCount() < 1) problems.add(new Problem("personsCount", "petition.visit.persons-at-least-one"));
        if (v.summary() == null || v.summary().isBlank()) problems.add(new Problem("summary", "validation.required"));
        if (v.refused() && v.refusalReason() == null) problems.add(new Problem("refusalReason", "petition.visit.refusal-reason-required"));
        if (!v.refused() && v.refusalReason() != null) problems.add(new Problem("refusalReason", "petition.visit.reason-only-when-refused"));
        var crowd = v.personsCount() >= settings.crowdThreshold();
        if (crowd) {
            problems.addAll(ProcessingRules.representativeProblems(v.personsCount(), v.representativesCount(), "representativesCount"));
        }
        if (v.instruction() != null && !v.instruction().isBlank() && session.host() == SessionHost.OFFICE) {
            problems.add(new Problem("instruction", "petition.visit.instruction-only-heads"));
        }
        if (v.instructionDueOn() != null && v.instructionDueOn().isBefore(session.heldOn())) {
            problems.add(new Problem("instructionDueOn", "petition.visit.instruction-due-before-session"));
        }
        if (v.petition() && v.refused()) problems.add(new Problem("petition", "petition.visit.refused-no-petition"));
        Long place = null;
        try {
            place = places.area(v.placeUnitId(), session.heldOn());
        } catch (InvalidInputException notAPlace) {
            problems.addAll(notAPlace.problems());
        }
        if (v.instructionUnitId() != null && units.find(v.instructionUnitId(), session.heldOn()).isEmpty()) {
            problems.add(new Problem("instructionUnitId", "petition.visit.instruction-unit-unknown"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Matter matter = null;
        if (v.matterId() != null) {
            matter = store.matter(v.matterId()).orElseThrow(() -> new NotFoundException("matter", v.matterId()));
            scope.requireRead(user, matter.unitId, "matter", matter.number);
        }
        var raisedBefore = matter != null && jdbc.sql("select exists (select 1 from petition_visit where matter_id = :m)")
                .param("m", matter.id).query(Boolean.class).single();
        var firstTime = matter != null ? !raisedBefore : (v.firstTime() == null || v.firstTime());
        var id = jdbc.sql("""
                insert into petition_visit (session_id, unit_id, visited_on, persons_count, representatives_count, crowd,
                    matter_id, first_time, content_kind, summary, place_unit_id, refused, refusal_reason, instruction,
                    instruction_unit_id, instruction_due_on, created_by)
                values (:session, :unit, :day, :persons, :representatives, :crowd, :matter, :firstTime, :contentKind,
                    :summary, :place, :refused, :reason, :instruction, :instructionUnit, :instructionDue, :by)
                returning id
                """)
                .param("session", sessionId).param("unit", session.unitId()).param("day", session.heldOn())
                .param("persons", v.personsCount()).param("representatives", v.representativesCount()).param("crowd", crowd)
                .param("matter", matter == null ? null : matter.id).param("firstTime", firstTime)
                .param("contentKind", v.contentKind() == null ? null : v.contentKind().name())
                .param("summary", VietnameseText.nfc(v.summary().strip())).param("place", place)
                .param("refused", v.refused()).param("reason", v.refusalReason() == null ? null : v.refusalReason().name())
                .param("instruction", blank(v.instruction())).param("instructionUnit", v.instructionUnitId())
                .param("instructionDue", v.instructionDueOn()).param("by", user.username())
                .query(Long.class).single();
        petitions.saveVisitors(id, v.persons().stream()
                .map(x -> new PersonInput(PersonRole.VISITOR, x.organisation(), x.name(), x.address(), x.phone(), x.idNumber())).toList());
        String petitionNumber = null;
        if (v.petition()) {
            var kind = v.petitionerKind() != null ? v.petitionerKind()
                    : v.personsCount() >= settings.crowdThreshold() ? PetitionerKind.GROUP : PetitionerKind.PERSON;
            var persons = new ArrayList<PersonInput>();
            for (int i = 0; i < v.persons().size(); i++) {
                var x = v.persons().get(i);
                var role = kind == PetitionerKind.GROUP && i < Math.max(1, v.representativesCount()) ? PersonRole.REPRESENTATIVE : PersonRole.PETITIONER;
                persons.add(new PersonInput(role, x.organisation(), x.name(), x.address(), x.phone(), x.idNumber()));
            }
            var ref = petitions.receive(new NewPetition(session.unitId(), session.heldOn(), Channel.RECEPTION, null, null, kind,
                    v.personsCount(), v.summary(), null, place, v.contentKind(), persons, id,
                    matter != null && matter.unitId == session.unitId() ? matter.id : null), user);
            petitionNumber = ref.number();
        }
        audit.record("petition.visit-recorded", "petition_visit", id, session.unitId(), null, AuditTrail.fields(
                "session", sessionId, "persons", v.personsCount(), "crowd", crowd, "firstTime", firstTime,
                "matter", matter == null ? null : matter.number, "refused", v.refused(), "refusalReason", v.refusalReason(),
                "petition", petitionNumber));
        return new VisitRef(id, crowd, firstTime, petitionNumber);
    }

    /** The notice of conclusion of a session held by a head (thông báo kết luận). */
    public void conclude(long sessionId, String number, LocalDate on, String text, CurrentUser user) {
        var session = session(sessionId, user, true);
        var problems = new ArrayList<Problem>();
        if (session.host() == SessionHost.OFFICE) problems.add(new Problem("conclusionText", "petition.session.conclusion-only-heads"));
        if (text == null || text.isBlank()) problems.add(new Problem("conclusionText", "validation.required"));
        if (on == null) problems.add(new Problem("conclusionOn", "validation.required"));
        else if (on.isBefore(session.heldOn())) problems.add(new Problem("conclusionOn", "petition.session.conclusion-before-session"));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        jdbc.sql("""
                update petition_session set conclusion_number = :number, conclusion_on = :on, conclusion_text = :text,
                    version = version + 1 where id = :id
                """).param("number", blank(number)).param("on", on).param("text", text.strip()).param("id", sessionId).update();
        audit.record("petition.session-concluded", "petition_session", sessionId, session.unitId(), null,
                AuditTrail.fields("number", number, "on", on));
    }

    /** A session with its visits (visitors' names are not shown: they are kept encrypted). */
    public record Session(long id, long unitId, SessionKind kind, SessionHost host, SessionMode mode, LocalDate heldOn,
                          String place, String hostName, String hostTitle, boolean scheduled, String conclusionNumber,
                          LocalDate conclusionOn, String conclusionText, List<Visit> visits) {
    }

    public record Visit(long id, int personsCount, int representativesCount, boolean crowd, Long matterId, String matterNumber,
                        boolean firstTime, ContentKind contentKind, String summary, Long placeUnitId, boolean refused,
                        RefusalReason refusalReason, String instruction, Long instructionUnitId, LocalDate instructionDueOn,
                        String petitionNumber) {
    }

    @Transactional(readOnly = true)
    public Session session(long id, CurrentUser user) {
        return session(id, user, false);
    }

    private Session session(long id, CurrentUser user, boolean write) {
        var s = jdbc.sql("""
                select id, unit_id, kind, host, mode, held_on, place, host_name, host_title, scheduled, conclusion_number,
                       conclusion_on, conclusion_text
                from petition_session where id = :id
                """).param("id", id)
                .query((rs, n) -> new Session(rs.getLong("id"), rs.getLong("unit_id"), SessionKind.valueOf(rs.getString("kind")),
                        SessionHost.valueOf(rs.getString("host")), SessionMode.valueOf(rs.getString("mode")),
                        rs.getObject("held_on", LocalDate.class), rs.getString("place"), rs.getString("host_name"),
                        rs.getString("host_title"), rs.getBoolean("scheduled"), rs.getString("conclusion_number"),
                        rs.getObject("conclusion_on", LocalDate.class), rs.getString("conclusion_text"), List.of()))
                .optional().orElseThrow(() -> new NotFoundException("session", id));
        if (write) {
            scope.requireWrite(user, s.unitId(), "session", id);
        } else {
            scope.requireRead(user, s.unitId(), "session", id);
        }
        var visits = jdbc.sql("""
                select v.id, v.persons_count, v.representatives_count, v.crowd, v.matter_id, m.number as matter_number,
                       v.first_time, v.content_kind, v.summary, v.place_unit_id, v.refused, v.refusal_reason, v.instruction,
                       v.instruction_unit_id, v.instruction_due_on, p.number as petition_number
                from petition_visit v
                left join petition_matter m on m.id = v.matter_id
                left join petition p on p.visit_id = v.id
                where v.session_id = :id order by v.id
                """).param("id", id).query(Visit.class).list();
        return new Session(s.id(), s.unitId(), s.kind(), s.host(), s.mode(), s.heldOn(), s.place(), s.hostName(), s.hostTitle(),
                s.scheduled(), s.conclusionNumber(), s.conclusionOn(), s.conclusionText(), visits);
    }

    /** A line of the sessions list and of the published schedule. */
    public record SessionRow(long id, long unitId, SessionKind kind, SessionHost host, SessionMode mode, LocalDate heldOn,
                             String place, String hostName, String hostTitle, boolean scheduled, int visits, int persons,
                             int crowds) {
    }

    /**
     * Sessions of the units the user reads: those held up to today, newest first; or ({@code upcoming}) the published
     * schedule ahead, soonest first. The two lists do not overlap.
     */
    @Transactional(readOnly = true)
    public List<SessionRow> sessions(CurrentUser user, boolean upcoming, int limit) {
        var readable = scope.readableUnitIds(user);
        return jdbc.sql("""
                select s.id, s.unit_id, s.kind, s.host, s.mode, s.held_on, s.place, s.host_name, s.host_title, s.scheduled,
                       count(v.id) as visits, coalesce(sum(v.persons_count), 0) as persons,
                       count(v.id) filter (where v.crowd) as crowds
                from petition_session s left join petition_visit v on v.session_id = s.id
                where (cast(:all as boolean) or s.unit_id = any(:units))
                  and (case when cast(:upcoming as boolean) then s.held_on > :today else s.held_on <= :today end)
                group by s.id
                order by case when cast(:upcoming as boolean) then s.held_on end asc, s.held_on desc, s.id desc
                limit :limit
                """)
                .param("all", readable == null).param("units", readable == null ? new Long[0] : readable.toArray(Long[]::new))
                .param("upcoming", upcoming).param("today", LocalDate.now(clock)).param("limit", limit)
                .query(SessionRow.class).list();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
