-- The words of a model's accent-folded search text and every pair of neighbouring words, each prefixed by
-- the model's year of registration: "2026/thanh", "2026/thanh vinh". A search in the whole country
-- (ExemplarQueries, SearchWords.perYear) asks it one year at a time, newest first, and stops once it holds
-- more hits than the list counts (1,001): a common theme ("nong thon moi") reads one year's postings, not
-- the country's of fifteen years; and a name of common syllables ("nong thanh vinh") asks the pair
-- "thanh vinh", held by a few thousand models, not "thanh" and "vinh" apart, held by tens of thousands
-- (V69's words index read 17,586 candidates for 74 hits at 1,000,000 models).
-- Single words are read as V69's index read them (the 'simple' parser); a pair is a word made of the
-- letters a–z only, followed after one space by the letters that begin the next word (up to 40 of each):
-- what a text typed with spaces holds ("x thanh vinh" inside a model's text means "thanh" stands between
-- two spaces and the next word begins with "vinh"). The containment check (strpos) keeps the exact hits.
-- Immutable: a pure function of the row's year and search_text.
create function exemplar_year_words(p_year integer, p_text text) returns tsvector
language plpgsql immutable strict parallel safe as $$
declare
    words text[] := tsvector_to_array(to_tsvector('simple'::regconfig, p_text));
    out text[] := '{}';
    k integer := 0;
    prev text;
    tok text;
    run text;
begin
    foreach tok in array words loop
        if length(tok) < 1000 then
            k := k + 1;
            out[k] := p_year || '/' || tok;
        end if;
    end loop;
    foreach tok in array string_to_array(p_text, ' ') loop
        if prev is not null then
            run := substring(tok from '^[a-z]{1,40}');
            if run is not null then
                k := k + 1;
                out[k] := p_year || '/' || prev || ' ' || run;
            end if;
        end if;
        prev := case when tok ~ '^[a-z]{1,40}$' then tok end;
    end loop;
    return array_to_tsvector(out);
end
$$;

-- Built over the models already there (a real upgrade, or a dataset generated before this version).
create index exemplar_year_words on exemplar using gin (exemplar_year_words(year, search_text));

-- V69's words index is asked no more: the whole country's searches ask the index above.
drop index exemplar_search_words;
