-- The document a model answers (a directive, a plan, the year's emulation plan), when its campaign
-- text cites one registered in the document registry; the text stays as the officer wrote it.
alter table exemplar add column campaign_document_id bigint references document (id) on delete set null;
