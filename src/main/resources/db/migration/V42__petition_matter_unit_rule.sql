-- A matter groups petitions received by one unit (PetitionManagement refuses to join a petition to
-- another unit's matter); the database now holds the rule too, so that queries may filter a
-- subtree's open matters by the matter's unit. The overdue list of a province then walks that
-- province's open matters by due day instead of every overdue matter in the country.
alter table petition_matter add constraint petition_matter_id_unit unique (id, unit_id);
alter table petition add constraint petition_matter_same_unit
    foreign key (matter_id, unit_id) references petition_matter (id, unit_id);
create index petition_matter_open_unit_due on petition_matter (unit_id, due_on) where status in ('ACCEPTED', 'VERIFYING');
