-- Imports of values (dataValueSets) are written as one set-based upsert per import. Instead of one
-- audit record per value, an import is one record here (and one audit record), and the values it
-- replaced are kept by the same statement in reporting_value_change: who changed which value when
-- stays answerable (the value's updated_by/updated_at name the import's user and time; the change
-- row keeps what was there before, and by whom).
create table reporting_import (
    id          bigint generated always as identity primary key,
    imported_by text        not null,
    imported_at timestamptz not null default now(),
    source      text        not null,
    imported    int         not null,
    updated     int         not null,
    ignored     int         not null
);

create table reporting_value_change (
    import_id      bigint      not null references reporting_import (id),
    value_id       bigint      not null,
    old_value      numeric,
    old_text       text,
    old_version    int         not null,
    old_updated_by text        not null,
    old_updated_at timestamptz not null,
    primary key (import_id, value_id)
);
-- A value's history: the imports that replaced it.
create index reporting_value_change_value on reporting_value_change (value_id);
