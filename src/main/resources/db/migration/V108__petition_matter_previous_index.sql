-- A matter's follow-up round points at the matter before it (previous_matter_id). Without an index on that column,
-- deleting or re-keying a matter made PostgreSQL's foreign-key check scan every matter for rows pointing at it: at 4.5
-- million matters, deleting 23,000 did not finish in 10 minutes (session 15). Only follow-up matters hold a value.
create index petition_matter_previous on petition_matter (previous_matter_id) where previous_matter_id is not null;
