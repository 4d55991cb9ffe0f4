-- The official forms' PETITION source read from indexes alone (PetitionMeasures: the lean parts "received in the
-- period" and "pending on its first day"). A country's form for a year read the year's ~460,000 petition rows from the
-- table (a bitmap heap scan of ~46,000 pages, 0.9 s, then 0.5 s for the ~9,000 petitions carried over, whose rows lie
-- scattered over ten years of pages). Both indexes now hold every column a measure reads: the petition's kind of
-- petitioner, eligibility, classification, processing day, case and the state it carries from its matter (V105).
--
-- The index on the day of receipt keeps its key (the search pages by (received_on, id)). The pending-span index
-- becomes SP-GiST: GiST with the same columns included was 1.3 GB on 4.5 million petitions, SP-GiST 780 MB, both
-- answering the carried-over part by an index-only scan. Processing already writes an entry into both (it sets the
-- processing day); classification writes the columns it sets at the same time.
drop index petition_received_on;
create index petition_received_on on petition (received_on, id)
    include (processed_on, unit_id, petitioner_kind, signers_count, eligible, content_kind, field, competence, handling,
             matter_id, matter_round, matter_follow_up, matter_accepted_on, matter_finished_on, matter_terminated_on);

drop index petition_pending_span;
create index petition_pending_span on petition using spgist (petition_pending_span(received_on, processed_on))
    include (received_on, processed_on, unit_id, petitioner_kind, signers_count, eligible, content_kind, field,
             competence, handling, matter_id, id, matter_round, matter_follow_up, matter_accepted_on, matter_finished_on,
             matter_terminated_on);
