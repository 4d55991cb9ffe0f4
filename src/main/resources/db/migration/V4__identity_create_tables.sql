-- Accounts and their roles. A role is granted at one unit and covers that unit's subtree.
create table identity_user (
    id              bigint generated always as identity primary key,
    username        text        not null unique,
    display_name    text        not null,
    email           text,
    password_hash   text        not null,
    enabled         boolean     not null default true,
    failed_logins   int         not null default 0,
    locked_until    timestamptz,
    home_unit_id    bigint      not null,  -- the unit the account belongs to (scope of who manages it)
    created_at      timestamptz not null default now(),
    last_login_at   timestamptz
);
create index identity_user_home_unit on identity_user (home_unit_id);
create index identity_user_search on identity_user using gin (search_key(display_name || ' ' || username) gin_trgm_ops);

create table identity_role_assignment (
    id          bigint generated always as identity primary key,
    user_id     bigint      not null references identity_user (id) on delete cascade,
    role        text        not null check (role in ('SYSTEM_ADMIN', 'UNIT_ADMIN', 'LEADER', 'OFFICER', 'RECEPTION_OFFICER', 'VIEWER')),
    unit_id     bigint      not null,
    granted_at  timestamptz not null default now(),
    granted_by  text        not null,
    unique (user_id, role, unit_id)
);
create index identity_role_assignment_unit on identity_role_assignment (unit_id);

-- Spring Session JDBC (schema of spring-session-jdbc for PostgreSQL, renamed into this module).
create table identity_http_session (
    primary_id            char(36) not null,
    session_id            char(36) not null,
    creation_time         bigint   not null,
    last_access_time      bigint   not null,
    max_inactive_interval int      not null,
    expiry_time           bigint   not null,
    principal_name        varchar(100),
    constraint identity_http_session_pk primary key (primary_id)
);
create unique index identity_http_session_ix1 on identity_http_session (session_id);
create index identity_http_session_ix2 on identity_http_session (expiry_time);
create index identity_http_session_ix3 on identity_http_session (principal_name);

create table identity_http_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint identity_http_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint identity_http_session_attributes_fk foreign key (session_primary_id)
        references identity_http_session (primary_id) on delete cascade
);

-- Personal access tokens for other systems (Authorization: Bearer ...). Only a hash is kept.
create table identity_access_token (
    id           bigint generated always as identity primary key,
    user_id      bigint      not null references identity_user (id) on delete cascade,
    name         text        not null,
    token_hash   text        not null unique,
    created_at   timestamptz not null default now(),
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
