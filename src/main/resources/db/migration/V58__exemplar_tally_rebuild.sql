-- Rebuilds the whole tally (V40) in one statement grouped by unit, year and measure, for a bulk load
-- that ran with the tally triggers disabled (the benchmark's million models) or to repair it. The
-- per-pair refresh of V40 visits a unit's models once per year it has figures: at a million models
-- (about 150,000 unit-year pairs) that took more than ten minutes, this takes one pass over each table.
-- The tally is locked against writers while it is rebuilt; their refreshes wait and then recompute
-- their pairs from the records as usual.
create function exemplar_tally_rebuild() returns void
language plpgsql volatile as $$
begin
    lock table exemplar_tally in share row exclusive mode;
    delete from exemplar_tally;
    insert into exemplar_tally (unit_id, year, measure, collective, individual)
    select f.unit_id, f.year, f.measure, sum(f.c), sum(f.i)
    from (
        select e.unit_id, e.year, m.measure,
               case when e.kind = 'COLLECTIVE' then m.v else 0 end as c,
               case when e.kind = 'INDIVIDUAL' then m.v else 0 end as i
        from exemplar e
        cross join lateral (values
            ('REGISTERED', 1::numeric),
            ('STATUS:' || e.status, 1),
            ('REPLICATED', case when e.source_id is not null then 1 else 0 end),
            ('FUNDS', coalesce(e.funds_vnd, 0)),
            ('SOCIALISED', coalesce(e.socialised_vnd, 0))) as m(measure, v)
        union all
        select e.unit_id, e.year, 'FIELD:' || l.field_code, (e.kind = 'COLLECTIVE')::int, (e.kind = 'INDIVIDUAL')::int
        from exemplar e join exemplar_field_link l on l.exemplar_id = e.id
        union all
        select r.unit_id, r.year, m.measure, (r.kind = 'COLLECTIVE')::int, (r.kind = 'INDIVIDUAL')::int
        from (select e.id, e.unit_id, e.kind, x.year, bool_or(x.typical) as typical, array_agg(distinct x.level) as levels
              from exemplar e join exemplar_recognition x on x.exemplar_id = e.id
              group by e.id, e.unit_id, e.kind, x.year) r
        cross join lateral (select 'RECOGNISED' union all select 'TYPICAL' where r.typical
                            union all select 'LEVEL:' || unnest(r.levels)) as m(measure)
        union all
        select c.unit_id, c.year, m.measure,
               case when c.kind = 'COLLECTIVE' then m.v else 0 end, case when c.kind = 'INDIVIDUAL' then m.v else 0 end
        from (select e.id, e.unit_id, e.kind, x.year, array_agg(x.form) as forms
              from exemplar e join exemplar_commendation x on x.exemplar_id = e.id
              group by e.id, e.unit_id, e.kind, x.year) c
        cross join lateral (select 'COMMENDED', 1 union all select 'FORM:' || unnest(c.forms), 1) as m(measure, v)
        union all
        select e.unit_id, x.year, 'RESULT:' || x.measure,
               case when e.kind = 'COLLECTIVE' then x.value else 0 end,
               case when e.kind = 'INDIVIDUAL' then x.value else 0 end
        from exemplar e join exemplar_result x on x.exemplar_id = e.id
    ) f
    group by f.unit_id, f.year, f.measure
    having sum(f.c) <> 0 or sum(f.i) <> 0;
end $$;
