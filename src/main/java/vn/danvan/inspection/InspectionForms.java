package vn.danvan.inspection;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import vn.danvan.plan.OriginTasks;
import vn.danvan.shared.NotFoundException;

/**
 * Inspections as measures of the form-provider interface (provider {@code inspection}), so report forms
 * and reporting's computed indicators count them from the records:
 * <ul>
 * <li>{@code inspections.held}: inspections and supervisions begun in the period (and by today), for the
 * inspecting body;</li>
 * <li>{@code units.inspected}: the target units of those inspections, each unit once, for the target;</li>
 * <li>{@code recommendations.made}: recommendations made in the period, for the responsible unit;</li>
 * <li>{@code recommendations.accepted}: recommendations the inspecting body accepted as done in the period;</li>
 * <li>{@code recommendations.overdue}: recommendations made by the period's end that are overdue today
 * (open past their deadline; a deadline is plan's, which knows only today's status).</li>
 * </ul>
 * A unit's subtree includes the units that passed into it in 2025; the unit must be within the user's
 * scope, otherwise it is not found. Inspections list their page, recommendations their task's page.
 */
@Component
@Transactional(readOnly = true)
class InspectionForms implements FormProvider {

    static final String HELD = "inspections.held";
    static final String INSPECTED = "units.inspected";
    static final String MADE = "recommendations.made";
    static final String ACCEPTED = "recommendations.accepted";
    static final String OVERDUE = "recommendations.overdue";
    private static final Set<String> MEASURES = new java.util.LinkedHashSet<>(List.of(HELD, INSPECTED, MADE, ACCEPTED, OVERDUE));

    /**
     * Per measure, the records counted for each unit of {@code :units} (the subtree): as {@link #counted} lists them —
     * inspections begun by their inspecting body; each target unit once; recommendations (their task of origin
     * INSPECTION) for the task's responsible unit, overdue when made by the period's end, not accepted and open past
     * the task's deadline today. {@code %s}: the unit condition ({@link #unitCondition}).
     */
    private static final Map<String, String> COUNTS = Map.of(
            HELD, """
                    select i.inspecting_unit_id, count(*) from inspection i
                    where %s
                      and i.starts_on between :from and :until
                    group by 1""",
            INSPECTED, """
                    select t.unit_id, 1 from inspection_target t join inspection i on i.id = t.inspection_id
                    where %s
                      and i.starts_on between :from and :until
                    group by 1""",
            MADE, recommendationCounts("r.made_on between :from and :until"),
            ACCEPTED, recommendationCounts("r.accepted_on between :from and :until"),
            OVERDUE, recommendationCounts("""
                    r.made_on <= :until and r.accepted_on is null
                      and t.status in ('NOT_STARTED', 'IN_PROGRESS') and t.due_on < :today"""));

    /** The counts of {@code %s} (unit_id, n) summed per row of the country's form: its province, or the country itself. */
    private static final String PER_COUNTRY_ROW = """
            select %s as row_id, sum(c.n)
            from (%%s) c (unit_id, n)
            join org_unit u on u.id = c.unit_id
            group by 1""".formatted(OrgUnits.countryRowOf("u"));

    /** The column each measure's unit condition applies to. */
    private static final Map<String, String> UNIT_COLUMN = Map.of(HELD, "i.inspecting_unit_id", INSPECTED, "t.unit_id", MADE,
            "t.responsible_unit_id", ACCEPTED, "t.responsible_unit_id", OVERDUE, "t.responsible_unit_id");

    /**
     * The condition that keeps a subtree's records: none for the top of the unit tree (the country, whose subtree is
     * every unit — the tree has that one root), else the column within the subtree's ids. Thousands of ids in an array
     * cost a linear search per row under a generic plan; the country needs no search at all.
     */
    static String unitCondition(OrgUnit root, String column) {
        return root.parentId() == null ? "true" : column + " = any(:units)";
    }

    /**
     * The recommendations of {@code condition} (on {@code r}, the recommendation, and {@code t}, its task) per responsible
     * unit. Each recommendation's task is looked up by its key ({@code task_id} is unique) in a lateral subquery that
     * {@code offset 0} keeps apart: joined, the planner chose a merge join that read the country's inspection tasks in
     * key or origin order up to the year's last one (24,000 tasks for 900 recommendations of a year at ten years × every
     * commune: 15–28 ms instead of 2–9 ms).
     */
    private static String recommendationCounts(String condition) {
        return """
                select t.responsible_unit_id, count(*)
                from inspection_recommendation r
                cross join lateral (select t.responsible_unit_id, t.status, t.due_on from plan_task t
                                    where t.id = r.task_id and t.origin_kind = :origin offset 0) t
                where %s
                  and\s""" + condition + "\ngroup by 1";
    }

    /** One counted record: the unit it counts for, the page it links, its label and day. */
    private record Counted(long unitId, String path, String label, LocalDate day) {
    }

    private final JdbcClient jdbc;
    private final OriginTasks tasks;
    private final OrgUnits units;
    private final OrgScope scope;
    private final CurrentUsers users;
    private final Clock clock;

    InspectionForms(JdbcClient jdbc, OriginTasks tasks, OrgUnits units, OrgScope scope, CurrentUsers users, Clock clock) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.units = units;
        this.scope = scope;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "inspection";
    }

    @Override
    public Set<String> measures() {
        return MEASURES;
    }

    @Override
    public FormRows rows(FormQuery query) {
        var root = root(query);
        // the country: one row per province (before or after the 2025 reform), summed in SQL, instead of one row per
        // inspecting, target and responsible unit (about 200 kB of JSON a year at the benchmark's full size)
        var country = root.parentId() == null;
        var unitIds = country ? new Long[0] : subtree(root);
        var values = new HashMap<Long, Map<String, BigDecimal>>();
        for (var key : query.measures()) {
            if (!MEASURES.contains(key)) {
                throw new IllegalArgumentException("unknown measure " + key);
            }
            // counted per unit in the database (COUNTS), the same records as counted(…) lists for records(…)
            var counts = COUNTS.get(key).formatted(unitCondition(root, UNIT_COLUMN.get(key)));
            jdbc.sql(country ? PER_COUNTRY_ROW.formatted(counts) : counts).param("units", unitIds).param("from", query.from()).param("until", until(query))
                    .param("today", LocalDate.now(clock)).param("origin", RecommendationReader.ORIGIN)
                    .query((org.springframework.jdbc.core.RowCallbackHandler) rs ->
                            values.computeIfAbsent(rs.getLong(1), id -> new HashMap<>()).put(key, BigDecimal.valueOf(rs.getLong(2))));
        }
        return rowsOf(root, query, values);
    }

    @Override
    public List<FormRecord> records(FormQuery query, String measureKey, String rowUnitCode, int limit) {
        var root = root(query);
        var unitIds = subtree(root);
        if (rowUnitCode != null) {
            // every unit that held the code within the subtree: a row is named by its code, which a 2025 ward may share
            // with the commune that held it before
            var inside = Set.of(unitIds);
            var holders = units.holdersOf(rowUnitCode).stream().filter(u -> inside.contains(u.id())).toList();
            if (holders.isEmpty()) {
                throw new NotFoundException("unit", rowUnitCode);
            }
            unitIds = root.parentId() == null
                    // a row of the country is a province: its records are those of the units on its path
                    ? units.idsWithin(holders.stream().filter(u -> u.parentId() != null && u.parentId() == root.id())
                            .map(OrgUnit::path).toList()).toArray(Long[]::new)
                    : holders.stream().map(OrgUnit::id).toArray(Long[]::new);
            if (root.parentId() == null && unitIds.length == 0) {
                // the country's own row (its own inspections)
                unitIds = new Long[] {root.id()};
            }
        }
        return counted(measureKey, query, unitIds).stream().limit(limit).map(c -> new FormRecord(c.path(), c.label(), c.day())).toList();
    }

    private List<Counted> counted(String key, FormQuery query, Long[] unitIds) {
        var until = until(query);
        return switch (key) {
            case HELD -> jdbc.sql("""
                            select i.inspecting_unit_id, i.id, i.title, i.starts_on
                            from inspection i
                            where i.inspecting_unit_id = any(:units)
                              and i.starts_on between :from and :until
                            order by i.starts_on, i.id""")
                    .param("units", unitIds).param("from", query.from()).param("until", until)
                    .query((rs, n) -> new Counted(rs.getLong(1), "/inspections/" + rs.getLong(2), rs.getString(3),
                            rs.getObject(4, LocalDate.class))).list();
            case INSPECTED -> jdbc.sql("""
                            select distinct on (t.unit_id) t.unit_id, i.id, i.title, i.starts_on
                            from inspection_target t
                            join inspection i on i.id = t.inspection_id
                            where t.unit_id = any(:units)
                              and i.starts_on between :from and :until
                            order by t.unit_id, i.starts_on, i.id""")
                    .param("units", unitIds).param("from", query.from()).param("until", until)
                    .query((rs, n) -> new Counted(rs.getLong(1), "/inspections/" + rs.getLong(2), rs.getString(3),
                            rs.getObject(4, LocalDate.class))).list()
                    .stream().sorted(Comparator.comparing(Counted::day)).toList();
            case MADE, ACCEPTED, OVERDUE -> recommendations(key, query.from(), until, unitIds);
            default -> throw new IllegalArgumentException("unknown measure " + key);
        };
    }

    private List<Counted> recommendations(String key, LocalDate from, LocalDate until, Long[] unitIds) {
        record Row(long inspectionId, long taskId, LocalDate madeOn, LocalDate acceptedOn) {
        }
        var condition = switch (key) {
            case MADE -> "r.made_on between :from and :until";
            case ACCEPTED -> "r.accepted_on between :from and :until";
            default -> "r.made_on <= :until and r.accepted_on is null";
        };
        // the condition is one of the three fixed strings above, never input
        var rows = jdbc.sql("select r.inspection_id, r.task_id, r.made_on, r.accepted_on from inspection_recommendation r where " + condition
                        + " order by r.made_on, r.id")
                .param("from", from).param("until", until).query(Row.class).list();
        var byTask = new HashMap<Long, OriginTasks.Assigned>();
        tasks.byOrigins(RecommendationReader.ORIGIN, new HashSet<>(rows.stream().map(Row::inspectionId).toList()))
                .values().forEach(l -> l.forEach(a -> byTask.put(a.task().taskId(), a)));
        var inside = Set.of(unitIds);
        var counted = new ArrayList<Counted>();
        for (var r : rows) {
            var a = byTask.get(r.taskId());
            if (a == null || !inside.contains(a.task().responsibleUnitId())) {
                continue;
            }
            if (key.equals(OVERDUE) && !"OVERDUE".equals(a.task().status())) {
                continue;
            }
            var day = switch (key) {
                case MADE -> r.madeOn();
                case ACCEPTED -> r.acceptedOn();
                default -> a.task().dueOn();
            };
            counted.add(new Counted(a.task().responsibleUnitId(), "/tasks/" + r.taskId(), a.task().title(), day));
        }
        return counted;
    }

    /** The last day a record counts on: the period's last day, or today when the period has not ended. */
    private LocalDate until(FormQuery query) {
        var today = LocalDate.now(clock);
        return query.to().isAfter(today) ? today : query.to();
    }

    private FormRows rowsOf(OrgUnit root, FormQuery query, Map<Long, Map<String, BigDecimal>> values) {
        var labels = new HashMap<Long, FormRows.UnitLabel>();
        units.lastKnown(values.keySet(), query.to(), LocalDate.now(clock))
                .forEach((id, u) -> labels.put(id, new FormRows.UnitLabel(u.code(), u.name())));
        return FormRows.perUnit(root.code(), root.name(), query.measures(), values, labels);
    }

    private Long[] subtree(OrgUnit root) {
        return units.idsWithin(units.scopePaths(root.id())).toArray(Long[]::new);
    }

    /** The reported unit (by code, id, or the user's own), which must be within the user's scope. */
    private OrgUnit root(FormQuery query) {
        return scope.reportedUnit(users.require(), query.unitCode(), query.unitId(), query.to(), LocalDate.now(clock));
    }
}
