-- A matter opened by processing a petition (the only way the application opens one) is written with that petition
-- already counted (petitions = 1), and the count trigger of V111 does not count it again when the petition's row then takes the matter: before, the count was a
-- second write of the new matter's row in the same transaction, not a HOT one (its open-span index holds the count),
-- so 14 index entries again (0.18 ms a lifecycle, bench/results/lifecycle-services-2026-12-02-s25.md).
--
-- opened_for — the petition whose processing opened the matter and which its count holds from birth; cleared when that
-- petition leaves the matter, so that it is counted again if it ever comes back. No index reads it.
alter table petition_matter add column opened_for bigint;

create or replace function petition_matter_counts_petitions() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') and old.matter_id is not null then
        update petition_matter set petitions = petitions - 1,
               opened_for = case when opened_for = old.id then null else opened_for end
         where id = old.matter_id;
    end if;
    if tg_op in ('INSERT', 'UPDATE') and new.matter_id is not null then
        update petition_matter set petitions = petitions + 1
         where id = new.matter_id and opened_for is distinct from new.id;
    end if;
    return null;
end $$;
