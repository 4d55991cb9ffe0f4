-- A summary of the entered values per indicator × area (each province valid on the summary's day,
-- and the country) × period × option combination, kept by the statement that writes reporting_value
-- itself (statement triggers below, set-based over the rows the statement wrote), so that the
-- restated aggregate of a province or of the country reads a few rows instead of every commune's
-- values and is never stale. Each value counts with its unit's weight in the area
-- (reporting_summary_weight, worked out by the application from the successions: 1 when the unit's
-- figures go whole into the area, the sum of its carriers' shares there for a split unit); a value
-- whose weight is not known (a split across areas whose shares are not set) is not added but
-- counted in `apart`, and a question touching such a cell is answered live, which returns the
-- unallocated part apart (contracts §6).
create table reporting_summary (
    indicator_id bigint  not null,
    area_id      bigint  not null,
    period       text    not null,
    period_start date    not null,
    period_end   date    not null,
    option_combo text    not null,
    total        numeric not null default 0, -- Σ weight × value
    weight       numeric not null default 0, -- Σ weight (averages)
    counted      int     not null default 0, -- values counted with a weight > 0
    apart        int     not null default 0, -- values whose weight here is not known
    primary key (indicator_id, area_id, period_start, period, option_combo)
);

-- Where each unit's values count on the summary's day: null weight = not known (shares not set).
create table reporting_summary_weight (
    unit_id bigint  not null,
    area_id bigint  not null,
    weight  numeric,
    primary key (unit_id, area_id)
);

-- The summary's state: the generation of the unit tree and successions (bumped in the same
-- transaction as any change to them, by the triggers at the end), the generation and day the
-- summary was built for. It is rebuilt before it is read when they differ; while it is not
-- current the value triggers leave it alone.
create table reporting_summary_state (
    id               int primary key check (id = 1),
    generation       bigint not null,
    built_generation bigint,
    built_on         date
);
insert into reporting_summary_state (id, generation) values (1, 1);

create function reporting_summary_current() returns boolean language sql stable as $$
    select built_generation is not distinct from generation from reporting_summary_state where id = 1
$$;

-- Adds the signed changes of a statement to the summary, keys sorted so that concurrent writers lock
-- summary rows in the same order.
create function reporting_summary_after_insert() returns trigger language plpgsql as $$
begin
    if not reporting_summary_current() then
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

create function reporting_summary_after_update() returns trigger language plpgsql as $$
begin
    if not reporting_summary_current() then
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

create function reporting_summary_after_delete() returns trigger language plpgsql as $$
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
    where c.value is not null
    group by 1, 2, 3, 4, 5, 6
    order by 1, 2, 4, 3, 6
    on conflict (indicator_id, area_id, period_start, period, option_combo) do update
    set total = s.total + excluded.total, weight = s.weight + excluded.weight,
        counted = s.counted + excluded.counted, apart = s.apart + excluded.apart;
    return null;
end;
$$;

create trigger reporting_value_summary_insert after insert on reporting_value
    referencing new table as inserted for each statement execute function reporting_summary_after_insert();
create trigger reporting_value_summary_update after update on reporting_value
    referencing old table as updated_old new table as updated_new for each statement execute function reporting_summary_after_update();
create trigger reporting_value_summary_delete after delete on reporting_value
    referencing old table as deleted for each statement execute function reporting_summary_after_delete();

-- Units and successions are orgunit's; any change to them makes the weights stale. Bumped once per
-- transaction (an import of the unit lists runs thousands of statements in one).
create function reporting_summary_stale() returns trigger language plpgsql as $$
begin
    if current_setting('reporting.summary_stale_in', true) is distinct from txid_current()::text then
        update reporting_summary_state set generation = generation + 1 where id = 1;
        perform set_config('reporting.summary_stale_in', txid_current()::text, true);
    end if;
    return null;
end;
$$;

create trigger reporting_summary_successions_changed after insert or update or delete or truncate on org_unit_succession
    for each statement execute function reporting_summary_stale();
create trigger reporting_summary_units_changed after insert or update of valid_from, valid_to, path, parent_id or delete
    on org_unit for each statement execute function reporting_summary_stale();
