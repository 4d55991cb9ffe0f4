-- The officer's queue reads only the open cases, from the index alone.
--
-- A queue lists the unit's waiting petitions and its matters not yet closed, refused, referred or withdrawn
-- (decided matters stay until enforced and closed). Each item's row was read from the table: ~1,000 scattered pages
-- for a province officer at 5 years × 100,000 petitions, more as decided matters accumulate. These partial indexes
-- hold the open cases only, by unit and due date, with every column the queue shows, so the queue is an index-only
-- scan of a few dozen pages; the decided and closed matters that pile up over the years are in neither.
--
-- petition_waiting_queue has the key and condition of petition_received_unit_due (V10), which it replaces for the
-- overdue list and the urgent queue as well.
create index petition_waiting_queue on petition (unit_id, due_on)
    include (id, status, received_on, number, content_kind, due_rule, due_rule_version, subject)
    where status = 'RECEIVED';
drop index petition_received_unit_due;

create index petition_matter_queue on petition_matter (unit_id, due_on)
    include (id, status, handler_id, accepted_on, created_at, number, content_kind, due_rule, due_rule_version, title)
    where status in ('RECEIVED', 'ACCEPTED', 'VERIFYING', 'SUSPENDED', 'DECIDED');
