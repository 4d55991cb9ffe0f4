package vn.danvan.dialogue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.danvan.orgunit.OrgUnits;
import vn.danvan.shared.WholeMonths;

/**
 * The dialogue form for the top of the unit tree (the country): one row per child of the country (a province, before
 * or after the 2025 reform), each the sum of the figures of the dialogues held by the units on its path, summed in SQL.
 * The country's answer had one row per organising unit (every commune with a dialogue: 170 kB of JSON at the
 * benchmark's reduced size, about 1 MB at the full size), each named in Java.
 * <p>
 * Whole months come from V93's tally per row and month. The days of a partial month at either end of the period are
 * read from the index {@code dialogue_held_figures} alone (V82): the numbers
 * entered, else the dialogue's tally of its opinions (V73), and its tally of commitments not cancelled and done (V82,
 * kept by a trigger on plan_task in the writer's transaction) — the figures DialogueQueries.figures counts one by one.
 * It sums them per organising unit, then names each unit's row once: the second id of its path, else the unit itself
 * (the country's own dialogues).
 */
@Component
class CountryFigures {

    private static final String BY_ROW = """
            select %s as row_id,
                   sum(f.held) as held, sum(f.raised) as raised, sum(f.answered) as answered,
                   sum(f.assigned) as assigned, sum(f.resolved) as resolved
            from (select d.unit_id, count(*) as held,
                         sum(coalesce(d.raised_count, d.opinions_recorded)) as raised,
                         sum(coalesce(d.answered_count, d.opinions_answered)) as answered,
                         sum(d.commitments_assigned) as assigned,
                         sum(d.commitments_resolved) as resolved
                  from dialogue d
                  where d.held_on between :from and :until
                  group by d.unit_id) f
            join org_unit u on u.id = f.unit_id
            group by 1""".formatted(OrgUnits.countryRowOf("u"));

    private final JdbcClient jdbc;

    CountryFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Per row, the figures of the dialogues held in whole months, from V93's tally (kept by a trigger on dialogue). */
    private static final String MONTHS = """
            select t.row_id, sum(t.held) as held, sum(t.raised) as raised, sum(t.answered) as answered,
                   sum(t.assigned) as assigned, sum(t.resolved) as resolved
            from dialogue_country_tally t
            where t.month between :first and :last
            group by t.row_id
            having sum(t.held) <> 0""";

    /**
     * Row (a child of the country) → measure → figure, for the dialogues held from {@code from} to {@code until}: the
     * whole months inside from the tally per row and month (at most rows × months), the partial months at either end
     * from the records.
     */
    Map<Long, Map<String, BigDecimal>> rows(Set<String> measures, LocalDate from, LocalDate until) {
        var values = new HashMap<Long, Map<String, BigDecimal>>();
        RowCallbackHandler add = rs -> {
            var row = values.computeIfAbsent(rs.getLong("row_id"), id -> new HashMap<>());
            for (var key : measures) {
                row.merge(key, BigDecimal.valueOf(rs.getLong(column(key))), BigDecimal::add);
            }
        };
        var cut = WholeMonths.of(from, until);
        cut.head().ifPresent(d -> jdbc.sql(BY_ROW).param("from", d.from()).param("until", d.until()).query(add));
        if (cut.hasMonths()) {
            jdbc.sql(MONTHS).param("first", cut.firstMonth()).param("last", cut.lastMonth()).query(add);
        }
        cut.tail().ifPresent(d -> jdbc.sql(BY_ROW).param("from", d.from()).param("until", d.until()).query(add));
        return values;
    }

    private static String column(String measure) {
        return switch (measure) {
            case DialogueForms.HELD -> "held";
            case DialogueForms.RAISED -> "raised";
            case DialogueForms.ANSWERED -> "answered";
            case DialogueForms.ASSIGNED -> "assigned";
            case DialogueForms.RESOLVED -> "resolved";
            default -> throw new IllegalArgumentException("unknown measure " + measure);
        };
    }
}
