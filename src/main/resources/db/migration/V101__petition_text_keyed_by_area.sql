-- A petition's search text moves out of the petition row into petition_text, written when the petition is received
-- (and again only if its subject or content is ever corrected), keyed by the area of receipt.
--
-- Why out of the row: processing updates the petition row, and an update that changes indexed columns (status,
-- matter_id, processed_on …) writes a new version of the row into every index, the two GIN indexes over the text
-- included (its trigrams and its year words: hundreds of entries each), and recomputed the stored generated column
-- search_text (unaccent of subject and content) on every update. In petition_text the text is indexed once.
--
-- Why by area: a province's search by words read the country's postings of each year and kept its own (at 500,000
-- petitions, "thu hoi dat" in Lạng Sơn: 8,400 candidates and 6,200 pages a year, 28 ms a year). The words are now
-- keyed by year and area of receipt too, "2026.20/thu hoi": a search within a few areas asks their keys only; a
-- country search asks the year's keys, as before (PetitionYearSearch).
--
-- The area of a unit: the province (or central body) on its path, '/1/42/977/' -> 42; the root itself for the root.
-- A unit's path never changes (units are dated, a reform makes new units), so the area of a petition never does.
create function unit_area(p_id bigint, p_path text) returns bigint
language sql immutable parallel safe as $$
    select coalesce(cast(nullif(split_part(p_path, '/', 3), '') as bigint), p_id)
$$;

-- V99's year_words with keys before the '/' (a year, or a year and an area): the same words and pairs, under each key.
create function keyed_words(p_keys text[], p_text text) returns tsvector
language plpgsql immutable strict parallel safe as $$
declare
    words text[] := tsvector_to_array(to_tsvector('simple'::regconfig, p_text));
    out text[] := '{}';
    k integer := 0;
    prev text;
    tok text;
    run text;
    key text;
begin
    foreach tok in array words loop
        if length(tok) < 1000 then
            foreach key in array p_keys loop
                k := k + 1;
                out[k] := key || '/' || tok;
            end loop;
        end if;
    end loop;
    foreach tok in array string_to_array(p_text, ' ') loop
        if prev is not null then
            run := substring(tok from '^[a-z]{1,40}');
            if run is not null then
                foreach key in array p_keys loop
                    k := k + 1;
                    out[k] := key || '/' || prev || ' ' || run;
                end loop;
            end if;
        end if;
        -- the letters ending the word, when they are a whole run (not the tail of a run of more than 40)
        prev := substring(tok from '(?:^|[^a-z])([a-z]{1,40})$');
    end loop;
    return array_to_tsvector(out);
end
$$;

-- year_words (V99: exemplars, documents) becomes this rule with the year as key: one copy of the rule. Its words are
-- the same as before (p_year || '/' and cast(p_year as text) || '/' write the same key), so no index is rebuilt.
create or replace function year_words(p_year integer, p_text text) returns tsvector
language sql immutable strict parallel safe as $$
    select public.keyed_words(array[cast(p_year as text)], p_text)
$$;

-- The words of a petition's text keyed by the year of its receipt and by the year and area: '2026/thu hoi' and
-- '2026.42/thu hoi'. A search within a few areas asks their keys; a search of the whole country (or of many areas) the
-- year's: asking every area's key of a year at once made GIN weigh 184 entries for each of 8,483 candidates (39 ms).
create function petition_area_words(p_area bigint, p_received date, p_text text) returns tsvector
language sql immutable strict parallel safe as $$
    select public.keyed_words(array[cast(extract(year from p_received) as integer) || '',
                                    cast(extract(year from p_received) as integer) || '.' || p_area], p_text)
$$;

create table petition_text (
    petition_id bigint primary key references petition (id) on delete cascade,
    unit_id     bigint not null,  -- the receiving unit (a search by words within units alone reads no petition row)
    area_id     bigint not null,  -- unit_area of the receiving unit
    received_on date   not null,  -- the petition's day of receipt (the year of its words)
    search_text text   not null   -- search_key(subject || ' ' || content), as petition.search_text was
);

-- Kept by the database for every writer: written when a petition is received, written again if its text, unit or day
-- is ever corrected (processing sets none of these columns, so its updates do not fire it).
create function petition_text_kept() returns trigger
language plpgsql as $$
begin
    insert into petition_text (petition_id, unit_id, area_id, received_on, search_text)
    select new.id, u.id, unit_area(u.id, u.path), new.received_on, search_key(new.subject || ' ' || coalesce(new.content, ''))
    from org_unit u where u.id = new.unit_id
    on conflict (petition_id) do update
        set unit_id = excluded.unit_id, area_id = excluded.area_id, received_on = excluded.received_on,
            search_text = excluded.search_text;
    return null;
end
$$;

create trigger petition_text_kept after insert or update of subject, content, unit_id, received_on on petition
    for each row execute function petition_text_kept();

set local maintenance_work_mem = '256MB';

insert into petition_text (petition_id, unit_id, area_id, received_on, search_text)
select p.id, p.unit_id, unit_area(u.id, u.path), p.received_on, p.search_text
from petition p join org_unit u on u.id = p.unit_id
order by p.id;

-- The words and pairs by year and area (PetitionYearSearch) and the trigrams (a text with a LIKE wildcard or no
-- word of letters; the list's substring search and the likely duplicates' similarity read the text by id).
create index petition_text_area_words on petition_text using gin (petition_area_words(area_id, received_on, search_text));
create index petition_text_trigrams on petition_text using gin (search_text gin_trgm_ops);

-- Drops the petition's GIN indexes over it (petition_search_text, petition_year_words) with it.
alter table petition drop column search_text;
drop function petition_year_words(date, text);

analyze petition_text;
