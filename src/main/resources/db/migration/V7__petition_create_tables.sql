-- Citizen reception and petitions (tiếp công dân, xử lý đơn, giải quyết khiếu nại, tố cáo).
-- Units are org_unit ids read through the orgunit API (no foreign key across modules).
-- Identity fields of petitioners and visitors are AES-GCM ciphertext (bytea); only the search key of
-- an unprotected petitioner's name is kept in clear, and a keyed hash for "same petitioner" checks.

-- A reception session (buổi tiếp công dân): regular at the reception office, periodic or ad hoc by
-- the head of a body (host HEAD) or by a deputy the head delegated (host DELEGATE); in person or,
-- from 1/7/2026, online.
create table petition_session (
    id                bigint generated always as identity primary key,
    unit_id           bigint not null,
    kind              text not null check (kind in ('REGULAR', 'PERIODIC', 'AD_HOC')),
    host              text not null check (host in ('OFFICE', 'HEAD', 'DELEGATE')),
    mode              text not null default 'IN_PERSON' check (mode in ('IN_PERSON', 'ONLINE')),
    held_on           date not null,
    place             text,
    host_name         text,
    host_title        text,
    scheduled         boolean not null default false,
    conclusion_number text,
    conclusion_on     date,
    conclusion_text   text,
    created_by        text not null,
    created_at        timestamptz not null default now(),
    version           int not null default 0,
    check (host <> 'OFFICE' or kind = 'REGULAR')
);
create index petition_session_unit on petition_session (unit_id, held_on);

-- A matter (vụ việc): the petitions about the same thing, and their resolution at the handling unit.
create table petition_matter (
    id                bigint generated always as identity primary key,
    number            text not null unique,
    unit_id           bigint not null,
    title             text not null,
    content_kind      text not null check (content_kind in ('COMPLAINT', 'DENUNCIATION', 'RECOMMENDATION', 'REFLECTION', 'MULTIPLE')),
    field             text not null,
    place_unit_id     bigint,
    remote            boolean not null default false,
    complexity        text not null default 'NORMAL' check (complexity in ('NORMAL', 'COMPLEX', 'ESPECIALLY_COMPLEX')),
    round             int not null default 1 check (round in (1, 2)),
    follow_up         boolean not null default false,
    previous_matter_id bigint references petition_matter (id),
    status            text not null,
    suspended_from    text,
    accepted_on       date,
    acceptance_number text,
    due_on            date,
    due_rule          text,
    due_rule_version  int,
    extensions        int not null default 0,
    handler_id        bigint,
    decided_on        date,
    decision_number   text,
    result            text check (result in ('RIGHT', 'WRONG', 'PARTLY_RIGHT', 'UPHELD', 'ANNULLED')),
    closed_on         date,
    withdrawn_partly  boolean not null default false,
    hot_manual        boolean not null default false,
    hot_reason        text,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    version           int not null default 0
);
create index petition_matter_unit on petition_matter (unit_id, status);
create index petition_matter_due on petition_matter (due_on) where status in ('ACCEPTED', 'VERIFYING');
create index petition_matter_place on petition_matter (place_unit_id);
create index petition_matter_title on petition_matter using gin (search_key(title) gin_trgm_ops);

-- The suspensions of a matter (tạm đình chỉ): their days are not counted where the rule says so.
create table petition_suspension (
    matter_id bigint not null references petition_matter (id),
    from_day  date not null,
    to_day    date,
    reason    text not null,
    primary key (matter_id, from_day)
);

-- What a decision or conclusion orders (stage DECIDED) and what enforcement achieved (ENFORCED):
-- money in million VND, land in m².
create table petition_outcome (
    matter_id              bigint not null references petition_matter (id),
    stage                  text not null check (stage in ('DECIDED', 'ENFORCED')),
    recover_money          numeric(16, 3) not null default 0,
    recover_land           numeric(14, 1) not null default 0,
    return_org_money       numeric(16, 3) not null default 0,
    return_org_land        numeric(14, 1) not null default 0,
    return_person_money    numeric(16, 3) not null default 0,
    return_person_land     numeric(14, 1) not null default 0,
    orgs_restored          int not null default 0,
    persons_restored       int not null default 0,
    orgs_disciplined       int not null default 0,
    persons_disciplined    int not null default 0,
    officials_disciplined  int not null default 0,
    cases_transferred      int not null default 0,
    persons_transferred    int not null default 0,
    officials_transferred  int not null default 0,
    completed_on           date,
    primary key (matter_id, stage)
);

-- A visit (lượt tiếp) during a session: who came, how many, about what.
create table petition_visit (
    id                    bigint generated always as identity primary key,
    session_id            bigint not null references petition_session (id),
    unit_id               bigint not null,
    visited_on            date not null,
    persons_count         int not null check (persons_count >= 1),
    representatives_count int not null default 0,
    crowd                 boolean not null,
    matter_id             bigint references petition_matter (id),
    first_time            boolean not null,
    content_kind          text,
    summary               text not null,
    place_unit_id         bigint,
    refused               boolean not null default false,
    refusal_reason        text check (refusal_reason in ('INTOXICATED_OR_ILL', 'THREATENING', 'ALREADY_SETTLED')),
    instruction           text,
    instruction_unit_id   bigint,
    instruction_due_on    date,
    created_by            text not null,
    created_at            timestamptz not null default now(),
    check (not refused or refusal_reason is not null)
);
create index petition_visit_session on petition_visit (session_id);
create index petition_visit_unit on petition_visit (unit_id, visited_on);
create index petition_visit_matter on petition_visit (matter_id);

-- A petition (đơn): one letter or one request made at a visit.
create table petition (
    id                  bigint generated always as identity primary key,
    number              text not null unique,
    unit_id             bigint not null,
    received_on         date not null,
    channel             text not null,
    source_name         text,
    source_reference    text,
    petitioner_kind     text not null check (petitioner_kind in ('PERSON', 'ORGANISATION', 'GROUP', 'AUTHORISED', 'ANONYMOUS')),
    signers_count       int not null default 1 check (signers_count >= 1),
    subject             text not null,
    content             text,
    place_unit_id       bigint,
    visit_id            bigint references petition_visit (id),
    forwarded_from_id   bigint references petition (id),
    protected           boolean not null default false,
    status              text not null check (status in ('RECEIVED', 'PROCESSED')),
    content_kind        text check (content_kind in ('COMPLAINT', 'DENUNCIATION', 'RECOMMENDATION', 'REFLECTION', 'MULTIPLE')),
    field               text,
    eligible            boolean,
    ineligible_reason   text,
    competence          text check (competence in ('WITHIN', 'OUTSIDE')),
    handling            text check (handling in ('ACCEPT', 'GUIDE', 'FORWARD', 'URGE', 'FILE')),
    processed_on        date,
    forwarded_to_id     bigint,
    reply_received_on   date,
    matter_id           bigint references petition_matter (id),
    due_on              date,
    due_rule            text,
    due_rule_version    int,
    created_by          text not null,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    version             int not null default 0
);
create index petition_unit on petition (unit_id, received_on);
create index petition_due on petition (due_on) where status = 'RECEIVED';
create index petition_matter_ref on petition (matter_id);
create index petition_forwarded_from on petition (forwarded_from_id);
create index petition_text on petition using gin (search_key(subject || ' ' || coalesce(content, '')) gin_trgm_ops);

-- Persons named on a petition or present at a visit. Identity fields are ciphertext.
create table petition_person (
    id             bigint generated always as identity primary key,
    petition_id    bigint references petition (id),
    visit_id       bigint references petition_visit (id),
    role           text not null check (role in ('PETITIONER', 'REPRESENTATIVE', 'AUTHORISED', 'VISITOR')),
    ordinal        int not null,
    organisation   boolean not null default false,
    name_cipher    bytea,
    address_cipher bytea,
    phone_cipher   bytea,
    id_cipher      bytea,
    name_key       text,
    identity_hash  text,
    check (petition_id is not null or visit_id is not null)
);
create index petition_person_petition on petition_person (petition_id);
create index petition_person_visit on petition_person (visit_id);
create index petition_person_hash on petition_person (identity_hash);
create index petition_person_name on petition_person using gin (name_key gin_trgm_ops);

-- Who may see a protected identity: the officer who received it, the handler, and users a leader
-- granted the case to.
create table petition_identity_grant (
    petition_id bigint not null references petition (id),
    account_id  bigint not null,
    granted_by  text not null,
    granted_at  timestamptz not null default now(),
    primary key (petition_id, account_id)
);

-- Every step of a petition or a matter, with its date, document and the deadline it set.
create table petition_step (
    id              bigint generated always as identity primary key,
    petition_id     bigint references petition (id),
    matter_id       bigint references petition_matter (id),
    kind            text not null,
    on_day          date not null,
    actor           text not null,
    note            text,
    document_number text,
    due_on          date,
    rule            text,
    rule_version    int,
    recorded_at     timestamptz not null default now(),
    check (petition_id is not null or matter_id is not null)
);
create index petition_step_petition on petition_step (petition_id);
create index petition_step_matter on petition_step (matter_id);

-- Yearly counters for case numbers, per unit.
create table petition_counter (
    unit_id bigint not null,
    year    int not null,
    kind    text not null,
    last    int not null,
    primary key (unit_id, year, kind)
);
