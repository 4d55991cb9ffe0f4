-- The official forms' matters and decisions read from indexes alone (PetitionMeasures: sources MATTER, MATTER_ORDERED,
-- ENFORCEMENT, ENFORCEMENT_DUE, ENFORCEMENT_DONE). A country's year of 01/KQGQ or 02/KQGQ read ~145,000 matters from the
-- table, joined each to its decision's outcome by an index probe (and 02/KQGQ to its enforcement's), and counted each
-- matter's petitions by another probe: 1.6–2.0 s, most of it reading pages of matters and outcomes decided in earlier
-- years and not yet enforced, scattered over ten years of pages (bench/README, session 16).
--
-- 1. A matter carries the number of its petitions, kept by triggers whatever links or unlinks a petition.
-- 2. An outcome carries what the forms select it by from its matter (unit, content kind, state, day decided, day
--    closed), kept by triggers whatever writes the matter or the outcome: the amounts a decision ordered and an
--    enforcement achieved are then summed from the outcomes alone, without the matter.
-- 3. The span indexes of V83 on matters become SP-GiST and include what the forms read; two indexes on outcomes
--    hold the decisions' amounts (by the span a decision is to enforce) and the enforcements' (by the day closed).
alter table petition_matter add column petitions integer not null default 0;

-- A range of matters at a time, in their own order, so that their rows stay in id order (see V105).
do $$
declare
    lo bigint;
    hi bigint;
begin
    select min(id), max(id) into lo, hi from petition_matter;
    while lo <= hi loop
        update petition_matter m set petitions = (select count(*) from petition p where p.matter_id = m.id)
         where m.id >= lo and m.id < lo + 50000;
        lo := lo + 50000;
    end loop;
end $$;

create function petition_matter_counts_petitions() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') and old.matter_id is not null then
        update petition_matter set petitions = petitions - 1 where id = old.matter_id;
    end if;
    if tg_op in ('INSERT', 'UPDATE') and new.matter_id is not null then
        update petition_matter set petitions = petitions + 1 where id = new.matter_id;
    end if;
    return null;
end $$;

create trigger petition_matter_counts_inserted after insert on petition
    for each row when (new.matter_id is not null) execute function petition_matter_counts_petitions();
create trigger petition_matter_counts_moved after update of matter_id on petition
    for each row when (old.matter_id is distinct from new.matter_id) execute function petition_matter_counts_petitions();
create trigger petition_matter_counts_deleted after delete on petition
    for each row when (old.matter_id is not null) execute function petition_matter_counts_petitions();

alter table petition_outcome
    add column unit_id bigint,
    add column content_kind text,
    add column status text,
    add column decided_on date,
    add column closed_on date;

-- A range of matters at a time, by nested loops: the outcomes' rows keep their order (see V105).
set local enable_hashjoin = off;
set local enable_mergejoin = off;
do $$
declare
    lo bigint;
    hi bigint;
begin
    select min(matter_id), max(matter_id) into lo, hi from petition_outcome;
    while lo <= hi loop
        update petition_outcome o
           set unit_id = m.unit_id, content_kind = m.content_kind, status = m.status, decided_on = m.decided_on,
               closed_on = m.closed_on
          from petition_matter m
         where m.id = o.matter_id and o.matter_id >= lo and o.matter_id < lo + 50000;
        lo := lo + 50000;
    end loop;
end $$;
set local enable_hashjoin = on;
set local enable_mergejoin = on;

alter table petition_outcome alter column unit_id set not null;

create function petition_outcome_takes_matter() returns trigger language plpgsql as $$
begin
    select m.unit_id, m.content_kind, m.status, m.decided_on, m.closed_on
      into new.unit_id, new.content_kind, new.status, new.decided_on, new.closed_on
      from petition_matter m where m.id = new.matter_id;
    return new;
end $$;

create trigger petition_outcome_takes_matter before insert or update of matter_id on petition_outcome
    for each row execute function petition_outcome_takes_matter();

-- After the statement that changed the matter: an outcome written by the same statement (the services save a decision
-- and its outcome in one statement) read the matter as it was before, and is set right here.
create function petition_matter_passed_to_outcomes() returns trigger language plpgsql as $$
begin
    update petition_outcome o
       set unit_id = new.unit_id, content_kind = new.content_kind, status = new.status, decided_on = new.decided_on,
           closed_on = new.closed_on
     where o.matter_id = new.id;
    return null;
end $$;

create trigger petition_matter_passed_to_outcomes after update of unit_id, content_kind, status, decided_on, closed_on
    on petition_matter for each row
    when (old.unit_id is distinct from new.unit_id or old.content_kind is distinct from new.content_kind
          or old.status is distinct from new.status or old.decided_on is distinct from new.decided_on
          or old.closed_on is distinct from new.closed_on)
    execute function petition_matter_passed_to_outcomes();

drop index petition_matter_open_span;
create index petition_matter_open_span on petition_matter
    using spgist (petition_matter_open_span(accepted_on, decided_on, status, closed_on))
    include (unit_id, content_kind, accepted_on, follow_up, round, result, decided_on, status, closed_on, due_on, petitions, id)
    where accepted_on is not null;

drop index petition_matter_enforcement_span;
create index petition_matter_enforcement_span on petition_matter
    using spgist (petition_enforcement_span(decided_on, closed_on))
    include (unit_id, content_kind, status, decided_on, closed_on, id)
    where status in ('DECIDED', 'CLOSED') and decided_on is not null;

create index petition_outcome_decided_span on petition_outcome
    using spgist (petition_enforcement_span(decided_on, closed_on))
    include (unit_id, content_kind, status, decided_on, closed_on, matter_id, recover_money, recover_land, return_org_money,
             return_org_land, return_person_money, return_person_land, orgs_restored, persons_restored, persons_disciplined,
             officials_disciplined, cases_transferred, persons_transferred, officials_transferred)
    where stage = 'DECIDED' and decided_on is not null;

create index petition_outcome_enforced_closed on petition_outcome (closed_on)
    include (unit_id, content_kind, decided_on, matter_id, recover_money, recover_land, return_org_money, return_org_land,
             return_person_money, return_person_land, orgs_restored, persons_restored, orgs_disciplined, persons_disciplined,
             officials_disciplined, cases_transferred, persons_transferred, officials_transferred)
    where stage = 'ENFORCED' and status = 'CLOSED';
