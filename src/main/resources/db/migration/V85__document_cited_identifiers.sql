-- The identifiers a text cites: its whole words (maximal runs of letters, digits, "/" and "-") that hold a "/"
-- ("16/ct-ttg", "79-ctr/bdvtw-bcsdcp", also dates such as "16/5/2016", which no one looks up). A search by an
-- identifier (DocumentSearchSql) asked the trigram index for a whole-word regular expression: at 100,000
-- documents "7/BC-UBND" read 18,626 candidates and 7,679 heap pages to keep 563 (541 ms under load), and the
-- short identifiers of every unit ("1/KH-UBND") grow with the registry. The identifier is one of these words
-- exactly when the regular expression matches (the same class of characters bounds both), so
-- "cited_identifiers(search_text) @> array[search_key(:identifier)]" gives the same documents from an
-- equality look-up. Immutable: a pure function of the text.
create function cited_identifiers(p_text text) returns text[]
language sql immutable strict parallel safe as $$
    select coalesce(array_agg(distinct m[1]), '{}') from regexp_matches(p_text, '([[:alnum:]/-]*/[[:alnum:]/-]*)', 'g') m
$$;

-- Built over the texts already there (a real upgrade, or a dataset generated before this version).
create index document_cited on document using gin (cited_identifiers(search_text));
create index document_attachment_cited on document_attachment using gin (cited_identifiers(search_text));
