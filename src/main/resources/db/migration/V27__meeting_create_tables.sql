-- Conferences (module meeting): quarterly briefings, reviews, working sessions, signing ceremonies;
-- who chaired them, which units took part, what was heard, what units said and what was concluded.
-- Documents and persons are referenced by id (their modules own them); the tasks a conclusion
-- assigns live in module plan with origin ('MEETING', meeting id).

-- A series of recurring conferences ("Giao ban công tác dân vận quý — Tỉnh ủy Lạng Sơn"): a
-- briefing knows the previous one of its series.
create table meeting_series (
    id            bigserial primary key,
    name          text not null,
    host_unit_id  bigint not null references org_unit (id),
    created_by    text not null,
    created_at    timestamptz not null default now()
);
create index meeting_series_host on meeting_series (host_unit_id);

create table meeting (
    id                      bigserial primary key,
    kind                    text not null check (kind in ('QUARTERLY_BRIEFING', 'SIX_MONTH_REVIEW', 'ANNUAL_REVIEW',
                                'MULTI_YEAR_REVIEW', 'INSPECTION_WORKING_SESSION', 'THEMATIC', 'SIGNING_CEREMONY')),
    series_id               bigint references meeting_series (id),
    title                   text not null,
    -- local time in Việt Nam (Asia/Ho_Chi_Minh), as invitations write it
    starts_at               timestamp not null,
    ends_at                 timestamp not null,
    place                   text,
    host_unit_id            bigint not null references org_unit (id),
    -- the document or programme a multi-year review (or a working session) reviews
    reviewed_document_id    bigint references document (id),
    conclusion_document_id  bigint references document (id),
    conclusion_summary      text,
    search_text             text not null default '',
    version                 integer not null default 0,
    created_by              text not null,
    created_at              timestamptz not null default now(),
    updated_at              timestamptz not null default now(),
    check (ends_at >= starts_at)
);
create index meeting_host_starts on meeting (host_unit_id, starts_at);
create index meeting_starts on meeting (starts_at);
create index meeting_series_starts on meeting (series_id, starts_at);
create index meeting_search on meeting using gin (search_text gin_trgm_ops);

-- Chair (CHAIR, one) and co-chairs (CO_CHAIR), persons; their titles are read as of the meeting date.
create table meeting_chair (
    meeting_id  bigint not null references meeting (id) on delete cascade,
    person_id   bigint not null references person (id),
    role        text not null check (role in ('CHAIR', 'CO_CHAIR', 'PARTICIPANT')),
    ordinal     integer not null,
    primary key (meeting_id, person_id)
);
create index meeting_chair_person on meeting_chair (person_id);

-- Participating units (besides the host).
create table meeting_unit (
    meeting_id  bigint not null references meeting (id) on delete cascade,
    unit_id     bigint not null references org_unit (id),
    primary key (meeting_id, unit_id)
);
create index meeting_unit_unit on meeting_unit (unit_id, meeting_id);

create table meeting_agenda_item (
    meeting_id  bigint not null references meeting (id) on delete cascade,
    ordinal     integer not null,
    text        text not null,
    primary key (meeting_id, ordinal)
);

-- Reports heard: documents of the registry.
create table meeting_report (
    meeting_id   bigint not null references meeting (id) on delete cascade,
    document_id  bigint not null references document (id),
    ordinal      integer not null,
    primary key (meeting_id, document_id)
);

-- Opinions raised by units.
create table meeting_opinion (
    id          bigserial primary key,
    meeting_id  bigint not null references meeting (id) on delete cascade,
    unit_id     bigint not null references org_unit (id),
    text        text not null,
    created_by  text not null,
    created_at  timestamptz not null default now()
);
create index meeting_opinion_meeting on meeting_opinion (meeting_id, id);
