package vn.danvan.meeting;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.form.FormProvider;
import vn.danvan.form.FormQuery;
import vn.danvan.form.FormRecord;
import vn.danvan.form.FormRows;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.identity.OrgScope;
import vn.danvan.orgunit.OrgUnit;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.shared.NotFoundException;

/**
 * Conferences as measures of the form-provider interface (provider {@code meeting}), so that report
 * forms and reporting's computed indicators count them from the records. A conference counts once, for
 * its host unit, on the day it starts, and only once held: it starts within the period and no later than
 * today (an upcoming briefing of the current quarter is not yet held).
 * <ul>
 * <li>{@code meetings.held}: conferences of every kind; {@code meetings.held.briefing}: quarterly
 * briefings; {@code meetings.held.review}: six-month, annual and multi-year reviews;
 * {@code meetings.held.inspection}: working sessions with an inspection team.</li>
 * <li>{@code opinions.raised}: opinions raised by units at those conferences.</li>
 * <li>{@code conclusion-tasks.assigned}: tasks (not cancelled) their conclusions assigned, kept in module
 * plan with origin MEETING.</li>
 * </ul>
 * A unit's subtree includes the units that passed into it in the 2025 reform; the unit must be within
 * the user's scope, otherwise it is not found. Conferences and opinions list their conference's page
 * ({@code /meetings/{id}}), conclusion tasks the task's ({@code /tasks/{id}}).
 */
@Component
@Transactional(readOnly = true)
class MeetingForms implements FormProvider {

    private enum Source { MEETING, OPINION, CONCLUSION_TASK }

    private record Measure(Source source, String condition) {
    }

    private static final Map<String, Measure> MEASURES = new LinkedHashMap<>();

    static {
        MEASURES.put("meetings.held", new Measure(Source.MEETING, "true"));
        MEASURES.put("meetings.held.briefing", new Measure(Source.MEETING, "m.kind = 'QUARTERLY_BRIEFING'"));
        MEASURES.put("meetings.held.review", new Measure(Source.MEETING,
                "m.kind in ('SIX_MONTH_REVIEW', 'ANNUAL_REVIEW', 'MULTI_YEAR_REVIEW')"));
        MEASURES.put("meetings.held.inspection", new Measure(Source.MEETING, "m.kind = 'INSPECTION_WORKING_SESSION'"));
        MEASURES.put("opinions.raised", new Measure(Source.OPINION, "true"));
        MEASURES.put("conclusion-tasks.assigned", new Measure(Source.CONCLUSION_TASK, "true"));
    }

    /** The conferences held by the units asked within the period. */
    private static final String WHERE_HELD = """
            where m.host_unit_id = any(:units)
              and m.starts_at >= cast(:from as date)
              and m.starts_at < cast(:until as date) + 1""";
    private static final String HELD = "from meeting m\n" + WHERE_HELD;

    private final JdbcClient jdbc;
    private final ConclusionTasks tasks;
    private final OrgUnits units;
    private final OrgScope scope;
    private final CurrentUsers users;
    private final Clock clock;

    MeetingForms(JdbcClient jdbc, ConclusionTasks tasks, OrgUnits units, OrgScope scope, CurrentUsers users, Clock clock) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.units = units;
        this.scope = scope;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "meeting";
    }

    @Override
    public Set<String> measures() {
        return MEASURES.keySet();
    }

    /**
     * The total row of {@link #rows} alone: the conferences' measures and the opinions counted over the subtree in one
     * statement each, without the rows per host unit and their labels; conclusion tasks as {@link #rows} counts them.
     */
    @Override
    public Map<String, BigDecimal> total(FormQuery query) {
        var root = root(query);
        var unitIds = subtree(root);
        var counted = new HashMap<String, BigDecimal>();
        var meetingKeys = new ArrayList<String>();
        for (var key : query.measures()) {
            var measure = measure(key);
            switch (measure.source()) {
                case MEETING -> meetingKeys.add(key);
                case OPINION -> counted.put(key, BigDecimal.valueOf(jdbc.sql("select count(*) from meeting_opinion o join meeting m on m.id = o.meeting_id "
                                + WHERE_HELD).param("units", unitIds).param("from", query.from()).param("until", until(query))
                        .query(Long.class).single()));
                case CONCLUSION_TASK -> counted.put(key, BigDecimal.valueOf(held(query, unitIds).stream()
                        .mapToLong(m -> conclusionTasks(m.id()).size()).sum()));
            }
        }
        if (!meetingKeys.isEmpty()) {
            var select = new StringBuilder("select ");
            for (int i = 0; i < meetingKeys.size(); i++) {
                // the conditions come from the fixed table above, never from input
                select.append(i == 0 ? "" : ", ").append("count(*) filter (where ").append(MEASURES.get(meetingKeys.get(i)).condition())
                        .append(") as m").append(i);
            }
            jdbc.sql(select + "\n" + HELD)
                    .param("units", unitIds).param("from", query.from()).param("until", until(query))
                    .query((RowCallbackHandler) rs -> {
                        for (int i = 0; i < meetingKeys.size(); i++) {
                            counted.put(meetingKeys.get(i), BigDecimal.valueOf(rs.getLong("m" + i)));
                        }
                    });
        }
        var total = new LinkedHashMap<String, BigDecimal>();
        query.measures().forEach(key -> total.put(key, counted.getOrDefault(key, BigDecimal.ZERO)));
        return total;
    }

    @Override
    public FormRows rows(FormQuery query) {
        var root = root(query);
        var unitIds = subtree(root);
        var values = new HashMap<Long, Map<String, BigDecimal>>();
        var meetingKeys = new ArrayList<String>();
        for (var key : query.measures()) {
            var measure = measure(key);
            switch (measure.source()) {
                case MEETING -> meetingKeys.add(key);
                case OPINION -> jdbc.sql("select m.host_unit_id, count(*) from meeting_opinion o join meeting m on m.id = o.meeting_id "
                                + WHERE_HELD + " group by m.host_unit_id")
                        .param("units", unitIds).param("from", query.from()).param("until", until(query))
                        .query((RowCallbackHandler) rs -> put(values, rs.getLong(1), key, rs.getLong(2)));
                case CONCLUSION_TASK -> held(query, unitIds).forEach(m ->
                        put(values, m.hostUnitId(), key, conclusionTasks(m.id()).size()));
            }
        }
        if (!meetingKeys.isEmpty()) {
            var select = new StringBuilder("select m.host_unit_id");
            for (int i = 0; i < meetingKeys.size(); i++) {
                // the conditions come from the fixed table above, never from input
                select.append(", count(*) filter (where ").append(MEASURES.get(meetingKeys.get(i)).condition()).append(") as m").append(i);
            }
            jdbc.sql(select + "\n" + HELD + "\ngroup by m.host_unit_id")
                    .param("units", unitIds).param("from", query.from()).param("until", until(query))
                    .query((RowCallbackHandler) rs -> {
                        for (int i = 0; i < meetingKeys.size(); i++) {
                            put(values, rs.getLong(1), meetingKeys.get(i), rs.getLong("m" + i));
                        }
                    });
        }
        return rowsOf(root, query, values);
    }

    @Override
    public List<FormRecord> records(FormQuery query, String measureKey, String rowUnitCode, int limit) {
        var measure = measure(measureKey);
        var root = root(query);
        var unitIds = subtree(root);
        if (rowUnitCode != null) {
            var inside = Set.of(unitIds);
            var row = units.holdersOf(rowUnitCode).stream().filter(u -> inside.contains(u.id()))
                    .max(Comparator.comparing((OrgUnit u) -> u.validOn(query.to())).thenComparing(OrgUnit::id))
                    .orElseThrow(() -> new NotFoundException("unit", rowUnitCode));
            unitIds = new Long[] {row.id()};
        }
        return switch (measure.source()) {
            case MEETING -> jdbc.sql("select m.id, m.title, cast(m.starts_at as date) as day\n" + HELD + "\n  and " + measure.condition()
                            + "\norder by m.starts_at, m.id limit :limit")
                    .param("units", unitIds).param("from", query.from()).param("until", until(query)).param("limit", limit)
                    .query((rs, n) -> new FormRecord("/meetings/" + rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class)))
                    .list();
            case OPINION -> jdbc.sql("""
                            select m.id, m.title || ' — ' || left(o.text, 80) as label, cast(m.starts_at as date) as day
                            from meeting_opinion o join meeting m on m.id = o.meeting_id
                            """ + WHERE_HELD + "\norder by m.starts_at, m.id, o.id limit :limit")
                    .param("units", unitIds).param("from", query.from()).param("until", until(query)).param("limit", limit)
                    .query((rs, n) -> new FormRecord("/meetings/" + rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class)))
                    .list();
            case CONCLUSION_TASK -> held(query, unitIds).stream()
                    .flatMap(m -> conclusionTasks(m.id()).stream()
                            .map(t -> new FormRecord("/tasks/" + t.taskId(), t.title(), t.dueOn())))
                    .limit(limit).toList();
        };
    }

    private record Held(long id, long hostUnitId) {
    }

    private List<Held> held(FormQuery query, Long[] unitIds) {
        return jdbc.sql("select m.id, m.host_unit_id\n" + HELD + "\norder by m.starts_at, m.id")
                .param("units", unitIds).param("from", query.from()).param("until", until(query))
                .query(Held.class).list();
    }

    private List<MeetingViews.TaskView> conclusionTasks(long meetingId) {
        return tasks.of(meetingId).stream().filter(t -> !"CANCELLED".equals(t.status())).toList();
    }

    /** The last day a conference counts on: the period's last day, or today when the period has not ended. */
    private LocalDate until(FormQuery query) {
        var today = LocalDate.now(clock);
        return query.to().isAfter(today) ? today : query.to();
    }

    private static void put(Map<Long, Map<String, BigDecimal>> values, long unitId, String key, long count) {
        values.computeIfAbsent(unitId, id -> new HashMap<>()).merge(key, BigDecimal.valueOf(count), BigDecimal::add);
    }

    private static Measure measure(String key) {
        var measure = MEASURES.get(key);
        if (measure == null) {
            throw new IllegalArgumentException("unknown measure " + key);
        }
        return measure;
    }

    private FormRows rowsOf(OrgUnit root, FormQuery query, Map<Long, Map<String, BigDecimal>> values) {
        var labels = new HashMap<Long, FormRows.UnitLabel>();
        units.lastKnown(values.keySet(), query.to(), LocalDate.now(clock))
                .forEach((id, u) -> labels.put(id, new FormRows.UnitLabel(u.code(), u.name())));
        return FormRows.perUnit(root.code(), root.name(), query.measures(), values, labels);
    }

    /** The unit's subtree with the units that passed into it. */
    private Long[] subtree(OrgUnit root) {
        return units.idsWithin(units.scopePaths(root.id())).toArray(Long[]::new);
    }

    /** The reported unit (by code, id, or the user's own), which must be within the user's scope. */
    private OrgUnit root(FormQuery query) {
        return scope.reportedUnit(users.require(), query.unitCode(), query.unitId(), query.to(), LocalDate.now(clock));
    }
}
