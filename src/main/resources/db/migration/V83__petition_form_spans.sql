-- The official forms for a period read only the records of that period (PetitionForms, PetitionMeasures): each
-- source's period condition now also asks for the record's span of days — a petition received in the period or
-- pending on its first day, a matter open or a decision to enforce during the period — implied by the source's own
-- conditions, so the answer is the same; these GiST indexes (with the index on the day of receipt) serve it, so the
-- statement reads the period's records, not every record of the years kept.
--
-- A petition is pending from its receipt to its processing (open-ended while unprocessed); a matter is open from its
-- acceptance to its decision, or to its closing when withdrawn or terminated; a decision is to enforce from the day
-- it was made to the matter's closing. A day before the start (bad data) is read as the start: the span is never
-- empty and never fails to build.
create function petition_pending_span(received date, processed date) returns daterange
    language sql immutable parallel safe
    return daterange(received, case when processed < received then received else processed end, '[]');

create function petition_matter_open_span(accepted date, decided date, status text, closed date) returns daterange
    language sql immutable parallel safe
    return daterange(accepted,
        case when coalesce(decided, case when status in ('WITHDRAWN', 'TERMINATED') then closed end) < accepted then accepted
             else coalesce(decided, case when status in ('WITHDRAWN', 'TERMINATED') then closed end) end, '[]');

create function petition_enforcement_span(decided date, closed date) returns daterange
    language sql immutable parallel safe
    return daterange(decided, case when closed < decided then decided else closed end, '[]');

create index petition_pending_span on petition using gist (petition_pending_span(received_on, processed_on));

create index petition_matter_open_span on petition_matter
    using gist (petition_matter_open_span(accepted_on, decided_on, status, closed_on)) where accepted_on is not null;

create index petition_matter_enforcement_span on petition_matter
    using gist (petition_enforcement_span(decided_on, closed_on)) where status in ('DECIDED', 'CLOSED') and decided_on is not null;

-- Replies received in a period (forms 01/XLD … 04/XLD, 02/TCD), visits and sessions of a period for the whole country
-- (01/TCD: the unit's own indexes lead with the unit).
create index petition_reply_received on petition (reply_received_on) where reply_received_on is not null;
create index petition_visit_day on petition_visit (visited_on);
create index petition_session_day on petition_session (held_on);
