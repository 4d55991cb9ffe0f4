-- Approval up the hierarchy (phê duyệt, tiếp nhận): a submission goes DRAFT → SUBMITTED (an officer of
-- the unit) → APPROVED (a leader of the unit or above; locks the data) → ACCEPTED (the parent unit),
-- RETURNED with a reason at any step, and UNLOCKED by a leader back to SUBMITTED. The submission keeps
-- who took each step and when; first_submitted_at (the first time it was sent) decides timeliness.
alter table reporting_submission
    add column first_submitted_at timestamptz,
    add column submitted_at       timestamptz,
    add column submitted_by       text,
    add column approved_at        timestamptz,
    add column approved_by        text,
    add column accepted_at        timestamptz,
    add column accepted_by        text,
    add column returned_reason    text;

-- Every step of a submission (who, when, from, to, why), shown on the grid page, newest first.
create table reporting_submission_step (
    id            bigint generated always as identity primary key,
    submission_id bigint not null references reporting_submission (id),
    action        text   not null check (action in ('SUBMIT', 'APPROVE', 'ACCEPT', 'RETURN', 'UNLOCK')),
    from_status   text   not null,
    to_status     text   not null,
    reason        text,
    acted_by      text   not null,
    acted_at      timestamptz not null default now()
);
create index reporting_submission_step_submission on reporting_submission_step (submission_id, acted_at desc);

-- The lock of approved data (point 10): one row per entered indicator of the form while its
-- submission is APPROVED or ACCEPTED, written by the approval and removed by a return or an unlock.
-- Every write path (grid, .xlsx, PUT /api/values, dataValueSets) asks the primary key's prefix
-- "is (unit, period, indicator) locked?" — one index probe per value.
create table reporting_value_lock (
    unit_id       bigint not null references org_unit (id),
    period        text   not null,
    indicator_id  bigint not null references reporting_indicator (id),
    submission_id bigint not null references reporting_submission (id),
    primary key (unit_id, period, indicator_id, submission_id)
);
create index reporting_value_lock_submission on reporting_value_lock (submission_id);

-- Completeness boards list a form's submissions for a period across a subtree (key (form, unit,
-- period) and index (form, period, unit) of V53); the notice for a unit's users reads its reminders.
-- Reminders before the deadline (nhắc hạn nộp báo cáo): one row per form × period × unit × kind ×
-- day, so that the scheduled job on several instances and a repeated button press insert it once
-- (insert … on conflict do nothing). sent_at / channel are left for a mail sender added later.
create table reporting_reminder (
    id         bigint generated always as identity primary key,
    form_code  text   not null,
    period     text   not null,
    unit_id    bigint not null references org_unit (id),
    kind       text   not null check (kind in ('SCHEDULED', 'MANUAL')),
    remind_on  date   not null,
    due_on     date   not null,
    created_by text   not null,
    created_at timestamptz not null default now(),
    channel    text,
    sent_at    timestamptz,
    constraint reporting_reminder_once unique (form_code, period, unit_id, kind, remind_on)
);
create index reporting_reminder_unit on reporting_reminder (unit_id, remind_on desc);
create index reporting_reminder_unsent on reporting_reminder (created_at) where sent_at is null;
