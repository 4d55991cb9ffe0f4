-- The year words of a record's folded text (the rule of V84's exemplar_year_words, for any module): every word
-- as the 'simple' parser reads it and every pair of neighbouring words of the letters a–z (the second word's
-- first letters, up to 40), each prefixed by a year: "2016/dan van", "2016/kheo". A search by words asks it
-- one year at a time, newest first, and stops at the count's cap; a pair of common syllables ("van thang")
-- narrows to the records where they stand side by side. Immutable: a pure function of its arguments.
create function year_words(p_year integer, p_text text) returns tsvector
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

-- A document's year is the year it was issued; an undated one is filed under 0 (the list puts it last). Schema-
-- qualified: an index expression runs with a search_path of pg_catalog only.
create function document_year_words(p_issued date, p_text text) returns tsvector
language sql immutable parallel safe as $$
    select public.year_words(coalesce(cast(extract(year from p_issued) as integer), 0), p_text)
$$;

-- Built over the documents already there (a real upgrade, or a dataset generated before this version).
create index document_year_words on document using gin (document_year_words(issued_on, search_text));
