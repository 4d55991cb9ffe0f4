package vn.danvan.reporting;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A report form's grid for one unit and one period, as the entry screen, the JSON API and the .xlsx
 * template show it: the form version valid for the period, the deadline, the submission the data
 * belong to (null before the first save), the sections with their numbered lines and the narrative
 * sections. A computed line carries its live value and the link to the records behind it; an entered
 * line its stored value, comment and version (0: no value yet), which a save sends back.
 */
public record EntryGrid(String form, String symbol, String title, int formVersion, String unit, String unitName,
                        String period, LocalDate from, LocalDate to, LocalDate deadline, Submission submission,
                        List<Section> sections, List<Narrative> narratives, List<String> notes) {

    /**
     * The record the grid's data belong to: its approval status (DRAFT, SUBMITTED, APPROVED, ACCEPTED,
     * RETURNED), its version (every save and step), who took the last steps and when, and why it was
     * last returned.
     */
    public record Submission(long id, String status, int version, String updatedBy, OffsetDateTime updatedAt,
                             OffsetDateTime firstSubmittedAt, OffsetDateTime submittedAt, String submittedBy,
                             OffsetDateTime approvedAt, String approvedBy, OffsetDateTime acceptedAt, String acceptedBy,
                             String returnedReason) {

        /** Times as Vietnamese read them (UTC+7, no summer time). */
        public Submission {
            updatedAt = Completeness.vietnamese(updatedAt);
            firstSubmittedAt = Completeness.vietnamese(firstSubmittedAt);
            submittedAt = Completeness.vietnamese(submittedAt);
            approvedAt = Completeness.vietnamese(approvedAt);
            acceptedAt = Completeness.vietnamese(acceptedAt);
        }

        public boolean locked() {
            return "APPROVED".equals(status) || "ACCEPTED".equals(status);
        }
    }

    public record Section(String title, List<Line> lines) {
    }

    /**
     * One numbered line: {@code entered} lines take input; the others are computed (read-only) with
     * {@code recordsHref} listing the records counted (null for a ratio or a subtotal of entered values).
     */
    public record Line(int number, String label, String indicator, String optionCombo, ValueType valueType, boolean entered,
                       Object value, String comment, int version, String updatedBy, String recordsHref) {
    }

    public record Narrative(String key, String title, String text, int version) {
    }

    public List<Line> lines() {
        return sections.stream().flatMap(s -> s.lines().stream()).toList();
    }
}
