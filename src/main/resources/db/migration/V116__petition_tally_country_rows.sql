-- The tally of V113 and V115 also kept per month and per row of the country's forms: a province (before or after the
-- 2025 reform) or a central body, and the country itself for the records of its own level (OrgUnits.countryRowOf).
-- PetitionTally reads it for the country: a total, or a form's, a pivot's or a report's rows per province. The units'
-- tally holds ~9,800 rows a month on 4.6 million petitions; summing them cost ~60 ms for two years (a pivot of 2025
-- by quarter with the year before, whose rows also had to be mapped to provinces: ~80 ms more) and ~110 ms for a term
-- of six years. Here a month is ~100 rows.
--
-- Written in the same transactions as the units' tally, in the same way: a writer adds to a row of the month that no
-- other transaction holds (skip locked), else starts one; a figure is the sum of the rows. A unit's row of the country
-- is read from its path, which never changes (a unit that moves or merges is a new unit).
create table petition_month_tally_top (
    month     date   not null,
    unit_id   bigint not null,
    received  integer not null default 0,
    processed integer not null default 0,
    eligible  integer not null default 0,
    finished  integer not null default 0,
    pending   integer not null default 0
);

-- A row is found and locked by one statement and written by the next. Found and written by one statement (V113), a
-- row another writer had just added to (committed after the statement began) was locked in its new version, which the
-- statement's snapshot did not see: nothing was written and a new row was started. On the 5-year copy, 4 workers in
-- one province had left 250 rows for its current month in this table.
create or replace function petition_tally_add(u bigint, d date, r integer, p integer, e integer, f integer, c integer default 0)
    returns void language plpgsql as $$
declare
    m date := date_trunc('month', d)::date;
    top bigint;
    held tid;
begin
    if u is null or d is null or (r = 0 and p = 0 and e = 0 and f = 0 and c = 0) then
        return;
    end if;
    select ctid into held from petition_month_tally where month = m and unit_id = u limit 1 for update skip locked;
    if held is not null then
        update petition_month_tally
           set received = received + r, processed = processed + p, eligible = eligible + e, finished = finished + f,
               pending = pending + c
         where ctid = held;
    end if;
    if held is null or not found then
        insert into petition_month_tally (month, unit_id, received, processed, eligible, finished, pending)
        values (m, u, r, p, e, f, c);
    end if;

    select coalesce(nullif(split_part(o.path, '/', 3), '')::bigint, o.id) into top from org_unit o where o.id = u;
    if top is null then
        return;
    end if;
    held := null;
    select ctid into held from petition_month_tally_top where month = m and unit_id = top limit 1 for update skip locked;
    if held is not null then
        update petition_month_tally_top
           set received = received + r, processed = processed + p, eligible = eligible + e, finished = finished + f,
               pending = pending + c
         where ctid = held;
    end if;
    if held is null or not found then
        insert into petition_month_tally_top (month, unit_id, received, processed, eligible, finished, pending)
        values (m, top, r, p, e, f, c);
    end if;
end $$;

insert into petition_month_tally_top (month, unit_id, received, processed, eligible, finished, pending)
select t.month, coalesce(nullif(split_part(o.path, '/', 3), '')::bigint, o.id), sum(t.received), sum(t.processed),
       sum(t.eligible), sum(t.finished), sum(t.pending)
from petition_month_tally t join org_unit o on o.id = t.unit_id
group by 1, 2
order by 1, 2;

alter table petition_month_tally_top set (fillfactor = 50);
alter table petition_month_tally_top replica identity full;
create index petition_month_tally_top_month on petition_month_tally_top (month, unit_id);
analyze petition_month_tally_top;
