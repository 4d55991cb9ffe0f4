package vn.danvan.meeting;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A conference as the officer enters it. Times are local (Asia/Ho_Chi_Minh). {@code seriesId} joins an
 * existing series; {@code newSeriesName} starts one held by the host unit.
 */
public record MeetingInput(MeetingKind kind, String title, LocalDateTime startsAt, LocalDateTime endsAt, String place,
                           Long hostUnitId, Long seriesId, String newSeriesName, Long reviewedDocumentId, Long chairPersonId,
                           List<Long> coChairPersonIds, List<Long> participatingUnitIds, List<String> agenda,
                           List<Long> reportDocumentIds, Long conclusionDocumentId, String conclusionSummary) {

    public MeetingInput {
        coChairPersonIds = coChairPersonIds == null ? List.of() : List.copyOf(coChairPersonIds);
        participatingUnitIds = participatingUnitIds == null ? List.of() : List.copyOf(participatingUnitIds);
        agenda = agenda == null ? List.of() : agenda.stream().filter(a -> a != null && !a.isBlank()).map(String::strip).toList();
        reportDocumentIds = reportDocumentIds == null ? List.of() : List.copyOf(reportDocumentIds);
    }
}
