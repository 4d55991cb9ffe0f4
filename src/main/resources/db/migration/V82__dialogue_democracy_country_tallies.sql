-- The country's dialogue and grassroots-democracy figures for a period (issue 7, point 10), read from the period's
-- records only, through indexes, whatever the size of the tables (ten years over every commune).

-- 1. Per dialogue, its commitments (tasks of module plan with origin DIALOGUE) not cancelled and those done, as the
-- figures count them (DialogueQueries.figures): the country's dialogue figures sum them over the period's dialogues
-- instead of visiting every commitment. Module plan changes a task's status in several places (the task page, the
-- origin's acceptance, cancellation), so a row trigger on plan_task keeps the tally in the writer's own transaction:
-- no change of a commitment can miss it, and the next answer shows it.
alter table dialogue
    add column commitments_assigned integer not null default 0 check (commitments_assigned >= 0),
    add column commitments_resolved integer not null default 0 check (commitments_resolved >= 0);

update dialogue d
set commitments_assigned = t.assigned, commitments_resolved = t.resolved
from (select origin_id,
             count(*) filter (where status <> 'CANCELLED') as assigned,
             count(*) filter (where status = 'DONE') as resolved
      from plan_task
      where origin_kind = 'DIALOGUE'
      group by origin_id) t
where t.origin_id = d.id;

create function dialogue_commitment_tally() returns trigger
    language plpgsql as
$$
begin
    if tg_op in ('UPDATE', 'DELETE') and old.origin_kind = 'DIALOGUE' then
        update dialogue
        set commitments_assigned = commitments_assigned - (old.status <> 'CANCELLED')::int,
            commitments_resolved = commitments_resolved - (old.status = 'DONE')::int
        where id = old.origin_id;
    end if;
    if tg_op in ('INSERT', 'UPDATE') and new.origin_kind = 'DIALOGUE' then
        update dialogue
        set commitments_assigned = commitments_assigned + (new.status <> 'CANCELLED')::int,
            commitments_resolved = commitments_resolved + (new.status = 'DONE')::int
        where id = new.origin_id;
    end if;
    return null;
end
$$;

-- the plans' other tasks (millions at the work cycle's full size) do not call the function
create trigger plan_task_dialogue_tally_insert
    after insert on plan_task
    for each row when (new.origin_kind = 'DIALOGUE')
execute function dialogue_commitment_tally();

create trigger plan_task_dialogue_tally_update
    after update of status, origin_kind, origin_id on plan_task
    for each row when ((old.origin_kind = 'DIALOGUE' or new.origin_kind = 'DIALOGUE')
        and (old.status, old.origin_kind, old.origin_id) is distinct from (new.status, new.origin_kind, new.origin_id))
execute function dialogue_commitment_tally();

create trigger plan_task_dialogue_tally_delete
    after delete on plan_task
    for each row when (old.origin_kind = 'DIALOGUE')
execute function dialogue_commitment_tally();

-- The period's dialogues with everything the figures sum, read from the index alone (held_on leads; the unit and the
-- tallies ride along).
create index dialogue_held_figures on dialogue (held_on) include (unit_id, raised_count, opinions_recorded, answered_count,
    opinions_answered, commitments_assigned, commitments_resolved);

-- 2. Grassroots democracy. A board recommendation carries its commune (the board's unit, which never changes), so that
-- the country's count of the period's recommendations does not go through every activity and board.
alter table democracy_recommendation add column unit_id bigint references org_unit (id);

update democracy_recommendation r
set unit_id = b.unit_id
from democracy_activity a
join democracy_board b on b.id = a.board_id
where a.id = r.activity_id;

alter table democracy_recommendation alter column unit_id set not null;

-- the period's records of each kind, by day, with their unit: index-only scans of the period
create index democracy_activity_day on democracy_activity (starts_on) include (board_id, kind);
create index democracy_recommendation_made on democracy_recommendation (made_on) include (unit_id);
create index democracy_recommendation_answered on democracy_recommendation (answered_on) include (unit_id)
    where answered_on is not null;
create index democracy_disclosure_day on democracy_disclosure (posted_on) include (unit_id);
create index democracy_community_meeting_day on democracy_community_meeting (held_on) include (unit_id);
-- the disclosures of the periods due (the outstanding obligations), not every disclosure ever made
create index democracy_disclosure_period_item on democracy_disclosure (period_key, item_code) include (unit_id);
