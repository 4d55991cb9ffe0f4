-- The services write a decision's or an enforcement's outcome in the statement that saves the matter (StepWrites), and
-- now give the outcome the matter's unit, kind, state and days as that statement saves them. V111's triggers read the
-- matter as it was before the statement and then wrote every outcome of the matter again once the statement had
-- changed it: one more row version per decision and per closing. An outcome written with its matter's values is kept
-- as written, and a matter's change is written only into outcomes that differ from it.
create or replace function petition_outcome_takes_matter() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' and new.unit_id is not null then
        return new;
    end if;
    select m.unit_id, m.content_kind, m.status, m.decided_on, m.closed_on
      into new.unit_id, new.content_kind, new.status, new.decided_on, new.closed_on
      from petition_matter m where m.id = new.matter_id;
    return new;
end $$;

create or replace function petition_matter_passed_to_outcomes() returns trigger language plpgsql as $$
begin
    update petition_outcome o
       set unit_id = new.unit_id, content_kind = new.content_kind, status = new.status, decided_on = new.decided_on,
           closed_on = new.closed_on
     where o.matter_id = new.id
       and (o.unit_id, o.content_kind, o.status, o.decided_on, o.closed_on)
           is distinct from (new.unit_id, new.content_kind, new.status, new.decided_on, new.closed_on);
    return null;
end $$;
