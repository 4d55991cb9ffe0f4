package vn.danvan.plan;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** What task pages and the task API show: records, never rows of the tables. */
final class TaskViews {

    private TaskViews() {
    }

    /** A unit named as of today. */
    record UnitRef(long id, String code, String name) {
    }

    /** One task in a list. {@code status} is the effective one (OVERDUE derived). */
    record TaskRow(long id, String title, UnitRef responsibleUnit, LocalDate dueOn, TaskStatus status, int progressPercent,
                   Long planId, Long parentId, int childCount, LocalDate lastUpdateOn) {
    }

    record UpdateView(long id, LocalDate reportedOn, int percent, String text, String fileName, String contentType,
                      Integer sizeBytes, Long documentId, String documentLabel, String createdBy, LocalDateTime createdAt) {
    }

    /** A task with everything its page shows; the booleans say what the user may do. */
    record TaskDetail(long id, String title, String note, UnitRef assigningUnit, UnitRef responsibleUnit, List<UnitRef> coordinatingUnits,
                      LocalDate startsOn, LocalDate dueOn, Integer dueWorkingDays, TaskStatus status, TaskStatus storedStatus,
                      int progressPercent, LocalDate doneOn, Long planId, String planTitle, LocalDate planStartsOn, TaskRow parent,
                      String originKind, Long originId, String originHref, List<TaskRow> children, List<UpdateView> updates,
                      int version, boolean canReport, boolean canDelegate, boolean canCancel) {
    }

    /** An evidence file to download. */
    record EvidenceFile(String fileName, String contentType, byte[] content) {
    }
}
