package vn.danvan.exemplar;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.form.FormProvider;
import vn.danvan.form.FormQuery;
import vn.danvan.form.FormRecord;
import vn.danvan.form.FormRow;
import vn.danvan.form.FormRows;
import vn.danvan.form.FormSpan;
import vn.danvan.form.RowKind;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.shared.NotFoundException;

/**
 * The movement's figures as measures of the form-provider interface, so that report forms and
 * reporting's computed indicators count "Dân vận khéo" models from the records: models and exemplars
 * registered in a period (by kind, and those replicated from another), and recognised (by the date of
 * the recognition decision). A unit's subtree includes the units that passed into it, within the
 * user's scope, as on the registry's lists.
 */
@Component
@Transactional(readOnly = true)
class ExemplarForms implements FormProvider {

    /** A measure: whether it counts registrations or recognitions, and the condition on the exemplar. */
    private record Measure(boolean recognition, String condition) {
    }

    private static final Map<String, Measure> MEASURES = new LinkedHashMap<>();

    static {
        MEASURES.put("exemplars.registered", new Measure(false, "true"));
        MEASURES.put("exemplars.registered.collective", new Measure(false, "e.kind = 'COLLECTIVE'"));
        MEASURES.put("exemplars.registered.individual", new Measure(false, "e.kind = 'INDIVIDUAL'"));
        MEASURES.put("exemplars.replicated", new Measure(false, "e.source_id is not null"));
        MEASURES.put("exemplars.recognised", new Measure(true, "true"));
        MEASURES.put("exemplars.recognised.collective", new Measure(true, "e.kind = 'COLLECTIVE'"));
        MEASURES.put("exemplars.recognised.individual", new Measure(true, "e.kind = 'INDIVIDUAL'"));
        MEASURES.put("exemplars.recognised.typical", new Measure(true, "r.typical"));
    }

    private final JdbcClient jdbc;
    private final ExemplarQueries queries;
    private final OrgUnits units;
    private final CurrentUsers users;

    ExemplarForms(JdbcClient jdbc, ExemplarQueries queries, OrgUnits units, CurrentUsers users) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.units = units;
        this.users = users;
    }

    @Override
    public String name() {
        return "exemplar";
    }

    @Override
    public Set<String> measures() {
        return MEASURES.keySet();
    }

    @Override
    public FormRows rows(FormQuery query) {
        var root = root(query);
        var unitIds = queries.unitsFor(root.id(), users.require());
        var byUnit = new LinkedHashMap<Long, Map<String, BigDecimal>>();
        for (var key : query.measures()) {
            var measure = MEASURES.get(key);
            if (measure == null) {
                throw new IllegalArgumentException("unknown measure " + key);
            }
            // the condition comes from the fixed table above, never from input
            jdbc.sql(from(measure) + " group by e.unit_id")
                    .param("from", query.from()).param("to", query.to()).param("all", unitIds == null)
                    .param("units", unitIds == null ? new Long[0] : unitIds.toArray(Long[]::new))
                    .query((rs, n) -> {
                        byUnit.computeIfAbsent(rs.getLong(1), id -> new HashMap<>()).put(key, BigDecimal.valueOf(rs.getLong(2)));
                        return null;
                    }).list();
        }
        var rows = new ArrayList<FormRow>();
        var total = new HashMap<String, BigDecimal>();
        byUnit.values().forEach(v -> v.forEach((k, x) -> total.merge(k, x, BigDecimal::add)));
        rows.add(new FormRow(RowKind.TOTAL, root.code(), root.name(), 0, total));
        var named = units.findAll(byUnit.keySet(), query.to());
        byUnit.forEach((id, values) -> {
            var unit = named.get(id);
            rows.add(new FormRow(RowKind.UNIT, unit == null ? null : unit.code(), unit == null ? "?" : unit.name(), 1, values, id));
        });
        return new FormRows(root.code(), root.name(), rows);
    }

    /**
     * The total row of {@link #rows} alone: each measure counted over the subtree in one statement, without a row per
     * unit (an exemplar belongs to one unit, so the units' counts of distinct exemplars add up to the subtree's).
     */
    @Override
    public Map<String, BigDecimal> total(FormQuery query) {
        var root = root(query);
        var unitIds = queries.unitsFor(root.id(), users.require());
        var total = new LinkedHashMap<String, BigDecimal>();
        for (var key : query.measures()) {
            var measure = MEASURES.get(key);
            if (measure == null) {
                throw new IllegalArgumentException("unknown measure " + key);
            }
            // the per-unit statement's count without its unit: the condition comes from the fixed table above
            var sql = from(measure).replaceFirst("select e\\.unit_id, ", "select ");
            var counted = jdbc.sql(sql).param("from", query.from()).param("to", query.to()).param("all", unitIds == null)
                    .param("units", unitIds == null ? new Long[0] : unitIds.toArray(Long[]::new))
                    .query(Long.class).single();
            total.put(key, BigDecimal.valueOf(counted));
        }
        return total;
    }

    /**
     * Every span in at most two grouped statements (registrations, recognitions), each counting every measure asked
     * per span and unit; a unit row carries only the measures it counted, as {@link #rows} does.
     */
    @Override
    public Map<FormSpan, FormRows> rowsBySpan(FormQuery query, Collection<FormSpan> spans) {
        var asked = List.copyOf(new LinkedHashSet<>(spans));
        var result = new LinkedHashMap<FormSpan, FormRows>();
        if (asked.isEmpty()) {
            return result;
        }
        var registrations = new ArrayList<String>();
        var recognitions = new ArrayList<String>();
        for (var key : query.measures()) {
            var measure = MEASURES.get(key);
            if (measure == null) {
                throw new IllegalArgumentException("unknown measure " + key);
            }
            (measure.recognition() ? recognitions : registrations).add(key);
        }
        var roots = new HashMap<LocalDate, vn.danvan.orgunit.OrgUnit>();
        asked.forEach(span -> roots.computeIfAbsent(span.to(), to -> root(query.during(span))));
        if (roots.values().stream().map(vn.danvan.orgunit.OrgUnit::id).distinct().count() > 1) {
            // a code held by different units over the spans (codes were reused in 2025): one question per span
            return FormProvider.super.rowsBySpan(query, spans);
        }
        var unitIds = queries.unitsFor(roots.get(asked.get(0).to()).id(), users.require());
        // span index (from 1) → unit → measure → count
        var counted = new HashMap<Integer, Map<Long, Map<String, BigDecimal>>>();
        count(false, registrations, asked, unitIds, counted);
        count(true, recognitions, asked, unitIds, counted);
        for (int i = 0; i < asked.size(); i++) {
            var span = asked.get(i);
            var root = roots.get(span.to());
            var byUnit = counted.getOrDefault(i + 1, Map.of());
            var rows = new ArrayList<FormRow>();
            var total = new HashMap<String, BigDecimal>();
            byUnit.values().forEach(v -> v.forEach((k, x) -> total.merge(k, x, BigDecimal::add)));
            rows.add(new FormRow(RowKind.TOTAL, root.code(), root.name(), 0, total));
            var named = units.findAll(byUnit.keySet(), span.to());
            byUnit.keySet().stream().sorted().forEach(id -> {
                var unit = named.get(id);
                rows.add(new FormRow(RowKind.UNIT, unit == null ? null : unit.code(), unit == null ? "?" : unit.name(), 1,
                        byUnit.get(id), id));
            });
            result.put(span, new FormRows(root.code(), root.name(), rows));
        }
        return result;
    }

    /** One statement for the measures of one kind over every span; counts of zero are left out, as a group by leaves them. */
    private void count(boolean recognition, List<String> keys, List<FormSpan> spans, List<Long> unitIds,
                       Map<Integer, Map<Long, Map<String, BigDecimal>>> counted) {
        if (keys.isEmpty()) {
            return;
        }
        var select = new StringBuilder("select s.i, e.unit_id");
        for (int k = 0; k < keys.size(); k++) {
            // the condition comes from the fixed table above, never from input
            select.append(recognition ? ", count(distinct e.id) filter (where " : ", count(*) filter (where ")
                    .append(MEASURES.get(keys.get(k)).condition()).append(") as m").append(k);
        }
        var sql = select + (recognition ? """

                from unnest(cast(:froms as date[]), cast(:tos as date[])) with ordinality as s(f, t, i)
                join exemplar_recognition r on r.decision_date between s.f and s.t
                join exemplar e on e.id = r.exemplar_id
                where (:all or e.unit_id = any(:units))
                group by s.i, e.unit_id
                """ : """

                from unnest(cast(:froms as date[]), cast(:tos as date[])) with ordinality as s(f, t, i)
                join exemplar e on e.registered_on between s.f and s.t
                where (:all or e.unit_id = any(:units))
                group by s.i, e.unit_id
                """);
        jdbc.sql(sql)
                .param("froms", spans.stream().map(s -> s.from().toString()).toArray(String[]::new))
                .param("tos", spans.stream().map(s -> s.to().toString()).toArray(String[]::new))
                .param("all", unitIds == null).param("units", unitIds == null ? new Long[0] : unitIds.toArray(Long[]::new))
                .query((rs, n) -> {
                    var span = rs.getInt(1);
                    for (int k = 0; k < keys.size(); k++) {
                        var c = rs.getLong(3 + k);
                        if (c > 0) {
                            counted.computeIfAbsent(span, x -> new HashMap<>()).computeIfAbsent(rs.getLong(2), x -> new HashMap<>())
                                    .put(keys.get(k), BigDecimal.valueOf(c));
                        }
                    }
                    return null;
                }).list();
    }

    @Override
    public List<FormRecord> records(FormQuery query, String measureKey, String rowUnitCode, int limit) {
        var measure = MEASURES.get(measureKey);
        if (measure == null) {
            throw new IllegalArgumentException("unknown measure " + measureKey);
        }
        var root = root(query);
        var unitIds = queries.unitsFor(root.id(), users.require());
        if (rowUnitCode != null) {
            var row = units.findByCode(rowUnitCode, query.to()).orElseThrow(() -> new NotFoundException("unit", rowUnitCode));
            unitIds = unitIds == null ? List.of(row.id()) : unitIds.stream().filter(id -> id == row.id()).toList();
        }
        var day = measure.recognition() ? "r.decision_date" : "e.registered_on";
        var sql = (measure.recognition()
                ? "select distinct on (e.id) e.id, e.number, e.name, " + day + " as day from exemplar e join exemplar_recognition r on r.exemplar_id = e.id"
                : "select e.id, e.number, e.name, " + day + " as day from exemplar e")
                + " where " + day + " between :from and :to and (:all or e.unit_id = any(:units)) and " + measure.condition()
                + " order by e.id limit :limit";
        return jdbc.sql(sql).param("from", query.from()).param("to", query.to()).param("all", unitIds == null)
                .param("units", unitIds == null ? new Long[0] : unitIds.toArray(Long[]::new)).param("limit", limit)
                .query((rs, n) -> new FormRecord("/exemplars/" + rs.getLong(1), rs.getString(2) + " · " + rs.getString(3),
                        rs.getObject(4, LocalDate.class)))
                .list();
    }

    private static String from(Measure measure) {
        if (measure.recognition()) {
            return """
                    select e.unit_id, count(distinct e.id)
                    from exemplar_recognition r
                    join exemplar e on e.id = r.exemplar_id
                    where r.decision_date between :from and :to
                      and (:all or e.unit_id = any(:units))
                      and %s
                    """.formatted(measure.condition());
        }
        return """
                select e.unit_id, count(*)
                from exemplar e
                where e.registered_on between :from and :to
                  and (:all or e.unit_id = any(:units))
                  and %s
                """.formatted(measure.condition());
    }

    private vn.danvan.orgunit.OrgUnit root(FormQuery query) {
        if (query.unitCode() != null) {
            return units.findByCode(query.unitCode(), query.to()).orElseThrow(() -> new NotFoundException("unit", query.unitCode()));
        }
        long id = query.unitId() != null ? query.unitId() : users.require().homeUnitId();
        return units.find(id, query.to())
                .orElseThrow(() -> new NotFoundException("unit", id));
    }
}
