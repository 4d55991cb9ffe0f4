-- The audit trail: one row per create, update or delete, written in the transaction of the change.
create table audit_log (
    id           bigint generated always as identity primary key,
    occurred_at  timestamptz not null default clock_timestamp(),
    actor        text        not null,             -- username, or 'system' for start-up tasks
    action       text        not null,             -- e.g. 'orgunit.created', 'identity.role-granted'
    entity_type  text        not null,
    entity_id    text        not null,
    unit_id      bigint,                           -- the unit the change concerns (for scope and filters)
    before_state jsonb,
    after_state  jsonb
);
create index audit_log_occurred_at on audit_log (occurred_at desc);
create index audit_log_entity on audit_log (entity_type, entity_id);
create index audit_log_actor on audit_log (actor);
create index audit_log_unit on audit_log (unit_id);

-- Append-only: rows are never changed or removed, not even by the application.
create function audit_log_is_append_only() returns trigger
    language plpgsql
as $$
begin
    raise exception 'audit_log is append-only';
end
$$;
create trigger audit_log_no_update_or_delete
    before update or delete on audit_log
    for each row execute function audit_log_is_append_only();
create trigger audit_log_no_truncate
    before truncate on audit_log
    for each statement execute function audit_log_is_append_only();
