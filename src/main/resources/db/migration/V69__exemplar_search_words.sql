-- The words of the accent-folded search text (search_key: no diacritics, đ → d, lower case), config
-- 'simple' (no stemming, no stop words). The list asks it for the whole words typed (SearchWords) and
-- keeps the models that contain the text; trigrams of common pairs of letters ("ng ", " th") made the
-- trigram index read most of its entries for any name (100–200 ms at a million models).
create index exemplar_search_words on exemplar using gin (to_tsvector('simple', search_text));
