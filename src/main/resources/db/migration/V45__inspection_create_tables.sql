-- Inspections and supervisions (module inspection): a body's yearly inspection (kiểm tra) and
-- supervision (giám sát) work — the documents whose implementation is checked, the team, the target
-- units with their self-assessment reports and findings, the working sessions (conferences of module
-- meeting, linked by id), the conclusion (a document) and the recommendations. A recommendation's
-- responsible unit, deadline and progress live in module plan as a task with origin
-- ('INSPECTION', inspection id); this module keeps only what plan does not: the target and finding it
-- answers and the inspecting body's verdict (accepted, sent back).

create table inspection (
    id                      bigserial primary key,
    inspecting_unit_id      bigint not null references org_unit (id),
    kind                    text not null check (kind in ('INSPECTION', 'SUPERVISION')),
    mode                    text not null check (mode in ('REGULAR', 'THEMATIC')),
    title                   text not null,
    starts_on               date not null,
    ends_on                 date not null,
    conclusion_document_id  bigint references document (id),
    conclusion_summary      text,
    -- search_key of the title and the subject documents' identifiers, for accent-insensitive search
    search_text             text not null default '',
    version                 integer not null default 0,
    created_by              text not null,
    created_at              timestamptz not null default now(),
    updated_at              timestamptz not null default now(),
    check (ends_on >= starts_on)
);
create index inspection_unit_starts on inspection (inspecting_unit_id, starts_on);
create index inspection_starts on inspection (starts_on);
create index inspection_search on inspection using gin (search_text gin_trgm_ops);

-- The documents whose implementation is inspected (16/CT-TTg, 79-CTr/BDVTW-BCSĐCP, 290-QĐ/TW …).
create table inspection_subject (
    inspection_id  bigint not null references inspection (id) on delete cascade,
    document_id    bigint not null references document (id),
    ordinal        integer not null,
    primary key (inspection_id, document_id)
);
create index inspection_subject_document on inspection_subject (document_id);

-- The team: persons of module person, the body each comes from, a role; exactly one head.
create table inspection_member (
    inspection_id  bigint not null references inspection (id) on delete cascade,
    person_id      bigint not null references person (id),
    body_unit_id   bigint not null references org_unit (id),
    role           text not null check (role in ('HEAD', 'DEPUTY', 'MEMBER', 'SECRETARY')),
    ordinal        integer not null,
    primary key (inspection_id, person_id)
);
create unique index inspection_member_one_head on inspection_member (inspection_id) where role = 'HEAD';
create index inspection_member_person on inspection_member (person_id);

-- Target units: the self-assessment report asked of each (deadline, what it sent, when) and the
-- findings about it (strengths, shortcomings).
create table inspection_target (
    inspection_id         bigint not null references inspection (id) on delete cascade,
    unit_id               bigint not null references org_unit (id),
    ordinal               integer not null,
    report_due_on         date,
    report_submitted_on   date,
    report_document_id    bigint references document (id),
    report_note           text,
    report_submitted_by   text,
    strengths             text,
    shortcomings          text,
    primary key (inspection_id, unit_id)
);
create index inspection_target_unit on inspection_target (unit_id, inspection_id);

-- Working sessions: conferences (module meeting, kind INSPECTION_WORKING_SESSION), linked not copied.
create table inspection_session (
    inspection_id  bigint not null references inspection (id) on delete cascade,
    meeting_id     bigint not null references meeting (id),
    primary key (inspection_id, meeting_id)
);
create index inspection_session_meeting on inspection_session (meeting_id);

-- A recommendation = a plan task (origin INSPECTION) + what only this module keeps. Accepted: the
-- inspecting body accepted it as done (the task is then DONE); sent back: it did not accept the
-- reported completion (the task is open again) — cleared when accepted.
create table inspection_recommendation (
    id                bigserial primary key,
    inspection_id     bigint not null references inspection (id) on delete cascade,
    task_id           bigint not null unique references plan_task (id),
    target_unit_id    bigint references org_unit (id),
    finding           text,
    made_on           date not null,
    accepted_on       date,
    accepted_by       text,
    sent_back_on      date,
    sent_back_reason  text,
    version           integer not null default 0,
    created_by        text not null,
    created_at        timestamptz not null default now()
);
create index inspection_recommendation_inspection on inspection_recommendation (inspection_id, id);
create index inspection_recommendation_made on inspection_recommendation (made_on);
create index inspection_recommendation_accepted on inspection_recommendation (accepted_on) where accepted_on is not null;
