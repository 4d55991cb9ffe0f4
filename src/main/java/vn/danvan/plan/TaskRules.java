package vn.danvan.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The rules of a task's status and of delegation, with no database: pure functions tested table by
 * table ({@code TaskRulesTests}). The SQL twin of {@link #effectiveStatus} is {@link #EFFECTIVE_STATUS_SQL},
 * so lists filter on the same rule they show.
 */
final class TaskRules {

    /**
     * The status a task shows on {@code :today}, as a SQL expression over a row aliased {@code t}: a task
     * neither done nor cancelled whose deadline has passed is OVERDUE. Derived when read, never stored.
     */
    static final String EFFECTIVE_STATUS_SQL = """
            (case when t.status in ('NOT_STARTED', 'IN_PROGRESS') and t.due_on < :today then 'OVERDUE' else t.status end)""";

    private TaskRules() {
    }

    /** OVERDUE once the deadline has passed (the due day itself is still on time) and the task is not closed. */
    static TaskStatus effectiveStatus(TaskStatus stored, LocalDate dueOn, LocalDate today) {
        if (stored == TaskStatus.OVERDUE) {
            throw new IllegalArgumentException("OVERDUE is derived, never stored");
        }
        if (!stored.closed() && dueOn != null && dueOn.isBefore(today)) {
            return TaskStatus.OVERDUE;
        }
        return stored;
    }

    /**
     * How late something due on {@code dueOn} is when it was done on {@code doneOn} (or is still open on
     * {@code today}): 0 when on time; otherwise calendar days, or working days counted by
     * {@code workingDaysBetween(from exclusive, to inclusive)} when the deadline is in working days.
     */
    static int daysLate(LocalDate dueOn, LocalDate doneOn, LocalDate today, boolean inWorkingDays,
                        BiFunction<LocalDate, LocalDate, Integer> workingDaysBetween) {
        if (dueOn == null) {
            return 0;
        }
        var until = doneOn != null ? doneOn : today;
        if (!until.isAfter(dueOn)) {
            return 0;
        }
        return inWorkingDays ? workingDaysBetween.apply(dueOn, until) : (int) (until.toEpochDay() - dueOn.toEpochDay());
    }

    /** A child task's state as far as its parent is concerned. */
    record Child(TaskStatus status, int percent) {
    }

    /** What a parent becomes from its children. */
    record RollUp(TaskStatus status, int percent) {
    }

    /**
     * A delegated task's progress from its children: cancelled children do not count; the percent is the
     * mean of the others (rounded half up); DONE when all of them are done, NOT_STARTED when none has
     * begun, IN_PROGRESS otherwise. With no child left to count, the parent keeps {@code own}.
     */
    static RollUp rollUp(List<Child> children, RollUp own) {
        var counted = children.stream().filter(c -> c.status() != TaskStatus.CANCELLED).toList();
        if (counted.isEmpty()) {
            return own;
        }
        var allDone = counted.stream().allMatch(c -> c.status() == TaskStatus.DONE);
        if (allDone) {
            return new RollUp(TaskStatus.DONE, 100);
        }
        var sum = counted.stream().mapToInt(c -> c.status() == TaskStatus.DONE ? 100 : c.percent()).sum();
        var percent = (int) Math.min(99, Math.round((double) sum / counted.size()));
        var begun = counted.stream().anyMatch(c -> c.status() != TaskStatus.NOT_STARTED || c.percent() > 0);
        return new RollUp(begun ? TaskStatus.IN_PROGRESS : TaskStatus.NOT_STARTED, percent);
    }

    /** The stored status a progress update leads to: 100 % is done, anything else in progress. */
    static TaskStatus statusAfterUpdate(int percent) {
        return percent >= 100 ? TaskStatus.DONE : TaskStatus.IN_PROGRESS;
    }
}
