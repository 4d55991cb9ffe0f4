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

-- 3. The country's grassroots-democracy events per province and month, so that the country's figures for whole months
-- (a year, a half-year, a quarter, a month) read at most provinces × months × measures rows, however many communes and
-- records: a year before the 2025 reform at the full size is ~315,000 index entries of the five kinds of records, and
-- counting them took most of the form's time. Only the partial months at the ends of a period (up to today in the
-- current month) are counted from the records (CountryRows). The row is the child of the country on the record's unit
-- path (as CountryRows.ROW_OF_UNIT; a unit's path never changes), the month its first day, the measure the form's key.
-- Kept by row triggers on the four tables in the writer's transaction, so the next answer shows every write.
create table democracy_country_tally (
    month   date    not null,
    measure text    not null,
    row_id  bigint  not null,
    n       integer not null,
    primary key (month, measure, row_id)
);

create function democracy_country_tally_add(p_unit bigint, p_day date, p_measure text, p_delta integer) returns void
    language sql as
$$
insert into democracy_country_tally (month, measure, row_id, n)
select cast(date_trunc('month', p_day) as date), p_measure, coalesce(nullif(split_part(u.path, '/', 3), '')::bigint, u.id), p_delta
from org_unit u
where u.id = p_unit and p_day is not null
on conflict (month, measure, row_id) do update set n = democracy_country_tally.n + excluded.n
$$;

create function democracy_activity_tally() returns trigger
    language plpgsql as
$$
declare
    unit bigint;
begin
    if tg_op in ('UPDATE', 'DELETE') then
        select b.unit_id into unit from democracy_board b where b.id = old.board_id;
        perform democracy_country_tally_add(unit, old.starts_on, 'board.sessions', -1);
        perform democracy_country_tally_add(unit, old.starts_on, 'board.sessions.' || lower(old.kind), -1);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        select b.unit_id into unit from democracy_board b where b.id = new.board_id;
        perform democracy_country_tally_add(unit, new.starts_on, 'board.sessions', 1);
        perform democracy_country_tally_add(unit, new.starts_on, 'board.sessions.' || lower(new.kind), 1);
    end if;
    return null;
end
$$;

create function democracy_recommendation_tally() returns trigger
    language plpgsql as
$$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        perform democracy_country_tally_add(old.unit_id, old.made_on, 'board.recommendations', -1);
        perform democracy_country_tally_add(old.unit_id, old.answered_on, 'board.recommendations.answered', -1);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        perform democracy_country_tally_add(new.unit_id, new.made_on, 'board.recommendations', 1);
        perform democracy_country_tally_add(new.unit_id, new.answered_on, 'board.recommendations.answered', 1);
    end if;
    return null;
end
$$;

create function democracy_disclosure_tally() returns trigger
    language plpgsql as
$$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        perform democracy_country_tally_add(old.unit_id, old.posted_on, 'disclosures.made', -1);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        perform democracy_country_tally_add(new.unit_id, new.posted_on, 'disclosures.made', 1);
    end if;
    return null;
end
$$;

create function democracy_community_meeting_tally() returns trigger
    language plpgsql as
$$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        perform democracy_country_tally_add(old.unit_id, old.held_on, 'community-meetings.held', -1);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        perform democracy_country_tally_add(new.unit_id, new.held_on, 'community-meetings.held', 1);
    end if;
    return null;
end
$$;

-- updates call the function only when a counted column changed (an answer, a new day or kind), not for other edits
create trigger democracy_activity_tally_insert_delete after insert or delete on democracy_activity
    for each row execute function democracy_activity_tally();
create trigger democracy_activity_tally_update after update of board_id, kind, starts_on on democracy_activity
    for each row when ((old.board_id, old.kind, old.starts_on) is distinct from (new.board_id, new.kind, new.starts_on))
execute function democracy_activity_tally();

create trigger democracy_recommendation_tally_insert_delete after insert or delete on democracy_recommendation
    for each row execute function democracy_recommendation_tally();
create trigger democracy_recommendation_tally_update after update of unit_id, made_on, answered_on on democracy_recommendation
    for each row when ((old.unit_id, old.made_on, old.answered_on) is distinct from (new.unit_id, new.made_on, new.answered_on))
execute function democracy_recommendation_tally();

create trigger democracy_disclosure_tally_insert_delete after insert or delete on democracy_disclosure
    for each row execute function democracy_disclosure_tally();
create trigger democracy_disclosure_tally_update after update of unit_id, posted_on on democracy_disclosure
    for each row when ((old.unit_id, old.posted_on) is distinct from (new.unit_id, new.posted_on))
execute function democracy_disclosure_tally();

create trigger democracy_community_meeting_tally_insert_delete after insert or delete on democracy_community_meeting
    for each row execute function democracy_community_meeting_tally();
create trigger democracy_community_meeting_tally_update after update of unit_id, held_on on democracy_community_meeting
    for each row when ((old.unit_id, old.held_on) is distinct from (new.unit_id, new.held_on))
execute function democracy_community_meeting_tally();

-- the records already there
insert into democracy_country_tally (month, measure, row_id, n)
select e.month, e.measure, coalesce(nullif(split_part(u.path, '/', 3), '')::bigint, u.id), sum(e.n)
from (select b.unit_id, cast(date_trunc('month', a.starts_on) as date) as month, m.measure, count(*) as n
      from democracy_activity a
      join democracy_board b on b.id = a.board_id
      cross join lateral (values ('board.sessions'), ('board.sessions.' || lower(a.kind))) m (measure)
      group by 1, 2, 3
      union all
      select unit_id, cast(date_trunc('month', made_on) as date), 'board.recommendations', count(*)
      from democracy_recommendation group by 1, 2
      union all
      select unit_id, cast(date_trunc('month', answered_on) as date), 'board.recommendations.answered', count(*)
      from democracy_recommendation where answered_on is not null group by 1, 2
      union all
      select unit_id, cast(date_trunc('month', posted_on) as date), 'disclosures.made', count(*)
      from democracy_disclosure group by 1, 2
      union all
      select unit_id, cast(date_trunc('month', held_on) as date), 'community-meetings.held', count(*)
      from democracy_community_meeting group by 1, 2) e
join org_unit u on u.id = e.unit_id
group by 1, 2, 3;
