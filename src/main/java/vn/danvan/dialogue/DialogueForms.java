package vn.danvan.dialogue;

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
import java.util.function.ToLongFunction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.dialogue.DialogueViews.Figures;
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
 * Dialogues as measures of the form-provider interface (provider {@code dialogue}), so that report forms
 * and reporting's computed indicators count them from the records. A dialogue counts once, for its
 * organising unit, on the day it was held, and only once held (no later than today).
 * <ul>
 * <li>{@code dialogues.held}: dialogues held;</li>
 * <li>{@code dialogue-opinions.raised}, {@code dialogue-opinions.answered}: opinions raised and answered on
 * the spot at them (the numbers the officer entered, else the opinions recorded one by one);</li>
 * <li>{@code dialogue-opinions.assigned}: opinions assigned to a unit (commitments, tasks of module plan
 * not cancelled); {@code dialogue-opinions.resolved}: those done today.</li>
 * </ul>
 * A unit's subtree includes the units that passed into it in 2025; the unit must be within the user's
 * scope, otherwise it is not found. Dialogues list their page, commitments their task's page. A unit's form has one
 * row per organising unit of its subtree; the country's has one row per province (CountryFigures), whose records are
 * those of the units on the province's path.
 */
@Component
@Transactional(readOnly = true)
class DialogueForms implements FormProvider {

    static final String HELD = "dialogues.held";
    static final String RAISED = "dialogue-opinions.raised";
    static final String ANSWERED = "dialogue-opinions.answered";
    static final String ASSIGNED = "dialogue-opinions.assigned";
    static final String RESOLVED = "dialogue-opinions.resolved";

    private static final Map<String, ToLongFunction<Figures>> MEASURES = new LinkedHashMap<>();

    static {
        MEASURES.put(HELD, f -> 1);
        MEASURES.put(RAISED, Figures::raised);
        MEASURES.put(ANSWERED, Figures::answered);
        MEASURES.put(ASSIGNED, Figures::assigned);
        MEASURES.put(RESOLVED, Figures::resolved);
    }

    private final JdbcClient jdbc;
    private final DialogueQueries queries;
    private final OriginTasks originTasks;
    private final OrgUnits units;
    private final OrgScope scope;
    private final CurrentUsers users;
    private final Clock clock;
    private final CountryFigures country;

    DialogueForms(JdbcClient jdbc, DialogueQueries queries, OriginTasks originTasks, OrgUnits units, OrgScope scope, CurrentUsers users,
                  Clock clock, CountryFigures country) {
        this.country = country;
        this.jdbc = jdbc;
        this.queries = queries;
        this.originTasks = originTasks;
        this.units = units;
        this.scope = scope;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "dialogue";
    }

    @Override
    public Set<String> measures() {
        return MEASURES.keySet();
    }

    private record Held(long id, long unitId, String title, LocalDate heldOn) {
    }

    /** The dialogues held by the units asked within the period, up to today. */
    private List<Held> held(FormQuery query, Long[] unitIds) {
        var today = LocalDate.now(clock);
        return jdbc.sql("""
                        select d.id, d.unit_id, d.title, d.held_on
                        from dialogue d
                        where d.unit_id = any(:units)
                          and d.held_on between :from and :until
                        order by d.held_on, d.id""")
                .param("units", unitIds).param("from", query.from()).param("until", query.to().isAfter(today) ? today : query.to())
                .query(Held.class).list();
    }

    /**
     * The figures of the dialogues held by these units in the period, summed per unit in one statement (as
     * DialogueQueries.figures counts each dialogue: the numbers entered, else the opinions recorded — the dialogue's
     * tally of them, V73; its commitments not cancelled, resolved when done — its tally of them, V82) — not every
     * opinion or commitment of the period counted, nor every dialogue read into memory.
     */
    private static final String FIGURES_BY_UNIT = """
            select d.unit_id, count(*) as held,
                   sum(coalesce(d.raised_count, d.opinions_recorded)) as raised,
                   sum(coalesce(d.answered_count, d.opinions_answered)) as answered,
                   sum(d.commitments_assigned) as assigned, sum(d.commitments_resolved) as resolved
            from dialogue d
            where d.unit_id = any(:units)
              and d.held_on between :from and :until
            group by d.unit_id""";

    @Override
    public FormRows rows(FormQuery query) {
        var root = root(query);
        var today = LocalDate.now(clock);
        var until = query.to().isAfter(today) ? today : query.to();
        if (root.parentId() == null) {
            // the country: one row per province, summed in SQL (CountryFigures), not one per organising unit
            return rowsOf(root, query, country.rows(query.measures(), query.from(), until));
        }
        var values = new HashMap<Long, Map<String, BigDecimal>>();
        jdbc.sql(FIGURES_BY_UNIT)
                .param("units", subtree(root)).param("from", query.from()).param("until", until)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                    var f = new Figures(rs.getLong("raised"), rs.getLong("answered"), rs.getLong("assigned"), rs.getLong("resolved"));
                    long held = rs.getLong("held");
                    var row = values.computeIfAbsent(rs.getLong("unit_id"), id -> new HashMap<>());
                    for (var key : query.measures()) {
                        row.put(key, BigDecimal.valueOf(key.equals(HELD) ? held : measure(key).applyAsLong(f)));
                    }
                });
        return rowsOf(root, query, values);
    }

    @Override
    public List<FormRecord> records(FormQuery query, String measureKey, String rowUnitCode, int limit) {
        measure(measureKey);
        var root = root(query);
        var unitIds = subtree(root);
        if (rowUnitCode != null) {
            var inside = Set.of(unitIds);
            var row = units.holdersOf(rowUnitCode).stream().filter(u -> inside.contains(u.id()))
                    .max(Comparator.comparing((OrgUnit u) -> u.validOn(query.to())).thenComparing(OrgUnit::id))
                    .orElseThrow(() -> new NotFoundException("unit", rowUnitCode));
            // a row of the country is a province (CountryFigures): its records are those of the units on its path
            unitIds = root.parentId() == null && row.parentId() != null && row.parentId() == root.id()
                    ? units.idsWithin(List.of(row.path())).toArray(Long[]::new)
                    : new Long[] {row.id()};
        }
        var held = held(query, unitIds);
        var records = new ArrayList<FormRecord>();
        if (measureKey.equals(ASSIGNED) || measureKey.equals(RESOLVED)) {
            var tasks = originTasks.byOrigins(Commitments.ORIGIN, held.stream().map(Held::id).toList());
            for (var h : held) {
                tasks.getOrDefault(h.id(), List.of()).stream()
                        .filter(a -> !"CANCELLED".equals(a.task().status()))
                        .filter(a -> measureKey.equals(ASSIGNED) || "DONE".equals(a.task().status()))
                        .forEach(a -> records.add(new FormRecord("/tasks/" + a.task().taskId(), a.task().title(), h.heldOn())));
            }
        } else {
            var figures = queries.figures(held.stream().map(Held::id).toList());
            for (var h : held) {
                var n = measure(measureKey).applyAsLong(figures.getOrDefault(h.id(), Figures.ZERO));
                if (n > 0) {
                    records.add(new FormRecord("/dialogues/" + h.id(), measureKey.equals(HELD) ? h.title() : h.title() + " — " + n,
                            h.heldOn()));
                }
            }
        }
        return records.stream().limit(limit).toList();
    }

    private static ToLongFunction<Figures> measure(String key) {
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

    private Long[] subtree(OrgUnit root) {
        return units.idsWithin(units.scopePaths(root.id())).toArray(Long[]::new);
    }

    /** The reported unit (by code, id, or the user's own), which must be within the user's scope. */
    private OrgUnit root(FormQuery query) {
        return scope.reportedUnit(users.require(), query.unitCode(), query.unitId(), query.to(), LocalDate.now(clock));
    }
}
