-- The petitions carried over into a period that starts on the first of a month, counted in V113's tally too
-- (PetitionTally). DON_TIEP_NHAN counts them with those received in the period; they were read from the pending
-- span's SP-GiST index, ~30 ms per first day for the country on 4.6 million petitions (~7,700 petitions, ~8,500
-- index pages each), and a pivot by quarter with the year before asks eight first days.
--
-- pending — petitions pending on the month's first day and received before it: received before the month, processed
--           on or after its first day (a petition processed on the first day is still pending on it). A petition
--           received in March and processed on 10 May counts in April and May; one processed in the month it was
--           received counts nowhere, so most writes of a petition add nothing more to the tally.
-- Those not yet processed cannot be counted ahead for every month to come: they are read from the records, by the
-- small index below (18,283 of 4.6 million petitions on the national benchmark dataset).
alter table petition_month_tally add column pending integer not null default 0;

create index petition_unprocessed on petition (received_on) include (unit_id) where processed_on is null;

drop function petition_tally_add(bigint, date, integer, integer, integer, integer);

create function petition_tally_add(u bigint, d date, r integer, p integer, e integer, f integer, c integer default 0)
    returns void language plpgsql as $$
begin
    if u is null or d is null or (r = 0 and p = 0 and e = 0 and f = 0 and c = 0) then
        return;
    end if;
    update petition_month_tally
       set received = received + r, processed = processed + p, eligible = eligible + e, finished = finished + f,
           pending = pending + c
     where ctid = (select ctid from petition_month_tally
                    where month = date_trunc('month', d)::date and unit_id = u
                    limit 1 for update skip locked);
    if not found then
        insert into petition_month_tally (month, unit_id, received, processed, eligible, finished, pending)
        values (date_trunc('month', d)::date, u, r, p, e, f, c);
    end if;
end $$;

-- Adds c to the pending count of each month after the month received up to the month processed.
create function petition_tally_pending(u bigint, received date, processed date, c integer) returns void
    language plpgsql as $$
declare
    m date;
begin
    if u is null or received is null or processed is null or processed < received then
        return;
    end if;
    m := (date_trunc('month', received) + interval '1 month')::date;
    while m <= processed loop
        perform petition_tally_add(u, m, 0, 0, 0, 0, c);
        m := (m + interval '1 month')::date;
    end loop;
end $$;

create or replace function petition_tally_petition() returns trigger language plpgsql as $$
declare
    -- never null (a petition not yet processed is not counted), so that "not (…)" below holds for it
    old_counted boolean := coalesce(tg_op <> 'INSERT' and old.processed_on >= old.received_on, false);
    new_counted boolean := coalesce(tg_op <> 'DELETE' and new.processed_on >= new.received_on, false);
    old_e integer := case when tg_op <> 'INSERT' and old.eligible then 1 else 0 end;
    new_e integer := case when tg_op <> 'DELETE' and new.eligible then 1 else 0 end;
begin
    if tg_op = 'INSERT' then
        perform petition_tally_add(new.unit_id, new.received_on, 1, 0, 0, 0);
    elsif tg_op = 'DELETE' then
        perform petition_tally_add(old.unit_id, old.received_on, -1, 0, 0, 0);
    elsif old.unit_id is distinct from new.unit_id
          or date_trunc('month', old.received_on) is distinct from date_trunc('month', new.received_on) then
        perform petition_tally_add(old.unit_id, old.received_on, -1, 0, 0, 0);
        perform petition_tally_add(new.unit_id, new.received_on, 1, 0, 0, 0);
    end if;

    if old_counted and new_counted and old.unit_id = new.unit_id
       and date_trunc('month', old.processed_on) = date_trunc('month', new.processed_on) then
        perform petition_tally_add(new.unit_id, new.processed_on, 0, 0, new_e - old_e, 0);
    else
        if old_counted then
            perform petition_tally_add(old.unit_id, old.processed_on, 0, -1, -old_e, 0);
        end if;
        if new_counted then
            perform petition_tally_add(new.unit_id, new.processed_on, 0, 1, new_e, 0);
        end if;
    end if;

    -- pending on the first days of the months between: only when the unit or either month changes
    if not (old_counted and new_counted and old.unit_id = new.unit_id
            and date_trunc('month', old.received_on) = date_trunc('month', new.received_on)
            and date_trunc('month', old.processed_on) = date_trunc('month', new.processed_on)) then
        if old_counted then
            perform petition_tally_pending(old.unit_id, old.received_on, old.processed_on, -1);
        end if;
        if new_counted then
            perform petition_tally_pending(new.unit_id, new.received_on, new.processed_on, 1);
        end if;
    end if;
    return null;
end $$;

-- The records as they are, and the tally rebuilt in the order of its months (a year read from a tenth of its pages),
-- its pages full: past months are read, seldom written (pages half full doubled the pages a term of six years read,
-- 9,973 instead of 4,904); pages added later keep half their room for the writers' updates.
create temporary table petition_tally_rebuilt on commit drop as
select month, unit_id, sum(received) as received, sum(processed) as processed, sum(eligible) as eligible,
       sum(finished) as finished, sum(pending) as pending
from (
    select month, unit_id, received, processed, eligible, finished, 0 as pending from petition_month_tally
    union all
    select m::date, unit_id, 0, 0, 0, 0, count(*)
    from petition p
    cross join lateral generate_series(date_trunc('month', p.received_on) + interval '1 month', p.processed_on, interval '1 month') m
    where p.processed_on >= p.received_on
      and date_trunc('month', p.processed_on) > date_trunc('month', p.received_on)
    group by 1, 2
) t
group by month, unit_id;

truncate petition_month_tally;
alter table petition_month_tally reset (fillfactor);
insert into petition_month_tally (month, unit_id, received, processed, eligible, finished, pending)
select month, unit_id, received, processed, eligible, finished, pending from petition_tally_rebuilt order by month, unit_id;
alter table petition_month_tally set (fillfactor = 50);
analyze petition_month_tally;
