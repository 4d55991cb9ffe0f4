-- A subtree's overdue or soon-due tasks: its units' open tasks by deadline, not every task of the
-- subtree (the work-cycle benchmark: the list read every task of a province, then filtered on the
-- computed status).
create index plan_task_open_unit_due on plan_task (responsible_unit_id, due_on) where status in ('NOT_STARTED', 'IN_PROGRESS');
