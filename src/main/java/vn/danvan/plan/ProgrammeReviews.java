package vn.danvan.plan;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What module {@code meeting} reads of coordination programmes: the content items a conference reviewed
 * (shown on the conference page), and the content items of the programme registered as a document (so a
 * review conference can record its results with {@link CoordinationProgrammes#recordReview}). Programmes
 * are read by every signed-in user, like the documents they are, so these answers need no scope.
 */
@Service
@Transactional(readOnly = true)
public class ProgrammeReviews {

    /** A content item reviewed at a conference, with its programme and the result recorded. */
    public record ReviewedItem(long programmeId, String programmeTitle, int fromYear, int toYear, int itemNumber, String itemTitle,
                               LocalDate reviewedOn, String result) {
    }

    private final JdbcClient jdbc;

    ProgrammeReviews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The content items reviewed at conference {@code meetingId}, by programme and item order. */
    public List<ReviewedItem> reviewedAt(long meetingId) {
        return jdbc.sql("""
                        select g.id as programme_id, g.title as programme_title, g.from_year, g.to_year, i.ordinal + 1 as item_number,
                               i.title as item_title, r.reviewed_on, r.result
                        from plan_programme_review r
                        join plan_programme_item i on i.id = r.item_id
                        join plan_programme g on g.id = i.programme_id
                        where r.meeting_id = :meeting
                        order by g.from_year, g.sort_title, g.id, i.ordinal, r.reviewed_on, r.id""")
                .param("meeting", meetingId).query(ReviewedItem.class).list();
    }

    /** The ids of the content items, in order, of the programme registered as document {@code documentId} (empty if none). */
    public List<Long> contentItemsOfProgrammeDocument(long documentId) {
        return jdbc.sql("""
                        select i.id from plan_programme_item i join plan_programme g on g.id = i.programme_id
                        where g.document_id = :document order by g.id, i.ordinal""")
                .param("document", documentId).query(Long.class).list();
    }
}
