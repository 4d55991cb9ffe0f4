-- Allocation shares of partial successions (contracts §6): when a unit was split among several
-- successors, an administrator says which part of its figures each successor carries (e.g. by
-- population or area). Until every part of a split is set, restated totals return the split unit's
-- figures apart as "unallocated", never guessed. A whole succession needs no share (it carries 1).
alter table org_unit_succession
    add column share numeric(9, 6) check (share is null or (share > 0 and share <= 1));

-- Splits whose shares are still to be set, for the administrators' list.
create index org_unit_succession_partial on org_unit_succession (predecessor_id) where not whole;
