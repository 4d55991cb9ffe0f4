-- Dashboard items (mục trên bảng điều khiển): a pivot or a chart saved on a unit's dashboard as the
-- question it asks (a query string read by PivotQuestion), answered live each time the dashboard is
-- opened. position orders the items of a unit; version guards against two officers' changes.
create table reporting_dashboard_item (
    id         bigint generated always as identity primary key,
    unit_id    bigint      not null references org_unit (id),
    kind       text        not null check (kind in ('PIVOT', 'CHART')),
    title      text        not null check (length(title) between 1 and 200),
    query      text        not null check (length(query) <= 4000),
    position   int         not null,
    version    int         not null default 1,
    created_by text        not null,
    created_at timestamptz not null default now()
);

-- A dashboard lists its unit's items in order.
create index reporting_dashboard_item_unit on reporting_dashboard_item (unit_id, position);
