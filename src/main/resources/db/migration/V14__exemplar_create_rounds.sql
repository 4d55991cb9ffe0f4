-- Rounds of the "Dân vận khéo" movement: a unit's yearly assessment round (the list of models to
-- assess, the criteria and the result table) and commendation ceremonies for a period (e.g.
-- 2021–2025) that pick typical models across a unit's subtree.
create table exemplar_round (
    id              bigint generated always as identity primary key,
    kind            text        not null check (kind in ('ASSESSMENT', 'CEREMONY')),
    unit_id         bigint      not null references org_unit (id),
    title           text        not null check (length(title) between 1 and 500),
    from_year       int         not null,
    to_year         int         not null,
    criteria        jsonb,                                           -- assessment rounds: [{"name", "max"}]
    held_on         date,                                            -- ceremonies: the day
    decision_number text,                                            -- ceremonies: the commendation decision
    issuer          text,
    form            text check (form in ('CERTIFICATE_OF_MERIT', 'LETTER_OF_COMMENDATION', 'CERTIFICATE')),
    status          text        not null default 'OPEN' check (status in ('OPEN', 'CLOSED')),
    version         int         not null default 0,
    created_by      text        not null,
    created_at      timestamptz not null default now(),
    check (to_year >= from_year),
    check (kind = 'CEREMONY' or from_year = to_year)
);
create index exemplar_round_unit on exemplar_round (unit_id, to_year);

create table exemplar_round_item (
    round_id    bigint  not null references exemplar_round (id) on delete cascade,
    exemplar_id bigint  not null references exemplar (id),
    selected    boolean not null default false,                      -- ceremonies: picked as typical
    primary key (round_id, exemplar_id)
);
create index exemplar_round_item_exemplar on exemplar_round_item (exemplar_id);

alter table exemplar_assessment add column round_id bigint references exemplar_round (id);
alter table exemplar_commendation add column round_id bigint references exemplar_round (id);
