package vn.danvan.meeting;

import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.identity.CurrentUser;
import vn.danvan.meeting.MeetingViews.TaskView;
import vn.danvan.plan.NewTask;
import vn.danvan.plan.TaskAssignments;
import vn.danvan.plan.TaskOrigin;

/**
 * The tasks a conference's conclusion assigns: created in module plan with origin
 * ("MEETING", meeting id), so they are followed up, delegated and reported there like any task; read
 * back with their status as of today (OVERDUE derived by plan).
 */
@Component
class ConclusionTasks {

    static final String ORIGIN = "MEETING";

    /** A task as the conclusion states it. */
    record Assigned(String title, long responsibleUnitId, List<Long> coordinatingUnitIds, LocalDate dueOn, String note) {
    }

    private final TaskAssignments assignments;

    ConclusionTasks(TaskAssignments assignments) {
        this.assignments = assignments;
    }

    /** Creates the tasks in the caller's transaction (plan checks scope, validates each and audits). */
    @Transactional
    List<Long> assign(long meetingId, long hostUnitId, List<Assigned> tasks, CurrentUser user) {
        return assignments.assign(new TaskOrigin(ORIGIN, meetingId), hostUnitId,
                tasks.stream().map(t -> new NewTask(t.title(), t.responsibleUnitId(), t.coordinatingUnitIds(), t.dueOn(), t.note())).toList(),
                user);
    }

    /** The meeting's conclusion tasks in assignment order, with their status today. */
    List<TaskView> of(long meetingId) {
        return assignments.byOrigin(new TaskOrigin(ORIGIN, meetingId)).stream()
                .map(t -> new TaskView(t.taskId(), t.title(), t.responsibleUnitName(), t.dueOn(), t.status(), t.progressPercent(),
                        t.lastUpdateOn(), t.lastUpdateText()))
                .toList();
    }
}
