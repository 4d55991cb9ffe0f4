package vn.danvan.meeting;

import java.time.LocalDateTime;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The conference form as typed: units of participation as codes, documents as identifiers (or
 * "#id"), agenda and reports one per line — so a refused form comes back exactly as typed.
 */
record MeetingForm(MeetingKind kind, String meetingTitle,
                   @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime startsAt,
                   @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime endsAt,
                   String place, Long hostUnitId, Long seriesId, String newSeriesName, String reviewedDocument,
                   Long chairPersonId, List<Long> coChairPersonIds, String participatingUnitCodes, String agendaText,
                   String reportIdentifiers, String conclusionDocument, String conclusionSummary, Integer version) {

    static MeetingForm empty(long hostUnitId) {
        return new MeetingForm(MeetingKind.QUARTERLY_BRIEFING, null, null, null, null, hostUnitId, null, null, null, null, List.of(),
                null, null, null, null, null, null);
    }

    static MeetingForm of(MeetingViews.MeetingDetail m) {
        return new MeetingForm(m.kind(), m.title(), m.startsAt(), m.endsAt(), m.place(), m.hostUnit().id(),
                m.series() == null ? null : m.series().id(), null,
                m.reviewedDocument() == null ? null : ref(m.reviewedDocument()),
                m.chair() == null ? null : m.chair().personId(), m.coChairs().stream().map(MeetingViews.ChairView::personId).toList(),
                String.join(", ", m.participatingUnits().stream().map(MeetingViews.UnitRef::code).toList()),
                String.join("\n", m.agenda()),
                String.join("\n", m.reports().stream().map(MeetingForm::ref).toList()),
                m.conclusionDocument() == null ? null : ref(m.conclusionDocument()), m.conclusionSummary(), m.version());
    }

    /** A document as the form writes it: "#id" (always resolvable, whatever its identifier). */
    private static String ref(MeetingViews.DocumentRef d) {
        return "#" + d.id();
    }
}
