-- The country's dialogue figures per row and month (issue 7, point 10). V82 summed the period's dialogues from a
-- covering index: one entry per dialogue, about 30,000 a year before the 2025 reform at the full size (three per
-- commune), grouped per unit and then per row. This tally keeps, per row of the country (the child of the country on
-- the organising unit's path, as CountryFigures; a unit's path never changes) and month of the dialogue, the figures
-- CountryFigures sums: dialogues held, opinions raised and answered (the numbers entered, else the dialogue's tally of
-- its opinions, V73), commitments assigned and resolved (the dialogue's tally of its tasks, V82). The country's form
-- sums whole months from it (at most rows × months) and counts the partial months at either end from the records.
-- Kept by a row trigger on dialogue in the writer's transaction — the opinion and commitment tallies are columns of
-- dialogue, so a new opinion, an answer or a commitment's new status reaches it through the dialogue's own update.
create table dialogue_country_tally (
    month    date    not null,
    row_id   bigint  not null,
    held     integer not null,
    raised   bigint  not null,
    answered bigint  not null,
    assigned bigint  not null,
    resolved bigint  not null,
    primary key (month, row_id)
);

create function dialogue_country_tally_add(p_unit bigint, p_day date, p_sign integer, p_raised bigint, p_answered bigint,
                                           p_assigned bigint, p_resolved bigint) returns void
    language sql as
$$
insert into dialogue_country_tally (month, row_id, held, raised, answered, assigned, resolved)
select cast(date_trunc('month', p_day) as date), coalesce(nullif(split_part(u.path, '/', 3), '')::bigint, u.id),
       p_sign, p_sign * p_raised, p_sign * p_answered, p_sign * p_assigned, p_sign * p_resolved
from org_unit u
where u.id = p_unit
on conflict (month, row_id) do update
    set held = dialogue_country_tally.held + excluded.held,
        raised = dialogue_country_tally.raised + excluded.raised,
        answered = dialogue_country_tally.answered + excluded.answered,
        assigned = dialogue_country_tally.assigned + excluded.assigned,
        resolved = dialogue_country_tally.resolved + excluded.resolved
$$;

create function dialogue_country_tally() returns trigger
    language plpgsql as
$$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        perform dialogue_country_tally_add(old.unit_id, old.held_on, -1,
                coalesce(old.raised_count, old.opinions_recorded), coalesce(old.answered_count, old.opinions_answered),
                old.commitments_assigned, old.commitments_resolved);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        perform dialogue_country_tally_add(new.unit_id, new.held_on, 1,
                coalesce(new.raised_count, new.opinions_recorded), coalesce(new.answered_count, new.opinions_answered),
                new.commitments_assigned, new.commitments_resolved);
    end if;
    return null;
end
$$;

create trigger dialogue_country_tally_insert_delete after insert or delete on dialogue
    for each row execute function dialogue_country_tally();
-- only when a summed column changed, not for an edit of the title, the place or the minutes
create trigger dialogue_country_tally_update
    after update of unit_id, held_on, raised_count, opinions_recorded, answered_count, opinions_answered,
        commitments_assigned, commitments_resolved on dialogue
    for each row when ((old.unit_id, old.held_on, coalesce(old.raised_count, old.opinions_recorded),
                        coalesce(old.answered_count, old.opinions_answered), old.commitments_assigned, old.commitments_resolved)
        is distinct from (new.unit_id, new.held_on, coalesce(new.raised_count, new.opinions_recorded),
                          coalesce(new.answered_count, new.opinions_answered), new.commitments_assigned, new.commitments_resolved))
execute function dialogue_country_tally();

-- Filled for the dialogues already there (a real upgrade, or a dataset generated before this version).
insert into dialogue_country_tally (month, row_id, held, raised, answered, assigned, resolved)
select cast(date_trunc('month', d.held_on) as date), coalesce(nullif(split_part(u.path, '/', 3), '')::bigint, u.id),
       count(*), coalesce(sum(coalesce(d.raised_count, d.opinions_recorded)), 0),
       coalesce(sum(coalesce(d.answered_count, d.opinions_answered)), 0),
       sum(d.commitments_assigned), sum(d.commitments_resolved)
from dialogue d
join org_unit u on u.id = d.unit_id
group by 1, 2;
