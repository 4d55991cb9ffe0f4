package vn.danvan.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.audit.AuditTrail;
import vn.danvan.document.DocumentQueries;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.OrgScope;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.InvalidInputException.Problem;
import vn.danvan.shared.NotFoundException;
import vn.danvan.shared.VietnameseText;

/**
 * Creating tasks, reporting their progress, delegating them down the hierarchy and cancelling them.
 * The responsible unit's writers report and delegate; the assigning unit's writers create and cancel.
 * A delegated task's progress is its children's, rolled up ({@link TaskRules#rollUp}) and stored at
 * every change below it, each change audited.
 */
@Service
@Transactional
class TaskManagement {

    /** A progress update: evidence is an uploaded file, or a registered document, or none. */
    record Progress(LocalDate reportedOn, Integer percent, String text, String fileName, byte[] file, Long evidenceDocumentId) {
    }

    /** The columns a write needs to know about a task. */
    record TaskRow(long id, Long planId, Long parentId, long assigningUnitId, long responsibleUnitId, String title,
                   LocalDate dueOn, TaskStatus status, int progressPercent, int version) {
    }

    private final JdbcClient jdbc;
    private final TaskWriter writer;
    private final OrgScope scope;
    private final OrgUnits units;
    private final DocumentQueries documents;
    private final AuditTrail audit;
    private final Clock clock;
    private final long maxEvidenceBytes;

    TaskManagement(JdbcClient jdbc, TaskWriter writer, OrgScope scope, OrgUnits units, DocumentQueries documents, AuditTrail audit,
                   Clock clock, @Value("${danvan.plan.max-evidence-bytes:10485760}") long maxEvidenceBytes) {
        this.jdbc = jdbc;
        this.writer = writer;
        this.scope = scope;
        this.units = units;
        this.documents = documents;
        this.audit = audit;
        this.clock = clock;
        this.maxEvidenceBytes = maxEvidenceBytes;
    }

    long maxEvidenceBytes() {
        return maxEvidenceBytes;
    }

    /**
     * Creates a task in a plan (assigned by the plan's unit) or, without a plan, assigned by
     * {@code assigningUnitId} (the user's unit when null).
     *
     * @throws InvalidInputException naming each field; "dueOn" when the task is due before its plan starts
     */
    long create(Long planId, TaskDraft draft, Long assigningUnitId, CurrentUser user) {
        TaskWriter.Placement where;
        if (planId != null) {
            record Plan(long unitId, LocalDate startsOn) {
            }
            var plan = jdbc.sql("select unit_id, starts_on from plan where id = :id").param("id", planId).query(Plan.class).optional()
                    .orElseThrow(() -> new NotFoundException("plan", planId));
            scope.requireWrite(user, plan.unitId(), "plan", planId);
            where = TaskWriter.Placement.inPlan(planId, plan.startsOn(), plan.unitId());
        } else {
            var assigning = assigningUnitId != null ? assigningUnitId : user.homeUnitId();
            scope.requireWrite(user, assigning, "unit", assigning);
            where = new TaskWriter.Placement(null, null, null, null, null, null, null, assigning);
        }
        return writer.insert(writer.checkAlone(draft, where), where, user.username());
    }

    /**
     * Splits a task into child tasks of units under its responsible unit; each child keeps the parent's
     * plan and a deadline no later than the parent's. Fields are named {@code children[i].dueOn} …
     *
     * @return the children's ids
     */
    List<Long> delegate(long taskId, List<TaskDraft> children, CurrentUser user) {
        var parent = load(taskId);
        scope.requireWrite(user, parent.responsibleUnitId(), "task", taskId);
        requireOpen(parent);
        var problems = new ArrayList<Problem>();
        if (children == null || children.isEmpty()) {
            throw new InvalidInputException("children", "task.delegate.none");
        }
        var planStart = parent.planId() == null ? null
                : jdbc.sql("select starts_on from plan where id = :id").param("id", parent.planId()).query(LocalDate.class).single();
        var parentUnit = units.get(parent.responsibleUnitId(), LocalDate.now(clock));
        var where = new TaskWriter.Placement(parent.planId(), planStart, parent.id(), parent.dueOn(), parentUnit.path(), null, null,
                parent.responsibleUnitId());
        var checked = new ArrayList<TaskWriter.Checked>();
        for (int i = 0; i < children.size(); i++) {
            var child = children.get(i);
            if (child != null && Objects.equals(child.responsibleUnitId(), parent.responsibleUnitId())) {
                problems.add(new Problem("children[" + i + "].responsibleUnitId", "task.delegate.same-unit"));
            }
            checked.add(writer.check(child, where, "children[" + i + "].", problems));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        var ids = new ArrayList<Long>();
        for (var c : checked) {
            ids.add(writer.insert(c, where, user.username()));
        }
        audit.record("plan.task-delegated", "plan_task", taskId, parent.responsibleUnitId(), null,
                AuditTrail.fields("children", ids));
        rollUp(taskId);
        return ids;
    }

    /**
     * Files a progress update: 100 % marks the task done. A delegated task takes its progress from its
     * children and refuses a percent of its own.
     *
     * @return the update's id
     */
    long report(long taskId, Progress p, CurrentUser user) {
        var task = load(taskId);
        scope.requireWrite(user, task.responsibleUnitId(), "task", taskId);
        requireOpen(task);
        var today = LocalDate.now(clock);
        var problems = new ArrayList<Problem>();
        var reportedOn = p.reportedOn() != null ? p.reportedOn() : today;
        if (reportedOn.isAfter(today)) {
            problems.add(new Problem("reportedOn", "task.progress.future"));
        }
        var delegated = jdbc.sql("select exists (select 1 from plan_task where parent_id = :id and status <> 'CANCELLED')")
                .param("id", taskId).query(Boolean.class).single();
        if (p.percent() == null) {
            problems.add(new Problem("percent", "validation.required"));
        } else if (p.percent() < 0 || p.percent() > 100) {
            problems.add(new Problem("percent", "task.progress.percent-range"));
        } else if (delegated && p.percent() != task.progressPercent()) {
            problems.add(new Problem("percent", "task.progress.delegated", task.progressPercent()));
        }
        var text = TaskWriter.blankToNull(p.text());
        if (text == null) {
            problems.add(new Problem("text", "validation.required"));
        } else if (text.length() > TaskWriter.MAX_NOTE) {
            problems.add(new Problem("text", "validation.too-long", TaskWriter.MAX_NOTE));
        }
        EvidenceFiles.Format format = null;
        var name = p.fileName() == null ? null : VietnameseText.nfc(p.fileName().replaceAll("^.*[\\\\/]", "").strip());
        if (p.file() != null && p.file().length > 0) {
            if (p.file().length > maxEvidenceBytes) {
                problems.add(new Problem("file", "task.evidence.too-large", name, maxEvidenceBytes / (1024 * 1024)));
            } else {
                format = EvidenceFiles.sniff(p.file()).orElse(null);
                if (format == null) {
                    problems.add(new Problem("file", "task.evidence.format", name));
                }
            }
        }
        if (p.evidenceDocumentId() != null && documents.identifierOf(p.evidenceDocumentId()).isEmpty()) {
            problems.add(new Problem("evidenceDocumentId", "task.document.unknown", p.evidenceDocumentId()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        var hasFile = format != null;
        var id = jdbc.sql("""
                        insert into plan_task_update (task_id, reported_on, percent, text, evidence_file_name, evidence_content_type,
                                                      evidence_size_bytes, evidence, evidence_document_id, created_by)
                        values (:task, :on, :percent, :text, :name, :type, :size, :content, :document, :by)
                        returning id""")
                .param("task", taskId).param("on", reportedOn).param("percent", p.percent()).param("text", VietnameseText.nfc(text))
                .param("name", hasFile ? (name == null || name.isBlank() ? "minh-chung" : name) : null)
                .param("type", hasFile ? format.contentType : null).param("size", hasFile ? p.file().length : null)
                .param("content", hasFile ? p.file() : null).param("document", p.evidenceDocumentId()).param("by", user.username())
                .query(Long.class).single();
        var status = delegated ? task.status() : TaskRules.statusAfterUpdate(p.percent());
        jdbc.sql("""
                        update plan_task set progress_percent = :percent, status = :status,
                               done_on = case when :status = 'DONE' then cast(:on as date) end,
                               last_update_on = :on, last_update_text = :text, version = version + 1, updated_at = now()
                        where id = :id""")
                .param("percent", p.percent()).param("status", status.name()).param("on", reportedOn)
                .param("text", VietnameseText.nfc(text)).param("id", taskId).update();
        audit.record("plan.task-progress", "plan_task", taskId, task.responsibleUnitId(),
                AuditTrail.fields("status", task.status(), "percent", task.progressPercent()),
                AuditTrail.fields("status", status, "percent", p.percent(), "reportedOn", reportedOn, "text", text,
                        "file", hasFile ? name : null, "documentId", p.evidenceDocumentId()));
        if (task.parentId() != null) {
            rollUp(task.parentId());
        }
        return id;
    }

    /** Cancels a task (and its open children); the assigning unit's writers may. */
    void cancel(long taskId, int version, CurrentUser user) {
        var task = load(taskId);
        scope.requireWrite(user, task.assigningUnitId(), "task", taskId);
        requireOpen(task);
        var updated = jdbc.sql("""
                        update plan_task set status = 'CANCELLED', version = version + 1, updated_at = now()
                        where id = :id and version = :version""")
                .param("id", taskId).param("version", version).update();
        if (updated == 0) {
            throw new vn.danvan.shared.ConflictException("task", task.title());
        }
        var children = jdbc.sql("""
                        update plan_task set status = 'CANCELLED', version = version + 1, updated_at = now()
                        where parent_id = :id and status in ('NOT_STARTED', 'IN_PROGRESS') returning id""")
                .param("id", taskId).query(Long.class).list();
        audit.record("plan.task-cancelled", "plan_task", taskId, task.responsibleUnitId(),
                AuditTrail.fields("status", task.status()), AuditTrail.fields("status", TaskStatus.CANCELLED, "children", children));
        if (task.parentId() != null) {
            rollUp(task.parentId());
        }
    }

    /** Recomputes a delegated task from its children, then its own parent, up to the top; stores what changed. */
    void rollUp(long taskId) {
        Long current = taskId;
        while (current != null) {
            var task = load(current);
            var children = jdbc.sql("select status, progress_percent from plan_task where parent_id = :id")
                    .param("id", current)
                    .query((rs, n) -> new TaskRules.Child(TaskStatus.valueOf(rs.getString(1)), rs.getInt(2))).list();
            var own = new TaskRules.RollUp(task.status(), task.progressPercent());
            var rolled = TaskRules.rollUp(children, own);
            if (task.status() != TaskStatus.CANCELLED && !rolled.equals(own)) {
                jdbc.sql("""
                                update plan_task set status = :status, progress_percent = :percent,
                                       done_on = case when :status = 'DONE' then cast(:today as date) end,
                                       version = version + 1, updated_at = now()
                                where id = :id""")
                        .param("status", rolled.status().name()).param("percent", rolled.percent())
                        .param("today", LocalDate.now(clock)).param("id", current).update();
                audit.record("plan.task-rolled-up", "plan_task", current, task.responsibleUnitId(),
                        AuditTrail.fields("status", own.status(), "percent", own.percent()),
                        AuditTrail.fields("status", rolled.status(), "percent", rolled.percent()));
            }
            current = task.parentId();
        }
    }

    TaskRow load(long id) {
        return jdbc.sql("""
                        select id, plan_id, parent_id, assigning_unit_id, responsible_unit_id, title, due_on, status,
                               progress_percent, version
                        from plan_task where id = :id""")
                .param("id", id).query(TaskRow.class).optional().orElseThrow(() -> new NotFoundException("task", id));
    }

    private static void requireOpen(TaskRow task) {
        if (task.status().closed()) {
            throw new InvalidInputException("status", "task.closed");
        }
    }
}
