package vn.danvan.plan;

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
 * Plans and tasks as measures of the form-provider interface (provider {@code plan}), so that report
 * forms and reporting's computed indicators count the work cycle from the records:
 * <ul>
 * <li>{@code plans.issued}: plans of the subtree's units that start within the period (a yearly plan on
 * 01/01 of its year); {@code plans.issued.implementing}: of those, plans implementing a directive or a
 * programme. Counted for the plan's unit.</li>
 * <li>{@code tasks.assigned}: tasks (not cancelled) due within the period of which a subtree unit is the
 * responsible unit, delegated child tasks included; counted for the responsible unit.</li>
 * <li>{@code tasks.done}: of those, the ones done; {@code tasks.done.on-time}: done on or before their
 * deadline.</li>
 * <li>{@code tasks.overdue}: of those, the ones overdue <em>as of the period's last day or today, whichever is
 * earlier</em>: due before that day and not done by the end of it (still open, or done only later). So a
 * past quarter keeps the figure it had when it closed, and the current quarter shows what is overdue today,
 * as the task lists do (the due day itself is still on time).</li>
 * </ul>
 * A unit's subtree includes the units that passed into it in the 2025 reform (Thái Nguyên counts the old
 * Bắc Kạn's tasks); the unit must be within the user's scope, otherwise it is not found. Every figure lists
 * its records with the path of their page ({@code /plans/{id}}, {@code /tasks/{id}}).
 */
@Component
@Transactional(readOnly = true)
class PlanForms implements FormProvider {

    /** Where a measure counts: plans or tasks, each with its unit, day, page and label. */
    private enum Source {
        PLAN("""
                from plan p
                where p.starts_on between :from and :to
                  and p.unit_id = any(:units)""", "p.unit_id", "p.starts_on", "'/plans/' || p.id", "p.title"),
        TASK("""
                from plan_task t
                where t.status <> 'CANCELLED'
                  and t.due_on between :from and :to
                  and t.responsible_unit_id = any(:units)""", "t.responsible_unit_id", "t.due_on", "'/tasks/' || t.id", "t.title");

        final String from;
        final String unit;
        final String day;
        final String path;
        final String label;

        Source(String from, String unit, String day, String path, String label) {
            this.from = from;
            this.unit = unit;
            this.day = day;
            this.path = path;
            this.label = label;
        }
    }

    private record Measure(Source source, String condition) {
    }

    private static final Map<String, Measure> MEASURES = new LinkedHashMap<>();

    static {
        MEASURES.put("plans.issued", new Measure(Source.PLAN, "true"));
        MEASURES.put("plans.issued.implementing", new Measure(Source.PLAN, "p.kind = 'IMPLEMENTING'"));
        MEASURES.put("tasks.assigned", new Measure(Source.TASK, "true"));
        MEASURES.put("tasks.done", new Measure(Source.TASK, "t.status = 'DONE'"));
        MEASURES.put("tasks.done.on-time", new Measure(Source.TASK, "t.status = 'DONE' and t.done_on <= t.due_on"));
        MEASURES.put("tasks.overdue", new Measure(Source.TASK, """
                t.due_on < :asOf
                and (t.status in ('NOT_STARTED', 'IN_PROGRESS') or (t.status = 'DONE' and coalesce(t.done_on, :asOf) > :asOf))"""));
    }

    private final JdbcClient jdbc;
    private final OrgUnits units;
    private final OrgScope scope;
    private final CurrentUsers users;
    private final Clock clock;

    PlanForms(JdbcClient jdbc, OrgUnits units, OrgScope scope, CurrentUsers users, Clock clock) {
        this.jdbc = jdbc;
        this.units = units;
        this.scope = scope;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "plan";
    }

    @Override
    public Set<String> measures() {
        return MEASURES.keySet();
    }

    /**
     * The total row of {@link #rows} alone: each source's measures counted over the subtree in one statement, without
     * the rows per unit and their labels (a plan or task counts for one unit, so the units' counts add up).
     */
    @Override
    public Map<String, BigDecimal> total(FormQuery query) {
        var root = root(query);
        var unitIds = subtree(root);
        var bySource = new LinkedHashMap<Source, List<String>>();
        for (var key : query.measures()) {
            bySource.computeIfAbsent(measure(key).source(), s -> new ArrayList<>()).add(key);
        }
        var counted = new HashMap<String, BigDecimal>();
        bySource.forEach((source, keys) -> {
            var select = new StringBuilder("select ");
            for (int i = 0; i < keys.size(); i++) {
                // the conditions come from the fixed table above, never from input
                select.append(i == 0 ? "" : ", ").append("count(*) filter (where ").append(MEASURES.get(keys.get(i)).condition())
                        .append(") as m").append(i);
            }
            jdbc.sql(select + "\n" + source.from)
                    .param("from", query.from()).param("to", query.to()).param("asOf", asOf(query))
                    .param("units", unitIds)
                    .query((RowCallbackHandler) rs -> {
                        for (int i = 0; i < keys.size(); i++) {
                            counted.put(keys.get(i), BigDecimal.valueOf(rs.getLong("m" + i)));
                        }
                    });
        });
        var total = new LinkedHashMap<String, BigDecimal>();
        query.measures().forEach(key -> total.put(key, counted.getOrDefault(key, BigDecimal.ZERO)));
        return total;
    }

    @Override
    public FormRows rows(FormQuery query) {
        var root = root(query);
        var unitIds = subtree(root);
        var bySource = new LinkedHashMap<Source, List<String>>();
        for (var key : query.measures()) {
            bySource.computeIfAbsent(measure(key).source(), s -> new ArrayList<>()).add(key);
        }
        var values = new HashMap<Long, Map<String, BigDecimal>>();
        bySource.forEach((source, keys) -> {
            var select = new StringBuilder("select " + source.unit + " as unit_id");
            for (int i = 0; i < keys.size(); i++) {
                // the conditions come from the fixed table above, never from input
                select.append(", count(*) filter (where ").append(MEASURES.get(keys.get(i)).condition()).append(") as m").append(i);
            }
            jdbc.sql(select + "\n" + source.from + "\ngroup by " + source.unit)
                    .param("from", query.from()).param("to", query.to()).param("asOf", asOf(query))
                    .param("units", unitIds)
                    .query((RowCallbackHandler) rs -> {
                        var unitValues = values.computeIfAbsent(rs.getLong("unit_id"), id -> new HashMap<>());
                        for (int i = 0; i < keys.size(); i++) {
                            unitValues.put(keys.get(i), BigDecimal.valueOf(rs.getLong("m" + i)));
                        }
                    });
        });
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
        var source = measure.source();
        var sql = "select " + source.path + " as path, " + source.label + " as label, " + source.day + " as day\n" + source.from
                + "\n  and " + measure.condition() + "\norder by " + source.day + ", " + source.path + " limit :limit";
        return jdbc.sql(sql).param("from", query.from()).param("to", query.to()).param("asOf", asOf(query))
                .param("units", unitIds).param("limit", limit)
                .query((rs, n) -> new FormRecord(rs.getString("path"), rs.getString("label"), rs.getObject("day", LocalDate.class)))
                .list();
    }

    /** The day overdue is judged on: the period's last day, or today when the period has not ended. */
    LocalDate asOf(FormQuery query) {
        var today = LocalDate.now(clock);
        return query.to().isAfter(today) ? today : query.to();
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
