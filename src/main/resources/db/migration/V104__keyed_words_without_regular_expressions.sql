-- keyed_words (V101) finds the runs of letters at the ends of each token with string trimming instead of regular
-- expressions: the same words and pairs under the same keys, about 2.7 times faster (3,000 petition texts of the
-- lifecycle bench: 1,163 ms before, 438 ms after). The words index of petition_text calls it for every petition
-- received; the pattern '(?:^|[^a-z])([a-z]{1,40})$' alone was half its time. The result is the same for every text
-- (KeyedWordsIntegrationTests compares the two rules; the 5,000 newest and 20,000 oldest petition texts of the bench
-- dataset gave the same words), so the indexes built on it stay valid and nothing is rebuilt.
--   leading run  = substring(tok from '^[a-z]{1,40}')             -> its first 40 letters: left(tok, least(n, 40)),
--                  n = the letters ltrim removes (null when none)
--   trailing run = substring(tok from '(?:^|[^a-z])([a-z]{1,40})$') -> the letters rtrim removes, when 1 to 40 of them
--                  (a longer run has no match: the letter before the last 40 is not a boundary)
create or replace function keyed_words(p_keys text[], p_text text) returns tsvector
language plpgsql immutable strict parallel safe as $$
declare
    letters constant text := 'abcdefghijklmnopqrstuvwxyz';
    words text[] := tsvector_to_array(to_tsvector('simple'::regconfig, p_text));
    out text[] := '{}';
    k integer := 0;
    prev text;
    tok text;
    key text;
    n integer;
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
            n := length(tok) - length(ltrim(tok, letters));
            if n > 0 then
                foreach key in array p_keys loop
                    k := k + 1;
                    out[k] := key || '/' || prev || ' ' || left(tok, least(n, 40));
                end loop;
            end if;
        end if;
        n := length(tok) - length(rtrim(tok, letters));
        prev := case when n between 1 and 40 then right(tok, n) end;
    end loop;
    return array_to_tsvector(out);
end
$$;
