-- The days that depart from the ordinary week (Monday–Friday working): holidays, compensatory and
-- swapped days off, make-up working days. A year with no row here is computed from the law.
create table calendar_day (
    day    date primary key,
    kind   text not null check (kind in ('HOLIDAY', 'COMPENSATORY', 'SWAPPED_OFF', 'MAKEUP_WORKDAY')),
    name   text not null,
    status text not null check (status in ('OFFICIAL', 'COMPUTED', 'PENDING'))
);
