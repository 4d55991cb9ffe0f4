-- The summary triggers of V63/V71 read the weights with a plain join on the statement's transition
-- table, which the planner may answer by hashing the whole of reporting_summary_weight (every unit
-- ever × its areas, ~29,000 rows with the 2025 reform) for each statement: for a batch of values
-- (the entry grid's save, its .xlsx import, a delete of many values) that was about half the
-- statement's time in EXPLAIN ANALYZE, and it grows with the unit tree. The same functions, the
-- weights now probed by the units the statement wrote (= any(array(...)) over the weight table's
-- primary key (unit_id, area_id)); what they add to the summary is unchanged. No data to fill:
-- only the functions change. SummaryInStatement (PUT /api/values, dataValueSets imports) does the same.

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
         and w.unit_id = any (array(select distinct unit_id from inserted))
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
         and w.unit_id = any (array(select distinct unit_id from updated_new union select unit_id from updated_old))
    group by 1, 2, 3, 4, 5, 6
    order by 1, 2, 4, 3, 6
    on conflict (indicator_id, area_id, period_start, period, option_combo) do update
    set total = s.total + excluded.total, weight = s.weight + excluded.weight,
        counted = s.counted + excluded.counted, apart = s.apart + excluded.apart;
    return null;
end;
$$;

create or replace function reporting_summary_after_delete() returns trigger language plpgsql as $$
begin
    if not reporting_summary_current() then
        return null;
    end if;
    insert into reporting_summary as s (indicator_id, area_id, period, period_start, period_end, option_combo,
                                        total, weight, counted, apart)
    select c.indicator_id, w.area_id, c.period, c.period_start, c.period_end, c.option_combo,
           -coalesce(sum(w.weight * c.value), 0), -coalesce(sum(w.weight), 0),
           -count(*) filter (where w.weight > 0), -count(*) filter (where w.weight is null)
    from deleted c
    join reporting_summary_weight w on w.unit_id = c.unit_id and (w.weight is null or w.weight > 0)
         and w.unit_id = any (array(select distinct unit_id from deleted))
    where c.value is not null
    group by 1, 2, 3, 4, 5, 6
    order by 1, 2, 4, 3, 6
    on conflict (indicator_id, area_id, period_start, period, option_combo) do update
    set total = s.total + excluded.total, weight = s.weight + excluded.weight,
        counted = s.counted + excluded.counted, apart = s.apart + excluded.apart;
    return null;
end;
$$;
