package vn.danvan.exemplar;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** What the screens and the API show of models: records, never the tables. */
public final class ExemplarViews {

    private ExemplarViews() {
    }

    /** A unit as shown beside a model: official code and name on the day shown. */
    public record UnitRef(long id, String code, String name) {
    }

    public record ExemplarFilter(String text, Long unitId, ExemplarKind kind, String field, ExemplarStatus status,
                                 Integer year, RecognitionLevel level) {

        public static ExemplarFilter none() {
            return new ExemplarFilter(null, null, null, null, null, null, null);
        }
    }

    public record ExemplarRow(long id, String number, ExemplarKind kind, String name, String personName, UnitRef unit, int year,
                              LocalDate registeredOn, ExemplarStatus status, List<String> fields, RecognitionLevel highestLevel,
                              int replicaCount, String sourceNumber) {
    }

    /** A model in its lineage: the source it came from, or a replica of it. */
    public record LineageRef(long id, String number, String name, UnitRef unit, LocalDate registeredOn, ExemplarStatus status,
                             int depth) {
    }

    /** A registered document a model answers. */
    public record DocumentRef(long id, String identifier) {
    }

    public record ResultRow(int year, ResultMeasure measure, BigDecimal value) {
    }

    public record AssessmentRow(long id, int year, LocalDate assessedOn, String assessor, List<ExemplarStep.Criterion> criteria,
                                BigDecimal total, BigDecimal maxTotal, boolean passed, String note) {
    }

    public record RecognitionRow(long id, int year, RecognitionLevel level, boolean typical, String decisionNumber,
                                 LocalDate decisionDate, String issuer) {
    }

    public record CommendationRow(long id, int year, CommendationForm form, String issuer, String decisionNumber,
                                  LocalDate decisionDate) {
    }

    public record EventRow(ExemplarAction action, LocalDate day, ExemplarStatus fromStatus, ExemplarStatus toStatus, String note,
                           String actor, OffsetDateTime at) {
    }

    public record AttachmentRow(long id, String fileName, String contentType, int sizeBytes, String caption, boolean publicFile,
                                OffsetDateTime uploadedAt) {

        public boolean image() {
            return contentType.startsWith("image/");
        }
    }

    public record ExemplarDetail(long id, String number, ExemplarKind kind, String name, UnitRef unit,
                                 RegistrantType registrantType, String registrantName, String personName, String personTitle,
                                 String situation, String objectives, String method, String area, String forces, Long fundsVnd,
                                 String materials, Integer workdays, Long socialisedVnd, LocalDate startsOn, LocalDate endsOn,
                                 String outputs, String sustainability, String campaign, LocalDate registeredOn, int year,
                                 ExemplarStatus status, ExemplarStatus pausedStatus, String publicSummary, List<String> fields,
                                 List<LineageRef> ancestors, List<LineageRef> replicas, int descendants,
                                 List<ResultRow> results, List<AssessmentRow> assessments, List<RecognitionRow> recognitions,
                                 List<CommendationRow> commendations, List<EventRow> events, List<AttachmentRow> attachments,
                                 int version, boolean canWrite, DocumentRef campaignDocument) {

        /** Has the model gone through this stage (by its records, not by how far its status climbed)? */
        public boolean went(ExemplarStatus stage) {
            return switch (stage) {
                case REGISTERED -> true;
                case IMPLEMENTING -> status.reached(ExemplarStatus.IMPLEMENTING)
                        || events.stream().anyMatch(e -> e.action() == ExemplarAction.START);
                case ASSESSED -> !assessments.isEmpty();
                case RECOGNISED -> !recognitions.isEmpty();
                case TYPICAL -> recognitions.stream().anyMatch(RecognitionRow::typical);
                case COMMENDED -> !commendations.isEmpty();
                case REPLICATED -> !replicas.isEmpty();
                default -> false;
            };
        }

        public ExemplarInput toInput() {
            return new ExemplarInput(kind, name, unit.id(), registrantType, registrantName, personName, personTitle, situation,
                    objectives, method, area, forces, fundsVnd, materials, workdays, socialisedVnd, startsOn, endsOn, outputs,
                    sustainability, campaign, registeredOn, fields, publicSummary);
        }
    }
}
