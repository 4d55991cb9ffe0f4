-- The recommendations not yet accepted, by the day they were made: the inspection form's "overdue" measure (made by
-- the period's end, not accepted, its task open past its deadline) reads these alone, instead of every
-- recommendation made since the first inspection (they pile up over the years, 90 % accepted).
create index inspection_recommendation_open_made on inspection_recommendation (made_on) include (task_id)
    where accepted_on is null;
