package vn.danvan.plan;

import java.time.LocalDate;

/**
 * A plan as a form or a request gives it. A yearly plan ({@code YEARLY}) names its year and, usually,
 * the year's theme; its period defaults to the calendar year. An implementing plan names the document
 * or the programme it implements. {@code documentId} links the plan as registered (identifier, date).
 */
record PlanDraft(Long unitId, PlanKind kind, Integer year, String title, String theme, LocalDate startsOn, LocalDate endsOn,
                 Long documentId, Long implementsDocumentId, Long implementsProgrammeId) {

    enum PlanKind { YEARLY, IMPLEMENTING }
}
