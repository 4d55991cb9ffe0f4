package vn.danvan.inspection;

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
import vn.danvan.inspection.InspectionViews.RecommendationView;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.plan.NewTask;
import vn.danvan.plan.OriginTasks;
import vn.danvan.plan.TaskAssignments;
import vn.danvan.plan.TaskOrigin;
import vn.danvan.shared.ConflictException;
import vn.danvan.shared.InvalidInputException;
import vn.danvan.shared.InvalidInputException.Problem;
import vn.danvan.shared.NotFoundException;
import vn.danvan.shared.VietnameseText;

/**
 * An inspection's recommendations from being made to being accepted as done. Each is a task of module
 * plan (origin INSPECTION, assigned by the inspecting body to the responsible unit with a deadline); the
 * responsible unit files its follow-up reports on the task's page; the inspecting body then accepts it
 * (plan marks the task done; this module records who accepted and when) or sends it back (the task is
 * open again, with the reason). Writes need a writing role covering the inspecting body; each is audited.
 * Accepting and sending back check the recommendation's {@code version}: two officers cannot overwrite
 * each other's verdict (409).
 */
@Service
@Transactional
public class Recommendations {

    /**
     * A recommendation as the conclusion states it: its text, the responsible unit, the deadline, and
     * optionally the target it concerns and the finding it answers. {@code madeOn} null: today.
     */
    public record RecommendationInput(String text, Long responsibleUnitId, LocalDate dueOn, Long targetUnitId, String finding,
                                      LocalDate madeOn) {
    }

    private final JdbcClient jdbc;
    private final InspectionManagement inspections;
    private final RecommendationReader reader;
    private final TaskAssignments assignments;
    private final OriginTasks originTasks;
    private final OrgScope scope;
    private final OrgUnits units;
    private final AuditTrail audit;
    private final Clock clock;

    Recommendations(JdbcClient jdbc, InspectionManagement inspections, RecommendationReader reader, TaskAssignments assignments,
                    OriginTasks originTasks, OrgScope scope, OrgUnits units, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.inspections = inspections;
        this.reader = reader;
        this.assignments = assignments;
        this.originTasks = originTasks;
        this.scope = scope;
        this.units = units;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Makes recommendations: creates their tasks in plan and keeps the rest here, all or nothing.
     *
     * @return the new recommendations' ids, in the order given
     * @throws InvalidInputException naming {@code recommendations[i].dueOn} for a deadline before the inspection,
     *                               {@code recommendations[i].responsibleUnitId} for a unit outside the inspecting body's
     *                               reach, {@code recommendations[i].targetUnitId} for a unit that is not a target, and
     *                               plan's own checks under the same names ({@code recommendations[i].text} for the title)
     */
    public List<Long> make(long inspectionId, List<RecommendationInput> items, CurrentUser user) {
        var head = inspections.loadForWrite(inspectionId, user);
        var targets = inspections.targetIds(inspectionId);
        var problems = new ArrayList<Problem>();
        if (items == null || items.isEmpty()) {
            throw new InvalidInputException("recommendations", "validation.required");
        }
        var reach = inspections.reach(head.inspectingUnitId(), head.startsOn());
        for (int i = 0; i < items.size(); i++) {
            var item = items.get(i);
            var prefix = "recommendations[" + i + "].";
            if (RecommendationRules.deadlineBeforeInspection(item.dueOn(), head.startsOn())) {
                problems.add(new Problem(prefix + "dueOn", "inspection.recommendation.deadline-before-inspection",
                        head.startsOn().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))));
            }
            if (item.responsibleUnitId() != null && !units.isWithin(item.responsibleUnitId(), reach)) {
                problems.add(new Problem(prefix + "responsibleUnitId", "inspection.recommendation.out-of-reach"));
            }
            if (item.targetUnitId() != null && !targets.contains(item.targetUnitId())) {
                problems.add(new Problem(prefix + "targetUnitId", "inspection.recommendation.not-a-target"));
            }
            if (item.finding() != null && item.finding().strip().length() > InspectionManagement.MAX_TEXT) {
                problems.add(new Problem(prefix + "finding", "validation.too-long", InspectionManagement.MAX_TEXT));
            }
        }
        var newTasks = items.stream().map(r -> new NewTask(r.text(), r.responsibleUnitId() == null ? 0L : r.responsibleUnitId(), List.of(),
                r.dueOn(), null)).toList();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).responsibleUnitId() == null) {
                problems.add(new Problem("recommendations[" + i + "].responsibleUnitId", "validation.required"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<Long> taskIds;
        try {
            taskIds = assignments.assign(new TaskOrigin(RecommendationReader.ORIGIN, inspectionId), head.inspectingUnitId(), newTasks, user);
        } catch (InvalidInputException invalid) {
            throw new InvalidInputException(invalid.problems().stream()
                    .map(p -> new Problem(p.field().replace("tasks[", "recommendations[").replace("].title", "].text"), p.messageKey(), p.args()))
                    .toList());
        }
        var ids = new ArrayList<Long>();
        var today = LocalDate.now(clock);
        for (int i = 0; i < items.size(); i++) {
            var item = items.get(i);
            var id = jdbc.sql("""
                            insert into inspection_recommendation (inspection_id, task_id, target_unit_id, finding, made_on, created_by)
                            values (:inspection, :task, :target, :finding, :madeOn, :by)
                            returning id""")
                    .param("inspection", inspectionId).param("task", taskIds.get(i)).param("target", item.targetUnitId())
                    .param("finding", InspectionManagement.nfcOrNull(item.finding()))
                    .param("madeOn", item.madeOn() != null ? item.madeOn() : today).param("by", user.username())
                    .query(Long.class).single();
            ids.add(id);
            audit.record("inspection.recommendation-made", "inspection_recommendation", id, item.responsibleUnitId(), null,
                    AuditTrail.fields("inspection", inspectionId, "task", taskIds.get(i), "text", VietnameseText.nfc(item.text().strip()),
                            "dueOn", item.dueOn(), "target", item.targetUnitId(), "finding", InspectionManagement.nfcOrNull(item.finding())));
        }
        return ids;
    }

    /**
     * The inspecting body accepts the recommendation as done. Plan refuses it without a follow-up report
     * (field {@code followUpReport}).
     *
     * @throws InvalidInputException {@code status} when it is already accepted or cancelled
     * @throws ConflictException     when the recommendation changed since {@code version} was read
     */
    public void accept(long id, int version, CurrentUser user) {
        var r = requireWritable(id, user);
        if (!RecommendationRules.canAccept(r.status())) {
            throw new InvalidInputException("status", "inspection.recommendation.cannot-accept");
        }
        if (r.version() != version) {
            throw new ConflictException("recommendation", r.text());
        }
        originTasks.accept(new TaskOrigin(RecommendationReader.ORIGIN, r.inspectionId()), r.taskId(),
                reader.taskVersion(r.inspectionId(), r.taskId()), user);
        var today = LocalDate.now(clock);
        var updated = jdbc.sql("""
                        update inspection_recommendation set accepted_on = :today, accepted_by = :by, sent_back_on = null,
                               sent_back_reason = null, version = version + 1
                        where id = :id and version = :version""")
                .param("today", today).param("by", user.username()).param("id", id).param("version", version).update();
        if (updated == 0) {
            throw new ConflictException("recommendation", r.text());
        }
        audit.record("inspection.recommendation-accepted", "inspection_recommendation", id, r.responsibleUnit().id(),
                AuditTrail.fields("status", r.status()), AuditTrail.fields("status", RecommendationStatus.ACCEPTED, "acceptedOn", today));
    }

    /**
     * The inspecting body does not accept the reported completion: the task is open again with the reason.
     *
     * @throws InvalidInputException {@code status} unless a completion was reported and not accepted; {@code reason} when blank
     * @throws ConflictException     when the recommendation changed since {@code version} was read
     */
    public void sendBack(long id, String reason, int version, CurrentUser user) {
        var r = requireWritable(id, user);
        if (!RecommendationRules.canSendBack(r.status())) {
            throw new InvalidInputException("status", "inspection.recommendation.cannot-send-back");
        }
        if (r.version() != version) {
            throw new ConflictException("recommendation", r.text());
        }
        originTasks.sendBack(new TaskOrigin(RecommendationReader.ORIGIN, r.inspectionId()), r.taskId(), reason,
                reader.taskVersion(r.inspectionId(), r.taskId()), user);
        var today = LocalDate.now(clock);
        var updated = jdbc.sql("""
                        update inspection_recommendation set sent_back_on = :today, sent_back_reason = :reason, accepted_on = null,
                               accepted_by = null, version = version + 1
                        where id = :id and version = :version""")
                .param("today", today).param("reason", VietnameseText.nfc(reason.strip())).param("id", id).param("version", version)
                .update();
        if (updated == 0) {
            throw new ConflictException("recommendation", r.text());
        }
        audit.record("inspection.recommendation-sent-back", "inspection_recommendation", id, r.responsibleUnit().id(),
                AuditTrail.fields("status", r.status()),
                AuditTrail.fields("status", RecommendationStatus.SENT_BACK, "reason", VietnameseText.nfc(reason.strip())));
    }

    /** One recommendation, read by users who may read its inspection or its responsible unit. */
    @Transactional(readOnly = true)
    public RecommendationView get(long id, CurrentUser user) {
        var r = reader.one(id);
        if (r == null || !(scope.canRead(user, r.inspectingUnit().id()) || scope.canRead(user, r.responsibleUnit().id())
                || (r.targetUnit() != null && scope.canRead(user, r.targetUnit().id())))) {
            throw new NotFoundException("recommendation", id);
        }
        return r;
    }

    private RecommendationView requireWritable(long id, CurrentUser user) {
        var r = reader.one(id);
        if (r == null) {
            throw new NotFoundException("recommendation", id);
        }
        scope.requireWrite(user, r.inspectingUnit().id(), "recommendation", id);
        return r;
    }
}
