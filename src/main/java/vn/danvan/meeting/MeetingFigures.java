package vn.danvan.meeting;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.identity.CurrentUser;
import vn.danvan.identity.OrgScope;
import vn.danvan.shared.NotFoundException;

/**
 * Figures for reporting: conferences held by units in a unit's subtree (and the units that passed
 * into it) in a period, by kind; opinions raised at them; tasks their conclusions assigned. A meeting
 * counts once, for its host unit, on the day it starts.
 */
@Service
@Transactional(readOnly = true)
public class MeetingFigures {

    /**
     * @param held     conferences held, all kinds
     * @param byKind   conferences held per kind (every kind present, zero when none)
     * @param opinions opinions raised by units at them
     * @param tasks    tasks their conclusions assigned
     */
    public record Figures(long unitId, LocalDate from, LocalDate to, long held, Map<MeetingKind, Long> byKind, long opinions,
                          long tasks) {
    }

    private final JdbcClient jdbc;
    private final OrgScope scope;
    private final MeetingQueries queries;
    private final ConclusionTasks tasks;

    MeetingFigures(JdbcClient jdbc, OrgScope scope, MeetingQueries queries, ConclusionTasks tasks) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.queries = queries;
        this.tasks = tasks;
    }

    /**
     * @throws NotFoundException when the unit is outside the user's scope
     */
    public Figures figures(long unitId, LocalDate from, LocalDate to, CurrentUser user) {
        scope.requireRead(user, unitId, "unit", unitId);
        var ids = queries.subtreeIds(unitId).toArray(Long[]::new);
        var byKind = new EnumMap<MeetingKind, Long>(MeetingKind.class);
        for (var kind : MeetingKind.values()) {
            byKind.put(kind, 0L);
        }
        var meetingIds = new java.util.ArrayList<Long>();
        jdbc.sql("""
                        select m.id, m.kind from meeting m
                        where m.host_unit_id = any(:ids)
                          and m.starts_at >= cast(:from as date) and m.starts_at < cast(:to as date) + 1""")
                .param("ids", ids).param("from", from).param("to", to)
                .query((rs, n) -> {
                    meetingIds.add(rs.getLong(1));
                    byKind.merge(MeetingKind.valueOf(rs.getString(2)), 1L, Long::sum);
                    return null;
                }).list();
        long opinions = meetingIds.isEmpty() ? 0 : jdbc.sql("select count(*) from meeting_opinion where meeting_id = any(:m)")
                .param("m", meetingIds.toArray(Long[]::new)).query(Long.class).single();
        long assigned = meetingIds.stream().mapToLong(id -> tasks.of(id).size()).sum();
        return new Figures(unitId, from, to, meetingIds.size(), byKind, opinions, assigned);
    }
}
