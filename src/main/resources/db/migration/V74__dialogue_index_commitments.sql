-- The commitments of dialogues (tasks of module plan with origin DIALOGUE) with their status, read by the dialogue
-- figures per dialogue without visiting the tasks' rows (an index-only scan); partial, so the plans' other tasks
-- (millions at the work cycle's full size) stay out of it.
create index plan_task_dialogue_commitment on plan_task (origin_id) include (status) where origin_kind = 'DIALOGUE';
