package vn.danvan.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.audit.AuditTrail;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.OrgScope;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.shared.ConflictException;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.InvalidInputException.Problem;
import vn.danvan.shared.NotFoundException;
import vn.danvan.shared.PageResult;
import vn.danvan.shared.VietnameseText;

/**
 * What an assigning module (an inspection's recommendations, a dialogue's commitments) needs beyond
 * {@link TaskAssignments}: the tasks of many origins at once, the tasks of one origin kind that a unit
 * subtree owes, the follow-up reports of a task, and the assigning body's verdict on them — it accepts a
 * task as done (only once a follow-up report exists) or sends it back.
 */
@Service
@Transactional
public class OriginTasks {

    /** A task with the origin that assigned it. */
    public record Assigned(long originId, long assigningUnitId, int version, OriginTask task) {
    }

    /** One follow-up report (báo cáo tiến độ) of a task, without the evidence file's bytes. */
    public record FollowUp(long id, LocalDate reportedOn, int percent, String text, String evidenceFileName,
                           Long evidenceDocumentId, String reportedBy) {
    }

    private static final String COLUMNS = """
            select t.id, t.origin_id, t.assigning_unit_id, t.version, t.title, t.responsible_unit_id, t.due_on,
                   %s as status, t.progress_percent, t.last_update_on, t.last_update_text
            """.formatted(TaskRules.EFFECTIVE_STATUS_SQL);

    private final JdbcClient jdbc;
    private final OrgScope scope;
    private final OrgUnits units;
    private final AuditTrail audit;
    private final TaskManagement management;
    private final Clock clock;

    OriginTasks(JdbcClient jdbc, OrgScope scope, OrgUnits units, AuditTrail audit, TaskManagement management, Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.units = units;
        this.audit = audit;
        this.management = management;
        this.clock = clock;
    }

    /**
     * The responsible unit files a follow-up report on a task of this origin, as on the task's page (100 % marks it
     * done): for another module's own screens or demo. Validated, scope-checked and audited as there.
     *
     * @return the report's id
     * @throws InvalidInputException naming {@code reportedOn}, {@code percent} or {@code text}
     * @throws NotFoundException     when the task is not of this origin or the user may not write for its responsible unit
     */
    public long report(TaskOrigin origin, long taskId, LocalDate reportedOn, Integer percent, String text, CurrentUser user) {
        requireOfOrigin(origin, taskId);
        return management.report(taskId, new TaskManagement.Progress(reportedOn, percent, text, null, null, null), user);
    }

    /**
     * The tasks of many origins of one kind, each origin's in assignment order; an origin without tasks is
     * absent from the map. Not filtered by scope: the origins decide who sees them.
     */
    @Transactional(readOnly = true)
    public Map<Long, List<Assigned>> byOrigins(String kind, Collection<Long> originIds) {
        if (originIds.isEmpty()) {
            return Map.of();
        }
        var rows = jdbc.sql(COLUMNS + """
                        from plan_task t
                        where t.origin_kind = :kind and t.origin_id = any(:ids)
                        order by t.origin_id, t.origin_ordinal, t.id""")
                .param("kind", kind).param("ids", originIds.toArray(Long[]::new)).param("today", LocalDate.now(clock))
                .query(this::row).list();
        var named = named(rows);
        var byOrigin = new LinkedHashMap<Long, List<Assigned>>();
        named.forEach(a -> byOrigin.computeIfAbsent(a.originId(), k -> new ArrayList<>()).add(a));
        return byOrigin;
    }

    /**
     * The tasks of one origin kind whose responsible unit lies in the subtree of {@code unitId} (and the units that
     * passed into it in 2025), or every one the user may read when {@code unitId} is null; optionally only those
     * with one effective status (OVERDUE: open and past its deadline). Ordered by deadline, paged with the total.
     *
     * @throws NotFoundException when the user may not read {@code unitId}
     */
    @Transactional(readOnly = true)
    public PageResult<Assigned> ofKind(String kind, Long unitId, TaskStatus status, int page, int size, CurrentUser user) {
        var today = LocalDate.now(clock);
        var params = new HashMap<String, Object>();
        params.put("today", today);
        params.put("kind", kind);
        var where = new StringBuilder("from plan_task t where t.origin_kind = :kind");
        var readable = scope.readableUnitIds(user);
        if (readable != null) {
            where.append(" and (t.responsible_unit_id = any(:readable) or t.assigning_unit_id = any(:readable))");
            params.put("readable", readable.toArray(Long[]::new));
        }
        if (unitId != null) {
            scope.requireRead(user, unitId, "unit", unitId);
            params.put("responsible", units.idsWithin(units.scopePaths(unitId)).toArray(Long[]::new));
            where.append(" and t.responsible_unit_id = any(:responsible)");
        }
        if (status != null) {
            where.append(switch (status) {
                case OVERDUE -> " and t.status in ('NOT_STARTED', 'IN_PROGRESS') and t.due_on < :today";
                case NOT_STARTED, IN_PROGRESS -> " and t.status = :status and t.due_on >= :today";
                default -> " and t.status = :status";
            });
            params.put("status", status.name());
        }
        var total = jdbc.sql("select count(*) " + where).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        var rows = jdbc.sql(COLUMNS + where + " order by t.due_on, t.sort_title, t.id limit :limit offset :offset")
                .params(params).query(this::row).list();
        return new PageResult<>(named(rows), total, page, size);
    }

    /** The follow-up reports of a task of this origin, newest first. */
    @Transactional(readOnly = true)
    public List<FollowUp> followUps(TaskOrigin origin, long taskId) {
        requireOfOrigin(origin, taskId);
        return jdbc.sql("""
                        select id, reported_on, percent, text, evidence_file_name, evidence_document_id, created_by as reported_by
                        from plan_task_update where task_id = :id
                        order by reported_on desc, id desc""")
                .param("id", taskId).query(FollowUp.class).list();
    }

    /**
     * The assigning body accepts the task as done: it must have at least one follow-up report. An open task is
     * marked done today at 100 %; a task already done stays so. Audited.
     *
     * @throws InvalidInputException {@code followUpReport} when no follow-up report was filed
     * @throws ConflictException     when the task changed since {@code version} was read, or was cancelled
     * @throws NotFoundException     when the user may not write for the assigning unit
     */
    public void accept(TaskOrigin origin, long taskId, int version, CurrentUser user) {
        var task = requireOfOrigin(origin, taskId);
        scope.requireWrite(user, task.assigningUnitId(), "task", taskId);
        var reports = jdbc.sql("select count(*) from plan_task_update where task_id = :id").param("id", taskId)
                .query(Long.class).single();
        if (reports == 0) {
            throw new InvalidInputException(List.of(new Problem("followUpReport", "task.accept.no-follow-up")));
        }
        if (task.status() == TaskStatus.CANCELLED) {
            throw new ConflictException("task", task.title());
        }
        var updated = jdbc.sql("""
                        update plan_task set status = 'DONE', progress_percent = 100,
                               done_on = coalesce(done_on, cast(:today as date)), version = version + 1, updated_at = now()
                        where id = :id and version = :version""")
                .param("today", LocalDate.now(clock)).param("id", taskId).param("version", version).update();
        if (updated == 0) {
            throw new ConflictException("task", task.title());
        }
        audit.record("plan.task-accepted", "plan_task", taskId, task.responsibleUnitId(),
                AuditTrail.fields("status", task.status(), "percent", task.progressPercent()),
                AuditTrail.fields("status", TaskStatus.DONE, "percent", 100, "origin", origin.kind() + ":" + origin.id()));
    }

    /**
     * The assigning body does not accept the reported completion: the task is open again (in progress) with the
     * reason as its last update's text. Audited.
     *
     * @throws InvalidInputException {@code reason} when blank or too long
     * @throws ConflictException     when the task is not done or changed since {@code version} was read
     */
    public void sendBack(TaskOrigin origin, long taskId, String reason, int version, CurrentUser user) {
        var task = requireOfOrigin(origin, taskId);
        scope.requireWrite(user, task.assigningUnitId(), "task", taskId);
        var text = TaskWriter.blankToNull(reason);
        if (text == null) {
            throw new InvalidInputException(List.of(new Problem("reason", "validation.required")));
        }
        if (text.length() > TaskWriter.MAX_NOTE) {
            throw new InvalidInputException(List.of(new Problem("reason", "validation.too-long", TaskWriter.MAX_NOTE)));
        }
        if (task.status() != TaskStatus.DONE) {
            throw new ConflictException("task", task.title());
        }
        var updated = jdbc.sql("""
                        update plan_task set status = 'IN_PROGRESS', done_on = null,
                               progress_percent = least(progress_percent, 90),
                               version = version + 1, updated_at = now()
                        where id = :id and version = :version""")
                .param("id", taskId).param("version", version).update();
        if (updated == 0) {
            throw new ConflictException("task", task.title());
        }
        audit.record("plan.task-sent-back", "plan_task", taskId, task.responsibleUnitId(),
                AuditTrail.fields("status", task.status()),
                AuditTrail.fields("status", TaskStatus.IN_PROGRESS, "reason", VietnameseText.nfc(text),
                        "origin", origin.kind() + ":" + origin.id()));
    }

    private record Loaded(long assigningUnitId, long responsibleUnitId, String title, TaskStatus status, int progressPercent) {
    }

    private Loaded requireOfOrigin(TaskOrigin origin, long taskId) {
        return jdbc.sql("""
                        select assigning_unit_id, responsible_unit_id, title, status, progress_percent
                        from plan_task where id = :id and origin_kind = :kind and origin_id = :origin""")
                .param("id", taskId).param("kind", origin.kind()).param("origin", origin.id())
                .query((rs, n) -> new Loaded(rs.getLong(1), rs.getLong(2), rs.getString(3), TaskStatus.valueOf(rs.getString(4)),
                        rs.getInt(5)))
                .optional().orElseThrow(() -> new NotFoundException("task", taskId));
    }

    private record Row(long id, long originId, long assigningUnitId, int version, String title, long responsibleUnitId,
                       LocalDate dueOn, String status, int progressPercent, LocalDate lastUpdateOn, String lastUpdateText) {
    }

    private Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(rs.getLong("id"), rs.getLong("origin_id"), rs.getLong("assigning_unit_id"), rs.getInt("version"),
                rs.getString("title"), rs.getLong("responsible_unit_id"), rs.getObject("due_on", LocalDate.class),
                rs.getString("status"), rs.getInt("progress_percent"), rs.getObject("last_update_on", LocalDate.class),
                rs.getString("last_update_text"));
    }

    private List<Assigned> named(List<Row> rows) {
        Set<Long> ids = rows.stream().map(Row::responsibleUnitId).collect(Collectors.toSet());
        var names = units.findAll(ids, LocalDate.now(clock));
        return rows.stream().map(r -> new Assigned(r.originId(), r.assigningUnitId(), r.version(),
                new OriginTask(r.id(), r.title(), r.responsibleUnitId(),
                        names.containsKey(r.responsibleUnitId()) ? VietnameseText.nfc(names.get(r.responsibleUnitId()).name()) : null,
                        r.dueOn(), r.status(), r.progressPercent(), r.lastUpdateOn(), r.lastUpdateText()))).toList();
    }
}
