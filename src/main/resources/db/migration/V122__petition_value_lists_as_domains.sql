-- The lists of values of the petitions' and matters' columns (content kind, status, handling …) become domains instead
-- of table CHECK constraints: the same values are allowed and refused, at less cost to every statement that writes.
--
-- Why: PostgreSQL reads a table's CHECK constraints from their stored text and plans them again for every statement
-- that writes the table (ExecConstraints: stringToNode, then expression_planner), while a domain's constraints are
-- read and planned once per connection (the type cache). A complaint's lifecycle writes these tables 13 times (and its
-- matter once more when its state is applied), reading about 40 of these constraints: perf, 4 workers, 5.4 % of
-- PostgreSQL's CPU in ExecConstraints, 3.9 % in reading and planning them
-- (bench/results/lifecycle-services-2026-12-03-s28.md).
--
-- A check that compares two columns (a person belongs to a petition or to a visit; a step to a petition or to a
-- matter) stays on its table. The view over the matters and their pending states (V118) and two triggers of the
-- matters (V105, V111) depend on the columns' types: they are made again as they were.

create domain petition_content_kind as text
    check (value in ('COMPLAINT', 'DENUNCIATION', 'RECOMMENDATION', 'REFLECTION', 'MULTIPLE'));
create domain petition_petitioner_kind as text
    check (value in ('PERSON', 'ORGANISATION', 'GROUP', 'AUTHORISED', 'ANONYMOUS'));
create domain petition_status as text check (value in ('RECEIVED', 'PROCESSED'));
create domain petition_competence as text check (value in ('WITHIN', 'OUTSIDE'));
create domain petition_handling as text check (value in ('ACCEPT', 'GUIDE', 'FORWARD', 'URGE', 'FILE'));
create domain petition_signers as integer check (value >= 1);
create domain petition_complexity as text check (value in ('NORMAL', 'COMPLEX', 'ESPECIALLY_COMPLEX'));
create domain petition_round as integer check (value in (1, 2));
create domain petition_result as text check (value in ('RIGHT', 'WRONG', 'PARTLY_RIGHT', 'UPHELD', 'ANNULLED'));
create domain petition_person_role as text check (value in ('PETITIONER', 'REPRESENTATIVE', 'AUTHORISED', 'VISITOR'));
create domain petition_outcome_stage as text check (value in ('DECIDED', 'ENFORCED'));

drop view petition_matter_now;
drop trigger petition_matter_state_passed on petition_matter;
drop trigger petition_matter_passed_to_outcomes on petition_matter;

alter table petition
    drop constraint petition_content_kind_check,
    drop constraint petition_petitioner_kind_check,
    drop constraint petition_status_check,
    drop constraint petition_competence_check,
    drop constraint petition_handling_check,
    drop constraint petition_signers_count_check,
    alter column content_kind type petition_content_kind,
    alter column petitioner_kind type petition_petitioner_kind,
    alter column status type petition_status,
    alter column competence type petition_competence,
    alter column handling type petition_handling,
    alter column signers_count type petition_signers;

alter table petition_matter
    drop constraint petition_matter_content_kind_check,
    drop constraint petition_matter_complexity_check,
    drop constraint petition_matter_round_check,
    drop constraint petition_matter_result_check,
    alter column content_kind type petition_content_kind,
    alter column complexity type petition_complexity,
    alter column round type petition_round,
    alter column result type petition_result;

alter table petition_matter_pending
    drop constraint petition_matter_pending_content_kind_check,
    drop constraint petition_matter_pending_complexity_check,
    drop constraint petition_matter_pending_result_check,
    alter column content_kind type petition_content_kind,
    alter column complexity type petition_complexity,
    alter column result type petition_result;

alter table petition_person
    drop constraint petition_person_role_check,
    alter column role type petition_person_role;

alter table petition_outcome
    drop constraint petition_outcome_stage_check,
    alter column stage type petition_outcome_stage;

create view petition_matter_now as
select m.id, m.number, m.unit_id, m.round, m.follow_up, m.previous_matter_id, m.created_at, m.petitions,
       case when s.id is null then m.title else s.title end as title,
       case when s.id is null then m.content_kind else s.content_kind end as content_kind,
       case when s.id is null then m.field else s.field end as field,
       case when s.id is null then m.place_unit_id else s.place_unit_id end as place_unit_id,
       case when s.id is null then m.remote else s.remote end as remote,
       case when s.id is null then m.complexity else s.complexity end as complexity,
       case when s.id is null then m.status else s.status end as status,
       case when s.id is null then m.suspended_from else s.suspended_from end as suspended_from,
       case when s.id is null then m.accepted_on else s.accepted_on end as accepted_on,
       case when s.id is null then m.acceptance_number else s.acceptance_number end as acceptance_number,
       case when s.id is null then m.due_on else s.due_on end as due_on,
       case when s.id is null then m.due_rule else s.due_rule end as due_rule,
       case when s.id is null then m.due_rule_version else s.due_rule_version end as due_rule_version,
       case when s.id is null then m.extensions else s.extensions end as extensions,
       case when s.id is null then m.handler_id else s.handler_id end as handler_id,
       case when s.id is null then m.decided_on else s.decided_on end as decided_on,
       case when s.id is null then m.decision_number else s.decision_number end as decision_number,
       case when s.id is null then m.result else s.result end as result,
       case when s.id is null then m.closed_on else s.closed_on end as closed_on,
       case when s.id is null then m.withdrawn_partly else s.withdrawn_partly end as withdrawn_partly,
       case when s.id is null then m.hot_manual else s.hot_manual end as hot_manual,
       case when s.id is null then m.hot_reason else s.hot_reason end as hot_reason,
       case when s.id is null then m.updated_at else s.updated_at end as updated_at,
       case when s.id is null then m.version else s.version end as version
from petition_matter m
left join petition_matter_pending s on s.id = m.id;

create trigger petition_matter_state_passed after update of round, follow_up, accepted_on, decided_on, status, closed_on
    on petition_matter for each row
    when (old.round is distinct from new.round or old.follow_up is distinct from new.follow_up
          or old.accepted_on is distinct from new.accepted_on
          or petition_matter_finished_on(old.decided_on, old.status, old.closed_on)
             is distinct from petition_matter_finished_on(new.decided_on, new.status, new.closed_on)
          or (old.status = 'TERMINATED') is distinct from (new.status = 'TERMINATED')
          or (new.status = 'TERMINATED' and old.closed_on is distinct from new.closed_on))
    execute function petition_matter_state_passed();

create trigger petition_matter_passed_to_outcomes after update of unit_id, content_kind, status, decided_on, closed_on
    on petition_matter for each row
    when (old.unit_id is distinct from new.unit_id or old.content_kind is distinct from new.content_kind
          or old.status is distinct from new.status or old.decided_on is distinct from new.decided_on
          or old.closed_on is distinct from new.closed_on)
    execute function petition_matter_passed_to_outcomes();

-- The year and area words of a petition's text (V101): the same words, written so that PostgreSQL can put the
-- function's body in place of its call. It could not: the function was strict while its array of keys is not, and
-- `integer || text` is only stable. So every insert into petition_text parsed and analysed the body again when it
-- prepared the words index's expression, then ran it as a function of its own (perf: 1.4 % of PostgreSQL's CPU). The
-- keys are the same text ('2026' and '2026.42'), the columns are never null, so the index stays valid; queries that
-- call the function are inlined the same way and still match the index.
create or replace function petition_area_words(p_area bigint, p_received date, p_text text) returns tsvector
language sql immutable parallel safe as $$
    select public.keyed_words(array[cast(cast(extract(year from p_received) as integer) as text),
                                    cast(cast(extract(year from p_received) as integer) as text) || '.'
                                        || cast(p_area as text)], p_text)
$$;
