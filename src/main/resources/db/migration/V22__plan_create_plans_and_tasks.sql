-- Plans and tasks (module plan): a unit's yearly dân vận plan or a plan implementing a document or
-- a coordination programme; tasks with a responsible unit, coordinating units and a deadline, their
-- progress updates, and delegation down the hierarchy (a task split into child tasks that keep
-- parent_id and roll their progress up). OVERDUE is not stored: it is derived when read, from the
-- deadline and the day (a task not done or cancelled whose due_on has passed).

create table plan (
    id                      bigserial primary key,
    unit_id                 bigint  not null references org_unit (id),     -- the unit whose plan it is
    kind                    text    not null check (kind in ('YEARLY', 'IMPLEMENTING')),
    plan_year               integer,                                       -- a yearly plan's year
    title                   text    not null,
    sort_title              text    not null collate vietnamese,
    theme                   text,                                          -- the year's theme (chủ đề năm)
    starts_on               date    not null,
    ends_on                 date    not null,
    document_id             bigint references document (id),               -- the plan as registered (identifier, date)
    implements_document_id  bigint references document (id),               -- the directive it implements
    implements_programme_id bigint,                                        -- the programme it implements (FK in V24)
    search_text             text    not null default '',
    version                 integer not null default 0,
    created_by              text    not null,
    created_at              timestamptz not null default now(),
    updated_at              timestamptz not null default now(),
    check (ends_on >= starts_on),
    check (kind <> 'YEARLY' or plan_year is not null)
);
create index plan_unit on plan (unit_id, starts_on desc);
create index plan_implements_document on plan (implements_document_id);
create index plan_search on plan using gin (search_text gin_trgm_ops);

create table plan_task (
    id                   bigserial primary key,
    plan_id              bigint  references plan (id) on delete cascade,   -- null for a task a conference assigned
    parent_id            bigint  references plan_task (id),                 -- the task it was delegated from
    origin_kind          text,                                              -- 'MEETING' … : who assigned it, outside plans
    origin_id            bigint,
    origin_ordinal       integer,                                           -- order within its origin's assignment
    assigning_unit_id    bigint  not null references org_unit (id),
    responsible_unit_id  bigint  not null references org_unit (id),
    title                text    not null,
    sort_title           text    not null collate vietnamese,
    note                 text,
    starts_on            date,
    due_on               date    not null,
    due_working_days     integer,                                           -- set when due_on = starts_on + N working days
    status               text    not null default 'NOT_STARTED'
        check (status in ('NOT_STARTED', 'IN_PROGRESS', 'DONE', 'CANCELLED')),
    progress_percent     integer not null default 0 check (progress_percent between 0 and 100),
    done_on              date,
    last_update_on       date,
    last_update_text     text,
    search_text          text    not null default '',
    version              integer not null default 0,
    created_by           text    not null,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    check ((origin_kind is null) = (origin_id is null))
);
create index plan_task_plan on plan_task (plan_id);
create index plan_task_parent on plan_task (parent_id);
create index plan_task_origin on plan_task (origin_kind, origin_id, origin_ordinal);
-- "a unit subtree's tasks", "overdue", "due within N days": by responsible unit, then deadline
create index plan_task_responsible_due on plan_task (responsible_unit_id, due_on);
create index plan_task_open_due on plan_task (due_on) where status in ('NOT_STARTED', 'IN_PROGRESS');
create index plan_task_assigning on plan_task (assigning_unit_id);
create index plan_task_search on plan_task using gin (search_text gin_trgm_ops);

create table plan_task_coordinator (
    task_id  bigint not null references plan_task (id) on delete cascade,
    unit_id  bigint not null references org_unit (id),
    primary key (task_id, unit_id)
);
create index plan_task_coordinator_unit on plan_task_coordinator (unit_id);

-- Progress updates (báo cáo tiến độ) with evidence: a file (PDF, DOCX, image) or a registered document.
create table plan_task_update (
    id                    bigserial primary key,
    task_id               bigint  not null references plan_task (id) on delete cascade,
    reported_on           date    not null,
    percent               integer not null check (percent between 0 and 100),
    text                  text    not null,
    evidence_file_name    text,
    evidence_content_type text,
    evidence_size_bytes   integer,
    evidence              bytea,
    evidence_document_id  bigint references document (id),
    created_by            text    not null,
    created_at            timestamptz not null default now()
);
create index plan_task_update_task on plan_task_update (task_id, reported_on desc, id desc);
