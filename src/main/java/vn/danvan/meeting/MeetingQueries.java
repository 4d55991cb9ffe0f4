package vn.danvan.meeting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.document.DocumentQueries;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.OrgScope;
import vn.danvan.meeting.MeetingViews.ChairView;
import vn.danvan.meeting.MeetingViews.DocumentRef;
import vn.danvan.meeting.MeetingViews.MeetingDetail;
import vn.danvan.meeting.MeetingViews.MeetingRow;
import vn.danvan.meeting.MeetingViews.OpinionView;
import vn.danvan.meeting.MeetingViews.PreviousConclusion;
import vn.danvan.meeting.MeetingViews.SeriesRef;
import vn.danvan.meeting.MeetingViews.UnitRef;
import vn.danvan.orgunit.OrgUnit;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.orgunit.UnitKind;
import vn.danvan.person.People;
import vn.danvan.shared.NotFoundException;
import vn.danvan.shared.PageResult;

/**
 * The questions asked of conferences. A meeting is read by users whose scope covers its host unit or
 * one of its participating units; outside scope it answers as not found.
 */
@Service
@Transactional(readOnly = true)
public class MeetingQueries {

    /**
     * A list's filter. {@code unitIds}: meetings held by, or with, one of these units (null: any);
     * {@code from}/{@code to}: meetings on those dates, inclusive (either may be null).
     */
    public record MeetingFilter(String q, MeetingKind kind, List<Long> unitIds, LocalDate from, LocalDate to) {
    }

    private final JdbcClient jdbc;
    private final OrgScope scope;
    private final OrgUnits units;
    private final People people;
    private final DocumentQueries documents;
    private final ConclusionTasks tasks;
    private final Clock clock;

    MeetingQueries(JdbcClient jdbc, OrgScope scope, OrgUnits units, People people, DocumentQueries documents, ConclusionTasks tasks,
                   Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.units = units;
        this.people = people;
        this.documents = documents;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** Meetings matching the filter within the user's scope, newest first (with {@code ascending}, soonest first). */
    public PageResult<MeetingRow> search(MeetingFilter filter, boolean ascending, int page, int size, CurrentUser user) {
        var readable = scope.readableUnitIds(user);
        // Only the conditions asked for, each in a form an index serves (meeting_host_starts, meeting_unit_unit,
        // meeting_starts): a generic "param is null or …" plan reads every meeting.
        var params = new HashMap<String, Object>();
        var where = new StringBuilder("from meeting m where true");
        if (readable != null) {
            where.append("""

                      and (m.host_unit_id = any(:readable)
                           or m.id in (select mu.meeting_id from meeting_unit mu where mu.unit_id = any(:readable)))""");
            params.put("readable", readable.toArray(Long[]::new));
        }
        if (filter.unitIds() != null) {
            where.append("""

                      and (m.host_unit_id = any(:units)
                           or m.id in (select mu.meeting_id from meeting_unit mu where mu.unit_id = any(:units)))""");
            params.put("units", filter.unitIds().toArray(Long[]::new));
        }
        if (filter.from() != null) {
            // ends_at >= :from bounds no index; a meeting that ends then starts at most the longest meeting's duration
            // earlier (its top in meeting_duration), so starts_at gets a lower bound too and meeting_starts reads the period only
            where.append(" and m.ends_at >= cast(:from as date)")
                    .append(" and m.starts_at >= cast(:from as date) - (select coalesce(max(x.ends_at - x.starts_at), interval '0') from meeting x)");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.append(" and m.starts_at < cast(:to as date) + 1");
            params.put("to", filter.to());
        }
        if (filter.kind() != null) {
            where.append(" and m.kind = :kind");
            params.put("kind", filter.kind().name());
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            where.append(" and m.search_text like '%' || search_key(:q) || '%'");
            params.put("q", filter.q().strip());
        }
        where.append('\n');
        var total = jdbc.sql("select count(*) " + where).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        var order = ascending ? "order by m.starts_at, m.id" : "order by m.starts_at desc, m.id desc";
        var rows = jdbc.sql("""
                        select m.id, m.kind, m.title, m.starts_at, m.ends_at, m.place, m.host_unit_id,
                               (select s.name from meeting_series s where s.id = m.series_id) as series
                        """ + where + order + " limit :limit offset :offset")
                .params(params)
                .query((rs, n) -> {
                    var startsAt = rs.getObject("starts_at", LocalDateTime.class);
                    return new MeetingRow(rs.getLong("id"), MeetingKind.valueOf(rs.getString("kind")), rs.getString("title"), startsAt,
                            rs.getObject("ends_at", LocalDateTime.class), rs.getString("place"),
                            unitRef(rs.getLong("host_unit_id"), startsAt.toLocalDate()), rs.getString("series"));
                })
                .list();
        return new PageResult<>(rows, total, page, size);
    }

    /** The ids of the units in the subtree of {@code unitId} and of every unit that passed into it. */
    public List<Long> subtreeIds(long unitId) {
        return units.idsWithin(units.scopePaths(unitId));
    }

    /** @throws NotFoundException when there is no such meeting or it is outside the user's scope */
    public MeetingDetail detail(long id, CurrentUser user) {
        record Head(long id, MeetingKind kind, Long seriesId, String title, LocalDateTime startsAt, LocalDateTime endsAt, String place,
                    long hostUnitId, Long reviewedDocumentId, Long conclusionDocumentId, String conclusionSummary, int version) {
        }
        var h = jdbc.sql("""
                        select id, kind, series_id, title, starts_at, ends_at, place, host_unit_id, reviewed_document_id,
                               conclusion_document_id, conclusion_summary, version
                        from meeting where id = :id""")
                .param("id", id).query(Head.class).optional().orElseThrow(() -> new NotFoundException("meeting", id));
        var participantIds = jdbc.sql("select unit_id from meeting_unit where meeting_id = :id").param("id", id).query(Long.class).list();
        requireRead(user, id, h.hostUnitId(), participantIds);
        var day = h.startsAt().toLocalDate();
        var host = units.find(h.hostUnitId(), day).orElseThrow(() -> new NotFoundException("unit", h.hostUnitId()));
        var participants = units.findAll(participantIds, day).values().stream()
                .sorted(java.util.Comparator.comparing(OrgUnit::path)).map(u -> new UnitRef(u.id(), u.code(), u.name())).toList();
        SeriesRef series = h.seriesId() == null ? null
                : jdbc.sql("select id, name from meeting_series where id = :id").param("id", h.seriesId()).query(SeriesRef.class).single();
        var agenda = jdbc.sql("select text from meeting_agenda_item where meeting_id = :id order by ordinal")
                .param("id", id).query(String.class).list();
        var reports = jdbc.sql("select document_id from meeting_report where meeting_id = :id order by ordinal")
                .param("id", id).query(Long.class).list().stream().map(d -> documentRef(d, user)).toList();
        var opinions = jdbc.sql("select id, unit_id, text from meeting_opinion where meeting_id = :id order by id")
                .param("id", id).query((rs, n) -> new OpinionView(rs.getLong(1), unitRef(rs.getLong(2), day), rs.getString(3))).list();
        return new MeetingDetail(h.id(), h.kind(), h.title(), h.startsAt(), h.endsAt(), h.place(),
                new UnitRef(host.id(), host.code(), host.name()), isPartyBody(host), series,
                h.reviewedDocumentId() == null ? null : documentRef(h.reviewedDocumentId(), user), chairs(id, day), participants, agenda,
                reports, opinions, h.conclusionDocumentId() == null ? null : documentRef(h.conclusionDocumentId(), user),
                h.conclusionSummary(), tasks.of(id), previous(h.seriesId(), h.startsAt(), user), h.version(),
                scope.canWrite(user, h.hostUnitId()));
    }

    /** The chairs, co-chairs and other named participants, each with the title held on the meeting date. */
    List<ChairView> chairs(long meetingId, LocalDate day) {
        record Chair(long personId, String role) {
        }
        var rows = jdbc.sql("select person_id, role from meeting_chair where meeting_id = :id order by ordinal")
                .param("id", meetingId).query(Chair.class).list();
        var titles = people.titlesOn(rows.stream().map(Chair::personId).toList(), day);
        var chairs = new ArrayList<ChairView>();
        for (var r : rows) {
            var t = titles.get(r.personId());
            if (t != null) {
                chairs.add(new ChairView(r.personId(), t.name(), t.title(), r.role()));
            }
        }
        return chairs;
    }

    /**
     * "Kết luận kỳ trước": the latest earlier meeting of the same series, what it concluded and where its
     * tasks stand today; null when the meeting has no series or no earlier meeting the user may read.
     */
    PreviousConclusion previous(Long seriesId, LocalDateTime before, CurrentUser user) {
        if (seriesId == null) {
            return null;
        }
        record Prev(long id, String title, LocalDateTime startsAt, long hostUnitId, Long conclusionDocumentId, String conclusionSummary) {
        }
        var prev = jdbc.sql("""
                        select id, title, starts_at, host_unit_id, conclusion_document_id, conclusion_summary from meeting
                        where series_id = :s and starts_at < :before
                        order by starts_at desc, id desc limit 1""")
                .param("s", seriesId).param("before", before).query(Prev.class).optional();
        if (prev.isEmpty() || !scope.canRead(user, prev.get().hostUnitId())) {
            return null;
        }
        var p = prev.get();
        return new PreviousConclusion(p.id(), p.title(), p.startsAt(),
                p.conclusionDocumentId() == null ? null : documentRef(p.conclusionDocumentId(), user), p.conclusionSummary(),
                tasks.of(p.id()));
    }

    /** The series a meeting hosted by a unit the user may write for can join, by name. */
    public List<SeriesRef> seriesFor(CurrentUser user) {
        var readable = scope.readableUnitIds(user);
        return jdbc.sql("""
                        select id, name from meeting_series
                        where cast(:all as boolean) or host_unit_id = any(:ids)
                        order by name collate vietnamese, id""")
                .param("all", readable == null).param("ids", readable == null ? new Long[0] : readable.toArray(Long[]::new))
                .query(SeriesRef.class).list();
    }

    void requireRead(CurrentUser user, long meetingId, long hostUnitId, List<Long> participantIds) {
        if (scope.canRead(user, hostUnitId) || participantIds.stream().anyMatch(u -> scope.canRead(user, u))) {
            return;
        }
        throw new NotFoundException("meeting", meetingId);
    }

    /**
     * Party bodies (Party committees, their commissions such as the dân vận commission) write in the
     * Party layout (Guidance 36-HD/VPTW); every other body in the State layout (Decree 30/2020).
     */
    static boolean isPartyBody(OrgUnit unit) {
        return unit.kind() == UnitKind.PARTY_COMMITTEE || unit.kind() == UnitKind.MASS_MOBILISATION_COMMISSION;
    }

    UnitRef unitRef(long unitId, LocalDate day) {
        return units.find(unitId, day).map(u -> new UnitRef(u.id(), u.code(), u.name())).orElse(new UnitRef(unitId, null, ""));
    }

    DocumentRef documentRef(long documentId, CurrentUser user) {
        try {
            var d = documents.detail(documentId, user);
            return new DocumentRef(documentId, d.identifier() != null ? d.identifier() : d.kindName(), d.subject());
        } catch (NotFoundException gone) {
            return new DocumentRef(documentId, null, "");
        }
    }

    Optional<Long> hostOf(long meetingId) {
        return jdbc.sql("select host_unit_id from meeting where id = :id").param("id", meetingId).query(Long.class).optional();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }
}
