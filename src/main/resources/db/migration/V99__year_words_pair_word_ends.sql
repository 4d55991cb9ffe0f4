-- The pairs of the year words indexes (V84 exemplars, V86 documents, V95 petitions) now begin with the letters that
-- END a word, not only with a word made of letters alone: "(đông kinh" folded to "(dong kinh" holds the pair
-- "dong kinh", as do "dong kinh" and "100dong kinh". A search may then ask the first word typed in its pair when no
-- Vietnamese syllable ends with that word (VietnameseText.wordTerms): "dong kinh" asks "dong kinh":* instead of
-- "kinh":*, held by every petition about "kinh tế" or "kinh phí" (at 500,000 petitions, 4,427 candidates a year
-- for 36 hits). The pairs of before are all still there (a word of letters alone ends with itself), so every
-- search of before finds what it found. A run of more than 40 letters begins no pair, as before.
-- Immutable functions of the row: the indexes over them are rebuilt below.
create or replace function year_words(p_year integer, p_text text) returns tsvector
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
        -- the letters ending the word, when they are a whole run (not the tail of a run of more than 40)
        prev := substring(tok from '(?:^|[^a-z])([a-z]{1,40})$');
    end loop;
    return array_to_tsvector(out);
end
$$;

create or replace function exemplar_year_words(p_year integer, p_text text) returns tsvector
language sql immutable strict parallel safe as $$
    select public.year_words(p_year, p_text)
$$;

reindex index exemplar_year_words;
reindex index document_year_words;
reindex index petition_year_words;
