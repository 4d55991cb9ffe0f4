-- The tally (V40) summed once more per branch: the unit just under the root that the owner unit sits in
-- (a province, old or new, or a central body), by year and measure. The country dashboard reads
-- about 100 branches × years rows instead of a row per unit and year (150,000 unit-year pairs at a
-- million models: 0.5 s), a province's reads its own branch and the branches that passed into it.
-- A unit never moves in the tree (org_unit.path is written once), so a unit's branch never changes.
--
-- Kept in the writers' transactions like the tally: every refresh of a (unit, year) pair adds the
-- difference between the pair's new and old tally rows to its branch's rows, in one statement that
-- takes the rows in measure order.
create table exemplar_rollup (
    branch_id  bigint  not null,
    year       int     not null,
    measure    text    not null,
    collective numeric not null,
    individual numeric not null,
    primary key (branch_id, year, measure)
);

-- The branch of a unit: the second id of its path ('/1/42/977/' → 42), the root itself for the root.
create function exemplar_branch(p_unit bigint) returns bigint
language sql stable as $$
    select coalesce(nullif(split_part(u.path, '/', 3), '')::bigint, u.id) from org_unit u where u.id = p_unit
$$;

-- V40's refresh, now also moving the branch's rows by the difference.
create or replace function exemplar_tally_refresh(p_unit bigint, p_year int) returns void
language plpgsql volatile as $$
declare
    gone_m text[];
    gone_c numeric[];
    gone_i numeric[];
begin
    perform pg_advisory_xact_lock(hashtext('exemplar_tally'), exemplar_tally_lock(p_unit, p_year));
    with gone as (delete from exemplar_tally where unit_id = p_unit and year = p_year
                  returning measure, collective, individual)
    select array_agg(measure), array_agg(collective), array_agg(individual) into gone_m, gone_c, gone_i from gone;

    with fresh as (
        insert into exemplar_tally (unit_id, year, measure, collective, individual)
        select p_unit, p_year, f.measure, sum(f.c), sum(f.i)
        from (
            select m.measure, case when e.kind = 'COLLECTIVE' then m.v else 0 end as c,
                   case when e.kind = 'INDIVIDUAL' then m.v else 0 end as i
            from exemplar e
            cross join lateral (values
                ('REGISTERED', 1::numeric),
                ('STATUS:' || e.status, 1),
                ('REPLICATED', case when e.source_id is not null then 1 else 0 end),
                ('FUNDS', coalesce(e.funds_vnd, 0)),
                ('SOCIALISED', coalesce(e.socialised_vnd, 0))) as m(measure, v)
            where e.unit_id = p_unit and e.year = p_year
            union all
            select 'FIELD:' || l.field_code, (e.kind = 'COLLECTIVE')::int, (e.kind = 'INDIVIDUAL')::int
            from exemplar e join exemplar_field_link l on l.exemplar_id = e.id
            where e.unit_id = p_unit and e.year = p_year
            union all
            select m.measure, (r.kind = 'COLLECTIVE')::int, (r.kind = 'INDIVIDUAL')::int
            from (select e.id, e.kind, bool_or(r.typical) as typical, array_agg(distinct r.level) as levels
                  from exemplar e join exemplar_recognition r on r.exemplar_id = e.id
                  where e.unit_id = p_unit and r.year = p_year group by e.id, e.kind) r
            cross join lateral (select 'RECOGNISED' union all select 'TYPICAL' where r.typical
                                union all select 'LEVEL:' || unnest(r.levels)) as m(measure)
            union all
            select m.measure, case when c.kind = 'COLLECTIVE' then m.v else 0 end, case when c.kind = 'INDIVIDUAL' then m.v else 0 end
            from (select e.id, e.kind, array_agg(c.form) as forms
                  from exemplar e join exemplar_commendation c on c.exemplar_id = e.id
                  where e.unit_id = p_unit and c.year = p_year group by e.id, e.kind) c
            cross join lateral (select 'COMMENDED', 1 union all select 'FORM:' || unnest(c.forms), 1) as m(measure, v)
            union all
            select 'RESULT:' || x.measure, case when e.kind = 'COLLECTIVE' then x.value else 0 end,
                   case when e.kind = 'INDIVIDUAL' then x.value else 0 end
            from exemplar e join exemplar_result x on x.exemplar_id = e.id
            where e.unit_id = p_unit and x.year = p_year
        ) f
        group by f.measure
        having sum(f.c) <> 0 or sum(f.i) <> 0
        returning measure, collective, individual
    )
    insert into exemplar_rollup (branch_id, year, measure, collective, individual)
    select exemplar_branch(p_unit), p_year, d.measure, d.c, d.i
    from (select x.measure, sum(x.c) as c, sum(x.i) as i
          from (select measure, collective as c, individual as i from fresh
                union all
                select g.m, -g.c, -g.i from unnest(gone_m, gone_c, gone_i) as g(m, c, i)) x
          group by x.measure
          having sum(x.c) <> 0 or sum(x.i) <> 0) d
    order by d.measure
    on conflict (branch_id, year, measure) do update
        set collective = exemplar_rollup.collective + excluded.collective,
            individual = exemplar_rollup.individual + excluded.individual;
end $$;

-- V58's rebuild of the whole tally, now rebuilding the branches' rows from it as well.
create or replace function exemplar_tally_rebuild() returns void
language plpgsql volatile as $$
begin
    lock table exemplar_tally in share row exclusive mode;
    lock table exemplar_rollup in share row exclusive mode;
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
    perform exemplar_rollup_rebuild();
end $$;

-- The branches' rows from the tally, in one statement (the backfill below, and after a rebuild).
create function exemplar_rollup_rebuild() returns void
language plpgsql volatile as $$
begin
    lock table exemplar_rollup in share row exclusive mode;
    delete from exemplar_rollup;
    insert into exemplar_rollup (branch_id, year, measure, collective, individual)
    select coalesce(nullif(split_part(u.path, '/', 3), '')::bigint, u.id), t.year, t.measure, sum(t.collective), sum(t.individual)
    from exemplar_tally t join org_unit u on u.id = t.unit_id
    group by 1, 2, 3;
end $$;

select exemplar_rollup_rebuild();

-- The most replicated models of the country: walk the models with replicas from the most replicated
-- (the year and unit read from the index) instead of sorting all of them.
create index exemplar_most_replicated on exemplar (replica_count desc, registered_on, id)
    include (year, unit_id) where replica_count > 0;
