package vn.danvan.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.OrgScope;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.InvalidInputException.Problem;
import vn.danvan.shared.VietnameseText;

/**
 * Tasks assigned from outside a plan — a conference's conclusion hands out tasks with deadlines — and
 * where those tasks stand. The public API of this module for {@code meeting}.
 */
@Service
@Transactional
public class TaskAssignments {

    private final JdbcClient jdbc;
    private final TaskWriter writer;
    private final OrgScope scope;
    private final OrgUnits units;
    private final Clock clock;

    TaskAssignments(JdbcClient jdbc, TaskWriter writer, OrgScope scope, OrgUnits units, Clock clock) {
        this.jdbc = jdbc;
        this.writer = writer;
        this.scope = scope;
        this.units = units;
        this.clock = clock;
    }

    /**
     * Creates the tasks in the caller's transaction, each audited, scope-checked (the user must be able to
     * write for {@code assigningUnitId}); validates like the task form. Tasks added later to the same origin
     * follow the earlier ones in {@link #byOrigin}.
     *
     * @return the new tasks' ids, in the order given
     * @throws InvalidInputException naming each field in error as {@code tasks[i].title}, {@code tasks[i].dueOn},
     *                               {@code tasks[i].responsibleUnitId}…; nothing is written then
     * @throws vn.danvan.shared.NotFoundException when the user may not write for the assigning unit
     */
    public List<Long> assign(TaskOrigin origin, long assigningUnitId, List<NewTask> tasks, CurrentUser user) {
        var problems = new ArrayList<Problem>();
        if (origin == null || origin.kind() == null || !origin.kind().matches("[A-Z][A-Z_]{0,31}")) {
            problems.add(new Problem("origin", "task.origin.kind"));
        }
        if (tasks == null) {
            problems.add(new Problem("tasks", "validation.required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        scope.requireWrite(user, assigningUnitId, "unit", assigningUnitId);
        var next = jdbc.sql("select coalesce(max(origin_ordinal), -1) + 1 from plan_task where origin_kind = :k and origin_id = :i")
                .param("k", origin.kind()).param("i", origin.id()).query(Integer.class).single();
        var checked = new ArrayList<TaskWriter.Checked>();
        for (int i = 0; i < tasks.size(); i++) {
            var t = tasks.get(i);
            var prefix = "tasks[" + i + "].";
            if (t == null) {
                problems.add(new Problem("tasks[" + i + "]", "validation.required"));
                continue;
            }
            var draft = new TaskDraft(t.title(), t.responsibleUnitId(), t.coordinatingUnitIds(), null, t.dueOn(), null, t.note());
            checked.add(writer.check(draft, placement(origin, assigningUnitId, next + i), prefix, problems));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        var ids = new ArrayList<Long>();
        for (int i = 0; i < checked.size(); i++) {
            ids.add(writer.insert(checked.get(i), placement(origin, assigningUnitId, next + i), user.username()));
        }
        return ids;
    }

    private static TaskWriter.Placement placement(TaskOrigin origin, long assigningUnitId, int ordinal) {
        return new TaskWriter.Placement(null, null, null, null, null, origin, ordinal, assigningUnitId);
    }

    /**
     * The tasks an origin assigned, with their status as of the Clock's today, in assignment order.
     * Not filtered by scope: the origin (a conference) decides who sees it, and its tasks go with it.
     */
    @Transactional(readOnly = true)
    public List<OriginTask> byOrigin(TaskOrigin origin) {
        var today = LocalDate.now(clock);
        record Row(long id, String title, long responsibleUnitId, LocalDate dueOn, String status, int progressPercent,
                   LocalDate lastUpdateOn, String lastUpdateText) {
        }
        var rows = jdbc.sql("""
                        select t.id, t.title, t.responsible_unit_id, t.due_on,
                               %s as status,
                               t.progress_percent, t.last_update_on, t.last_update_text
                        from plan_task t
                        where t.origin_kind = :kind and t.origin_id = :id
                        order by t.origin_ordinal, t.id""".formatted(TaskRules.EFFECTIVE_STATUS_SQL))
                .param("kind", origin.kind()).param("id", origin.id()).param("today", today)
                .query(Row.class).list();
        var names = units.findAll(rows.stream().map(Row::responsibleUnitId).collect(Collectors.toSet()), today);
        return rows.stream().map(r -> new OriginTask(r.id(), r.title(), r.responsibleUnitId(),
                names.containsKey(r.responsibleUnitId()) ? VietnameseText.nfc(names.get(r.responsibleUnitId()).name()) : null,
                r.dueOn(), r.status(), r.progressPercent(), r.lastUpdateOn(), r.lastUpdateText())).toList();
    }
}
