-- The document search's branches (DocumentSearchSql) read newest first — "issued_on desc nulls last, id desc",
-- documents without a date last — which the V17 indexes (issued_on desc, i.e. nulls first) cannot give: the
-- identifier lookup sorted every document holding a common identifier such as 1/KH-UBND (one per unit and year),
-- and a common word could not walk the registry newest first. These replace document_issued and
-- document_identifier (no query orders nulls first; the identifier index keeps upper(identifier) as its prefix).
create index document_issued_newest on document (issued_on desc nulls last, id desc);
create index document_identifier_newest on document (upper(identifier), issued_on desc nulls last, id desc);
drop index document_issued;
drop index document_identifier;
