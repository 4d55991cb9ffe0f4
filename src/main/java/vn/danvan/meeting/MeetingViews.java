package vn.danvan.meeting;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** What the screens, the API and the exports show of conferences: records, never the tables. */
public final class MeetingViews {

    private MeetingViews() {
    }

    /** A unit named as of the meeting's date. */
    public record UnitRef(long id, String code, String name) {
    }

    /** A document of the registry: its identifier (or kind) and subject. */
    public record DocumentRef(long id, String identifier, String subject) {

        public String label() {
            return identifier != null ? identifier + " — " + subject : subject;
        }
    }

    /** One row of a list and of {@code GET /api/meetings}. */
    public record MeetingRow(long id, MeetingKind kind, String title, LocalDateTime startsAt, LocalDateTime endsAt, String place,
                             UnitRef hostUnit, String series) {
    }

    /** A chair, co-chair or participant with the title held on the meeting date. */
    public record ChairView(long personId, String name, String title, String role) {

        public String label() {
            return title == null || title.isBlank() ? name : name + ", " + title;
        }
    }

    public record OpinionView(long id, UnitRef unit, String text) {
    }

    /** A task the conclusion assigned, as plan reports it now. */
    public record TaskView(long taskId, String title, String responsibleUnitName, LocalDate dueOn, String status, int progressPercent,
                           LocalDate lastUpdateOn, String lastUpdateText) {

        public boolean overdue() {
            return "OVERDUE".equals(status);
        }
    }

    /** The previous meeting of the series: what it concluded and where each of its tasks stands today. */
    public record PreviousConclusion(long meetingId, String title, LocalDateTime startsAt, DocumentRef conclusionDocument,
                                     String conclusionSummary, List<TaskView> tasks) {

        public long overdueCount() {
            return tasks.stream().filter(TaskView::overdue).count();
        }
    }

    public record SeriesRef(long id, String name) {
    }

    public record MeetingDetail(long id, MeetingKind kind, String title, LocalDateTime startsAt, LocalDateTime endsAt, String place,
                                UnitRef hostUnit, boolean partyHost, SeriesRef series, DocumentRef reviewedDocument,
                                List<ChairView> chairs, List<UnitRef> participatingUnits, List<String> agenda,
                                List<DocumentRef> reports, List<OpinionView> opinions, DocumentRef conclusionDocument,
                                String conclusionSummary, List<TaskView> tasks, PreviousConclusion previous, int version,
                                boolean canWrite) {

        public LocalDate date() {
            return startsAt.toLocalDate();
        }

        public ChairView chair() {
            return chairs.stream().filter(c -> c.role().equals("CHAIR")).findFirst().orElse(null);
        }

        public List<ChairView> coChairs() {
            return chairs.stream().filter(c -> c.role().equals("CO_CHAIR")).toList();
        }
    }

    /** An upcoming entry of a unit calendar: a conference or a task deadline. */
    public record CalendarEntry(String kind, LocalDateTime startsAt, LocalDateTime endsAt, String title, String place, String unitName,
                                String href, String uid, boolean overdue) {
    }
}
