-- The public showcase searches only what it may show: the name, the person of an individual
-- exemplar and the public summary. search_text also covers the way of working and the registrant,
-- which stay inside; a hit on them would tell a visitor what an unpublished text contains.
alter table exemplar add column public_search_text text
    generated always as (search_key(name || ' ' || coalesce(person_name, '') || ' ' || coalesce(public_summary, ''))) stored;
create index exemplar_public_search_text on exemplar using gin (public_search_text gin_trgm_ops);
-- The showcase lists only recognised models and later stages, newest recognition first.
create index exemplar_public_status on exemplar (status) where status in ('RECOGNISED', 'TYPICAL', 'COMMENDED', 'REPLICATED');
