package vn.danvan.dialogue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The dialogue form for the top of the unit tree (the country): one row per child of the country (a province, before
 * or after the 2025 reform), each the sum of the figures of the dialogues held by the units on its path, summed in SQL.
 * The country's answer had one row per organising unit (every commune with a dialogue: 170 kB of JSON at the
 * benchmark's reduced size, about 1 MB at the full size), each named in Java.
 * <p>
 * One statement reads the period's dialogues from the index {@code dialogue_held_figures} alone (V82): the numbers
 * entered, else the dialogue's tally of its opinions (V73), and its tally of commitments not cancelled and done (V82,
 * kept by a trigger on plan_task in the writer's transaction) — the figures DialogueQueries.figures counts one by one.
 * It sums them per organising unit, then names each unit's row once: the second id of its path, else the unit itself
 * (the country's own dialogues).
 */
@Component
class CountryFigures {

    private static final String BY_ROW = """
            select coalesce(nullif(split_part(u.path, '/', 3), '')::bigint, u.id) as row_id,
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
            group by 1""";

    private final JdbcClient jdbc;

    CountryFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Row (a child of the country) → measure → figure, for the dialogues held from {@code from} to {@code until}. */
    Map<Long, Map<String, BigDecimal>> rows(Set<String> measures, LocalDate from, LocalDate until) {
        var values = new HashMap<Long, Map<String, BigDecimal>>();
        jdbc.sql(BY_ROW).param("from", from).param("until", until).query((RowCallbackHandler) rs -> {
            var row = new HashMap<String, BigDecimal>();
            for (var key : measures) {
                row.put(key, BigDecimal.valueOf(rs.getLong(column(key))));
            }
            values.put(rs.getLong("row_id"), row);
        });
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
