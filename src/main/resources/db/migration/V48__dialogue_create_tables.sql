-- Dialogues (module dialogue) between the heads of Party committees and authorities and the people,
-- businesses, union members or young people. A dialogue is a conference: its calendar entry is a
-- meeting of kind DIALOGUE (module meeting), so meeting's kind check is widened here. What is
-- particular to a dialogue is kept below: who took part by group, the opinions raised (the speaker's
-- name and contact are private: never shown on a public page), the answers given on the spot, and the
-- commitments — tasks of module plan with origin ('DIALOGUE', dialogue id) — and petitions handed to
-- module petition (a link by id, no copy).

alter table meeting drop constraint meeting_kind_check;
alter table meeting add constraint meeting_kind_check check (kind in ('QUARTERLY_BRIEFING', 'SIX_MONTH_REVIEW', 'ANNUAL_REVIEW',
    'MULTI_YEAR_REVIEW', 'INSPECTION_WORKING_SESSION', 'THEMATIC', 'SIGNING_CEREMONY', 'DIALOGUE'));

create table dialogue (
    id                bigserial primary key,
    -- the conference record of the dialogue (kind DIALOGUE): date, time, place, chair, host = organising unit
    meeting_id        bigint not null unique references meeting (id),
    -- copies of the conference's header that the lists, figures and public pages filter and sort on
    unit_id           bigint not null references org_unit (id),
    held_on           date not null,
    title             text not null,
    place             text,
    chair_person_id   bigint references person (id),
    -- counts entered by the officer when not every opinion is recorded one by one (null: count the records)
    raised_count      integer check (raised_count >= 0),
    answered_count    integer check (answered_count >= 0),
    summary           text,
    search_text       text not null default '',
    version           integer not null default 0,
    created_by        text not null,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    check (answered_count is null or raised_count is null or answered_count <= raised_count)
);
create index dialogue_unit_held on dialogue (unit_id, held_on desc);
create index dialogue_held on dialogue (held_on desc, id desc);
create index dialogue_search on dialogue using gin (search_text gin_trgm_ops);

-- Participants by group (người dân, doanh nghiệp, đoàn viên công đoàn, thanh niên, …) and number.
create table dialogue_participant (
    dialogue_id  bigint not null references dialogue (id) on delete cascade,
    audience     text not null check (audience in ('PEOPLE', 'BUSINESSES', 'UNION_MEMBERS', 'YOUTH', 'WOMEN', 'FARMERS', 'OTHER')),
    count        integer not null check (count > 0),
    primary key (dialogue_id, audience)
);

create table dialogue_opinion (
    id                      bigserial primary key,
    dialogue_id             bigint not null references dialogue (id) on delete cascade,
    ordinal                 integer not null,
    speaker_kind            text not null check (speaker_kind in ('PERSON', 'ORGANISATION', 'ANONYMOUS')),
    -- private: a citizen's or an organisation's name and contact, for the officers only
    speaker_name            text,
    speaker_contact         text,
    topic                   text not null,
    field                   text not null,
    place                   text,
    -- answered on the spot: the answer and the official (a person, named with the title held that day)
    answer                  text,
    answered_by_person_id   bigint references person (id),
    -- or assigned: the commitment is plan_task(id) with origin ('DIALOGUE', dialogue_id)
    task_id                 bigint,
    accepted_on             date,
    -- handed to module petition as a petition (its id there)
    petition_id             bigint,
    created_by              text not null,
    created_at              timestamptz not null default now(),
    check (speaker_kind <> 'ANONYMOUS' or (speaker_name is null and speaker_contact is null)),
    check (not (answer is not null and task_id is not null)),
    unique (dialogue_id, ordinal)
);
create index dialogue_opinion_task on dialogue_opinion (task_id) where task_id is not null;
