package vn.danvan.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The SQL the application sends for the "Dân vận khéo" questions, copied from ExemplarQueries.search,
 * ExemplarFigures.figures, ExemplarFields.all and OrgUnits.scopePaths/idsWithin as they stand on main
 * after V40 (the tally). Keep it in step when they change.
 */
final class ExemplarSql {

    private ExemplarSql() {
    }

    /** OrgUnits.scopePaths: the unit and the units that passed into it. */
    static final NamedSql SCOPE_PATHS = new NamedSql("""
            with recursive origin(id) as (
                select cast(:id as bigint)
                union
                select s.predecessor_id from org_unit_succession s join origin o on s.successor_id = o.id
            )
            select u.path from org_unit u where u.id = any(array(select id from origin))
            """);

    /** OrgUnits.idsWithin, one path. */
    static final NamedSql IDS_WITHIN = new NamedSql("select id from org_unit where path ~>=~ :from and path ~<~ :to");

    /** ExemplarFields.all. */
    static final NamedSql FIELDS = new NamedSql("select code, name_vi, name_en, builtin, active from exemplar_field order by sort_order, code");

    /**
     * ExemplarFigures.figures: the statements in the order it sends them — the tally kept by the writers
     * (V40) for one subtree or the whole country, the fields, the most replicated models.
     */
    static List<NamedSql> figures(boolean all) {
        return List.of(
                new NamedSql("""
                        select measure, year, sum(collective), sum(individual) from exemplar_tally
                        where %s year <= :year group by 1, 2
                        """.formatted(all ? "" : "unit_id = any(:units) and")),
                FIELDS,
                new NamedSql("""
                        select e.id, e.number, e.name, e.kind, e.unit_id, e.replica_count from exemplar e
                        where e.replica_count > 0 and e.year <= :year %s
                        order by e.replica_count desc, e.registered_on, e.id limit 10
                        """.formatted(all ? "" : "and e.unit_id = any(:units)")));
    }

    /** Short names of the figures' statements, for the report. */
    static final List<String> FIGURE_NAMES = List.of("tally", "fields", "most replicated");

    private static final String LEVEL_ORDER = "array['COMMUNE', 'DISTRICT', 'PROVINCE', 'CENTRAL']";

    /**
     * ExemplarQueries.search: the count (capped at 10,001) and the page, with only the conditions asked
     * for, in the order the application appends them.
     */
    static List<NamedSql> search(boolean units, boolean text, boolean kind, boolean field) {
        var where = new StringBuilder("where true");
        if (units) {
            where.append(" and e.unit_id = any(:units)");
        }
        if (text) {
            where.append(" and (e.search_text like '%' || search_key(:text) || '%' or e.number = upper(:text))");
        }
        if (kind) {
            where.append(" and e.kind = :kind");
        }
        if (field) {
            where.append(" and exists (select 1 from exemplar_field_link l where l.exemplar_id = e.id and l.field_code = :field)");
        }
        var out = new ArrayList<NamedSql>();
        out.add(new NamedSql("select count(*) from (select 1 from exemplar e " + where + " limit " + (10_000 + 1) + ") c"));
        out.add(new NamedSql("""
                select e.id, e.number, e.kind, e.name, e.person_name, e.unit_id, e.year, e.registered_on, e.status, e.replica_count,
                       array(select l.field_code from exemplar_field_link l where l.exemplar_id = e.id order by l.field_code) as fields,
                       (select r.level from exemplar_recognition r where r.exemplar_id = e.id
                         order by array_position(%s, r.level) desc limit 1) as highest_level,
                       (select s.number from exemplar s where s.id = e.source_id) as source_number
                from exemplar e
                """.formatted(LEVEL_ORDER) + where + """

                order by e.registered_on desc, e.id desc
                limit :size offset :offset
                """));
        return out;
    }
}
