-- The words of a model's accent-folded search text (as V69's index reads them), each prefixed by the
-- model's unit: "977/thon", "977/moi". A search within a unit subtree (a province: a few hundred units)
-- asks this index once per unit ('977/thon' & '977/moi':*, ExemplarQueries/SearchWords.perUnit): every
-- look-up, the prefix one included, reads that unit's own entries only. V69's index, asked for a common
-- word in a province, read the word's postings for the whole country (the prefix of the last word
-- collected in full) and then threw away what lay outside the province: 50–120 ms at 200,000 models,
-- growing with the table. Positions are not kept (the search asks for words, not phrases).
-- Immutable: a pure function of the row's unit_id and search_text (a model's unit changes only by an
-- update, which re-indexes the row like any other).
create function exemplar_unit_words(p_unit bigint, p_text text) returns tsvector
language sql immutable strict parallel safe as $$
    select array_to_tsvector(array(select p_unit || '/' || w.lexeme from unnest(to_tsvector('simple'::regconfig, p_text)) w))
$$;

-- Built over the models already there (a real upgrade, or a dataset generated before this version).
create index exemplar_unit_words on exemplar using gin (exemplar_unit_words(unit_id, search_text));
