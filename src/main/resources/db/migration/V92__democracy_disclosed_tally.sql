-- The obligations of disclosure met, per row of the country's form (issue 7, point 10). The country's "disclosures
-- outstanding" is the communes' obligations (commune × item × period due) less those disclosed at least once; counting
-- the disclosed ones read every disclosure of the due periods and de-duplicated them (about 94,000 a year before the
-- 2025 reform at the full size: a second under load). This tally keeps, per row of the country (the child of the
-- country on the commune's path, as CountryRows.ROW_OF_UNIT), item, period and the commune's validity, how many
-- communes disclosed that item for that period at least once; the form sums the rows whose validity holds the
-- period's last day, for the due (item, period) pairs: at most rows × obligations × validities, whatever the number
-- of communes and disclosures. Only units of level COMMUNE and category AREA count, as the obligations do.
-- Kept by row triggers in the writer's transaction (a disclosure added, removed or moved; a commune's validity, path,
-- level or category changed), so the next answer shows every write.
create table democracy_disclosed_tally (
    item_code  text      not null,
    period_key text      not null,
    row_id     bigint    not null,
    validity   daterange not null,
    communes   integer   not null,
    primary key (item_code, period_key, row_id, validity)
);

-- p_delta communes of p_unit's row and validity (nothing for a unit that is not a commune)
create function democracy_disclosed_tally_add(p_unit bigint, p_item text, p_period text, p_delta integer) returns void
    language sql as
$$
insert into democracy_disclosed_tally (item_code, period_key, row_id, validity, communes)
select p_item, p_period, coalesce(nullif(split_part(u.path, '/', 3), '')::bigint, u.id), u.validity, p_delta
from org_unit u
where u.id = p_unit and u.level = 'COMMUNE' and u.category = 'AREA'
on conflict (item_code, period_key, row_id, validity)
    do update set communes = democracy_disclosed_tally.communes + excluded.communes
$$;

-- A commune counts once per (item, period) however many times it disclosed it: the first disclosure adds it, the
-- removal of the last one takes it away (the unit and period index answers the count).
create function democracy_disclosed_tally() returns trigger
    language plpgsql as
$$
begin
    if tg_op in ('UPDATE', 'DELETE') and not exists (
            select 1 from democracy_disclosure d
            where d.unit_id = old.unit_id and d.period_key = old.period_key and d.item_code = old.item_code) then
        perform democracy_disclosed_tally_add(old.unit_id, old.item_code, old.period_key, -1);
    end if;
    if tg_op in ('INSERT', 'UPDATE') and (
            select count(*) from democracy_disclosure d
            where d.unit_id = new.unit_id and d.period_key = new.period_key and d.item_code = new.item_code) = 1 then
        perform democracy_disclosed_tally_add(new.unit_id, new.item_code, new.period_key, 1);
    end if;
    return null;
end
$$;

create trigger democracy_disclosed_tally_insert_delete after insert or delete on democracy_disclosure
    for each row execute function democracy_disclosed_tally();
create trigger democracy_disclosed_tally_update after update of unit_id, item_code, period_key on democracy_disclosure
    for each row when ((old.unit_id, old.item_code, old.period_key) is distinct from (new.unit_id, new.item_code, new.period_key))
execute function democracy_disclosed_tally();

-- A commune whose validity (its end in a reorganisation), path, level or category changes moves its disclosed
-- obligations from its old row and validity to the new ones.
create function democracy_disclosed_tally_unit() returns trigger
    language plpgsql as
$$
begin
    if old.level = 'COMMUNE' and old.category = 'AREA' then
        update democracy_disclosed_tally t
        set communes = t.communes - m.n
        from (select d.item_code, d.period_key, count(distinct d.unit_id) as n
              from democracy_disclosure d where d.unit_id = old.id group by 1, 2) m
        where t.item_code = m.item_code and t.period_key = m.period_key
          and t.row_id = coalesce(nullif(split_part(old.path, '/', 3), '')::bigint, old.id)
          and t.validity = old.validity;
    end if;
    if new.level = 'COMMUNE' and new.category = 'AREA' then
        insert into democracy_disclosed_tally (item_code, period_key, row_id, validity, communes)
        select d.item_code, d.period_key, coalesce(nullif(split_part(new.path, '/', 3), '')::bigint, new.id), new.validity, 1
        from democracy_disclosure d where d.unit_id = new.id
        group by d.item_code, d.period_key
        on conflict (item_code, period_key, row_id, validity)
            do update set communes = democracy_disclosed_tally.communes + excluded.communes;
    end if;
    return null;
end
$$;

create trigger democracy_disclosed_tally_unit after update of valid_from, valid_to, path, level, category on org_unit
    for each row when ((old.valid_from, old.valid_to, old.path, old.level, old.category)
        is distinct from (new.valid_from, new.valid_to, new.path, new.level, new.category))
execute function democracy_disclosed_tally_unit();

-- Filled for the disclosures already there (a real upgrade, or a dataset generated before this version).
insert into democracy_disclosed_tally (item_code, period_key, row_id, validity, communes)
select m.item_code, m.period_key, coalesce(nullif(split_part(u.path, '/', 3), '')::bigint, u.id), u.validity, count(*)
from (select distinct d.unit_id, d.item_code, d.period_key from democracy_disclosure d) m
join org_unit u on u.id = m.unit_id
where u.level = 'COMMUNE' and u.category = 'AREA'
group by 1, 2, 3, 4;
