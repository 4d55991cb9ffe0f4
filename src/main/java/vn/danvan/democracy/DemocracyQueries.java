package vn.danvan.democracy;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.democracy.BoardRules.BoardKind;
import vn.danvan.democracy.DemocracyViews.ActivityView;
import vn.danvan.democracy.DemocracyViews.BoardDetail;
import vn.danvan.democracy.DemocracyViews.BoardRow;
import vn.danvan.democracy.DemocracyViews.CommunityMeetingView;
import vn.danvan.democracy.DemocracyViews.DisclosureView;
import vn.danvan.democracy.DemocracyViews.MemberView;
import vn.danvan.democracy.DemocracyViews.PlanView;
import vn.danvan.democracy.DemocracyViews.RecommendationView;
import vn.danvan.democracy.DemocracyViews.UnitRef;
import vn.danvan.democracy.DemocracyViews.VoteView;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.OrgScope;
import vn.danvan.shared.NotFoundException;
import vn.danvan.shared.PageResult;

/**
 * Questions about grassroots-democracy records for the officers' screens and the API: lists over a
 * unit's subtree (the caller resolves the unit within the user's scope), and a record's page, not
 * found outside the user's scope.
 */
@Service
@Transactional(readOnly = true)
class DemocracyQueries {

    private final JdbcClient jdbc;
    private final Communes communes;
    private final OrgScope scope;

    DemocracyQueries(JdbcClient jdbc, Communes communes, OrgScope scope) {
        this.jdbc = jdbc;
        this.communes = communes;
        this.scope = scope;
    }

    PageResult<BoardRow> boards(Long[] unitIds, BoardKind kind, int page, int size) {
        var kindName = kind == null ? null : kind.name();
        var total = jdbc.sql("""
                        select count(*) from democracy_board
                        where unit_id = any(:units)
                          and (cast(:kind as text) is null or kind = :kind)""")
                .param("units", unitIds).param("kind", kindName).query(Long.class).single();
        var rows = jdbc.sql("""
                        select b.id, b.kind, b.unit_id, b.project_name, b.investor, b.term_from, b.term_to,
                               (select count(*) from democracy_board_member m where m.board_id = b.id) as members,
                               (select m.full_name from democracy_board_member m where m.board_id = b.id and m.role = 'HEAD'
                                order by m.position limit 1) as head
                        from democracy_board b
                        where b.unit_id = any(:units)
                          and (cast(:kind as text) is null or b.kind = :kind)
                        order by b.term_from desc, b.id desc
                        limit :size offset :offset""")
                .param("units", unitIds).param("kind", kindName).param("size", size).param("offset", (long) page * size)
                .query((rs, n) -> new BoardRow(rs.getLong("id"), BoardKind.valueOf(rs.getString("kind")), unit(rs.getLong("unit_id")),
                        rs.getString("project_name"), rs.getString("investor"), rs.getObject("term_from", LocalDate.class),
                        rs.getObject("term_to", LocalDate.class), rs.getInt("members"), rs.getString("head")))
                .list();
        return new PageResult<>(rows, total, page, size);
    }

    /** @throws NotFoundException when there is no such board or it is outside the user's scope */
    BoardDetail board(long id, CurrentUser user) {
        record Head(long id, BoardKind kind, long unitId, String projectName, String investor, Integer villageCount, LocalDate termFrom,
                    LocalDate termTo, Long electedCommunityMeetingId, Long electedConferenceId, String findings, int version) {
        }
        var h = jdbc.sql("""
                        select id, kind, unit_id, project_name, investor, village_count, term_from, term_to, elected_community_meeting_id,
                               elected_conference_id, findings, version
                        from democracy_board where id = :id""")
                .param("id", id).query(Head.class).optional().orElseThrow(() -> new NotFoundException("democracy_board", id));
        scope.requireRead(user, h.unitId(), "democracy_board", id);
        var members = jdbc.sql("""
                        select position, full_name, role, village, phone, address
                        from democracy_board_member where board_id = :id order by position""")
                .param("id", id).query(MemberView.class).list();
        // the year's plan first, then its halves, then its quarters
        var plans = jdbc.sql("""
                        select id, period_key, content, adopted_on
                        from democracy_board_plan
                        where board_id = :id
                        order by left(period_key, 4), length(period_key), substr(period_key, 5, 1), period_key, id""")
                .param("id", id).query(PlanView.class).list();
        String elected = h.electedCommunityMeetingId() == null ? null : jdbc.sql("""
                        select village || ' — ' || to_char(held_on, 'DD/MM/YYYY') from democracy_community_meeting where id = :id""")
                .param("id", h.electedCommunityMeetingId()).query(String.class).optional().orElse(null);
        return new BoardDetail(h.id(), h.kind(), unit(h.unitId()), h.projectName(), h.investor(), h.villageCount(), h.termFrom(),
                h.termTo(), h.electedCommunityMeetingId(), elected, h.electedConferenceId(), h.findings(), h.version(), members, plans,
                activities(id));
    }

    List<ActivityView> activities(long boardId) {
        var recommendations = jdbc.sql("""
                        select r.id, r.activity_id, r.content, r.addressee, r.made_on, r.due_on, r.answered_on, r.answered_by,
                               r.answered_by_title, r.answer, r.version
                        from democracy_recommendation r join democracy_activity a on a.id = r.activity_id
                        where a.board_id = :board
                        order by r.made_on, r.id""")
                .param("board", boardId).query(RecommendationView.class).list();
        return jdbc.sql("""
                        select id, board_id, kind, title, subjects, starts_on, sent_front_on, sent_chair_on, sent_subjects_on,
                               notice_shortfall, findings, version
                        from democracy_activity where board_id = :board
                        order by starts_on desc, id desc""")
                .param("board", boardId)
                .query((rs, n) -> {
                    var activityId = rs.getLong("id");
                    return new ActivityView(activityId, boardId, BoardRules.ActivityKind.valueOf(rs.getString("kind")), rs.getString("title"),
                            rs.getString("subjects"), rs.getObject("starts_on", LocalDate.class), rs.getObject("sent_front_on", LocalDate.class),
                            rs.getObject("sent_chair_on", LocalDate.class), rs.getObject("sent_subjects_on", LocalDate.class),
                            rs.getInt("notice_shortfall"), rs.getString("findings"), rs.getInt("version"),
                            recommendations.stream().filter(r -> r.activityId() == activityId).toList());
                })
                .list();
    }

    /** Disclosures of the units, of a year's periods (null: any), latest posting first. */
    PageResult<DisclosureView> disclosures(Long[] unitIds, Integer year, int page, int size) {
        var prefix = year == null ? "" : String.valueOf(year);
        var total = jdbc.sql("""
                        select count(*) from democracy_disclosure
                        where unit_id = any(:units)
                          and period_key like :prefix || '%'""")
                .param("units", unitIds).param("prefix", prefix).query(Long.class).single();
        var rows = jdbc.sql("""
                        select d.id, d.unit_id, d.item_code, i.title as item_title, d.period_key, d.channel, d.title, d.posted_on,
                               d.posted_until, d.version
                        from democracy_disclosure d join democracy_disclosure_item i on i.code = d.item_code
                        where d.unit_id = any(:units)
                          and d.period_key like :prefix || '%'
                        order by d.posted_on desc, d.id desc
                        limit :size offset :offset""")
                .param("units", unitIds).param("prefix", prefix).param("size", size).param("offset", (long) page * size)
                .query((rs, n) -> new DisclosureView(rs.getLong("id"), unit(rs.getLong("unit_id")), rs.getString("item_code"),
                        rs.getString("item_title"), rs.getString("period_key"), DisclosureRules.Channel.valueOf(rs.getString("channel")),
                        rs.getString("title"), rs.getObject("posted_on", LocalDate.class), rs.getObject("posted_until", LocalDate.class),
                        rs.getInt("version")))
                .list();
        return new PageResult<>(rows, total, page, size);
    }

    /** @throws NotFoundException when there is no such disclosure or it is outside the user's scope */
    DisclosureView disclosure(long id, CurrentUser user) {
        var unitId = jdbc.sql("select unit_id from democracy_disclosure where id = :id").param("id", id).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("democracy_disclosure", id));
        scope.requireRead(user, unitId, "democracy_disclosure", id);
        return disclosures(new Long[] {unitId}, null, 0, 10_000).content().stream().filter(d -> d.id() == id).findFirst().orElseThrow();
    }

    PageResult<CommunityMeetingView> communityMeetings(Long[] unitIds, int page, int size) {
        var total = jdbc.sql("select count(*) from democracy_community_meeting where unit_id = any(:units)")
                .param("units", unitIds).query(Long.class).single();
        var ids = jdbc.sql("""
                        select id from democracy_community_meeting
                        where unit_id = any(:units)
                        order by held_on desc, id desc
                        limit :size offset :offset""")
                .param("units", unitIds).param("size", size).param("offset", (long) page * size).query(Long.class).list();
        return new PageResult<>(ids.stream().map(this::communityMeeting).toList(), total, page, size);
    }

    /** @throws NotFoundException when there is no such meeting or it is outside the user's scope */
    CommunityMeetingView communityMeeting(long id, CurrentUser user) {
        var m = communityMeeting(id);
        scope.requireRead(user, m.unit().id(), "democracy_community_meeting", id);
        return m;
    }

    private CommunityMeetingView communityMeeting(long id) {
        record Row(long id, long unitId, String village, LocalDate heldOn, int householdsTotal, int householdsPresent, String agenda,
                   int version) {
        }
        var m = jdbc.sql("""
                        select id, unit_id, village, held_on, households_total, households_present, agenda, version
                        from democracy_community_meeting where id = :id""")
                .param("id", id).query(Row.class).optional().orElseThrow(() -> new NotFoundException("democracy_community_meeting", id));
        var votes = jdbc.sql("""
                        select position, item, votes_for, votes_against, votes_abstain
                        from democracy_vote where community_meeting_id = :id order by position""")
                .param("id", id)
                .query((rs, n) -> new VoteView(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), m.householdsTotal()))
                .list();
        return new CommunityMeetingView(m.id(), unit(m.unitId()), m.village(), m.heldOn(), m.householdsTotal(), m.householdsPresent(),
                m.agenda(), m.version(), votes);
    }

    /** A commune's community meetings, latest first, to name the one that elected a board. */
    List<CommunityMeetingView> communityMeetingsOf(long unitId) {
        return communityMeetings(new Long[] {unitId}, 0, 100).content();
    }

    private UnitRef unit(long id) {
        return communes.find(id).map(u -> new UnitRef(u.id(), u.code(), u.name())).orElse(new UnitRef(id, "?", "?"));
    }
}
