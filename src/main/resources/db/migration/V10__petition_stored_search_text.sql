-- The accent-free search text of a petition, stored: a trigram match is rechecked against it, and
-- recomputing search_key (unaccent) for every candidate made a whole-country search take seconds to
-- tens of seconds at 4.5 million petitions (bench/results/petitions-2026-11-30-*.md).
alter table petition add column search_text text
    generated always as (search_key(subject || ' ' || coalesce(content, ''))) stored;
drop index petition_text;
create index petition_search_text on petition using gin (search_text gin_trgm_ops);
