-- The figures a computed indicator reads most (reporting, issue 8: DON_TIEP_NHAN, DON_DA_XU_LY, DON_DU_DIEU_KIEN,
-- VU_VIEC_DA_GIAI_QUYET) counted per unit and month in the writer's transaction, so that a country's year adds up
-- ~75,000 rows instead of counting ~460,000 petitions in an index (~120 ms a year on 4.5 million petitions, twice per
-- question with the same period a year before; bench/README, session 17). PetitionTally reads them: whole months
-- from here, the days of a period that do not fill a month and what is not counted here (below) from the records.
--
-- A unit's month may have several rows: a writer adds to a row no other transaction holds (skip locked) or starts a
-- new one, so that concurrent writers of one unit never wait for each other. A figure is the sum of the rows. The
-- counts are in no index, so that adding to a row is a HOT update that writes no index; the rows are in the order of
-- their months (the records' below, then each new month's at the end), so that a year is read from a tenth of the
-- table's pages, and new pages keep half their room for those updates.
--
-- Counted here:
--   received  — petitions by the month of receipt;
--   processed — petitions by the month processed, when processed on or after the day received;
--   eligible  — the same, eligible ones;
--   finished  — matters by the month finished (decided, or withdrawn / terminated: the day closed), when accepted on
--               or before that day.
-- The rest (processed before received, finished before accepted: none in the data, no rule forbids them) is read
-- from the records by two partial indexes, empty in practice.
create table petition_month_tally (
    month     date   not null,
    unit_id   bigint not null,
    received  integer not null default 0,
    processed integer not null default 0,
    eligible  integer not null default 0,
    finished  integer not null default 0
);

create function petition_finished_on(decided_on date, status text, closed_on date) returns date
    language sql immutable parallel safe
    return coalesce(decided_on, case when status in ('WITHDRAWN', 'TERMINATED') then closed_on end);

create function petition_tally_add(u bigint, d date, r integer, p integer, e integer, f integer) returns void
    language plpgsql as $$
begin
    if u is null or d is null or (r = 0 and p = 0 and e = 0 and f = 0) then
        return;
    end if;
    update petition_month_tally
       set received = received + r, processed = processed + p, eligible = eligible + e, finished = finished + f
     where ctid = (select ctid from petition_month_tally
                    where month = date_trunc('month', d)::date and unit_id = u
                    limit 1 for update skip locked);
    if not found then
        insert into petition_month_tally (month, unit_id, received, processed, eligible, finished)
        values (date_trunc('month', d)::date, u, r, p, e, f);
    end if;
end $$;

-- A petition's part: received by (unit, month received); processed and eligible by (unit, month processed).
create function petition_tally_petition() returns trigger language plpgsql as $$
declare
    old_counted boolean := tg_op <> 'INSERT' and old.processed_on >= old.received_on;
    new_counted boolean := tg_op <> 'DELETE' and new.processed_on >= new.received_on;
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
    return null;
end $$;

-- A matter's part: finished by (unit, month finished).
create function petition_tally_matter() returns trigger language plpgsql as $$
declare
    old_day date := case when tg_op <> 'INSERT' then petition_finished_on(old.decided_on, old.status, old.closed_on) end;
    new_day date := case when tg_op <> 'DELETE' then petition_finished_on(new.decided_on, new.status, new.closed_on) end;
    old_counted boolean := tg_op <> 'INSERT' and old_day >= old.accepted_on;
    new_counted boolean := tg_op <> 'DELETE' and new_day >= new.accepted_on;
begin
    if old_counted and new_counted and old.unit_id = new.unit_id
       and date_trunc('month', old_day) = date_trunc('month', new_day) then
        return null;
    end if;
    if old_counted then
        perform petition_tally_add(old.unit_id, old_day, 0, 0, 0, -1);
    end if;
    if new_counted then
        perform petition_tally_add(new.unit_id, new_day, 0, 0, 0, 1);
    end if;
    return null;
end $$;

create trigger petition_tally_inserted after insert on petition
    for each row execute function petition_tally_petition();
create trigger petition_tally_changed after update of unit_id, received_on, processed_on, eligible on petition
    for each row when (old.unit_id is distinct from new.unit_id or old.received_on is distinct from new.received_on
                       or old.processed_on is distinct from new.processed_on or old.eligible is distinct from new.eligible)
    execute function petition_tally_petition();
create trigger petition_tally_deleted after delete on petition
    for each row execute function petition_tally_petition();

create trigger petition_tally_matter_inserted after insert on petition_matter
    for each row when (petition_finished_on(new.decided_on, new.status, new.closed_on) >= new.accepted_on)
    execute function petition_tally_matter();
-- only when what the tally counts a matter by changes (its unit, its day accepted, its day finished), not at each step
create trigger petition_tally_matter_changed after update of unit_id, accepted_on, decided_on, status, closed_on on petition_matter
    for each row when ((petition_finished_on(old.decided_on, old.status, old.closed_on) is not null
                        or petition_finished_on(new.decided_on, new.status, new.closed_on) is not null)
                       and (old.unit_id, old.accepted_on, petition_finished_on(old.decided_on, old.status, old.closed_on))
                           is distinct from (new.unit_id, new.accepted_on, petition_finished_on(new.decided_on, new.status, new.closed_on)))
    execute function petition_tally_matter();
create trigger petition_tally_matter_deleted after delete on petition_matter
    for each row execute function petition_tally_matter();

-- The matters finished on the days of a period that do not fill a month (the inspection sector's periods, cut on the
-- 15th): by the day finished, where the matters' open span also returned every matter open on those days.
-- Only those the tally counts (finished on or after the day accepted), with the columns of the day finished, so that
-- a count reads the index alone (an index-only scan needs the columns an indexed expression reads).
create index petition_matter_finished on petition_matter (petition_finished_on(decided_on, status, closed_on))
    include (unit_id, decided_on, status, closed_on, accepted_on)
    where petition_finished_on(decided_on, status, closed_on) >= accepted_on;

-- What the tally leaves out, read from the records (PetitionTally): empty in practice.
create index petition_processed_before_received on petition (processed_on) include (received_on, unit_id, eligible)
    where processed_on < received_on;
create index petition_matter_finished_before_accepted on petition_matter (unit_id)
    include (accepted_on, decided_on, status, closed_on)
    where petition_finished_on(decided_on, status, closed_on) < accepted_on;

-- The records as they are, in the order of their months.
insert into petition_month_tally (month, unit_id, received, processed, eligible, finished)
select month, unit_id, sum(received), sum(processed), sum(eligible), sum(finished)
from (
    select date_trunc('month', received_on)::date as month, unit_id, count(*) as received, 0 as processed, 0 as eligible,
           0 as finished
    from petition group by 1, 2
    union all
    select date_trunc('month', processed_on)::date, unit_id, 0, count(*), count(*) filter (where eligible), 0
    from petition where processed_on >= received_on group by 1, 2
    union all
    select date_trunc('month', petition_finished_on(decided_on, status, closed_on))::date, unit_id, 0, 0, 0, count(*)
    from petition_matter where petition_finished_on(decided_on, status, closed_on) >= accepted_on group by 1, 2
) t
group by month, unit_id
order by month, unit_id;

alter table petition_month_tally set (fillfactor = 50);
-- no key: a publication of every table (logical replication, change data capture) still takes the writers' updates
alter table petition_month_tally replica identity full;
-- the country's months, and a subtree's units
create index petition_month_tally_month on petition_month_tally (month, unit_id);
create index petition_month_tally_unit on petition_month_tally (unit_id, month);
analyze petition_month_tally;
