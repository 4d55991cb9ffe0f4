-- Implementation tracking (module plan): a document is assigned for implementation to a set of units
-- (explicit units, every province, every commune of a province, the Front and the mass organisations of
-- a province). Each assigned unit links its implementing document (its plan, registered with identifier
-- and date) and files progress reports. The matrix reads plan_assignment_unit, not-acted units first.

create table plan_assignment (
    id                   bigserial primary key,
    document_id          bigint  not null references document (id),
    assigning_unit_id    bigint  not null references org_unit (id),
    assigned_on          date    not null,
    due_on               date    not null,          -- the deadline for issuing the implementing plan
    late_in_working_days boolean not null default false,
    target               text    not null check (target in ('UNITS', 'PROVINCES', 'COMMUNES_OF', 'FRONT_AND_MASS_OF')),
    target_unit_id       bigint references org_unit (id),   -- the province of COMMUNES_OF / FRONT_AND_MASS_OF
    note                 text,
    version              integer not null default 0,
    created_by           text    not null,
    created_at           timestamptz not null default now(),
    check (due_on >= assigned_on)
);
create index plan_assignment_document on plan_assignment (document_id);
create index plan_assignment_assigning on plan_assignment (assigning_unit_id);

create table plan_assignment_unit (
    id                        bigserial primary key,
    assignment_id             bigint not null references plan_assignment (id) on delete cascade,
    unit_id                   bigint not null references org_unit (id),
    unit_code                 text   not null,                      -- as on the assignment day
    unit_name                 text   not null,
    unit_sort_name            text   not null collate vietnamese,
    implementing_document_id  bigint references document (id),
    implemented_on            date,                                 -- the implementing document's date
    latest_report_on          date,
    latest_report_text        text,
    version                   integer not null default 0,
    unique (assignment_id, unit_id)
);
-- the matrix: not acted first, then by name; paged over 3,321 communes
create index plan_assignment_unit_matrix on plan_assignment_unit
    (assignment_id, (implementing_document_id is not null), unit_sort_name, id);
create index plan_assignment_unit_unit on plan_assignment_unit (unit_id);
create index plan_assignment_unit_document on plan_assignment_unit (implementing_document_id);

create table plan_assignment_report (
    id                  bigserial primary key,
    assignment_unit_id  bigint not null references plan_assignment_unit (id) on delete cascade,
    reported_on         date   not null,
    text                text   not null,
    document_id         bigint references document (id),
    created_by          text   not null,
    created_at          timestamptz not null default now()
);
create index plan_assignment_report_unit on plan_assignment_report (assignment_unit_id, reported_on desc, id desc);
