package vn.danvan.plan;

import java.time.LocalDate;
import java.util.List;

/** A task another module assigns (see {@link TaskAssignments#assign}); {@code coordinatingUnitIds} may be empty or null. */
public record NewTask(String title, long responsibleUnitId, List<Long> coordinatingUnitIds, LocalDate dueOn, String note) {
}
