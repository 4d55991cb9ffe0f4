package vn.danvan.inspection;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.document.DocumentQueries;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.OrgScope;
import vn.danvan.inspection.InspectionViews.DocumentRef;
import vn.danvan.inspection.InspectionViews.InspectionDetail;
import vn.danvan.inspection.InspectionViews.InspectionRow;
import vn.danvan.inspection.InspectionViews.MemberView;
import vn.danvan.inspection.InspectionViews.RecommendationView;
import vn.danvan.inspection.InspectionViews.SessionView;
import vn.danvan.inspection.InspectionViews.TargetView;
import vn.danvan.inspection.InspectionViews.UnitRef;
import vn.danvan.meeting.MeetingQueries;
import vn.danvan.orgunit.OrgUnit;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.person.People;
import vn.danvan.plan.OriginTasks;
import vn.danvan.plan.TaskStatus;
import vn.danvan.shared.NotFoundException;
import vn.danvan.shared.PageResult;

/**
 * The questions asked of inspections. An inspection is read by users whose scope covers its inspecting
 * body or one of its target units (its page also by a unit that owes one of its recommendations);
 * outside scope it answers as not found. Recommendations are read
 * through plan's tasks of origin INSPECTION: by users whose scope covers the responsible or the
 * inspecting unit.
 */
@Service
@Transactional(readOnly = true)
public class InspectionQueries {

    /**
     * A list's filter: {@code q} (title or a subject's identifier, without accents), {@code unitIds}
     * (inspections by, or of, one of these units; null: any), {@code year} of the start, {@code kind}.
     */
    public record InspectionFilter(String q, List<Long> unitIds, Integer year, InspectionKind kind) {
    }

    private final JdbcClient jdbc;
    private final OrgScope scope;
    private final OrgUnits units;
    private final People people;
    private final DocumentQueries documents;
    private final MeetingQueries meetings;
    private final OriginTasks originTasks;
    private final RecommendationReader recommendations;
    private final Clock clock;

    InspectionQueries(JdbcClient jdbc, OrgScope scope, OrgUnits units, People people, DocumentQueries documents, MeetingQueries meetings,
                      OriginTasks originTasks, RecommendationReader recommendations, Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.units = units;
        this.people = people;
        this.documents = documents;
        this.meetings = meetings;
        this.originTasks = originTasks;
        this.recommendations = recommendations;
        this.clock = clock;
    }

    /** The ids of the units in the subtree of {@code unitId} and of every unit that passed into it. */
    public List<Long> subtreeIds(long unitId) {
        return units.idsWithin(units.scopePaths(unitId));
    }

    /** Inspections matching the filter within the user's scope, newest first, paged with the total. */
    public PageResult<InspectionRow> search(InspectionFilter filter, int page, int size, CurrentUser user) {
        var readable = scope.readableUnitIds(user);
        var where = """
                from inspection i
                where (cast(:all as boolean)
                       or i.inspecting_unit_id = any(:readable)
                       or exists (select 1 from inspection_target t where t.inspection_id = i.id and t.unit_id = any(:readable)))
                  and (cast(:anyUnit as boolean)
                       or i.inspecting_unit_id = any(:units)
                       or exists (select 1 from inspection_target t where t.inspection_id = i.id and t.unit_id = any(:units)))
                  and (cast(:year as integer) is null or i.starts_on >= make_date(cast(:year as integer), 1, 1)
                                                     and i.starts_on < make_date(cast(:year as integer) + 1, 1, 1))
                  and (cast(:kind as text) is null or i.kind = :kind)
                  and (cast(:q as text) is null or i.search_text like '%' || search_key(cast(:q as text)) || '%')
                """;
        var params = new HashMap<String, Object>();
        params.put("all", readable == null);
        params.put("readable", readable == null ? new Long[0] : readable.toArray(Long[]::new));
        params.put("anyUnit", filter.unitIds() == null);
        params.put("units", filter.unitIds() == null ? new Long[0] : filter.unitIds().toArray(Long[]::new));
        params.put("year", filter.year());
        params.put("kind", filter.kind() == null ? null : filter.kind().name());
        params.put("q", filter.q() == null || filter.q().isBlank() ? null : filter.q().strip());
        var total = jdbc.sql("select count(*) " + where).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        record Row(long id, InspectionKind kind, InspectionMode mode, String title, java.time.LocalDate startsOn, java.time.LocalDate endsOn,
                   long inspectingUnitId, boolean concluded) {
        }
        var rows = jdbc.sql("""
                        select i.id, i.kind, i.mode, i.title, i.starts_on, i.ends_on, i.inspecting_unit_id,
                               (i.conclusion_document_id is not null or i.conclusion_summary is not null) as concluded
                        """ + where + "order by i.starts_on desc, i.id desc limit :limit offset :offset")
                .params(params).query(Row.class).list();
        var ids = rows.stream().map(Row::id).toArray(Long[]::new);
        var subjects = new HashMap<Long, List<String>>();
        jdbc.sql("select inspection_id, document_id from inspection_subject where inspection_id = any(:ids) order by inspection_id, ordinal")
                .param("ids", ids).query((rs, n) -> {
                    var documentId = rs.getLong(2);
                    subjects.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(documents.identifierOf(documentId).orElse("#" + documentId));
                    return null;
                }).list();
        var targets = new HashMap<Long, List<Long>>();
        jdbc.sql("select inspection_id, unit_id from inspection_target where inspection_id = any(:ids) order by inspection_id, ordinal")
                .param("ids", ids).query((rs, n) -> targets.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2))).list();
        var today = LocalDate.now(clock);
        var content = rows.stream().map(r -> {
            var named = named(targets.getOrDefault(r.id(), List.of()), r.startsOn());
            return new InspectionRow(r.id(), r.kind(), r.mode(), r.title(), r.startsOn(), r.endsOn(), unitRef(r.inspectingUnitId(), r.startsOn()),
                    subjects.getOrDefault(r.id(), List.of()),
                    targets.getOrDefault(r.id(), List.of()).stream().map(t -> ref(named, t)).toList(),
                    RecommendationRules.stage(r.startsOn(), r.concluded(), today).name());
        }).toList();
        return new PageResult<>(content, total, page, size);
    }

    /**
     * Outside a transaction of its own: a working session or document the user may not read answers "not
     * found" from its module, which would otherwise mark a shared transaction rollback-only.
     *
     * @throws NotFoundException when there is no such inspection or it is outside the user's scope
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public InspectionDetail detail(long id, CurrentUser user) {
        record Head(long id, InspectionKind kind, InspectionMode mode, String title, LocalDate startsOn, LocalDate endsOn, long inspectingUnitId,
                    Long conclusionDocumentId, String conclusionSummary, int version) {
        }
        var h = jdbc.sql("""
                        select id, kind, mode, title, starts_on, ends_on, inspecting_unit_id, conclusion_document_id, conclusion_summary, version
                        from inspection where id = :id""")
                .param("id", id).query(Head.class).optional().orElseThrow(() -> new NotFoundException("inspection", id));
        record Target(long unitId, LocalDate reportDueOn, LocalDate reportSubmittedOn, Long reportDocumentId, String reportNote,
                      String strengths, String shortcomings) {
        }
        var targetRows = jdbc.sql("""
                        select unit_id, report_due_on, report_submitted_on, report_document_id, report_note, strengths, shortcomings
                        from inspection_target where inspection_id = :id order by ordinal""")
                .param("id", id).query(Target.class).list();
        var recs = recommendations.ofInspections(List.of(id));
        // the inspecting body, a target, or a unit that owes one of its recommendations (it reads what it answers to)
        if (!scope.canRead(user, h.inspectingUnitId()) && targetRows.stream().noneMatch(t -> scope.canRead(user, t.unitId()))
                && recs.stream().noneMatch(r -> scope.canRead(user, r.responsibleUnit().id()))) {
            throw new NotFoundException("inspection", id);
        }
        var day = h.startsOn();
        var today = LocalDate.now(clock);
        var canWrite = scope.canWrite(user, h.inspectingUnitId());
        var subjectIds = jdbc.sql("select document_id from inspection_subject where inspection_id = :id order by ordinal")
                .param("id", id).query(Long.class).list();
        record Member(long personId, long bodyUnitId, TeamRole role) {
        }
        var memberRows = jdbc.sql("select person_id, body_unit_id, role from inspection_member where inspection_id = :id order by ordinal")
                .param("id", id).query(Member.class).list();
        var titles = people.titlesOn(memberRows.stream().map(Member::personId).toList(), day);
        var bodies = named(memberRows.stream().map(Member::bodyUnitId).toList(), day);
        var members = memberRows.stream().map(m -> {
            var t = titles.get(m.personId());
            return new MemberView(m.personId(), t == null ? "?" : t.name(), t == null ? null : t.title(), ref(bodies, m.bodyUnitId()), m.role());
        }).toList();
        var targetUnits = named(targetRows.stream().map(Target::unitId).toList(), day);
        var targets = targetRows.stream().map(t -> new TargetView(ref(targetUnits, t.unitId()), t.reportDueOn(), t.reportSubmittedOn(),
                t.reportDocumentId() == null ? null : document(t.reportDocumentId(), user), t.reportNote(),
                RecommendationRules.reportLate(t.reportDueOn(), t.reportSubmittedOn(), today), t.strengths(), t.shortcomings(),
                canWrite || scope.canWrite(user, t.unitId()))).toList();
        var sessions = new ArrayList<SessionView>();
        for (var meetingId : jdbc.sql("select meeting_id from inspection_session where inspection_id = :id").param("id", id)
                .query(Long.class).list()) {
            try {
                var m = meetings.detail(meetingId, user);
                sessions.add(new SessionView(m.id(), m.title(), m.startsAt(), m.place(),
                        new UnitRef(m.hostUnit().id(), m.hostUnit().code(), m.hostUnit().name())));
            } catch (NotFoundException outsideScope) {
                // a working session the user may not read is not shown
            }
        }
        sessions.sort(Comparator.comparing(SessionView::startsAt));
        return new InspectionDetail(h.id(), h.kind(), h.mode(), h.title(), h.startsOn(), h.endsOn(), unitRef(h.inspectingUnitId(), day),
                subjectIds.stream().map(d -> document(d, user)).toList(), members, targets, sessions,
                h.conclusionDocumentId() == null ? null : document(h.conclusionDocumentId(), user), h.conclusionSummary(), recs,
                RecommendationRules.stage(h.startsOn(), h.conclusionDocumentId() != null || h.conclusionSummary() != null, today).name(),
                canWrite, h.version());
    }

    /**
     * Recommendations whose responsible unit lies in the subtree of {@code unitId} (null: all the user may
     * read), optionally with one plan status (OVERDUE: open and past the deadline), by deadline, paged.
     *
     * @throws NotFoundException when the user may not read {@code unitId}
     */
    public PageResult<RecommendationView> recommendations(Long unitId, TaskStatus status, int page, int size, CurrentUser user) {
        var tasks = originTasks.ofKind(RecommendationReader.ORIGIN, unitId, status, page, size, user);
        return new PageResult<>(recommendations.ofTasks(tasks.content()), tasks.totalElements(), page, size);
    }

    /**
     * What a unit owes to whom: the recommendations its subtree is responsible for and that are neither
     * accepted nor cancelled, by deadline, with the inspecting body of each.
     */
    public List<RecommendationView> owedBy(long unitId, CurrentUser user) {
        var owed = new ArrayList<RecommendationView>();
        int page = 0;
        PageResult<RecommendationView> chunk;
        do {
            chunk = recommendations(unitId, null, page++, 200, user);
            chunk.content().stream().filter(r -> r.status().owed()).forEach(owed::add);
        } while ((long) page * 200 < chunk.totalElements());
        return owed;
    }

    private DocumentRef document(long documentId, CurrentUser user) {
        try {
            var d = documents.detail(documentId, user);
            return new DocumentRef(d.id(), d.identifier(), d.subject());
        } catch (NotFoundException gone) {
            return new DocumentRef(documentId, documents.identifierOf(documentId).orElse(null), null);
        }
    }

    private UnitRef unitRef(long id, LocalDate day) {
        return units.find(id, day).or(() -> units.find(id, LocalDate.now(clock))).map(u -> new UnitRef(u.id(), u.code(), u.name()))
                .orElse(new UnitRef(id, null, null));
    }

    private Map<Long, OrgUnit> named(List<Long> ids, LocalDate day) {
        var named = new LinkedHashMap<Long, OrgUnit>(units.findAll(new HashSet<>(ids), day));
        var missing = ids.stream().filter(i -> !named.containsKey(i)).toList();
        if (!missing.isEmpty()) {
            named.putAll(units.findAll(missing, LocalDate.now(clock)));
        }
        return named;
    }

    private static UnitRef ref(Map<Long, OrgUnit> named, long id) {
        var u = named.get(id);
        return u == null ? new UnitRef(id, null, null) : new UnitRef(id, u.code(), u.name());
    }
}
