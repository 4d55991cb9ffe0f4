-- Narrative templates uploaded as Word files (issue 8, point 7): the officer writes the report in the
-- official layout in Word, with the placeholders of the text templates in its paragraphs; danvan keeps
-- the file as uploaded and writes each report into a copy of it (its layout and styles kept). For such
-- a template, body holds the document's text (paragraphs apart), shown beside it; file_name is null
-- for a template written in danvan. The file changes with the template's version, audited.
alter table reporting_narrative
    add column file      bytea,
    add column file_name text,
    add column file_sha256 text,
    add constraint reporting_narrative_file check ((file is null) = (file_name is null));

-- The units' narrative sections gathered into a report ({{sections:KEY}}) read the submissions of the
-- subtree's units over a period: by unit, then period start.
create index reporting_submission_unit_period on reporting_submission (unit_id, period_start);
