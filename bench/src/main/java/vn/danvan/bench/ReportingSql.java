package vn.danvan.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The raw SQL of the reporting questions on danvan's own tables (reporting_value, org_unit,
 * org_unit_succession, reporting_submission), and the DHIS2-style analytics table the benchmark
 * rebuilds from reporting_value. Restating to today's provinces is done live in SQL, as the
 * application does it in Java: follow the successions effective by today from each commune to the
 * communes valid today (whole successions carry all, splits their share), then each carrier's province
 * from its path; a unit whose carriers lie in one province counts whole there, one split across
 * provinces counts by its shares, and with a share not set it is kept apart (not counted), as
 * contracts §6 says.
 */
final class ReportingSql {

    private ReportingSql() {
    }

    /**
     * {@code today}: (unit_id, province_id, share) for every commune of any date; {@code %1$s} is today,
     * {@code %2$d} the position of the province's id in a path split by '/'.
     */
    static final String TODAY = """
            with recursive flow(unit_id, carrier_id, share, unknown) as (
                select u.id, u.id, cast(1 as numeric), false
                from org_unit u
                where u.category = 'AREA' and u.level = 'COMMUNE'
              union all
                select f.unit_id, s.successor_id,
                       case when s.whole then f.share else f.share * coalesce(s.share, 0) end,
                       f.unknown or (not s.whole and s.share is null)
                from flow f
                join org_unit c on c.id = f.carrier_id and not c.validity @> date '%1$s'
                join org_unit_succession s on s.predecessor_id = f.carrier_id and s.effective_on <= date '%1$s'
            ),
            by_province as (
                select f.unit_id, cast(nullif((string_to_array(c.path, '/'))[%2$d], '') as bigint) as province_id,
                       sum(f.share) as share, bool_or(f.unknown) as unknown
                from flow f
                join org_unit c on c.id = f.carrier_id and c.validity @> date '%1$s'
                group by 1, 2
            ),
            today as (
                select unit_id, province_id,
                       case when count(*) over (partition by unit_id) = 1 then cast(1 as numeric) else share end as share,
                       unknown and count(*) over (partition by unit_id) > 1 as apart
                from by_province
            )
            """;

    /** q1: one indicator, the whole country, a year (every unit counts whole in the country). */
    static String q1(long indicator, int year) {
        return """
                select sum(value) from reporting_value
                where indicator_id = %d and period_start >= date '%d-01-01' and period_end <= date '%d-12-31'
                """.formatted(indicator, year, year);
    }

    /** q2 and q3: indicators × today's provinces × periods (the quarters of a year, or the year), restated. */
    static String provinces(String today, List<Long> indicators, int year, boolean quarters) {
        return today + """
                select i.code, p.code, %s, sum(v.value * t.share)
                from reporting_value v
                join today t on t.unit_id = v.unit_id and not t.apart
                join reporting_indicator i on i.id = v.indicator_id
                join org_unit p on p.id = t.province_id
                where v.indicator_id = any(array%s::bigint[])
                  and v.period_start >= date '%d-01-01' and v.period_end <= date '%d-12-31'
                group by 1, 2, 3
                order by 1, 2, 3
                """.formatted(quarters ? "v.period" : "'" + year + "'", indicators, year, year);
    }

    /** q4: the values of one indicator for the communes of an old province (as recorded), some periods. */
    static String communesOf(long indicator, String provincePath, List<String> periods) {
        return """
                select u.code, v.period, v.value
                from reporting_value v
                join org_unit u on u.id = v.unit_id
                where v.indicator_id = %d and v.period = any(array[%s])
                  and v.unit_id in (select id from org_unit where path like '%s%%' and category = 'AREA')
                order by 1, 2
                """.formatted(indicator, quoted(periods), provincePath);
    }

    /** q5: completeness of a form for a period per today's province: communes with a submission vs communes expected. */
    static String completeness(String today, String form, String period, String lastDay) {
        return today + """
                , expected as (
                    select t.province_id, c.id as unit_id
                    from org_unit c
                    join today t on t.unit_id = c.id
                    where c.category = 'AREA' and c.level = 'COMMUNE' and c.validity @> date '%3$s'
                )
                select p.code, count(s.id) as reporting, count(*) as expected
                from expected e
                join org_unit p on p.id = e.province_id
                left join reporting_submission s on s.form_code = '%1$s' and s.period = '%2$s' and s.unit_id = e.unit_id
                  and s.status in ('SUBMITTED', 'APPROVED', 'ACCEPTED')
                group by p.code
                order by 1
                """.formatted(form, period, lastDay);
    }

    /** A province's completeness board: each commune of its subtree as of the period (restated), with its submission's status. */
    static String board(String today, long provinceId, String form, String period, String lastDay) {
        return today + """
                select c.code, coalesce(s.status, 'MISSING') as status, s.updated_at
                from org_unit c
                join today t on t.unit_id = c.id and t.province_id = %d
                left join reporting_submission s on s.form_code = '%s' and s.period = '%s' and s.unit_id = c.id
                where c.category = 'AREA' and c.level = 'COMMUNE' and c.validity @> date '%s'
                order by 2, 1
                """.formatted(provinceId, form, period, lastDay);
    }

    /**
     * Completeness.board's statement (main, session 12) for a form whose reporters are communes: the units expected in
     * the subtree of {@code path} as of the period's last day, with their submission's status ('NONE' without one). The
     * statement is the application's; the outer select keeps the (code, status) the answers are compared on.
     */
    static String boardAsRecorded(String path, String form, String period, String lastDay) {
        var to = path.substring(0, path.length() - 1) + "0";
        return """
                with expected as (
                    select u.id, u.code, u.path, u.level, v.kind, v.name, v.sort_name
                    from org_unit u
                    join org_unit_version v on v.unit_id = u.id and v.validity @> cast('%4$s' as date)
                    where u.path ~>=~ '%1$s' and u.path ~<~ '%5$s'
                      and u.validity @> cast('%4$s' as date)
                      and (cardinality(cast('{COMMUNE}' as text[])) = 0 or u.level = any(cast('{COMMUNE}' as text[])))
                      and (cardinality(cast('{}' as text[])) = 0 and u.category = 'AREA' or v.kind = any(cast('{}' as text[])))
                )
                select code, coalesce(status, 'NONE'), 1 from (
                select e.id, e.code, e.path, e.level, e.name, s.status, s.first_submitted_at, s.approved_at, s.approved_by,
                       s.accepted_at, s.accepted_by, s.returned_reason
                from expected e
                left join reporting_submission s on s.form_code = '%2$s' and s.period = '%3$s' and s.unit_id = e.id
                order by e.path = '%1$s' desc, e.sort_name, e.code
                ) board
                """.formatted(path, form, period, lastDay, to);
    }

    // ---- the DHIS2-style analytics table ------------------------------------------------------------

    static final String DHIS2_CREATE = """
            drop table if exists bench_analytics_temp cascade;
            do $$
            declare r record;
            begin
                -- a kept dataset measured again: the partitions (and their indexes) of the table the last rebuild
                -- swapped in still carry the temporary names; move them out of the way (the swap drops them)
                for r in select c.relname, c.relkind from pg_class c
                         where c.relname like 'bench_analytics_temp_%' and c.relkind in ('r', 'i') order by c.relkind desc loop
                    execute format('alter %s %I rename to %I', case when r.relkind = 'i' then 'index' else 'table' end,
                                   r.relname, 'bench_analytics_prev_' || substr(r.relname, length('bench_analytics_temp_') + 1));
                end loop;
            end $$;
            create table bench_analytics_temp (
                dx text not null,            -- indicator code
                ou bigint not null,          -- the unit the value was reported for
                uidlevel1 bigint,            -- its ancestors as recorded (province, district, commune)
                uidlevel2 bigint,
                uidlevel3 bigint,
                uidlevel1_today bigint,      -- today's province (restated), baked in at build time; null: kept apart
                pe text not null, year smallint not null, quarterly text, monthly text,
                value numeric not null
            ) partition by list (year)
            """;

    /** One partition per year filled by INSERT … SELECT; {@code %2$s} is {@link #TODAY} (as a with-clause). */
    static String dhis2Partition(int year, String today, int provinceIndex) {
        return """
                create unlogged table bench_analytics_temp_%1$d partition of bench_analytics_temp for values in (%1$d)
                    with (autovacuum_enabled = false);
                insert into bench_analytics_temp_%1$d (dx, ou, uidlevel1, uidlevel2, uidlevel3, uidlevel1_today, pe, year, quarterly,
                                                    monthly, value)
                %2$s
                select i.code, v.unit_id,
                       cast(nullif((string_to_array(u.path, '/'))[%3$d], '') as bigint), cast(nullif((string_to_array(u.path, '/'))[%4$d], '') as bigint),
                       cast(nullif((string_to_array(u.path, '/'))[%5$d], '') as bigint),
                       case when t.apart then null else t.province_id end, v.period, %1$d,
                       case when v.period like '%%Q%%' then v.period end, case when v.period ~ '^[0-9]{6}$' then v.period end,
                       case when t.unit_id is null or t.apart then v.value else v.value * t.share end
                from reporting_value v
                join reporting_indicator i on i.id = v.indicator_id
                join org_unit u on u.id = v.unit_id
                left join today t on t.unit_id = v.unit_id
                where v.period_start >= date '%1$d-01-01' and v.period_start <= date '%1$d-12-31' and v.value is not null
                """.formatted(year, today, provinceIndex, provinceIndex + 1, provinceIndex + 2);
    }

    static final List<String> DHIS2_COLUMNS = List.of("dx", "ou", "uidlevel1", "uidlevel2", "uidlevel3", "uidlevel1_today", "pe",
            "year", "quarterly", "monthly");

    static final String DHIS2_SWAP = """
            drop table if exists bench_analytics cascade;
            alter table bench_analytics_temp rename to bench_analytics
            """;

    static String dhis2Q1(String code, int year) {
        return "select sum(value) from bench_analytics where dx = '%s' and year = %d".formatted(code, year);
    }

    static String dhis2Provinces(List<String> codes, int year, boolean quarters) {
        return """
                select x.dx, p.code, x.pe, x.s from (
                    select dx, uidlevel1_today, %s as pe, sum(value) as s
                    from bench_analytics
                    where dx = any(array[%s]) and year = %d and uidlevel1_today is not null
                    group by 1, 2, 3) x
                join org_unit p on p.id = x.uidlevel1_today
                order by 1, 2, 3
                """.formatted(quarters ? "quarterly" : "'" + year + "'", quoted(codes), year);
    }

    static String dhis2Communes(String code, long oldProvinceId, List<String> periods) {
        return """
                select u.code, x.pe, x.value from bench_analytics x join org_unit u on u.id = x.ou
                where x.dx = '%s' and x.uidlevel1 = %d and x.year in (2023, 2024) and x.quarterly = any(array[%s])
                order by 1, 2
                """.formatted(code, oldProvinceId, quoted(periods));
    }

    static String quoted(List<String> texts) {
        return String.join(", ", texts.stream().map(t -> "'" + t.replace("'", "''") + "'").toList());
    }

    /** Every row of a query as strings, numbers normalised (so that 12.0 and 12 compare equal). */
    static List<List<String>> rows(Connection db, String sql) throws SQLException {
        var out = new ArrayList<List<String>>();
        try (var st = db.createStatement(); var rs = st.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                var row = new ArrayList<String>(columns);
                for (int c = 1; c <= columns; c++) {
                    var v = rs.getObject(c);
                    row.add(v instanceof BigDecimal n ? plain(n) : v == null ? null : v.toString());
                }
                out.add(row);
            }
        }
        return out;
    }

    static String plain(BigDecimal n) {
        var v = n.stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0).toPlainString() : v.toPlainString();
    }

    static String explain(Connection db, String sql) throws SQLException {
        var out = new StringBuilder();
        try (var st = db.createStatement(); var rs = st.executeQuery("explain (analyze, buffers) " + sql)) {
            while (rs.next()) {
                out.append(rs.getString(1)).append('\n');
            }
        }
        return out.toString();
    }
}
