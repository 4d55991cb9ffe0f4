-- Indexes for the questions that read open or recent cases (issue point 12, bench/notes-perf-session4.md).
--
-- Petitions waiting to be processed, by unit and due date: the overdue part of a search and the queue
-- walk these few rows instead of every petition a unit ever received.
create index petition_received_unit_due on petition (unit_id, due_on) where status = 'RECEIVED';

-- Every petition by day of receipt, newest first: a search without a unit (the whole country) reads
-- in this order and stops at the page, where a common word would otherwise have all its matches
-- (tens of thousands) fetched and sorted.
create index petition_received_on on petition (received_on, id);

-- Petitions by day of processing (null: not processed yet): with petition_received_on, the forms'
-- petitions of a period (received in it, or received before it and not processed before it) are
-- read through three index ranges, not every petition of every year.
create index petition_processed_on on petition (processed_on);
