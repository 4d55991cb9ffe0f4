-- Document registry (module document): directives, decisions, programmes, plans, reports … of
-- State and Party bodies, their issuers, relations and attachments.

create table document (
    id                  bigserial primary key,
    system              text not null check (system in ('STATE', 'PARTY')),
    -- number and symbol: the normal form (NFC, no spaces) and what the officer typed; both null
    -- when the identifier of an old document is not known
    identifier          text,
    identifier_original text,
    number              integer,
    number_text         text,
    id_year             integer,          -- the year written in a State identifier (09/2019/NĐ-CP)
    type                text,             -- type abbreviation the symbol carries (CT, QĐi); null for laws and letters
    symbol              text,             -- CT-TTg, QĐ/TW
    issuer_codes        text[] not null default '{}',
    kind_name           text not null,    -- "Chỉ thị", "Chương trình phối hợp"
    -- numbering scope (brief §8): State numbers restart each calendar year per issuer, Party numbers
    -- each Party-committee term per issuer and type; the issuer is the lead (first) issuer's unit, or
    -- its name when it has no unit
    numbering_scope     text,
    numbering_year      integer,
    party_term          text,             -- "2021-2026"
    owner_unit_id       bigint not null references org_unit (id),
    signer_name         text,
    signer_title        text,
    issued_on           date,
    effective_from      date,
    effective_to        date,
    subject             text not null,    -- trích yếu
    content             text,             -- main points, free text
    status              text not null default 'IN_FORCE'
        check (status in ('IN_FORCE', 'REPLACED', 'EXPIRED', 'ABOLISHED', 'ISSUER_ABOLISHED')),
    search_text         text not null default '',
    version             integer not null default 0,
    created_by          text not null,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    check (effective_to is null or effective_from is null or effective_to >= effective_from),
    check ((identifier is null) = (number is null))
);

-- The uniqueness rules of brief §8.3 (symbols compared ignoring case); a duplicate is refused by
-- the registry with a link to the holder, these indexes are the last guard.
create unique index document_state_number on document (numbering_scope, numbering_year, number, upper(symbol))
    where system = 'STATE' and identifier is not null;
create unique index document_party_number on document (numbering_scope, party_term, upper(type), number)
    where system = 'PARTY' and identifier is not null;
create index document_identifier on document (upper(identifier));
create index document_owner on document (owner_unit_id);
create index document_issued on document (issued_on desc, id desc);
create index document_search on document using gin (search_text gin_trgm_ops);
create index document_issuer_codes on document using gin (issuer_codes);

-- Issuing bodies, lead first. A body may be linked to its unit; its name as of the document's date is
-- kept as text, so documents of bodies abolished or renamed in 2025 are found under that name.
create table document_issuer (
    document_id  bigint not null references document (id) on delete cascade,
    ordinal      integer not null,
    unit_id      bigint references org_unit (id),
    name         text not null,
    primary key (document_id, ordinal)
);
create index document_issuer_unit on document_issuer (unit_id);

-- "from_id implements / replaces / amends / guides / renews / reports on to_id", dated.
create table document_relation (
    id          bigserial primary key,
    from_id     bigint not null references document (id) on delete cascade,
    kind        text not null check (kind in ('IMPLEMENTS', 'REPLACES', 'AMENDS', 'GUIDES', 'RENEWS', 'REPORTS_ON')),
    to_id       bigint not null references document (id),
    related_on  date,
    note        text,
    created_by  text not null,
    created_at  timestamptz not null default now(),
    unique (from_id, kind, to_id),
    check (from_id <> to_id)
);
create index document_relation_to on document_relation (to_id);

-- Files (PDF, DOCX) with their extracted text, searchable without accents.
create table document_attachment (
    id            bigserial primary key,
    document_id   bigint not null references document (id) on delete cascade,
    file_name     text not null,
    content_type  text not null,
    size_bytes    integer not null,
    content       bytea not null,
    text_content  text,
    search_text   text generated always as (search_key(coalesce(text_content, ''))) stored,
    uploaded_by   text not null,
    uploaded_at   timestamptz not null default now()
);
create index document_attachment_document on document_attachment (document_id);
create index document_attachment_search on document_attachment using gin (search_text gin_trgm_ops);
