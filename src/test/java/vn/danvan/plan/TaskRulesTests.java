package vn.danvan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The status rules of tasks, table by table: overdue derived from the deadline and the day (around Tết
 * Bính Ngọ 2026: 16–20/2 off, so Friday 13/2 is the last working day before it), how late a task is in
 * calendar or working days, and the roll-up of delegated tasks.
 */
class TaskRulesTests {

    /** Tết Bính Ngọ 2026 as the Government announced it, plus weekends. */
    static final Set<LocalDate> TET_2026 = Set.of(LocalDate.of(2026, 2, 16), LocalDate.of(2026, 2, 17), LocalDate.of(2026, 2, 18),
            LocalDate.of(2026, 2, 19), LocalDate.of(2026, 2, 20));

    static boolean working(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY && !TET_2026.contains(day);
    }

    static final BiFunction<LocalDate, LocalDate, Integer> WORKING_DAYS_BETWEEN = (from, to) -> {
        int n = 0;
        for (var d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (working(d)) {
                n++;
            }
        }
        return n;
    };

    @ParameterizedTest(name = "{0} due {1}, on {2} → {3}")
    @CsvSource({
            // stored,     due on,     today,      shown
            "NOT_STARTED, 2026-02-13, 2026-02-13, NOT_STARTED",   // the due day itself is still on time
            "NOT_STARTED, 2026-02-13, 2026-02-14, OVERDUE",       // the Saturday after: overdue, though no working day passed
            "IN_PROGRESS, 2026-02-13, 2026-02-23, OVERDUE",
            "DONE,        2026-02-13, 2026-02-23, DONE",
            "CANCELLED,   2026-02-13, 2026-02-23, CANCELLED",
            "IN_PROGRESS, 2026-03-31, 2026-02-23, IN_PROGRESS",
    })
    void overdueIsDerivedFromTheDeadlineAndTheDay(TaskStatus stored, LocalDate dueOn, LocalDate today, TaskStatus shown) {
        assertThat(TaskRules.effectiveStatus(stored, dueOn, today)).isEqualTo(shown);
    }

    @Test
    void overdueIsNeverAStoredStatus() {
        assertThatThrownBy(() -> TaskRules.effectiveStatus(TaskStatus.OVERDUE, LocalDate.of(2026, 2, 13), LocalDate.of(2026, 2, 14)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "due {0}, done {1}, today {2}, working days {3} → {4} late")
    @CsvSource({
            // due on,     done on,    today,      in working days, days late
            "2026-02-13, 2026-02-13, 2026-03-01, true,  0",
            "2026-02-13, ,           2026-02-13, true,  0",
            "2026-02-13, 2026-02-23, 2026-03-01, true,  1",     // Friday before Tết, done the Monday after: one working day
            "2026-02-13, 2026-02-23, 2026-03-01, false, 10",    // the same in calendar days
            "2026-02-13, ,           2026-02-20, true,  0",     // still open during Tết: no working day has passed
            "2026-02-13, ,           2026-02-20, false, 7",
            "2026-02-13, ,           2026-02-24, true,  2",
            "2026-02-13, 2026-02-10, 2026-03-01, false, 0",     // done early
    })
    void lateDaysCountCalendarOrWorkingDays(LocalDate dueOn, LocalDate doneOn, LocalDate today, boolean working, int late) {
        assertThat(TaskRules.daysLate(dueOn, doneOn, today, working, WORKING_DAYS_BETWEEN)).isEqualTo(late);
    }

    /** "DONE:100 IN_PROGRESS:40" → children. */
    static List<TaskRules.Child> children(String spec) {
        if (spec == null || spec.isBlank()) {
            return List.of();
        }
        return Arrays.stream(spec.trim().split("\\s+")).map(s -> s.split(":"))
                .map(p -> new TaskRules.Child(TaskStatus.valueOf(p[0]), Integer.parseInt(p[1]))).toList();
    }

    @ParameterizedTest(name = "[{0}] → {1} {2}%")
    @CsvSource({
            // children,                                   status,      percent
            "'NOT_STARTED:0 NOT_STARTED:0',                NOT_STARTED, 0",
            "'IN_PROGRESS:40 NOT_STARTED:0',               IN_PROGRESS, 20",
            "'DONE:100 IN_PROGRESS:50',                    IN_PROGRESS, 75",
            "'DONE:100 DONE:100',                          DONE,        100",
            "'DONE:100 CANCELLED:0',                       DONE,        100",   // a cancelled child does not hold the parent back
            "'DONE:100 IN_PROGRESS:99 IN_PROGRESS:99',     IN_PROGRESS, 99",    // not done until every child is done
            "'IN_PROGRESS:33 IN_PROGRESS:34',              IN_PROGRESS, 34",    // 33.5 rounds half up
            "'CANCELLED:0 CANCELLED:10',                   IN_PROGRESS, 60",    // nothing to count: the parent keeps its own
            "'',                                           IN_PROGRESS, 60",
    })
    void aDelegatedTaskTakesItsProgressFromItsChildren(String spec, TaskStatus status, int percent) {
        var own = new TaskRules.RollUp(TaskStatus.IN_PROGRESS, 60);
        assertThat(TaskRules.rollUp(children(spec), own)).isEqualTo(new TaskRules.RollUp(status, percent));
    }

    @ParameterizedTest
    @CsvSource({"0, IN_PROGRESS", "50, IN_PROGRESS", "99, IN_PROGRESS", "100, DONE"})
    void aProgressUpdateOfAHundredPercentMarksTheTaskDone(int percent, TaskStatus status) {
        assertThat(TaskRules.statusAfterUpdate(percent)).isEqualTo(status);
    }
}
