-- The writes of PUT /api/values and of the dataValueSets import keep reporting_summary in their own
-- statement (a data-modifying CTE over the upsert's RETURNING old/new, one pass, keys sorted), instead
-- of leaving it to the statement triggers of V63. Those triggers run two passes for an
-- INSERT … ON CONFLICT DO UPDATE (the UPDATE statement trigger, then the INSERT one), each sorted but
-- the two together not in one order: two imports running at once then lock the same summary rows
-- (every province's and the country's) crosswise and deadlock, or wait on each other pass by pass.
-- One sorted pass per statement takes the summary rows in a single order.
--
-- Such a statement marks itself by setting reporting.summary_kept_at to its own statement_timestamp()
-- (set_config in a CTE the upsert reads, so before any row is written); the triggers leave a
-- statement so marked alone. Any other statement (the entry grid, its deletes, a later statement of
-- the same transaction: a new statement_timestamp) is kept by the triggers as before.
create or replace function reporting_summary_kept_by_statement() returns boolean language sql stable as $$
    select current_setting('reporting.summary_kept_at', true) is not distinct from statement_timestamp()::text
$$;

create or replace function reporting_summary_after_insert() returns trigger language plpgsql as $$
begin
    if reporting_summary_kept_by_statement() or not reporting_summary_current() then
        return null;
    end if;
    insert into reporting_summary as s (indicator_id, area_id, period, period_start, period_end, option_combo,
                                        total, weight, counted, apart)
    select c.indicator_id, w.area_id, c.period, c.period_start, c.period_end, c.option_combo,
           coalesce(sum(w.weight * c.value), 0), coalesce(sum(w.weight), 0),
           count(*) filter (where w.weight > 0), count(*) filter (where w.weight is null)
    from inserted c
    join reporting_summary_weight w on w.unit_id = c.unit_id and (w.weight is null or w.weight > 0)
    where c.value is not null
    group by 1, 2, 3, 4, 5, 6
    order by 1, 2, 4, 3, 6
    on conflict (indicator_id, area_id, period_start, period, option_combo) do update
    set total = s.total + excluded.total, weight = s.weight + excluded.weight,
        counted = s.counted + excluded.counted, apart = s.apart + excluded.apart;
    return null;
end;
$$;

create or replace function reporting_summary_after_update() returns trigger language plpgsql as $$
begin
    if reporting_summary_kept_by_statement() or not reporting_summary_current() then
        return null;
    end if;
    insert into reporting_summary as s (indicator_id, area_id, period, period_start, period_end, option_combo,
                                        total, weight, counted, apart)
    select c.indicator_id, w.area_id, c.period, c.period_start, c.period_end, c.option_combo,
           coalesce(sum(w.weight * c.value * c.sign), 0), coalesce(sum(w.weight * c.sign), 0),
           coalesce(sum(c.sign) filter (where w.weight > 0), 0), coalesce(sum(c.sign) filter (where w.weight is null), 0)
    from (
        select n.indicator_id, n.unit_id, n.period, n.period_start, n.period_end, n.option_combo, n.value, 1 as sign
        from updated_new n join updated_old o on o.id = n.id
        where n.value is distinct from o.value and n.value is not null
        union all
        select o.indicator_id, o.unit_id, o.period, o.period_start, o.period_end, o.option_combo, o.value, -1
        from updated_old o join updated_new n on n.id = o.id
        where n.value is distinct from o.value and o.value is not null
    ) c
    join reporting_summary_weight w on w.unit_id = c.unit_id and (w.weight is null or w.weight > 0)
    group by 1, 2, 3, 4, 5, 6
    order by 1, 2, 4, 3, 6
    on conflict (indicator_id, area_id, period_start, period, option_combo) do update
    set total = s.total + excluded.total, weight = s.weight + excluded.weight,
        counted = s.counted + excluded.counted, apart = s.apart + excluded.apart;
    return null;
end;
$$;
