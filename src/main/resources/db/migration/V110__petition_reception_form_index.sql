-- Form 02/TCD reads the eligible petitions received through citizen reception and processed in the period
-- (PetitionMeasures, source RECEPTION): about a tenth of the petitions. Through the index on the processing day the
-- planner read every petition processed in the period from the table, in the order of that day (a country's year:
-- 454,768 rows, 280,000 pages read, 2.8 s, for 43,135 reception petitions). This partial index holds those petitions
-- alone, with every column the form reads, so the statement is an index-only scan of them.
create index petition_reception_processed on petition (processed_on)
    include (unit_id, content_kind, competence, handling, matter_id, id)
    where eligible and (visit_id is not null or channel = 'RECEPTION');
