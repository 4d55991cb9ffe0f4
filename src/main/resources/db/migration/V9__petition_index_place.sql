-- The hot-spot signal "many petitions about the same place in a window" reads petitions by place and
-- day; without this index every matter page and hot-spot board scanned the petitions table.
create index petition_place on petition (place_unit_id, received_on) where place_unit_id is not null;
