package vn.danvan.bench;

import java.sql.SQLException;
import java.time.LocalDate;

/**
 * The real units for the work-cycle generator, as ExemplarGenerator prepares them: the epochs of the unit tree
 * (days between changes), each day's epoch, the communes and provinces valid in each epoch with their name of
 * the time and an index to draw them by (g_commune also by province: pidx, g_pcount), and the country (g_root).
 */
final class WorkCycleUnits {

    private WorkCycleUnits() {
    }

    static void prepare(SqlSteps sql, long seed, LocalDate from, LocalDate today) throws SQLException {
        sql.exec("prepare", "select setseed(" + (seed % 1000) / 1000.0 + ")");
        sql.exec("prepare", "set work_mem = '256MB'");
        sql.exec("prepare", "set maintenance_work_mem = '512MB'");
        sql.exec("prepare", "set gin_pending_list_limit = '64MB'");
        sql.exec("prepare", "set max_parallel_workers_per_gather = 0");
        sql.exec("prepare", "drop table if exists g_doc, g_high, g_rel, g_plan, g_plan_span, g_task, g_meet, g_day, g_epoch, g_commune, "
                + "g_province, g_pcount, g_root, g_assign");
        sql.exec("prepare: units", """
                create temp table g_root as
                select id from org_unit where category = 'AREA' and level = 'CENTRAL' order by id limit 1
                """);
        sql.exec("prepare: units", """
                create temp table g_epoch as
                with b as (
                    select d from (select valid_from as d from org_unit union select valid_to + 1 from org_unit) x
                    where d is not null and d > date '%1$s' and d <= date '%2$s'
                    union select date '%1$s'
                )
                select cast(row_number() over (order by d) as int) as e, d as from_day,
                       coalesce(lead(d) over (order by d) - 1, date '%2$s') as to_day
                from b
                """.formatted(from, today));
        sql.exec("prepare: units", """
                create temp table g_day as
                select cast(d as date) as day, ep.e from generate_series(date '%s', date '%s', interval '1 day') d
                join g_epoch ep on cast(d as date) between ep.from_day and ep.to_day
                """.formatted(from, today));
        sql.exec("prepare: units", "create unique index on g_day (day)");
        sql.exec("prepare: units", """
                create temp table g_commune as
                select ep.e, o.id as unit_id, cast(split_part(o.path, '/', 3) as bigint) as province_id,
                       coalesce(v.name, o.code) as name,
                       cast(row_number() over (partition by ep.e order by o.id) - 1 as int) as idx,
                       cast(row_number() over (partition by ep.e, split_part(o.path, '/', 3) order by o.id) - 1 as int) as pidx
                from g_epoch ep
                join org_unit o on o.category = 'AREA' and o.level = 'COMMUNE' and o.validity @> ep.from_day
                left join lateral (select v.name from org_unit_version v where v.unit_id = o.id
                                   and (v.validity @> ep.from_day or v.valid_from > ep.from_day)
                                   order by v.valid_from nulls first limit 1) v on true
                """);
        sql.exec("prepare: units", "create index on g_commune (e, idx)");
        sql.exec("prepare: units", "create index on g_commune (e, province_id, pidx)");
        sql.exec("prepare: units", """
                create temp table g_province as
                select ep.e, o.id as unit_id, coalesce(v.name, o.code) as name,
                       cast(row_number() over (partition by ep.e order by o.id) - 1 as int) as idx
                from g_epoch ep
                join org_unit o on o.category = 'AREA' and o.level = 'PROVINCE' and o.validity @> ep.from_day
                left join lateral (select v.name from org_unit_version v where v.unit_id = o.id
                                   and (v.validity @> ep.from_day or v.valid_from > ep.from_day)
                                   order by v.valid_from nulls first limit 1) v on true
                """);
        sql.exec("prepare: units", "create index on g_province (e, idx)");
        sql.exec("prepare: units", "create temp table g_pcount as select e, province_id, count(*) as n from g_commune group by 1, 2");
        sql.exec("prepare: units", "alter table g_epoch add column communes int, add column provinces int");
        sql.exec("prepare: units", """
                update g_epoch ep set communes = (select count(*) from g_commune c where c.e = ep.e),
                                      provinces = (select count(*) from g_province p where p.e = ep.e)
                """);
        System.out.println("  units: " + sql.query("select string_agg(from_day || '…' || to_day || ': ' || communes || ' communes, '"
                + " || provinces || ' provinces', '; ' order by e) from g_epoch"));
    }
}
