package vn.danvan.inspection;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** What the screens and the API show of inspections: records, never the tables. */
public final class InspectionViews {

    private InspectionViews() {
    }

    /** A unit named as of the inspection's start (or today). */
    public record UnitRef(long id, String code, String name) {
    }

    /** A document of the registry by its identifier (null when it has none) and subject. */
    public record DocumentRef(long id, String identifier, String subject) {

        public String label() {
            return identifier != null ? identifier : subject;
        }
    }

    /** One row of the list and of {@code GET /api/inspections}. */
    public record InspectionRow(long id, InspectionKind kind, InspectionMode mode, String title, LocalDate startsOn, LocalDate endsOn,
                                UnitRef inspectingUnit, List<String> subjects, List<UnitRef> targets, String stage) {
    }

    /** A team member with the title they held on the inspection's first day. */
    public record MemberView(long personId, String name, String title, UnitRef body, TeamRole role) {
    }

    /** A target unit: its self-assessment report (asked, sent, late) and the findings about it. */
    public record TargetView(UnitRef unit, LocalDate reportDueOn, LocalDate reportSubmittedOn, DocumentRef reportDocument, String reportNote,
                             boolean reportLate, String strengths, String shortcomings, boolean canReport) {

        public boolean reportAsked() {
            return reportDueOn != null;
        }
    }

    /** A working session: a conference of module meeting. */
    public record SessionView(long meetingId, String title, LocalDateTime startsAt, String place, UnitRef hostUnit) {
    }

    /**
     * A recommendation: its plan task as plan reports it today ({@code taskStatus}, progress, last
     * follow-up) and what this module keeps. {@code version} is this record's, for accept and send back.
     */
    public record RecommendationView(long id, long inspectionId, String inspectionTitle, UnitRef inspectingUnit, long taskId, String text,
                                     UnitRef responsibleUnit, LocalDate dueOn, String taskStatus, RecommendationStatus status,
                                     int progressPercent, LocalDate lastUpdateOn, String lastUpdateText, UnitRef targetUnit,
                                     String finding, LocalDate madeOn, LocalDate acceptedOn, String acceptedBy, LocalDate sentBackOn,
                                     String sentBackReason, int version) {

        public boolean overdue() {
            return "OVERDUE".equals(taskStatus);
        }

        public boolean canAccept() {
            return RecommendationRules.canAccept(status);
        }

        public boolean canSendBack() {
            return RecommendationRules.canSendBack(status);
        }
    }

    /** An inspection with everything its page shows. */
    public record InspectionDetail(long id, InspectionKind kind, InspectionMode mode, String title, LocalDate startsOn, LocalDate endsOn,
                                   UnitRef inspectingUnit, List<DocumentRef> subjects, List<MemberView> members,
                                   List<TargetView> targets, List<SessionView> sessions, DocumentRef conclusionDocument,
                                   String conclusionSummary, List<RecommendationView> recommendations, String stage, boolean canWrite,
                                   int version) {

        public long overdueCount() {
            return recommendations.stream().filter(RecommendationView::overdue).count();
        }

        public long acceptedCount() {
            return recommendations.stream().filter(r -> r.status() == RecommendationStatus.ACCEPTED).count();
        }
    }
}
