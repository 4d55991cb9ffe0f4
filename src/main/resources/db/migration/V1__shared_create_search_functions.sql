-- Accent-insensitive Vietnamese search and Vietnamese sort order, for every module.
--
-- search_key(text): lower case, diacritics removed, đ -> d. unaccent() itself is only STABLE
-- (it depends on search_path), so it is wrapped in an IMMUTABLE function naming its schema and
-- dictionary; only then can it be used in an index. Because all tone marks go, the old and new
-- tone placements ("Hòa" / "Hoà") give the same key.
create extension if not exists unaccent;
create extension if not exists pg_trgm;
create extension if not exists btree_gist;

create or replace function search_key(text) returns text
    language sql immutable parallel safe strict
as $$ select lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;

-- Vietnamese alphabetical order (a ă â b c d đ e ê …) whatever the cluster's default collation.
create collation if not exists vietnamese (provider = icu, locale = 'vi-VN');
