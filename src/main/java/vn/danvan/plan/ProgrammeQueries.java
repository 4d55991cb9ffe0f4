package vn.danvan.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.document.DocumentQueries;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.OrgScope;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.plan.TaskViews.UnitRef;
import vn.danvan.shared.NotFoundException;

/**
 * Coordination programmes and one programme with its items, reviews, joint plans and renewal chain.
 * Like the documents they are, programmes are read by every signed-in user (a province implements the
 * centre's programme); only the owner unit's writers change them.
 */
@Service
@Transactional(readOnly = true)
class ProgrammeQueries {

    record ProgrammeRow(long id, String title, int fromYear, int toYear, String documentIdentifier, String parties, Long predecessorId,
                        Long successorId) {
    }

    record ReviewView(long id, LocalDate reviewedOn, String result, Long meetingId) {
    }

    record ItemView(long id, int ordinal, String title, String description, List<ReviewView> reviews) {
    }

    record ActivityView(long id, String title, UnitRef ownerUnit, LocalDate dueOn, TaskStatus status) {
    }

    record JointPlanView(long id, int year, String title, Long documentId, String documentIdentifier, List<ActivityView> activities) {
    }

    record Linked(long id, String title, int fromYear, int toYear) {
    }

    record ProgrammeDetail(long id, String title, int fromYear, int toYear, Long documentId, String documentIdentifier, UnitRef ownerUnit,
                           List<CoordinationProgrammes.Party> parties, List<CoordinationProgrammes.Signatory> signatories,
                           List<ItemView> items, List<JointPlanView> jointPlans, Linked predecessor, Linked successor,
                           boolean canWrite) {
    }

    private final JdbcClient jdbc;
    private final OrgScope scope;
    private final OrgUnits units;
    private final DocumentQueries documents;
    private final Clock clock;

    ProgrammeQueries(JdbcClient jdbc, OrgScope scope, OrgUnits units, DocumentQueries documents, Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.units = units;
        this.documents = documents;
        this.clock = clock;
    }

    List<ProgrammeRow> list(CurrentUser user) {
        return jdbc.sql("""
                        select g.id, g.title, g.from_year, g.to_year, g.document_id,
                               (select string_agg(pp.name, '; ' order by pp.ordinal) from plan_programme_party pp
                                where pp.programme_id = g.id) as parties,
                               g.predecessor_id, (select s.id from plan_programme s where s.predecessor_id = g.id) as successor_id
                        from plan_programme g
                        order by g.from_year desc, g.sort_title, g.id""")
                .query((rs, n) -> {
                    var documentId = rs.getObject("document_id", Long.class);
                    return new ProgrammeRow(rs.getLong("id"), rs.getString("title"), rs.getInt("from_year"), rs.getInt("to_year"),
                            documentId == null ? null : documents.identifierOf(documentId).orElse(null), rs.getString("parties"),
                            rs.getObject("predecessor_id", Long.class), rs.getObject("successor_id", Long.class));
                }).list();
    }

    ProgrammeDetail detail(long id, CurrentUser user) {
        record Head(long id, String title, int fromYear, int toYear, Long documentId, long ownerUnitId, Long predecessorId) {
        }
        var h = jdbc.sql("""
                        select g.id, g.title, g.from_year, g.to_year, g.document_id, g.owner_unit_id, g.predecessor_id
                        from plan_programme g where g.id = :id""")
                .param("id", id)
                .query(Head.class).optional().orElseThrow(() -> new NotFoundException("programme", id));
        var today = LocalDate.now(clock);
        var parties = jdbc.sql("select unit_id, name from plan_programme_party where programme_id = :id order by ordinal")
                .param("id", id).query(CoordinationProgrammes.Party.class).list();
        var signatories = jdbc.sql("select name, title, body from plan_programme_signatory where programme_id = :id order by ordinal")
                .param("id", id).query(CoordinationProgrammes.Signatory.class).list();
        var reviews = jdbc.sql("""
                        select r.id, r.item_id, r.reviewed_on, r.result, r.meeting_id from plan_programme_review r
                        join plan_programme_item i on i.id = r.item_id where i.programme_id = :id order by r.reviewed_on, r.id""")
                .param("id", id)
                .query((rs, n) -> new Object[] {rs.getLong("item_id"), new ReviewView(rs.getLong("id"),
                        rs.getObject("reviewed_on", LocalDate.class), rs.getString("result"), rs.getObject("meeting_id", Long.class))})
                .list().stream().collect(Collectors.groupingBy(o -> (Long) o[0], Collectors.mapping(o -> (ReviewView) o[1], Collectors.toList())));
        var items = jdbc.sql("select id, ordinal, title, description from plan_programme_item where programme_id = :id order by ordinal")
                .param("id", id)
                .query((rs, n) -> new ItemView(rs.getLong("id"), rs.getInt("ordinal"), rs.getString("title"), rs.getString("description"),
                        reviews.getOrDefault(rs.getLong("id"), List.of())))
                .list();
        record Activity(long id, long jointPlanId, String title, long ownerUnitId, LocalDate dueOn, String status) {
        }
        var activities = jdbc.sql("""
                        select a.id, a.joint_plan_id, a.title, a.owner_unit_id, a.due_on,
                               case when a.status in ('NOT_STARTED', 'IN_PROGRESS') and a.due_on < :today then 'OVERDUE' else a.status end
                                   as status
                        from plan_programme_activity a join plan_programme_joint_plan j on j.id = a.joint_plan_id
                        where j.programme_id = :id order by a.joint_plan_id, a.ordinal""")
                .param("id", id).param("today", today).query(Activity.class).list();
        var named = units.findAll(activities.stream().map(Activity::ownerUnitId).collect(Collectors.toSet()), today);
        var byPlan = activities.stream().collect(Collectors.groupingBy(Activity::jointPlanId, Collectors.mapping(a ->
                new ActivityView(a.id(), a.title(), named.containsKey(a.ownerUnitId())
                        ? new UnitRef(a.ownerUnitId(), named.get(a.ownerUnitId()).code(), named.get(a.ownerUnitId()).name())
                        : new UnitRef(a.ownerUnitId(), null, null), a.dueOn(), TaskStatus.valueOf(a.status())), Collectors.toList())));
        var jointPlans = jdbc.sql("""
                        select id, plan_year, title, document_id from plan_programme_joint_plan where programme_id = :id
                        order by plan_year, id""")
                .param("id", id)
                .query((rs, n) -> {
                    var documentId = rs.getObject("document_id", Long.class);
                    return new JointPlanView(rs.getLong("id"), rs.getInt("plan_year"), rs.getString("title"), documentId,
                            documentId == null ? null : documents.identifierOf(documentId).orElse(null),
                            byPlan.getOrDefault(rs.getLong("id"), List.of()));
                }).list();
        var predecessor = h.predecessorId() == null ? null : linked("select id, title, from_year, to_year from plan_programme where id = :id",
                h.predecessorId());
        var successor = linked("select id, title, from_year, to_year from plan_programme where predecessor_id = :id", id);
        var owner = units.find(h.ownerUnitId(), today).map(u -> new UnitRef(u.id(), u.code(), u.name()))
                .orElse(new UnitRef(h.ownerUnitId(), null, null));
        return new ProgrammeDetail(h.id(), h.title(), h.fromYear(), h.toYear(), h.documentId(),
                h.documentId() == null ? null : documents.identifierOf(h.documentId()).orElse(null), owner, parties, signatories, items,
                jointPlans, predecessor, successor, scope.canWrite(user, h.ownerUnitId()));
    }

    private Linked linked(String sql, long id) {
        return jdbc.sql(sql).param("id", id).query(Linked.class).optional().orElse(null);
    }
}
