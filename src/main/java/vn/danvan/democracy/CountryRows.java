package vn.danvan.democracy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.danvan.democracy.DisclosureRules.Obligation;
import vn.danvan.shared.WholeMonths;

/**
 * The grassroots-democracy form for the top of the unit tree (the country): one row per child of the country (a
 * province, before or after the 2025 reform), each the sum of its communes' figures, summed in SQL. A commune's row
 * belongs to its province's or its own view; the country's answer had one row per commune (1.1 MB of JSON at the
 * benchmark's reduced size) and walked every commune in Java for the disclosures due.
 * <p>
 * A record counts for the child of the country on its unit's path ({@code /country/province/…/}), so every record
 * counts once, as in the country's total. The disclosures due are those of the communes valid on the period's last day
 * (as DemocracyForms counts them for any other unit), outstanding when no disclosure of the commune names the item and
 * period.
 */
@Component
class CountryRows {

    /** The row a unit's records count in: the second id of its path (the country's child), else the unit itself. */
    static final String ROW_OF_UNIT = vn.danvan.orgunit.OrgUnits.countryRowOf("u");

    /** The communes valid on a day, each with its row. */
    private static final String COMMUNES = """
            select u.id, %s as row_id
            from org_unit u
            where u.level = 'COMMUNE' and u.category = 'AREA' and u.validity @> cast(:on as date)""".formatted(ROW_OF_UNIT);

    /**
     * Per row: the (commune, item, period) obligations disclosed at least once by the communes valid on {@code :on} — from
     * V92's tally (communes per row, item, period and validity, kept by triggers), not from every disclosure of the due
     * periods. The due pairs come as two arrays.
     */
    private static final String DISCLOSED = """
            select t.row_id, sum(t.communes)
            from democracy_disclosed_tally t
            join unnest(cast(:items as text[]), cast(:periods as text[])) o (item_code, period_key)
              on o.item_code = t.item_code and o.period_key = t.period_key
            where t.validity @> cast(:on as date)
            group by t.row_id""";

    private final JdbcClient jdbc;

    CountryRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Per event measure, its records of a few days counted per unit (unit_id, n) — the records DemocracyForms.EVENTS
     * lists, counted from the day indexes of V82 alone: an index-only scan of the period, never the whole table. A
     * board's events count for its commune (a recommendation carries it, V82).
     */
    private static final Map<String, String> COUNTS = Map.of(
            "board.sessions", activities("true"),
            "board.sessions.inspection", activities("a.kind = 'INSPECTION'"),
            "board.sessions.supervision", activities("a.kind = 'SUPERVISION'"),
            "board.recommendations", """
                    select r.unit_id, count(*) as n from democracy_recommendation r
                    where r.made_on between :from and :until group by r.unit_id""",
            "board.recommendations.answered", """
                    select r.unit_id, count(*) as n from democracy_recommendation r
                    where r.answered_on between :from and :until group by r.unit_id""",
            "disclosures.made", """
                    select d.unit_id, count(*) as n from democracy_disclosure d
                    where d.posted_on between :from and :until group by d.unit_id""",
            "community-meetings.held", """
                    select m.unit_id, count(*) as n from democracy_community_meeting m
                    where m.held_on between :from and :until group by m.unit_id""");

    private static String activities(String condition) {
        return """
                select b.unit_id, sum(a.n) as n
                from (select a.board_id, count(*) as n from democracy_activity a
                      where a.starts_on between :from and :until and %s group by a.board_id) a
                join democracy_board b on b.id = a.board_id
                group by b.unit_id""".formatted(condition);
    }

    static boolean counts(String measure) {
        return COUNTS.containsKey(measure);
    }

    /** Per row and measure, the events of whole months (V82's tally, kept by triggers in the writers' transactions). */
    private static final String MONTHS = """
            select t.row_id, t.measure, sum(t.n)
            from democracy_country_tally t
            where t.month between :first and :last and t.measure = any(:measures)
            group by 1, 2
            having sum(t.n) <> 0""";

    /**
     * The event measures' counts per row from {@code from} to {@code until}: the whole months inside from the tally per
     * province and month (at most provinces × months × measures rows), the partial months at either end from the
     * records ({@link #records}).
     */
    void events(Collection<String> keys, LocalDate from, LocalDate until, Map<Long, Map<String, BigDecimal>> values) {
        if (keys.isEmpty() || until.isBefore(from)) {
            return;
        }
        var cut = WholeMonths.of(from, until);
        cut.head().ifPresent(d -> records(keys, d.from(), d.until(), values));
        if (cut.hasMonths()) {
            jdbc.sql(MONTHS).param("first", cut.firstMonth()).param("last", cut.lastMonth())
                    .param("measures", keys.toArray(String[]::new))
                    .query((RowCallbackHandler) rs -> put(values, rs.getLong(1), rs.getString(2), rs.getLong(3)));
        }
        cut.tail().ifPresent(d -> records(keys, d.from(), d.until(), values));
    }

    /**
     * The event measures' counts per row from the records, in one statement: each measure's counts per unit, then each
     * unit named once by its row.
     */
    void records(Collection<String> keys, LocalDate from, LocalDate until, Map<Long, Map<String, BigDecimal>> values) {
        var parts = new ArrayList<String>();
        var index = new ArrayList<String>();
        for (var key : keys) {
            parts.add("select " + index.size() + " as measure, c.unit_id, c.n from (" + COUNTS.get(key) + ") c");
            index.add(key);
        }
        jdbc.sql("select " + ROW_OF_UNIT + " as row_id, e.measure, sum(e.n)\nfrom (" + String.join("\nunion all\n", parts)
                        + ") e\njoin org_unit u on u.id = e.unit_id\ngroup by 1, 2")
                .param("from", from).param("until", until)
                .query((RowCallbackHandler) rs -> put(values, rs.getLong(1), index.get(rs.getInt(2)), rs.getLong(3)));
    }

    /**
     * The obligations due (or, when {@code outstanding}, not yet disclosed) per row: each commune valid on {@code on}
     * owes every obligation of the list.
     */
    void obligations(String key, List<Obligation> due, LocalDate on, boolean outstanding, Map<Long, Map<String, BigDecimal>> values) {
        if (due.isEmpty()) {
            return;
        }
        var owed = new HashMap<Long, Long>();
        jdbc.sql("select row_id, count(*) from (" + COMMUNES + ") c group by row_id").param("on", on)
                .query((RowCallbackHandler) rs -> owed.put(rs.getLong(1), rs.getLong(2) * due.size()));
        if (outstanding) {
            jdbc.sql(DISCLOSED).param("on", on)
                    .param("items", due.stream().map(Obligation::itemCode).toArray(String[]::new))
                    .param("periods", due.stream().map(Obligation::periodKey).toArray(String[]::new))
                    .query((RowCallbackHandler) rs -> owed.merge(rs.getLong(1), -rs.getLong(2), Long::sum));
        }
        owed.forEach((row, n) -> {
            if (n > 0) {
                put(values, row, key, n);
            }
        });
    }

    private static void put(Map<Long, Map<String, BigDecimal>> values, long rowId, String key, long count) {
        values.computeIfAbsent(rowId, id -> new HashMap<>()).merge(key, BigDecimal.valueOf(count), BigDecimal::add);
    }
}
