-- "Dân vận khéo" registry: collective models (mô hình tập thể) and individual exemplars (điển hình
-- cá nhân), their fields of work, results, assessments, recognitions, commendations, attachments
-- and the replication lineage. The owner unit is the unit that keeps the model; units merged in
-- 2025 keep their rows, and figures reach them through the succession links of org_unit.

-- Fields of work: the four of the movement, plus ones a province adds. Administrators add more.
create table exemplar_field (
    code       text primary key check (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    name_vi    text    not null,
    name_en    text    not null,
    builtin    boolean not null default false,
    sort_order int     not null default 100,
    active     boolean not null default true
);

insert into exemplar_field (code, name_vi, name_en, builtin, sort_order) values
    ('ECONOMY', 'Kinh tế', 'Economy', true, 10),
    ('CULTURE_SOCIETY', 'Văn hóa – xã hội', 'Culture and society', true, 20),
    ('DEFENCE_SECURITY', 'Quốc phòng – an ninh', 'Defence and security', true, 30),
    ('POLITICAL_SYSTEM', 'Xây dựng Đảng và hệ thống chính trị', 'Building the Party and the political system', true, 40),
    ('NEW_RURAL', 'Xây dựng nông thôn mới', 'New rural areas', false, 50),
    ('SOCIAL_WELFARE', 'An sinh xã hội', 'Social welfare', false, 60),
    ('ADMIN_REFORM', 'Cải cách hành chính', 'Administrative reform', false, 70),
    ('DIGITAL', 'Chuyển đổi số', 'Digital transformation', false, 80);

create table exemplar (
    id                bigint generated always as identity primary key,
    number            text        not null unique,                 -- MH-2026-000123 / ĐH-2026-000045
    kind              text        not null check (kind in ('COLLECTIVE', 'INDIVIDUAL')),
    name              text        not null check (length(name) between 1 and 500),
    unit_id           bigint      not null references org_unit (id),
    registrant_type   text        not null check (registrant_type in ('RESIDENTIAL_AREA', 'AGENCY', 'SCHOOL', 'ENTERPRISE',
                                                                     'ARMED_FORCES', 'MASS_ORGANISATION', 'PARTY_CELL', 'OTHER')),
    registrant_name   text,                                          -- "Khu dân cư Nà Phai", "Trường THCS Chi Lăng"
    person_name       text,                                          -- individual exemplars only
    person_title      text,
    situation         text,                                          -- 2. thực trạng, lý do
    objectives        text,                                          -- 3. mục tiêu, tiêu chí
    method            text,                                          -- 4. nội dung, cách thức
    area              text,                                          -- 5. địa bàn, đối tượng
    forces            text,                                          -- 6. lực lượng thực hiện
    funds_vnd         bigint      check (funds_vnd >= 0),            -- 7. nguồn lực
    materials         text,
    workdays          int         check (workdays >= 0),
    socialised_vnd    bigint      check (socialised_vnd >= 0),
    starts_on         date,                                          --    thời gian thực hiện
    ends_on           date,
    outputs           text,                                          -- 8. sản phẩm, kết quả đầu ra
    sustainability    text,                                          -- 9. khả năng duy trì, nhân rộng
    campaign          text,                                          -- the campaign or plan it answers
    registered_on     date        not null,
    year              int         not null,                          -- the year of registration
    status            text        not null check (status in ('REGISTERED', 'IMPLEMENTING', 'ASSESSED', 'RECOGNISED', 'TYPICAL',
                                                           'COMMENDED', 'REPLICATED', 'PAUSED', 'DISCONTINUED')),
    paused_status     text,                                          -- the status to resume to
    public_summary    text,                                          -- what the public showcase may show
    source_id         bigint      references exemplar (id),          -- replicated from
    replica_count     int         not null default 0,                -- direct replicas, kept by the service
    version           int         not null default 0,
    created_by        text        not null,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    search_text       text generated always as (search_key(name || ' ' || coalesce(person_name, '') || ' ' ||
                                                             coalesce(registrant_name, '') || ' ' || coalesce(method, ''))) stored,
    check (ends_on is null or starts_on is null or ends_on >= starts_on),
    check (kind = 'INDIVIDUAL' or person_name is null)
);
create index exemplar_unit_year on exemplar (unit_id, year);
create index exemplar_year on exemplar (year, kind);
create index exemplar_source on exemplar (source_id) where source_id is not null;
create index exemplar_search_text on exemplar using gin (search_text gin_trgm_ops);

create table exemplar_field_link (
    exemplar_id bigint not null references exemplar (id) on delete cascade,
    field_code  text   not null references exemplar_field (code),
    primary key (exemplar_id, field_code)
);
create index exemplar_field_link_field on exemplar_field_link (field_code);

-- Results as figures, per year: people reached, money and workdays mobilised, land donated …
create table exemplar_result (
    id          bigint generated always as identity primary key,
    exemplar_id bigint  not null references exemplar (id) on delete cascade,
    year        int     not null,
    measure     text    not null check (measure in ('PEOPLE_REACHED', 'HOUSEHOLDS', 'MONEY_VND', 'WORKDAYS', 'LAND_M2', 'ROAD_M')),
    value       numeric(20, 2) not null check (value >= 0),
    note        text,
    unique (exemplar_id, year, measure)
);
create index exemplar_result_year on exemplar_result (year, measure);

create table exemplar_assessment (
    id          bigint generated always as identity primary key,
    exemplar_id bigint  not null references exemplar (id) on delete cascade,
    year        int     not null,
    assessed_on date    not null,
    assessor    text    not null,
    criteria    jsonb   not null,                                    -- [{"name", "score", "max"}]
    total       numeric(8, 2) not null,
    max_total   numeric(8, 2) not null,
    passed      boolean not null,
    note        text,
    created_by  text    not null,
    created_at  timestamptz not null default now()
);
create index exemplar_assessment_exemplar on exemplar_assessment (exemplar_id, assessed_on);

-- Year-versioned recognitions: a model can be recognised again in later years, at another level.
create table exemplar_recognition (
    id              bigint generated always as identity primary key,
    exemplar_id     bigint  not null references exemplar (id) on delete cascade,
    year            int     not null,
    level           text    not null check (level in ('COMMUNE', 'DISTRICT', 'PROVINCE', 'CENTRAL')),
    typical         boolean not null default false,
    decision_number text    not null,
    decision_date   date    not null,
    issuer          text    not null,
    created_by      text    not null,
    created_at      timestamptz not null default now()
);
create index exemplar_recognition_exemplar on exemplar_recognition (exemplar_id, year);
create index exemplar_recognition_year on exemplar_recognition (year, level);

create table exemplar_commendation (
    id              bigint generated always as identity primary key,
    exemplar_id     bigint not null references exemplar (id) on delete cascade,
    year            int    not null,
    form            text   not null check (form in ('CERTIFICATE_OF_MERIT', 'LETTER_OF_COMMENDATION', 'CERTIFICATE')),
    issuer          text   not null,
    decision_number text   not null,
    decision_date   date   not null,
    created_by      text   not null,
    created_at      timestamptz not null default now()
);
create index exemplar_commendation_exemplar on exemplar_commendation (exemplar_id);
create index exemplar_commendation_year on exemplar_commendation (year, form);

-- Every change of status, with who and when: the model's history.
create table exemplar_event (
    id          bigint generated always as identity primary key,
    exemplar_id bigint      not null references exemplar (id) on delete cascade,
    action      text        not null,
    day         date        not null,
    from_status text,
    to_status   text        not null,
    note        text,
    related_id  bigint,                                              -- the replica, assessment … the step made
    actor       text        not null,
    at          timestamptz not null default now()
);
create index exemplar_event_exemplar on exemplar_event (exemplar_id, id);

create table exemplar_attachment (
    id           bigint generated always as identity primary key,
    exemplar_id  bigint      not null references exemplar (id) on delete cascade,
    file_name    text        not null,
    content_type text        not null,
    size_bytes   int         not null,
    content      bytea       not null,
    caption      text,
    public       boolean     not null default false,
    uploaded_by  text        not null,
    uploaded_at  timestamptz not null default now()
);
create index exemplar_attachment_exemplar on exemplar_attachment (exemplar_id);

create sequence exemplar_number_seq;
