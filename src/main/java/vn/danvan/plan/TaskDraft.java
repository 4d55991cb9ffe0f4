package vn.danvan.plan;

import java.time.LocalDate;
import java.util.List;

/**
 * A task as a form or a request gives it. The deadline is either {@code dueOn}, or
 * {@code dueWorkingDays} working days after {@code startsOn} (the start day not counted).
 */
record TaskDraft(String title, Long responsibleUnitId, List<Long> coordinatingUnitIds, LocalDate startsOn, LocalDate dueOn,
                 Integer dueWorkingDays, String note) {

    List<Long> coordinators() {
        return coordinatingUnitIds == null ? List.of() : coordinatingUnitIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
    }
}
