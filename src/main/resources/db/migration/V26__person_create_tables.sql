-- People (module person): officials named in conferences, and the positions they hold in units
-- over time. Kept minimal, as personal data: a name (and, only if known, gender and birth year);
-- no identity numbers, no phone numbers.

create table person (
    id             bigserial primary key,
    full_name      text not null,
    -- accent-free key of the name, for search ("hoang van nghiem" finds "Hoàng Văn Nghiệm")
    search_text    text generated always as (search_key(full_name)) stored,
    gender         text check (gender in ('MALE', 'FEMALE')),
    birth_year     integer check (birth_year between 1900 and 2100),
    -- the unit that keeps the record (scope: who may change it, who sees it beyond the positions)
    owner_unit_id  bigint not null references org_unit (id),
    version        integer not null default 0,
    created_by     text not null,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now()
);
create index person_search on person using gin (search_text gin_trgm_ops);
create index person_owner on person (owner_unit_id);

-- "Phó Bí thư Tỉnh ủy" at Tỉnh ủy Lạng Sơn from … to … (open while held). A person may hold several
-- positions at once ("Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh"); ordinal orders them in a title.
create table person_position (
    id          bigserial primary key,
    person_id   bigint not null references person (id) on delete cascade,
    unit_id     bigint not null references org_unit (id),
    title       text not null,
    valid_from  date,
    valid_to    date,
    ordinal     integer not null default 0,
    created_by  text not null,
    created_at  timestamptz not null default now(),
    check (valid_to is null or valid_from is null or valid_to >= valid_from)
);
create index person_position_person on person_position (person_id, ordinal);
create index person_position_unit on person_position (unit_id);
