-- A period's meetings (MeetingQueries.search with from): "ends_at >= :from" cannot bound the meeting_starts
-- range, so a recent quarter walked back through all of history. The search adds the exact lower bound
-- "starts_at >= :from - the longest meeting's duration", read here from the top of this index.
create index meeting_duration on meeting ((ends_at - starts_at));
