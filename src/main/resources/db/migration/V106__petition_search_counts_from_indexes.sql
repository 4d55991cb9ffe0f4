-- The petitions a filtered search finds (PetitionQueries.search: units, days of receipt, content kind, field, state),
-- which are its count and among which it chooses its page, are read from indexes only. The index of a unit's
-- petitions by day of receipt holds what those filters ask of the petition and the id, and the state of its matter is
-- read from an index of the matters' states: the count of a province's complaints of nine
-- months in a state read each petition's row and its matter's (at 4.5 million petitions, 6,692 hits: 22,877 pages,
-- 396 ms; bench/README, session 14).
--
-- The columns held change only when a petition is classified or processed, which writes into other indexes anyway;
-- a matter's state changes in its other indexes too (petition_matter_unit).
drop index petition_unit;
create index petition_unit on petition (unit_id, received_on) include (content_kind, field, status, matter_id, id);

create index petition_matter_state on petition_matter (id) include (status);
