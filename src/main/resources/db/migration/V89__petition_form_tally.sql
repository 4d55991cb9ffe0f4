-- The petitions' receipts and processings per unit and month for the official forms (issue 3, point 12: any form for
-- the whole country for a year within 2 s). A form's petition statement read every petition of the period (about
-- 100,000 for the country's year) with its matter. This tally keeps, per unit, month and the classification the
-- measures read:
--   event 'R' — petitions received in the month (many signers, anonymous, content kind);
--   event 'P' — petitions processed in the month, not before their receipt (with field, eligible, competence,
--               handling too).
-- PetitionFormTally reads whole months from it and the partial months at either end from the records; the petitions
-- pending on the period's first day (about 1,500 for the country's year, through the V83 span index) are still read
-- from the records, and so is every measure that reads the petition's matter (resolved, in progress, cases).
-- Kept by a row trigger on petition in the writer's transaction.
-- A receipt keeps only what the receipt measures read; the rest is '' / false. A classification not yet made is ''
-- (content kind, field, competence, handling) and eligible is false: the measures' conditions answer the same for ''
-- as for null.
create table petition_form_tally (
    month        date    not null,
    unit_id      bigint  not null,
    event        char(1) not null check (event in ('R', 'P')),
    many         boolean not null,
    anonymous    boolean not null,
    content_kind text    not null,
    field        text    not null,
    eligible     boolean not null,
    competence   text    not null,
    handling     text    not null,
    n            integer not null,
    primary key (month, unit_id, event, many, anonymous, content_kind, field, eligible, competence, handling)
);

create function petition_form_tally_add(p_sign integer, p_unit bigint, p_received date, p_processed date,
                                        p_petitioner_kind text, p_signers integer, p_content_kind text, p_field text,
                                        p_eligible boolean, p_competence text, p_handling text) returns void
    language sql as
$$
insert into petition_form_tally as t (month, unit_id, event, many, anonymous, content_kind, field, eligible, competence, handling, n)
select cast(date_trunc('month', e.day) as date), p_unit, e.event,
       p_petitioner_kind = 'GROUP' or p_signers > 1, p_petitioner_kind = 'ANONYMOUS',
       coalesce(p_content_kind, ''), case when e.event = 'P' then coalesce(p_field, '') else '' end,
       e.event = 'P' and coalesce(p_eligible, false), case when e.event = 'P' then coalesce(p_competence, '') else '' end,
       case when e.event = 'P' then coalesce(p_handling, '') else '' end, p_sign
from (values ('R', p_received),
             ('P', case when p_processed >= p_received then p_processed end)) e(event, day)
where e.day is not null
on conflict (month, unit_id, event, many, anonymous, content_kind, field, eligible, competence, handling)
    do update set n = t.n + excluded.n
$$;

create function petition_form_tally() returns trigger
    language plpgsql as
$$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        perform petition_form_tally_add(-1, old.unit_id, old.received_on, old.processed_on,
                old.petitioner_kind, old.signers_count, old.content_kind, old.field, old.eligible, old.competence, old.handling);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        perform petition_form_tally_add(1, new.unit_id, new.received_on, new.processed_on,
                new.petitioner_kind, new.signers_count, new.content_kind, new.field, new.eligible, new.competence, new.handling);
    end if;
    return null;
end
$$;

create trigger petition_form_tally_insert_delete after insert or delete on petition
    for each row execute function petition_form_tally();
-- only when a tallied column changed, not for an edit of the subject, the due day or a reply
create trigger petition_form_tally_update
    after update of unit_id, received_on, processed_on, petitioner_kind, signers_count, content_kind, field,
        eligible, competence, handling on petition
    for each row when ((old.unit_id, old.received_on, old.processed_on, old.petitioner_kind, old.signers_count,
                        old.content_kind, old.field, old.eligible, old.competence, old.handling)
        is distinct from (new.unit_id, new.received_on, new.processed_on, new.petitioner_kind, new.signers_count,
                          new.content_kind, new.field, new.eligible, new.competence, new.handling))
execute function petition_form_tally();

-- Petitions processed before their receipt (bad data, refused by the writer): the processed petitions the tally leaves
-- to the records.
create index petition_processed_before_receipt on petition (processed_on) where processed_on < received_on;

-- Filled for the petitions already there (a real upgrade, or a dataset generated before this version).
insert into petition_form_tally (month, unit_id, event, many, anonymous, content_kind, field, eligible, competence, handling, n)
select cast(date_trunc('month', e.day) as date), p.unit_id, e.event,
       p.petitioner_kind = 'GROUP' or p.signers_count > 1, p.petitioner_kind = 'ANONYMOUS',
       coalesce(p.content_kind, ''), case when e.event = 'P' then coalesce(p.field, '') else '' end,
       e.event = 'P' and coalesce(p.eligible, false), case when e.event = 'P' then coalesce(p.competence, '') else '' end,
       case when e.event = 'P' then coalesce(p.handling, '') else '' end, count(*)
from petition p
cross join lateral (values ('R', p.received_on),
                           ('P', case when p.processed_on >= p.received_on then p.processed_on end)) e(event, day)
where e.day is not null
group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10;
