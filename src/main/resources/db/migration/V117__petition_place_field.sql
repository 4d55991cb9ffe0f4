-- The hot-spot signal "many petitions about the same place" counts since session 21 the petitions about the place in
-- the matter's field (land, policies, civil service …): a commune's petitions on every subject together reached the
-- threshold in most communes and flagged every overdue matter there. The field in the index keeps the count an
-- index-only scan (the board of a large province reads ~50,000 of these entries).
drop index petition_place;
create index petition_place on petition (place_unit_id, received_on) include (field) where place_unit_id is not null;
