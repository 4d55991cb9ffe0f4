-- The movement's figures per owner unit and year, kept in the writer's transaction so that the
-- dashboard and reporting read a few rows per unit instead of scanning every model (1 million
-- models: 6 s for the country before). A figure is fresh on the next request: every statement that
-- changes a model, its fields, recognitions, commendations or results recomputes the rows of the
-- (unit, year) pairs it touched, from the records, inside the same transaction.
--
-- measure               year means                 collective / individual hold
-- REGISTERED            year of registration       models registered
-- REPLICATED            year of registration       models created by replication
-- FIELD:<code>          year of registration       models registered in that field
-- STATUS:<status>       year of registration       models registered that year now in that status
-- FUNDS, SOCIALISED     year of registration       VND of the models registered that year
-- RECOGNISED, TYPICAL   year of the recognition    distinct models recognised (as typical)
-- LEVEL:<level>         year of the recognition    distinct models recognised at that level
-- COMMENDED             year of the commendation   distinct models commended
-- FORM:<form>           year of the commendation   commendations of that form
-- RESULT:<measure>      year of the result         sum of the results reported
create table exemplar_tally (
    unit_id    bigint  not null,
    year       int     not null,
    measure    text    not null,
    collective numeric not null,
    individual numeric not null,
    primary key (unit_id, year, measure)
);
create index exemplar_tally_year on exemplar_tally (year, measure) include (collective, individual);

-- The advisory lock a (unit, year) pair takes: one of 512, so that a statement touching many pairs
-- (an import, the backfill below) holds at most 512 locks, well within the lock table; two pairs
-- sharing a lock only wait for each other.
create function exemplar_tally_lock(p_unit bigint, p_year int) returns int
language sql immutable as $$ select ((hashtext(p_unit || ':' || p_year) % 512) + 512) % 512 $$;

-- Recomputes one (unit, year). Concurrent writers of the same pair queue on an advisory lock taken
-- in its own statement, so the recomputation (a later statement, with a fresh snapshot under READ
-- COMMITTED) sees what the writer before committed.
create function exemplar_tally_refresh(p_unit bigint, p_year int) returns void
language plpgsql volatile as $$
begin
    perform pg_advisory_xact_lock(hashtext('exemplar_tally'), exemplar_tally_lock(p_unit, p_year));
    delete from exemplar_tally where unit_id = p_unit and year = p_year;
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
    having sum(f.c) <> 0 or sum(f.i) <> 0;
end $$;

-- Refreshes a set of pairs in the order of their locks (no lock-order deadlock between writers).
create function exemplar_tally_refresh_all(pairs bigint[][]) returns void
language plpgsql volatile as $$
declare
    p record;
begin
    for p in select x.unit_id, x.year
             from (select distinct pairs[i][1] as unit_id, pairs[i][2]::int as year from generate_subscripts(pairs, 1) as i) x
             order by exemplar_tally_lock(x.unit_id, x.year), x.unit_id, x.year loop
        perform exemplar_tally_refresh(p.unit_id, p.year);
    end loop;
end $$;

-- Every year a model touches: its registration year and the years of its recognitions,
-- commendations and results (a model moved to another unit or kind moves all of them).
create function exemplar_tally_years(p_id bigint, p_year int) returns setof int
language sql stable as $$
    select p_year
    union select year from exemplar_recognition where exemplar_id = p_id
    union select year from exemplar_commendation where exemplar_id = p_id
    union select year from exemplar_result where exemplar_id = p_id
$$;

create function exemplar_tally_on_exemplar() returns trigger
language plpgsql as $$
declare
    pairs bigint[][];
begin
    if tg_op = 'INSERT' then
        select array_agg(array[n.unit_id, n.year::bigint]) into pairs from new_rows n;
    elsif tg_op = 'DELETE' then
        -- the children went first (cascade): refresh every year the unit has figures for
        select array_agg(array[t.unit_id, t.year::bigint]) into pairs
        from (select distinct o.unit_id, o.year from old_rows o
              union select t.unit_id, t.year from exemplar_tally t where t.unit_id in (select unit_id from old_rows)) t;
    else
        -- a change of status, source or funds touches the registration year; a change of unit or kind
        -- touches every year of the model's recognitions, commendations and results too
        select array_agg(array[x.unit_id, y.year::bigint]) into pairs
        from new_rows n join old_rows o on o.id = n.id
        cross join lateral (values (o.unit_id, o.id, o.year), (n.unit_id, n.id, n.year)) as x(unit_id, id, year)
        cross join lateral (select x.year union
                            select t.year from exemplar_tally_years(x.id, x.year) as t(year)
                            where (n.kind, n.unit_id) is distinct from (o.kind, o.unit_id)) as y(year)
        where (n.kind, n.unit_id, n.year, n.status, n.source_id, n.funds_vnd, n.socialised_vnd)
              is distinct from (o.kind, o.unit_id, o.year, o.status, o.source_id, o.funds_vnd, o.socialised_vnd);
    end if;
    if pairs is not null then
        perform exemplar_tally_refresh_all(pairs);
    end if;
    return null;
end $$;

create trigger exemplar_tally_insert after insert on exemplar
    referencing new table as new_rows for each statement execute function exemplar_tally_on_exemplar();
create trigger exemplar_tally_update after update on exemplar
    referencing new table as new_rows old table as old_rows for each statement execute function exemplar_tally_on_exemplar();
create trigger exemplar_tally_delete after delete on exemplar
    referencing old table as old_rows for each statement execute function exemplar_tally_on_exemplar();

-- Children: the pair is (the model's unit, the child's year); a field link counts in the model's
-- year. A child deleted with its model finds no model here: the model's own trigger refreshes.
create function exemplar_tally_on_child() returns trigger
language plpgsql as $$
declare
    pairs bigint[][] := '{}';
    more bigint[][];
begin
    if tg_op in ('INSERT', 'UPDATE') then
        if tg_table_name = 'exemplar_field_link' then
            select array_agg(array[e.unit_id, e.year::bigint]) into more from new_rows c join exemplar e on e.id = c.exemplar_id;
        else
            select array_agg(array[e.unit_id, c.year::bigint]) into more from new_rows c join exemplar e on e.id = c.exemplar_id;
        end if;
        pairs := pairs || coalesce(more, '{}');
    end if;
    if tg_op in ('DELETE', 'UPDATE') then
        if tg_table_name = 'exemplar_field_link' then
            select array_agg(array[e.unit_id, e.year::bigint]) into more from old_rows c join exemplar e on e.id = c.exemplar_id;
        else
            select array_agg(array[e.unit_id, c.year::bigint]) into more from old_rows c join exemplar e on e.id = c.exemplar_id;
        end if;
        pairs := pairs || coalesce(more, '{}');
    end if;
    if cardinality(pairs) > 0 then
        perform exemplar_tally_refresh_all(pairs);
    end if;
    return null;
end $$;

create trigger exemplar_field_link_tally_insert after insert on exemplar_field_link
    referencing new table as new_rows for each statement execute function exemplar_tally_on_child();
create trigger exemplar_field_link_tally_update after update on exemplar_field_link
    referencing new table as new_rows old table as old_rows for each statement execute function exemplar_tally_on_child();
create trigger exemplar_field_link_tally_delete after delete on exemplar_field_link
    referencing old table as old_rows for each statement execute function exemplar_tally_on_child();

create trigger exemplar_recognition_tally_insert after insert on exemplar_recognition
    referencing new table as new_rows for each statement execute function exemplar_tally_on_child();
create trigger exemplar_recognition_tally_update after update on exemplar_recognition
    referencing new table as new_rows old table as old_rows for each statement execute function exemplar_tally_on_child();
create trigger exemplar_recognition_tally_delete after delete on exemplar_recognition
    referencing old table as old_rows for each statement execute function exemplar_tally_on_child();

create trigger exemplar_commendation_tally_insert after insert on exemplar_commendation
    referencing new table as new_rows for each statement execute function exemplar_tally_on_child();
create trigger exemplar_commendation_tally_update after update on exemplar_commendation
    referencing new table as new_rows old table as old_rows for each statement execute function exemplar_tally_on_child();
create trigger exemplar_commendation_tally_delete after delete on exemplar_commendation
    referencing old table as old_rows for each statement execute function exemplar_tally_on_child();

create trigger exemplar_result_tally_insert after insert on exemplar_result
    referencing new table as new_rows for each statement execute function exemplar_tally_on_child();
create trigger exemplar_result_tally_update after update on exemplar_result
    referencing new table as new_rows old table as old_rows for each statement execute function exemplar_tally_on_child();
create trigger exemplar_result_tally_delete after delete on exemplar_result
    referencing old table as old_rows for each statement execute function exemplar_tally_on_child();

-- The models kept so far.
select exemplar_tally_refresh(p.unit_id, p.year)
from (select e.unit_id, e.year from exemplar e
      union select e.unit_id, r.year from exemplar_recognition r join exemplar e on e.id = r.exemplar_id
      union select e.unit_id, c.year from exemplar_commendation c join exemplar e on e.id = c.exemplar_id
      union select e.unit_id, x.year from exemplar_result x join exemplar e on e.id = x.exemplar_id) p
order by exemplar_tally_lock(p.unit_id, p.year), p.unit_id, p.year;

-- The most replicated models of a subtree: only the few models that have replicas.
create index exemplar_replicated on exemplar (unit_id) include (replica_count, year) where replica_count > 0;

-- The list's first page, newest first: walk the models by date and keep the subtree's, instead of
-- sorting every model of a province.
create index exemplar_newest on exemplar (registered_on desc, id desc);
