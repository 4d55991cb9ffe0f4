-- Three indexes of petition hold only the rows that have a value: a petition is received with no matter, no day of
-- processing and (most) not forwarded from another, and every question these indexes serve names a value
-- (matter_id = …, forwarded_from_id = … for the foreign keys, processed_on between … in the forms), which implies
-- "is not null". The null entries were written on every receipt and again on every update of the row: three index
-- entries fewer per petition received, one fewer per processing (forwarded_from_id stays null for most).
drop index petition_matter_ref;
create index petition_matter_ref on petition (matter_id) where matter_id is not null;

drop index petition_forwarded_from;
create index petition_forwarded_from on petition (forwarded_from_id) where forwarded_from_id is not null;

drop index petition_processed_on;
create index petition_processed_on on petition (processed_on) where processed_on is not null;
