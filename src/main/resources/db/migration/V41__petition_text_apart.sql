-- The searchable text of a petition in a table of its own. Every step of a case updates the
-- petition's status, which sits in indexes, so no step's update is HOT: with the text on the
-- petition row, each step recomputed the stored search key and wrote every trigram of the subject
-- and content into the GIN index again (about 19 kB of WAL per update, and pending-list merges of
-- 0.1–0.5 s paid by whichever step filled the list). The text changes only when the subject or the
-- content does; a trigger keeps it, so every way of writing a petition stays covered.
create table petition_text (
    petition_id bigint primary key references petition (id) on delete cascade,
    search_text text not null
);
insert into petition_text (petition_id, search_text) select id, search_text from petition;
create index petition_text_search on petition_text using gin (search_text gin_trgm_ops);

drop index petition_search_text;
alter table petition drop column search_text;

create function petition_text_keep() returns trigger
language plpgsql as $$
begin
    insert into petition_text (petition_id, search_text)
    values (new.id, search_key(new.subject || ' ' || coalesce(new.content, '')))
    on conflict (petition_id) do update set search_text = excluded.search_text;
    return null;
end $$;

create trigger petition_text_on_insert after insert on petition
    for each row execute function petition_text_keep();
create trigger petition_text_on_change after update of subject, content on petition
    for each row when (old.subject is distinct from new.subject or old.content is distinct from new.content)
    execute function petition_text_keep();

-- No query searches matter titles (the list searches petitions); its trigram index was rewritten at
-- every step of every matter for nothing.
drop index petition_matter_title;
