-- The month tallies (V113, V115, V116) take their writers' changes as deltas, folded into them every second.
--
-- Before, each change of a petition or a matter that the tally counts added to a row of the units' tally and to a row
-- of the country's rows' tally in the writer's transaction: a look-up of the unit's path, then for each table a row
-- found and locked (skip locked) and updated, 0.15 ms a change and three changes a lifecycle (receipt, processing, the
-- matter finished). Triggers were a quarter of PostgreSQL's CPU in the lifecycle benchmark at 4 workers, the tallies
-- a third of that (perf and track_functions, bench/results/lifecycle-services-2026-12-02-s25.md).
--
-- Now a change inserts one row into petition_tally_delta, which has no index. petition_tally_fold() moves the deltas
-- into the two tallies, a sum per (month, unit) in one transaction; PetitionTally calls it every second. Readers read
-- the tallies with the deltas not yet folded (petition_month_tally_now, petition_month_tally_top_now), so a figure is as
-- fresh as the last write, as before: a delta and its fold are never both seen or both missed, since the fold deletes
-- the deltas and adds them in one transaction.
create table petition_tally_delta (
    month     date    not null,
    unit_id   bigint  not null,
    received  integer not null default 0,
    processed integer not null default 0,
    eligible  integer not null default 0,
    finished  integer not null default 0,
    pending   integer not null default 0
);

-- V116's add, kept for the fold: a row of the month that no other transaction holds, else a new one.
alter function petition_tally_add(bigint, date, integer, integer, integer, integer, integer) rename to petition_tally_apply;

-- The writers' add (the same signature, called by the triggers of V113 and V115): a delta.
create function petition_tally_add(u bigint, d date, r integer, p integer, e integer, f integer, c integer default 0)
    returns void language plpgsql as $$
begin
    if u is null or d is null or (r = 0 and p = 0 and e = 0 and f = 0 and c = 0) then
        return;
    end if;
    insert into petition_tally_delta (month, unit_id, received, processed, eligible, finished, pending)
    values (date_trunc('month', d)::date, u, r, p, e, f, c);
end $$;

-- Folds every delta committed before it into the tallies; returns how many deltas. Two folds at once: the second waits
-- for the rows the first deleted and then skips them.
create function petition_tally_fold() returns integer language plpgsql as $$
declare
    folded integer := 0;
    s record;
begin
    for s in
        with moved as (delete from petition_tally_delta returning *)
        select month, unit_id, sum(received) as r, sum(processed) as p, sum(eligible) as e, sum(finished) as f,
               sum(pending) as c, count(*) as n
        from moved group by month, unit_id
    loop
        perform petition_tally_apply(s.unit_id, s.month, s.r::integer, s.p::integer, s.e::integer, s.f::integer,
                                     s.c::integer);
        folded := folded + s.n;
    end loop;
    return folded;
end $$;

-- The tallies as the readers see them: the rows and the deltas not yet folded (a figure is a sum of rows).
create view petition_month_tally_now as
select month, unit_id, received, processed, eligible, finished, pending from petition_month_tally
union all
select month, unit_id, received, processed, eligible, finished, pending from petition_tally_delta;

create view petition_month_tally_top_now as
select month, unit_id, received, processed, eligible, finished, pending from petition_month_tally_top
union all
select d.month, coalesce(nullif(split_part(o.path, '/', 3), '')::bigint, o.id), d.received, d.processed, d.eligible,
       d.finished, d.pending
from petition_tally_delta d join org_unit o on o.id = d.unit_id;
