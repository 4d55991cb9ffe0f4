-- The year words of a petition's accent-folded search text (V86's rule, public.year_words: every word as the
-- 'simple' parser reads it and every pair of neighbouring words of the letters a–z, each prefixed by the year of
-- receipt: "2026/thu hoi", "2026/dat"). A search by words (PetitionYearSearch) asks it one year at a time, newest
-- first, and stops once it holds more hits than the list counts (1,001): a common topic ("thu hoi dat") reads the
-- newest year's postings, not those of every year kept; a name of common syllables ("nguyen van an") asks the pairs
-- "van an", held side by side by few petitions, not "van" and "an" apart. Within a unit subtree each year's question
-- also holds the units and the year's days, so the planner may join the year's postings with the (unit, day) index.
-- strpos keeps the exact hits, as with V76's index. Immutable: a pure function of the row's day and text.
-- Schema-qualified: an index expression runs with a search_path of pg_catalog only.
create function petition_year_words(p_received date, p_text text) returns tsvector
language sql immutable parallel safe as $$
    select public.year_words(cast(extract(year from p_received) as integer), p_text)
$$;

-- Built over the petitions already there (a real upgrade, or a dataset generated before this version).
create index petition_year_words on petition using gin (petition_year_words(received_on, search_text));

-- V76's words index is asked no more: every search by words asks the index above, year by year.
drop index petition_search_words;
