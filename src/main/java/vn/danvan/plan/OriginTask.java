package vn.danvan.plan;

import java.time.LocalDate;

/**
 * A task as its origin sees it, with its status as of today: {@code status} is one of NOT_STARTED,
 * IN_PROGRESS, DONE, OVERDUE, CANCELLED (OVERDUE: due before today and neither done nor cancelled).
 * {@code lastUpdateOn}/{@code lastUpdateText} are null until a progress update is filed.
 */
public record OriginTask(long taskId, String title, long responsibleUnitId, String responsibleUnitName, LocalDate dueOn,
                         String status, int progressPercent, LocalDate lastUpdateOn, String lastUpdateText) {
}
