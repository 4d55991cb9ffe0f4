-- A matter's step writes the matter's new state into a narrow table of pending states instead of into the matter's
-- row, and the row with its fourteen indexes and its triggers (the state carried into the petitions and outcomes, the
-- tally) takes that state when the pending states are applied (MatterStates.apply): before any reading of matters
-- (lists, queues, the hot-spot board, search, the forms) and at least every half second. A matter moved through
-- several steps in between is then written once, instead of once per step.
--
-- Measured (bench/results/lifecycle-services-2026-12-02-s22.md): the lifecycle's writes to the matter's row and what
-- its triggers write after them were about a quarter of PostgreSQL's CPU per lifecycle.
--
-- A pending state holds every column a step writes, the matter's unit (which no step changes, for the statements
-- that return it) and the version; a matter has at most one. Its row is found by its primary key only, so that a
-- second step on the same matter before the states are applied rewrites it in place (a heap-only update).
create table petition_matter_pending (
    id                bigint  primary key references petition_matter (id) on delete cascade,
    unit_id           bigint  not null,
    title             text    not null,
    content_kind      text    not null check (content_kind in ('COMPLAINT', 'DENUNCIATION', 'RECOMMENDATION', 'REFLECTION', 'MULTIPLE')),
    field             text    not null,
    place_unit_id     bigint,
    remote            boolean not null,
    complexity        text    not null check (complexity in ('NORMAL', 'COMPLEX', 'ESPECIALLY_COMPLEX')),
    status            text    not null,
    suspended_from    text,
    accepted_on       date,
    acceptance_number text,
    due_on            date,
    due_rule          text,
    due_rule_version  integer,
    extensions        integer not null,
    handler_id        bigint,
    decided_on        date,
    decision_number   text,
    result            text    check (result in ('RIGHT', 'WRONG', 'PARTLY_RIGHT', 'UPHELD', 'ANNULLED')),
    closed_on         date,
    withdrawn_partly  boolean not null,
    hot_manual        boolean not null,
    hot_reason        text,
    updated_at        timestamptz not null,
    version           integer not null
) with (fillfactor = 50);

-- The matter as it is now: its pending state where it has one. The steps read a matter through it (CaseStore).
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
