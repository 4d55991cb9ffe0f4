package vn.danvan.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.document.DocumentQueries;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.OrgScope;
import vn.danvan.orgunit.OrgUnit;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.plan.TaskViews.EvidenceFile;
import vn.danvan.plan.TaskViews.TaskDetail;
import vn.danvan.plan.TaskViews.TaskRow;
import vn.danvan.plan.TaskViews.UnitRef;
import vn.danvan.plan.TaskViews.UpdateView;
import vn.danvan.shared.NotFoundException;
import vn.danvan.shared.PageResult;

/**
 * The questions asked of tasks: lists (mine, a unit subtree's, overdue, due soon), one task with its
 * updates and children. A task is seen by users whose scope covers its responsible or its assigning
 * unit; outside that it is not found. Status OVERDUE is derived here, from the Clock's today.
 */
@Service
@Transactional(readOnly = true)
class TaskQueries {

    private static final String ROW_COLUMNS = """
            select t.id, t.title, t.responsible_unit_id, t.due_on, %s as status, t.progress_percent, t.plan_id, t.parent_id,
                   (select count(*) from plan_task c where c.parent_id = t.id) as child_count, t.last_update_on
            """.formatted(TaskRules.EFFECTIVE_STATUS_SQL);

    private final JdbcClient jdbc;
    private final OrgScope scope;
    private final OrgUnits units;
    private final DocumentQueries documents;
    private final Clock clock;

    TaskQueries(JdbcClient jdbc, OrgScope scope, OrgUnits units, DocumentQueries documents, Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.units = units;
        this.documents = documents;
        this.clock = clock;
    }

    /** Tasks of a subtree named by a unit code as of today ({@code GET /api/tasks}); 404 when the unit is outside scope. */
    PageResult<TaskRow> ofUnitCode(String code, TaskStatus status, int page, int size, CurrentUser user) {
        var unit = units.findByCode(code, LocalDate.now(clock)).orElseThrow(() -> new NotFoundException("unit", code));
        scope.requireRead(user, unit.id(), "unit", code);
        return list(new TaskFilter(TaskFilter.Tab.SUBTREE, unit.id(), status, null, null, null, null), page, size, user);
    }

    PageResult<TaskRow> list(TaskFilter filter, int page, int size, CurrentUser user) {
        var today = LocalDate.now(clock);
        var readable = scope.readableUnitIds(user);
        List<Long> responsible = null;
        switch (filter.tabOrDefault()) {
            case MINE -> {
                var mine = new LinkedHashSet<Long>();
                mine.add(user.homeUnitId());
                user.grants().forEach(g -> mine.add(g.unitId()));
                responsible = List.copyOf(mine);
            }
            case SUBTREE, OVERDUE, DUE_SOON -> {
                if (filter.unitId() != null) {
                    scope.requireRead(user, filter.unitId(), "unit", filter.unitId());
                    // the subtree and the units that passed into it: the merged Thái Nguyên keeps Bắc Kạn's tasks
                    responsible = units.idsWithin(units.scopePaths(filter.unitId()));
                }
            }
        }
        // Only the conditions asked for, each written so that an index can serve it (a generic "param is null or …"
        // plan, or a filter on the computed status, reads every task of the subtree).
        var params = new HashMap<String, Object>();
        params.put("today", today);
        var where = new StringBuilder("from plan_task t where true");
        if (readable != null) {
            where.append(" and (t.responsible_unit_id = any(:readable) or t.assigning_unit_id = any(:readable))");
            params.put("readable", readable.toArray(Long[]::new));
        }
        if (responsible != null) {
            where.append(" and t.responsible_unit_id = any(:responsible)");
            params.put("responsible", responsible.toArray(Long[]::new));
        }
        if (filter.status() != null) {
            // the effective status (TaskRules.EFFECTIVE_STATUS_SQL) spelt out per value
            where.append(switch (filter.status()) {
                case OVERDUE -> " and t.status in ('NOT_STARTED', 'IN_PROGRESS') and t.due_on < :today";
                case NOT_STARTED, IN_PROGRESS -> " and t.status = :status and t.due_on >= :today";
                default -> " and t.status = :status";
            });
            params.put("status", filter.status().name());
        }
        if (filter.tabOrDefault() == TaskFilter.Tab.OVERDUE) {
            where.append(" and t.status in ('NOT_STARTED', 'IN_PROGRESS') and t.due_on < :today");
        }
        if (filter.tabOrDefault() == TaskFilter.Tab.DUE_SOON) {
            where.append(" and t.status in ('NOT_STARTED', 'IN_PROGRESS') and t.due_on between :today and :until");
            params.put("until", today.plusDays(filter.within()));
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            where.append(" and t.search_text like '%' || search_key(:q) || '%'");
            params.put("q", filter.q().strip());
        }
        if (filter.planId() != null) {
            where.append(" and t.plan_id = :plan");
            params.put("plan", filter.planId());
        }
        var total = jdbc.sql("select count(*) " + where).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        var order = filter.sort() == TaskFilter.Sort.TITLE ? "t.sort_title, t.due_on, t.id" : "t.due_on, t.sort_title, t.id";
        var rows = jdbc.sql(ROW_COLUMNS + where + " order by " + order + " limit :limit offset :offset")
                .params(params).query(this::row).list();
        return new PageResult<>(named(rows), total, page, size);
    }

    /** Every task of a plan, parents before their children, each level by deadline then title. */
    List<TaskRow> ofPlan(long planId) {
        var rows = jdbc.sql(ROW_COLUMNS + """
                        from plan_task t where t.plan_id = :plan
                        order by t.due_on, t.sort_title, t.id""")
                .param("plan", planId).param("today", LocalDate.now(clock)).query(this::row).list();
        return named(rows);
    }

    TaskDetail detail(long id, CurrentUser user) {
        var today = LocalDate.now(clock);
        record Head(long id, String title, String note, long assigningUnitId, long responsibleUnitId, LocalDate startsOn, LocalDate dueOn,
                    Integer dueWorkingDays, String status, String storedStatus, int progressPercent, LocalDate doneOn, Long planId,
                    String planTitle, LocalDate planStartsOn, Long parentId, String originKind, Long originId, int version) {
        }
        var h = jdbc.sql("""
                        select t.id, t.title, t.note, t.assigning_unit_id, t.responsible_unit_id, t.starts_on, t.due_on,
                               t.due_working_days, %s as status, t.status as stored_status, t.progress_percent, t.done_on,
                               t.plan_id, p.title as plan_title, p.starts_on as plan_starts_on, t.parent_id, t.origin_kind,
                               t.origin_id, t.version
                        from plan_task t left join plan p on p.id = t.plan_id
                        where t.id = :id""".formatted(TaskRules.EFFECTIVE_STATUS_SQL))
                .param("id", id).param("today", today).query(Head.class).optional()
                .orElseThrow(() -> new NotFoundException("task", id));
        if (!scope.canRead(user, h.responsibleUnitId()) && !scope.canRead(user, h.assigningUnitId())) {
            throw new NotFoundException("task", id);
        }
        var coordinatorIds = jdbc.sql("select unit_id from plan_task_coordinator where task_id = :id").param("id", id)
                .query(Long.class).list();
        var ids = new LinkedHashSet<Long>(coordinatorIds);
        ids.add(h.assigningUnitId());
        ids.add(h.responsibleUnitId());
        var named = units.findAll(ids, today);
        var coordinators = coordinatorIds.stream().map(u -> ref(named, u))
                .sorted((a, b) -> a.name().compareTo(b.name())).toList();
        var children = named(jdbc.sql(ROW_COLUMNS + "from plan_task t where t.parent_id = :id order by t.due_on, t.sort_title, t.id")
                .param("id", id).param("today", today).query(this::row).list());
        TaskRow parent = null;
        if (h.parentId() != null) {
            parent = named(jdbc.sql(ROW_COLUMNS + "from plan_task t where t.id = :id").param("id", h.parentId()).param("today", today)
                    .query(this::row).list()).get(0);
        }
        var updates = jdbc.sql("""
                        select id, reported_on, percent, text, evidence_file_name, evidence_content_type, evidence_size_bytes,
                               evidence_document_id, created_by, created_at
                        from plan_task_update where task_id = :id order by reported_on desc, id desc""")
                .param("id", id)
                .query((rs, n) -> {
                    var documentId = rs.getObject("evidence_document_id", Long.class);
                    return new UpdateView(rs.getLong("id"), rs.getObject("reported_on", LocalDate.class), rs.getInt("percent"),
                            rs.getString("text"), rs.getString("evidence_file_name"), rs.getString("evidence_content_type"),
                            rs.getObject("evidence_size_bytes", Integer.class), documentId,
                            documentId == null ? null : documents.identifierOf(documentId).orElse(null), rs.getString("created_by"),
                            rs.getObject("created_at", java.time.OffsetDateTime.class).toLocalDateTime());
                }).list();
        var stored = TaskStatus.valueOf(h.storedStatus());
        var open = !stored.closed();
        var canWriteResponsible = scope.canWrite(user, h.responsibleUnitId());
        return new TaskDetail(h.id(), h.title(), h.note(), ref(named, h.assigningUnitId()), ref(named, h.responsibleUnitId()), coordinators,
                h.startsOn(), h.dueOn(), h.dueWorkingDays(), TaskStatus.valueOf(h.status()), stored, h.progressPercent(), h.doneOn(),
                h.planId(), h.planTitle(), h.planStartsOn(), parent, h.originKind(), h.originId(), originHref(h.originKind(), h.originId()),
                children, updates, h.version(), open && canWriteResponsible, open && canWriteResponsible,
                open && scope.canWrite(user, h.assigningUnitId()));
    }

    /** A link to the record that assigned the task: a conference's page for MEETING. */
    static String originHref(String kind, Long id) {
        if (kind == null || id == null) {
            return null;
        }
        return switch (kind) {
            case "MEETING" -> "/meetings/" + id;
            case "INSPECTION" -> "/inspections/" + id;
            case "DIALOGUE" -> "/dialogues/" + id;
            default -> null;
        };
    }

    EvidenceFile evidence(long taskId, long updateId, CurrentUser user) {
        detail(taskId, user);
        return jdbc.sql("""
                        select evidence_file_name, evidence_content_type, evidence from plan_task_update
                        where id = :u and task_id = :t and evidence is not null""")
                .param("u", updateId).param("t", taskId)
                .query((rs, n) -> new EvidenceFile(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional()
                .orElseThrow(() -> new NotFoundException("evidence", updateId));
    }

    private TaskRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new TaskRow(rs.getLong("id"), rs.getString("title"), new UnitRef(rs.getLong("responsible_unit_id"), null, null),
                rs.getObject("due_on", LocalDate.class), TaskStatus.valueOf(rs.getString("status")), rs.getInt("progress_percent"),
                rs.getObject("plan_id", Long.class), rs.getObject("parent_id", Long.class), rs.getInt("child_count"),
                rs.getObject("last_update_on", LocalDate.class));
    }

    /** Units named in one query for the whole list. */
    private List<TaskRow> named(List<TaskRow> rows) {
        var named = units.findAll(rows.stream().map(r -> r.responsibleUnit().id()).collect(Collectors.toSet()), LocalDate.now(clock));
        var result = new ArrayList<TaskRow>(rows.size());
        for (var r : rows) {
            result.add(new TaskRow(r.id(), r.title(), ref(named, r.responsibleUnit().id()), r.dueOn(), r.status(), r.progressPercent(),
                    r.planId(), r.parentId(), r.childCount(), r.lastUpdateOn()));
        }
        return result;
    }

    private static UnitRef ref(Map<Long, OrgUnit> named, long id) {
        var u = named.get(id);
        return u == null ? new UnitRef(id, null, String.valueOf(id)) : new UnitRef(u.id(), u.code(), u.name());
    }
}
