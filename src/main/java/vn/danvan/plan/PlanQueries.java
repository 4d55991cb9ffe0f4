package vn.danvan.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.document.DocumentQueries;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.OrgScope;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.plan.TaskViews.TaskRow;
import vn.danvan.plan.TaskViews.UnitRef;
import vn.danvan.shared.NotFoundException;
import vn.danvan.shared.PageResult;

/** Plans a user may read (their unit's scope), and one plan with its task tree. */
@Service
@Transactional(readOnly = true)
class PlanQueries {

    record PlanRow(long id, String kind, Integer year, String title, String theme, UnitRef unit, LocalDate startsOn, LocalDate endsOn,
                   long taskCount, long doneCount, long overdueCount) {
    }

    /** A task with its delegated children, for the plan's tree. */
    record TaskNode(TaskRow task, List<TaskNode> children) {
    }

    record PlanDetail(long id, String kind, Integer year, String title, String theme, UnitRef unit, LocalDate startsOn, LocalDate endsOn,
                      Long documentId, String documentLabel, Long implementsDocumentId, String implementsDocumentLabel,
                      Long implementsProgrammeId, String implementsProgrammeTitle, int version, List<TaskNode> tasks, int progressPercent,
                      boolean canWrite) {
    }

    private final JdbcClient jdbc;
    private final OrgScope scope;
    private final OrgUnits units;
    private final TaskQueries tasks;
    private final DocumentQueries documents;
    private final Clock clock;

    PlanQueries(JdbcClient jdbc, OrgScope scope, OrgUnits units, TaskQueries tasks, DocumentQueries documents, Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.units = units;
        this.tasks = tasks;
        this.documents = documents;
        this.clock = clock;
    }

    PageResult<PlanRow> list(Long unitId, Integer year, String q, int page, int size, CurrentUser user) {
        var readable = scope.readableUnitIds(user);
        List<Long> subtree = null;
        if (unitId != null) {
            scope.requireRead(user, unitId, "unit", unitId);
            subtree = units.idsWithin(units.scopePaths(unitId));
        }
        var where = """
                from plan p
                where (cast(:all as boolean) or p.unit_id = any(:readable))
                  and (cast(:anyUnit as boolean) or p.unit_id = any(:subtree))
                  and (cast(:year as integer) is null or :year between extract(year from p.starts_on) and extract(year from p.ends_on))
                  and (cast(:q as text) is null or p.search_text like '%' || search_key(cast(:q as text)) || '%')
                """;
        var params = new HashMap<String, Object>();
        params.put("all", readable == null);
        params.put("readable", readable == null ? new Long[0] : readable.toArray(Long[]::new));
        params.put("anyUnit", subtree == null);
        params.put("subtree", subtree == null ? new Long[0] : subtree.toArray(Long[]::new));
        params.put("year", year);
        params.put("q", q == null || q.isBlank() ? null : q.strip());
        var total = jdbc.sql("select count(*) " + where).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        params.put("today", LocalDate.now(clock));
        record Row(long id, String kind, Integer planYear, String title, String theme, long unitId, LocalDate startsOn, LocalDate endsOn,
                   long taskCount, long doneCount, long overdueCount) {
        }
        var rows = jdbc.sql("""
                        select p.id, p.kind, p.plan_year, p.title, p.theme, p.unit_id, p.starts_on, p.ends_on,
                               (select count(*) from plan_task t where t.plan_id = p.id and t.parent_id is null) as task_count,
                               (select count(*) from plan_task t where t.plan_id = p.id and t.parent_id is null and t.status = 'DONE') as done_count,
                               (select count(*) from plan_task t where t.plan_id = p.id and t.status in ('NOT_STARTED', 'IN_PROGRESS')
                                        and t.due_on < :today) as overdue_count
                        """ + where + " order by p.starts_on desc, p.sort_title, p.id limit :limit offset :offset")
                .params(params).query(Row.class).list();
        var named = units.findAll(rows.stream().map(Row::unitId).collect(Collectors.toSet()), LocalDate.now(clock));
        return new PageResult<>(rows.stream().map(r -> new PlanRow(r.id(), r.kind(), r.planYear(), r.title(), r.theme(),
                named.containsKey(r.unitId()) ? new UnitRef(r.unitId(), named.get(r.unitId()).code(), named.get(r.unitId()).name())
                        : new UnitRef(r.unitId(), null, null),
                r.startsOn(), r.endsOn(), r.taskCount(), r.doneCount(), r.overdueCount())).toList(), total, page, size);
    }

    PlanDetail detail(long id, CurrentUser user) {
        record Head(long id, String kind, Integer planYear, String title, String theme, long unitId, LocalDate startsOn, LocalDate endsOn,
                    Long documentId, Long implementsDocumentId, Long implementsProgrammeId, String programmeTitle, int version) {
        }
        var h = jdbc.sql("""
                        select p.id, p.kind, p.plan_year, p.title, p.theme, p.unit_id, p.starts_on, p.ends_on, p.document_id,
                               p.implements_document_id, p.implements_programme_id, g.title as programme_title, p.version
                        from plan p left join plan_programme g on g.id = p.implements_programme_id
                        where p.id = :id""")
                .param("id", id).query(Head.class).optional().orElseThrow(() -> new NotFoundException("plan", id));
        scope.requireRead(user, h.unitId(), "plan", id);
        var unit = units.find(h.unitId(), LocalDate.now(clock)).map(u -> new UnitRef(u.id(), u.code(), u.name()))
                .orElse(new UnitRef(h.unitId(), null, null));
        var all = tasks.ofPlan(id);
        var byParent = new HashMap<Long, List<TaskRow>>();
        all.forEach(t -> byParent.computeIfAbsent(t.parentId() == null ? -1L : t.parentId(), k -> new ArrayList<>()).add(t));
        var roots = byParent.getOrDefault(-1L, List.of()).stream().map(t -> node(t, byParent)).toList();
        var counted = roots.stream().filter(n -> n.task().status() != TaskStatus.CANCELLED).toList();
        var progress = counted.isEmpty() ? 0
                : (int) Math.round(counted.stream().mapToInt(n -> n.task().progressPercent()).average().orElse(0));
        return new PlanDetail(h.id(), h.kind(), h.planYear(), h.title(), h.theme(), unit, h.startsOn(), h.endsOn(), h.documentId(),
                h.documentId() == null ? null : documents.identifierOf(h.documentId()).orElse(null), h.implementsDocumentId(),
                h.implementsDocumentId() == null ? null : documents.identifierOf(h.implementsDocumentId()).orElse(null),
                h.implementsProgrammeId(), h.programmeTitle(), h.version(), roots, progress, scope.canWrite(user, h.unitId()));
    }

    private static TaskNode node(TaskRow t, java.util.Map<Long, List<TaskRow>> byParent) {
        return new TaskNode(t, byParent.getOrDefault(t.id(), List.of()).stream().map(c -> node(c, byParent)).toList());
    }
}
