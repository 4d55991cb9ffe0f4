-- Grassroots democracy in a commune (Law 10/2022/QH15, Decree 59/2023/NĐ-CP): the People's Inspection
-- Board and the Community Investment Supervision Boards with their members, the board's activity plans,
-- the inspections and supervisions it plans, their recommendations and the answers received, community
-- meetings with their votes, and the disclosure register. Every record is held by a commune (unit_id).

create table democracy_community_meeting (
    id                 bigserial primary key,
    unit_id            bigint not null references org_unit (id),
    village            text not null,
    held_on            date not null,
    households_total   integer not null check (households_total > 0),
    households_present integer not null check (households_present >= 0 and households_present <= households_total),
    agenda             text not null,
    version            integer not null default 0,
    created_by         text not null,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz
);
create index democracy_community_meeting_unit_day on democracy_community_meeting (unit_id, held_on);

create table democracy_vote (
    id                    bigserial primary key,
    community_meeting_id  bigint not null references democracy_community_meeting (id) on delete cascade,
    position              integer not null,
    item                  text not null,
    votes_for             integer not null check (votes_for >= 0),
    votes_against         integer not null check (votes_against >= 0),
    votes_abstain         integer not null check (votes_abstain >= 0),
    unique (community_meeting_id, position)
);

create table democracy_board (
    id                            bigserial primary key,
    unit_id                       bigint not null references org_unit (id),
    kind                          text not null check (kind in ('PEOPLES_INSPECTION', 'INVESTMENT_SUPERVISION')),
    project_name                  text,
    investor                      text,
    village_count                 integer check (village_count > 0),
    term_from                     date not null,
    term_to                       date not null check (term_to >= term_from),
    elected_community_meeting_id  bigint references democracy_community_meeting (id),
    -- a conference of module meeting (no foreign key: another module's table)
    elected_conference_id         bigint,
    findings                      text,
    version                       integer not null default 0,
    created_by                    text not null,
    created_at                    timestamptz not null default now(),
    updated_at                    timestamptz,
    check (kind <> 'INVESTMENT_SUPERVISION' or project_name is not null)
);
create index democracy_board_unit on democracy_board (unit_id, kind, term_from desc);

create table democracy_board_member (
    id         bigserial primary key,
    board_id   bigint not null references democracy_board (id) on delete cascade,
    position   integer not null,
    full_name  text not null,
    role       text not null check (role in ('HEAD', 'DEPUTY', 'MEMBER')),
    village    text,
    -- personal data of a citizen: shown to officers of the commune's scope only, never on a public page
    phone      text,
    address    text,
    unique (board_id, position)
);

create table democracy_board_plan (
    id           bigserial primary key,
    board_id     bigint not null references democracy_board (id) on delete cascade,
    period_key   text not null check (period_key ~ '^[0-9]{4}(Q[1-4]|H[12])?$'),
    content      text not null,
    adopted_on   date,
    created_by   text not null,
    created_at   timestamptz not null default now()
);
create index democracy_board_plan_board on democracy_board_plan (board_id, period_key);

create table democracy_activity (
    id                bigserial primary key,
    board_id          bigint not null references democracy_board (id) on delete cascade,
    kind              text not null check (kind in ('INSPECTION', 'SUPERVISION')),
    title             text not null,
    subjects          text not null,
    starts_on         date not null,
    sent_front_on     date,
    sent_chair_on     date,
    sent_subjects_on  date,
    -- working days the notice fell short of the five required (0 when sent in time), kept for the lists
    notice_shortfall  integer not null default 0,
    findings          text,
    version           integer not null default 0,
    created_by        text not null,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz
);
create index democracy_activity_board_day on democracy_activity (board_id, starts_on);

create table democracy_recommendation (
    id                  bigserial primary key,
    activity_id         bigint not null references democracy_activity (id) on delete cascade,
    content             text not null,
    addressee           text not null,
    made_on             date not null,
    due_on              date,
    answered_on         date,
    answered_by         text,
    answered_by_title   text,
    answer              text,
    version             integer not null default 0,
    created_by          text not null,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz,
    check ((answered_on is null) = (answer is null))
);
create index democracy_recommendation_activity on democracy_recommendation (activity_id);

-- The items a commune must disclose (Law 10/2022/QH15 Art. 11), with their legal basis, how often they
-- fall due and how long they must stay on the notice board (Art. 12: at least 30 days). Seeded by V51.
create table democracy_disclosure_item (
    code             text primary key,
    title            text not null,
    title_en         text not null,
    legal_basis      text not null,
    frequency        text not null check (frequency in ('YEARLY', 'HALF_YEARLY', 'QUARTERLY', 'ON_EVENT')),
    min_days_posted  integer not null default 30,
    sort             integer not null
);

create table democracy_disclosure (
    id            bigserial primary key,
    unit_id       bigint not null references org_unit (id),
    item_code     text not null references democracy_disclosure_item (code),
    period_key    text not null check (period_key ~ '^[0-9]{4}(Q[1-4]|H[12])?$'),
    channel       text not null check (channel in ('NOTICE_BOARD', 'LOUDSPEAKER', 'WEBSITE', 'MEETING')),
    title         text not null,
    posted_on     date not null,
    posted_until  date check (posted_until >= posted_on),
    version       integer not null default 0,
    created_by    text not null,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz
);
create index democracy_disclosure_unit_period on democracy_disclosure (unit_id, period_key, item_code);
create index democracy_disclosure_unit_day on democracy_disclosure (unit_id, posted_on);
