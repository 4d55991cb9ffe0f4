-- A petition carries the state of its matter that the official forms count it by (PetitionMeasures, the PETITION
-- source: round, follow-up, accepted by, finished by, terminated by), so that a form or a total of a period reads the
-- period's petitions alone instead of joining every matter kept: the country's form 01/XLD for a year joined all
-- 4.5 million matters of ten years (1.3 GB) by a hash join, 2.6–3.9 s of its statement (bench/README, session 14),
-- and the count of settled matters (VU_VIEC_DA_GIAI_QUYET) the same.
--
-- The columns are kept by triggers, whatever writes the matter or links the petition: a petition linked to a matter
-- (inserted with one, or its matter changed) copies the matter's state; a change of that state in the matter is
-- written into its petitions. A petition without a matter has none (null).
create function petition_matter_finished_on(decided date, status text, closed date) returns date
    language sql immutable parallel safe
    return coalesce(decided, case when status in ('WITHDRAWN', 'TERMINATED') then closed end);

alter table petition
    add column matter_round integer,
    add column matter_follow_up boolean,
    add column matter_accepted_on date,
    add column matter_finished_on date,
    add column matter_terminated_on date;

-- In the petitions' own order, a range of ids at a time: each row's new version is written at the end of the table, so
-- the rows stay in the order they were received. One statement joined by a hash of the matters wrote them in the
-- matters' order and scattered a day's petitions over the whole table (at 4.5 million petitions, a walk over a day's
-- petitions then read one page per row).
set local enable_hashjoin = off;
set local enable_mergejoin = off;
do $$
declare
    lo bigint;
    hi bigint;
begin
    select min(id), max(id) into lo, hi from petition;
    while lo <= hi loop
        update petition p
           set matter_round = m.round, matter_follow_up = m.follow_up, matter_accepted_on = m.accepted_on,
               matter_finished_on = petition_matter_finished_on(m.decided_on, m.status, m.closed_on),
               matter_terminated_on = case when m.status = 'TERMINATED' then m.closed_on end
          from petition_matter m
         where m.id = p.matter_id and p.id >= lo and p.id < lo + 50000;
        lo := lo + 50000;
    end loop;
end $$;
set local enable_hashjoin = on;
set local enable_mergejoin = on;

create function petition_takes_matter_state() returns trigger language plpgsql as $$
begin
    if new.matter_id is null then
        new.matter_round := null; new.matter_follow_up := null; new.matter_accepted_on := null;
        new.matter_finished_on := null; new.matter_terminated_on := null;
    else
        select m.round, m.follow_up, m.accepted_on, petition_matter_finished_on(m.decided_on, m.status, m.closed_on),
               case when m.status = 'TERMINATED' then m.closed_on end
          into new.matter_round, new.matter_follow_up, new.matter_accepted_on, new.matter_finished_on, new.matter_terminated_on
          from petition_matter m where m.id = new.matter_id;
    end if;
    return new;
end $$;

create trigger petition_takes_matter_state before insert or update of matter_id on petition
    for each row execute function petition_takes_matter_state();

create function petition_matter_state_passed() returns trigger language plpgsql as $$
begin
    update petition p
       set matter_round = new.round, matter_follow_up = new.follow_up, matter_accepted_on = new.accepted_on,
           matter_finished_on = petition_matter_finished_on(new.decided_on, new.status, new.closed_on),
           matter_terminated_on = case when new.status = 'TERMINATED' then new.closed_on end
     where p.matter_id = new.id;
    return null;
end $$;

-- Only when what the petitions carry changes: the matter's other steps (assignment, verification, due dates …) write
-- nothing into its petitions.
create trigger petition_matter_state_passed after update of round, follow_up, accepted_on, decided_on, status, closed_on
    on petition_matter for each row
    when (old.round is distinct from new.round or old.follow_up is distinct from new.follow_up
          or old.accepted_on is distinct from new.accepted_on
          or petition_matter_finished_on(old.decided_on, old.status, old.closed_on)
             is distinct from petition_matter_finished_on(new.decided_on, new.status, new.closed_on)
          or (old.status = 'TERMINATED') is distinct from (new.status = 'TERMINATED')
          or (new.status = 'TERMINATED' and old.closed_on is distinct from new.closed_on))
    execute function petition_matter_state_passed();

-- The index on the day of processing (V103) holds the day the petition's matter was finished as well: the count of
-- matters settled among the petitions processed in a period ("e and finished", VU_VIEC_DA_GIAI_QUYET) is then an
-- index-only scan.
drop index petition_processed_on;
create index petition_processed_on on petition (processed_on)
    include (received_on, unit_id, eligible, matter_id, id, matter_finished_on)
    where processed_on is not null;
