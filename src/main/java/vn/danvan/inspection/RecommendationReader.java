package vn.danvan.inspection;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.inspection.InspectionViews.RecommendationView;
import vn.danvan.inspection.InspectionViews.UnitRef;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.plan.OriginTasks;
import vn.danvan.plan.OriginTasks.Assigned;

/**
 * Joins plan's side of recommendations (the tasks of origin INSPECTION, with their status today) with
 * this module's side (target, finding, verdict), in bulk. Not scoped: its callers decide what the user
 * may see.
 */
@Component
@Transactional(readOnly = true)
class RecommendationReader {

    static final String ORIGIN = "INSPECTION";

    private record Own(long id, long inspectionId, String inspectionTitle, long inspectingUnitId, LocalDate inspectionStartsOn, long taskId,
                       Long targetUnitId, String finding, LocalDate madeOn, LocalDate acceptedOn, String acceptedBy, LocalDate sentBackOn,
                       String sentBackReason, int version) {
    }

    // columns named as Own's components: JdbcClient's record mapping looks a component up by its own name first and pays a
    // thrown SQLException for every row and every snake_case column before it tries the underscored name
    private static final String SELECT = """
            select r.id, r.inspection_id as "inspectionId", i.title as "inspectionTitle", i.inspecting_unit_id as "inspectingUnitId",
                   i.starts_on as "inspectionStartsOn", r.task_id as "taskId", r.target_unit_id as "targetUnitId", r.finding,
                   r.made_on as "madeOn", r.accepted_on as "acceptedOn", r.accepted_by as "acceptedBy", r.sent_back_on as "sentBackOn",
                   r.sent_back_reason as "sentBackReason", r.version
            from inspection_recommendation r
            join inspection i on i.id = r.inspection_id
            """;

    private final JdbcClient jdbc;
    private final OriginTasks tasks;
    private final OrgUnits units;
    private final Clock clock;

    RecommendationReader(JdbcClient jdbc, OriginTasks tasks, OrgUnits units, Clock clock) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.units = units;
        this.clock = clock;
    }

    /** The recommendations of these inspections, each inspection's in the order they were made. */
    List<RecommendationView> ofInspections(Collection<Long> inspectionIds) {
        if (inspectionIds.isEmpty()) {
            return List.of();
        }
        var byTask = new HashMap<Long, Assigned>();
        tasks.byOrigins(ORIGIN, inspectionIds).values().forEach(list -> list.forEach(a -> byTask.put(a.task().taskId(), a)));
        var own = jdbc.sql(SELECT + "where r.inspection_id = any(:ids) order by r.inspection_id, r.id")
                .param("ids", inspectionIds.toArray(Long[]::new)).query(Own.class).list();
        return views(own, byTask);
    }

    /** The recommendations behind these tasks (tasks of another origin are left out), in the tasks' order. */
    List<RecommendationView> ofTasks(List<Assigned> assigned) {
        if (assigned.isEmpty()) {
            return List.of();
        }
        var byTask = new HashMap<Long, Assigned>();
        assigned.forEach(a -> byTask.put(a.task().taskId(), a));
        var own = jdbc.sql(SELECT + "where r.task_id = any(:ids)")
                .param("ids", byTask.keySet().toArray(Long[]::new)).query(Own.class).list();
        var order = new HashMap<Long, Integer>();
        for (int i = 0; i < assigned.size(); i++) {
            order.put(assigned.get(i).task().taskId(), i);
        }
        return views(own.stream().sorted(java.util.Comparator.comparing((Own o) -> order.get(o.taskId()))).toList(), byTask);
    }

    /** One recommendation, or null when there is none. */
    RecommendationView one(long id) {
        var own = jdbc.sql(SELECT + "where r.id = :id").param("id", id).query(Own.class).optional().orElse(null);
        if (own == null) {
            return null;
        }
        var byTask = new HashMap<Long, Assigned>();
        tasks.byOrigins(ORIGIN, List.of(own.inspectionId())).getOrDefault(own.inspectionId(), List.of())
                .forEach(a -> byTask.put(a.task().taskId(), a));
        var views = views(List.of(own), byTask);
        return views.isEmpty() ? null : views.get(0);
    }

    /** The plan task's version of a recommendation (for plan's optimistic check). */
    int taskVersion(long inspectionId, long taskId) {
        return tasks.byOrigins(ORIGIN, List.of(inspectionId)).getOrDefault(inspectionId, List.of()).stream()
                .filter(a -> a.task().taskId() == taskId).findFirst().map(Assigned::version)
                .orElseThrow(() -> new vn.danvan.shared.NotFoundException("task", taskId));
    }

    private List<RecommendationView> views(List<Own> own, Map<Long, Assigned> byTask) {
        var today = LocalDate.now(clock);
        var unitIds = new HashSet<Long>();
        own.forEach(o -> {
            unitIds.add(o.inspectingUnitId());
            if (o.targetUnitId() != null) {
                unitIds.add(o.targetUnitId());
            }
        });
        var named = new HashMap<>(units.findAll(unitIds, today));
        own.stream().filter(o -> !named.containsKey(o.inspectingUnitId()))
                .forEach(o -> units.find(o.inspectingUnitId(), o.inspectionStartsOn()).ifPresent(u -> named.put(u.id(), u)));
        own.stream().filter(o -> o.targetUnitId() != null && !named.containsKey(o.targetUnitId()))
                .forEach(o -> units.find(o.targetUnitId(), o.inspectionStartsOn()).ifPresent(u -> named.put(u.id(), u)));
        return own.stream().filter(o -> byTask.containsKey(o.taskId())).map(o -> {
            var t = byTask.get(o.taskId()).task();
            var status = RecommendationRules.status(t.status(), o.acceptedOn() != null, o.sentBackOn() != null);
            return new RecommendationView(o.id(), o.inspectionId(), o.inspectionTitle(), ref(named, o.inspectingUnitId()), t.taskId(), t.title(),
                    new UnitRef(t.responsibleUnitId(), named.containsKey(t.responsibleUnitId()) ? named.get(t.responsibleUnitId()).code() : null,
                            t.responsibleUnitName()),
                    t.dueOn(), t.status(), status, t.progressPercent(), t.lastUpdateOn(), t.lastUpdateText(),
                    o.targetUnitId() == null ? null : ref(named, o.targetUnitId()), o.finding(), o.madeOn(), o.acceptedOn(), o.acceptedBy(),
                    o.sentBackOn(), o.sentBackReason(), o.version());
        }).toList();
    }

    private static UnitRef ref(Map<Long, vn.danvan.orgunit.OrgUnit> named, long id) {
        var u = named.get(id);
        return u == null ? new UnitRef(id, null, null) : new UnitRef(id, u.code(), u.name());
    }
}
