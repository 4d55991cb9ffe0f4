-- Coordination programmes (module plan): between two or more bodies for a period of years, with
-- signatories, content items (areas of coordination), yearly joint plans and their activities, review
-- results per content item (meeting_id: the conference that reviewed it, kept by module meeting — no
-- foreign key, that module owns its table), and renewal linking a programme to its successor. The
-- programme itself is a document in the registry (document_id): identifier logic stays there.

create table plan_programme (
    id              bigserial primary key,
    document_id     bigint  references document (id),
    owner_unit_id   bigint  not null references org_unit (id),
    title           text    not null,
    sort_title      text    not null collate vietnamese,
    from_year       integer not null,
    to_year         integer not null,
    predecessor_id  bigint  unique references plan_programme (id),  -- the programme this one renews
    version         integer not null default 0,
    created_by      text    not null,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    check (to_year >= from_year)
);
create index plan_programme_owner on plan_programme (owner_unit_id);
create index plan_programme_document on plan_programme (document_id);

create table plan_programme_party (
    programme_id  bigint  not null references plan_programme (id) on delete cascade,
    ordinal       integer not null,
    unit_id       bigint  references org_unit (id),
    name          text    not null,
    primary key (programme_id, ordinal)
);

create table plan_programme_signatory (
    programme_id  bigint  not null references plan_programme (id) on delete cascade,
    ordinal       integer not null,
    name          text    not null,
    title         text    not null,
    body          text    not null,
    primary key (programme_id, ordinal)
);

create table plan_programme_item (
    id            bigserial primary key,
    programme_id  bigint  not null references plan_programme (id) on delete cascade,
    ordinal       integer not null,
    title         text    not null,
    description   text,
    unique (programme_id, ordinal)
);

create table plan_programme_joint_plan (
    id            bigserial primary key,
    programme_id  bigint  not null references plan_programme (id) on delete cascade,
    plan_year     integer not null,
    title         text    not null,
    document_id   bigint  references document (id),
    created_by    text    not null,
    created_at    timestamptz not null default now()
);
create index plan_programme_joint_plan_programme on plan_programme_joint_plan (programme_id, plan_year);

create table plan_programme_activity (
    id             bigserial primary key,
    joint_plan_id  bigint  not null references plan_programme_joint_plan (id) on delete cascade,
    ordinal        integer not null,
    title          text    not null,
    owner_unit_id  bigint  not null references org_unit (id),
    due_on         date    not null,
    status         text    not null default 'NOT_STARTED'
        check (status in ('NOT_STARTED', 'IN_PROGRESS', 'DONE', 'CANCELLED')),
    version        integer not null default 0
);
create index plan_programme_activity_plan on plan_programme_activity (joint_plan_id, ordinal);

create table plan_programme_review (
    id           bigserial primary key,
    item_id      bigint  not null references plan_programme_item (id) on delete cascade,
    reviewed_on  date    not null,
    result       text    not null,
    meeting_id   bigint,                         -- the conference that reviewed it (module meeting), no FK
    created_by   text    not null,
    created_at   timestamptz not null default now()
);
create index plan_programme_review_item on plan_programme_review (item_id, reviewed_on);
create index plan_programme_review_meeting on plan_programme_review (meeting_id);

alter table plan add constraint plan_implements_programme
    foreign key (implements_programme_id) references plan_programme (id);
