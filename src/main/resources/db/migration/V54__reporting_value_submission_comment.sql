-- A value entered on a report form's grid belongs to that form's submission for the unit and period
-- (null for values stored one by one through PUT /api/values or imported), and may carry the
-- officer's comment (giải trình) on it.
alter table reporting_value add column submission_id bigint references reporting_submission (id);
alter table reporting_value add column comment text;
create index reporting_value_submission on reporting_value (submission_id) where submission_id is not null;
