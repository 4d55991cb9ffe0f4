package vn.danvan.democracy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.democracy.DisclosureRules.Item;
import vn.danvan.democracy.DisclosureRules.Obligation;
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
 * Grassroots democracy as measures of the form-provider interface (provider {@code democracy}), counted
 * per commune of a unit's subtree (with the units that passed into it) and period:
 * <ul>
 * <li>{@code board.sessions}: inspections and supervisions of People's Inspection Boards held (started
 * within the period and no later than today); {@code board.sessions.inspection},
 * {@code board.sessions.supervision} by kind;</li>
 * <li>{@code board.recommendations}: recommendations made in the period;
 * {@code board.recommendations.answered}: answers received in the period;</li>
 * <li>{@code disclosures.made}: disclosures posted in the period;</li>
 * <li>{@code disclosures.due}: what the communes were due to disclose for the periods (year, half-year,
 * quarter) ending within the period, from the seeded items; {@code disclosures.outstanding}: those of
 * them not disclosed;</li>
 * <li>{@code community-meetings.held}: community meetings of villages and residential groups held.</li>
 * </ul>
 * Each figure lists the records behind it; a due obligation links to the commune's register for its period. A unit's
 * form has one row per commune of its subtree; the country's has one row per province (CountryRows), whose records are
 * those of the units on the province's path.
 */
@Component
@Transactional(readOnly = true)
class DemocracyForms implements FormProvider {

    private static final Map<String, String> EVENTS = new LinkedHashMap<>();

    static {
        // measure → the records it counts: unit, path, label, day; conditions are fixed here, never from input
        EVENTS.put("board.sessions", activities("true"));
        EVENTS.put("board.sessions.inspection", activities("a.kind = 'INSPECTION'"));
        EVENTS.put("board.sessions.supervision", activities("a.kind = 'SUPERVISION'"));
        EVENTS.put("board.recommendations", """
                select b.unit_id, '/democracy/boards/' || b.id as path, r.content as label, r.made_on as day
                from democracy_recommendation r
                join democracy_activity a on a.id = r.activity_id
                join democracy_board b on b.id = a.board_id
                where {units:b.unit_id} and r.made_on between :from and :until""");
        EVENTS.put("board.recommendations.answered", """
                select b.unit_id, '/democracy/boards/' || b.id as path, r.content as label, r.answered_on as day
                from democracy_recommendation r
                join democracy_activity a on a.id = r.activity_id
                join democracy_board b on b.id = a.board_id
                where {units:b.unit_id} and r.answered_on between :from and :until""");
        EVENTS.put("disclosures.made", """
                select d.unit_id, '/democracy/disclosures/' || d.id as path, d.title as label, d.posted_on as day
                from democracy_disclosure d
                where {units:d.unit_id} and d.posted_on between :from and :until""");
        EVENTS.put("community-meetings.held", """
                select m.unit_id, '/democracy/community-meetings/' || m.id as path, m.village as label, m.held_on as day
                from democracy_community_meeting m
                where {units:m.unit_id} and m.held_on between :from and :until""");
    }

    private static final Set<String> OBLIGATIONS = Set.of("disclosures.due", "disclosures.outstanding");

    private static String activities(String condition) {
        return """
                select b.unit_id, '/democracy/boards/' || b.id as path, a.title as label, a.starts_on as day
                from democracy_activity a
                join democracy_board b on b.id = a.board_id
                where {units:b.unit_id} and a.starts_on between :from and :until and\s""" + condition;
    }

    /** The event's SQL with its unit condition: {@code {units:column}} becomes the column within :units, or true for every unit. */
    private static String units(String sql, boolean everyUnit) {
        return java.util.regex.Pattern.compile("\\{units:([a-z_.]+)}").matcher(sql)
                .replaceAll(m -> everyUnit ? "true" : m.group(1) + " = any(:units)");
    }

    private record Event(long unitId, String path, String label, LocalDate day) {
    }

    private final JdbcClient jdbc;
    private final Disclosures disclosures;
    private final OrgUnits units;
    private final OrgScope scope;
    private final CurrentUsers users;
    private final Communes communes;
    private final Clock clock;
    private final CountryRows country;

    DemocracyForms(JdbcClient jdbc, Disclosures disclosures, OrgUnits units, OrgScope scope, CurrentUsers users, Communes communes,
                   Clock clock, CountryRows country) {
        this.country = country;
        this.jdbc = jdbc;
        this.disclosures = disclosures;
        this.units = units;
        this.scope = scope;
        this.users = users;
        this.communes = communes;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "democracy";
    }

    @Override
    public Set<String> measures() {
        var all = new java.util.LinkedHashSet<>(EVENTS.keySet());
        all.addAll(List.of("disclosures.due", "disclosures.outstanding"));
        return all;
    }

    @Override
    public FormRows rows(FormQuery query) {
        var root = root(query);
        if (root.parentId() == null) {
            return countryRows(root, query);
        }
        var unitIds = communes.subtree(root.id());
        var values = new HashMap<Long, Map<String, BigDecimal>>();
        for (var key : query.measures()) {
            if (EVENTS.containsKey(key)) {
                jdbc.sql("select unit_id, count(*) from (" + units(EVENTS.get(key), false) + ") e group by unit_id")
                        .param("units", unitIds).param("from", query.from()).param("until", until(query))
                        .query((RowCallbackHandler) rs -> put(values, rs.getLong(1), key, rs.getLong(2)));
            } else if (OBLIGATIONS.contains(key)) {
                obligations(root, query, key).forEach((unit, list) -> put(values, unit.id(), key, list.size()));
            } else {
                throw new IllegalArgumentException("unknown measure " + key);
            }
        }
        return rowsOf(root, query, values);
    }

    @Override
    public List<FormRecord> records(FormQuery query, String measure, String rowUnitCode, int limit) {
        var root = root(query);
        var unitIds = communes.subtree(root.id());
        Long only = null;
        if (rowUnitCode != null) {
            var inside = Set.of(unitIds);
            var row = units.holdersOf(rowUnitCode).stream().filter(u -> inside.contains(u.id()))
                    .max(Comparator.comparing((OrgUnit u) -> u.validOn(query.to())).thenComparing(OrgUnit::id))
                    .orElseThrow(() -> new NotFoundException("unit", rowUnitCode));
            if (root.parentId() == null && !Communes.isCommune(row)) {
                // a row of the country is a province: its records are those of the units on its path (CountryRows)
                root = row;
                unitIds = units.idsWithin(List.of(row.path())).toArray(Long[]::new);
            } else {
                only = row.id();
                unitIds = new Long[] {only};
            }
        }
        if (EVENTS.containsKey(measure)) {
            // the whole country keeps every record: no search through every unit's id
            var everyUnit = root.parentId() == null && rowUnitCode == null;
            return jdbc.sql("select * from (" + units(EVENTS.get(measure), everyUnit) + ") e order by day, path limit :limit")
                    .param("units", unitIds).param("from", query.from()).param("until", until(query)).param("limit", limit)
                    .query(Event.class).list().stream().map(e -> new FormRecord(e.path(), e.label(), e.day())).toList();
        }
        if (!OBLIGATIONS.contains(measure)) {
            throw new IllegalArgumentException("unknown measure " + measure);
        }
        var titles = new HashMap<String, String>();
        disclosures.items().forEach(i -> titles.put(i.code(), i.title()));
        var records = new ArrayList<FormRecord>();
        final Long row = only;
        obligations(root, query, measure).forEach((unit, list) -> {
            if (row == null || row == unit.id()) {
                list.forEach(o -> records.add(new FormRecord("/democracy?unit=" + unit.code() + "&period=" + o.periodKey(),
                        titles.get(o.itemCode()) + " — " + unit.name() + " (" + o.periodKey() + ")", o.periodEnd())));
            }
        });
        return records.stream().sorted(Comparator.comparing(FormRecord::day)).limit(limit).toList();
    }

    /** The country: one row per child (province), summed in SQL (CountryRows): the events in one statement. */
    private FormRows countryRows(OrgUnit root, FormQuery query) {
        var values = new HashMap<Long, Map<String, BigDecimal>>();
        var events = new ArrayList<String>();
        for (var key : query.measures()) {
            if (EVENTS.containsKey(key) && CountryRows.counts(key)) {
                events.add(key);
            } else if (OBLIGATIONS.contains(key)) {
                country.obligations(key, due(query), query.to(), key.equals("disclosures.outstanding"), values);
            } else {
                throw new IllegalArgumentException("unknown measure " + key);
            }
        }
        country.events(events, query.from(), until(query), values);
        return rowsOf(root, query, values);
    }

    /** The obligations (item, period) of the seeded items whose periods end within the query's period. */
    private List<Obligation> due(FormQuery query) {
        var items = disclosures.items().stream().map(i -> new Item(i.code(), i.frequency(), i.minDaysPosted())).toList();
        return DisclosureRules.obligationsEnding(items, query.from(), query.to());
    }

    /** Per commune of the subtree valid on the period's last day: the obligations due (or outstanding) in the period. */
    private Map<OrgUnit, List<Obligation>> obligations(OrgUnit root, FormQuery query, String key) {
        var due = due(query);
        var list = units.subtree(root.id(), query.to()).stream().filter(Communes::isCommune).toList();
        if (list.isEmpty() && Communes.isCommune(root)) {
            list = List.of(root);
        }
        var made = new HashSet<String>();
        if (key.equals("disclosures.outstanding")) {
            jdbc.sql("""
                            select unit_id || '|' || item_code || '|' || period_key
                            from democracy_disclosure
                            where unit_id = any(:units)
                              and period_key >= :fromYear and period_key < :toYear""")
                    .param("units", list.stream().map(OrgUnit::id).toArray(Long[]::new))
                    .param("fromYear", String.valueOf(query.from().getYear())).param("toYear", String.valueOf(query.to().getYear() + 1))
                    .query(String.class).list().forEach(made::add);
        }
        var result = new LinkedHashMap<OrgUnit, List<Obligation>>();
        for (var commune : list) {
            var open = due.stream().filter(o -> !made.contains(commune.id() + "|" + o.itemCode() + "|" + o.periodKey())).toList();
            if (!open.isEmpty()) {
                result.put(commune, open);
            }
        }
        return result;
    }

    /** The last day an event counts on: the period's last day, or today when the period has not ended. */
    private LocalDate until(FormQuery query) {
        var today = LocalDate.now(clock);
        return query.to().isAfter(today) ? today : query.to();
    }

    private static void put(Map<Long, Map<String, BigDecimal>> values, long unitId, String key, long count) {
        values.computeIfAbsent(unitId, id -> new HashMap<>()).merge(key, BigDecimal.valueOf(count), BigDecimal::add);
    }

    private FormRows rowsOf(OrgUnit root, FormQuery query, Map<Long, Map<String, BigDecimal>> values) {
        var labels = new HashMap<Long, FormRows.UnitLabel>();
        // one query for every row (as Communes.find names each: its version of today, else the nearest), not one per unit
        units.findAll(values.keySet(), LocalDate.now(clock))
                .forEach((id, u) -> labels.put(id, new FormRows.UnitLabel(u.code(), u.name())));
        return FormRows.perUnit(root.code(), root.name(), query.measures(), values, labels);
    }

    /** The reported unit (by code, id, or the user's own), which must be within the user's scope. */
    private OrgUnit root(FormQuery query) {
        return scope.reportedUnit(users.require(), query.unitCode(), query.unitId(), query.to(), LocalDate.now(clock));
    }
}
