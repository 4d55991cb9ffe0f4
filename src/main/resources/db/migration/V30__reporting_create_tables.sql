-- Reporting: indicators as data, their disaggregations, and the values units enter.

-- Categories and their options (e.g. kind: collective / individual; field: economy, culture…), and
-- the combinations an indicator is broken down by. A value's option combination is the codes of
-- its options in the combination's category order, joined by '.', e.g. 'COLLECTIVE.ECONOMY'.
create table reporting_category (
    code    text primary key check (code ~ '^[A-Z][A-Z0-9_]{0,39}$'),
    name    text not null,
    name_en text
);

create table reporting_category_option (
    category text not null references reporting_category (code),
    code     text not null check (code ~ '^[A-Z][A-Z0-9_]{0,39}$'),
    name     text not null,
    name_en  text,
    position int  not null,
    primary key (category, code)
);

create table reporting_category_combo (
    code    text primary key check (code ~ '^[A-Z][A-Z0-9_]{0,39}$'),
    name    text not null,
    name_en text
);

create table reporting_category_combo_member (
    combo    text not null references reporting_category_combo (code),
    category text not null references reporting_category (code),
    position int  not null,
    primary key (combo, category)
);

-- An indicator (chỉ tiêu): entered by units, or computed — from a figure a case module publishes
-- (provider + measure, read live from the records) or as the ratio of two indicators' sums.
create table reporting_indicator (
    id             bigint generated always as identity primary key,
    code           text    not null unique check (code ~ '^[A-Z][A-Z0-9_]{1,49}$'),
    name           text    not null,
    name_en        text,
    description    text,
    value_type     text    not null check (value_type in ('INTEGER', 'DECIMAL', 'PERCENTAGE', 'BOOLEAN', 'TEXT')),
    aggregation    text    not null check (aggregation in ('SUM', 'AVERAGE', 'MIN', 'MAX', 'LAST', 'RATIO', 'NONE')),
    source         text    not null check (source in ('ENTERED', 'COMPUTED')),
    -- the period type values are entered for (null: any; then the coarsest period of a unit counts)
    period_kind    text    check (period_kind in ('MONTH', 'QUARTER', 'SIX_MONTHS', 'NINE_MONTHS', 'YEAR', 'TERM')),
    period_cut     text    check (period_cut in ('CALENDAR', 'INSPECTION')),
    check ((period_kind is null) = (period_cut is null)),
    numerator_id   bigint  references reporting_indicator (id),
    denominator_id bigint  references reporting_indicator (id),
    provider       text,
    measure        text,
    category_combo text    references reporting_category_combo (code),
    version        int     not null default 1,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    check ((aggregation = 'RATIO') = (numerator_id is not null and denominator_id is not null)),
    check ((provider is null) = (measure is null)),
    check (source = 'ENTERED' or provider is not null or aggregation = 'RATIO'),
    check (source = 'COMPUTED' or (provider is null and aggregation <> 'RATIO'))
);
create index reporting_indicator_numerator on reporting_indicator (numerator_id) where numerator_id is not null;
create index reporting_indicator_denominator on reporting_indicator (denominator_id) where denominator_id is not null;

-- One value of an entered indicator for a unit (the unit that held the code on the period's last
-- day), a period (identifier and its days) and an option combination ('' without disaggregation).
-- version counts the saves, so two officers cannot silently overwrite each other.
create table reporting_value (
    id           bigint generated always as identity primary key,
    indicator_id bigint  not null references reporting_indicator (id),
    unit_id      bigint  not null references org_unit (id),
    period       text    not null,
    period_start date    not null,
    period_end   date    not null,
    option_combo text    not null default '',
    value        numeric,
    text_value   text,
    version      int     not null default 1,
    updated_by   text    not null,
    updated_at   timestamptz not null default now(),
    check ((value is null) <> (text_value is null)),
    constraint reporting_value_key unique (indicator_id, unit_id, period, option_combo)
);
-- The aggregate question: one indicator, the periods inside a range, a set of units. The included
-- columns let it be answered from the index alone.
create index reporting_value_aggregate on reporting_value (indicator_id, period_start, unit_id)
    include (period_end, option_combo, value);
