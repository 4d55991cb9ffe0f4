-- The values an import replaced (reporting_value_change, V62) are written by the import's own statement,
-- 1,000 rows a call in the benchmark's imports. The foreign key on import_id checked each row with a
-- trigger running one query per row: 1,000 queries, ~3,000 buffer reads and 10–15 ms of a 1,000-value
-- import's ~100 ms statement on 2 M values. The import row it points to is written just before, in the
-- same transaction, by the only writer of this table (ValueImports.store), and import rows are never
-- deleted; the check is dropped. The primary key (import_id, value_id) and the index on value_id (a
-- value's history) stay.
alter table reporting_value_change drop constraint reporting_value_change_import_id_fkey;
