-- The texts of a range of days, which a search by words with more hits than it counts combines with its words to
-- find its newest hits for its page (PetitionYearSearch.newest). A walk over the petitions newest first, testing each
-- one's text until the page was full, read one page of the table per row: the petitions' rows move as they are
-- updated (processing, and a matter's state since V105), and the newest petitions may be about other things (at 4.5
-- million petitions, "ho ngheo" in the whole country read 11,068 petitions and their texts, 21,699 pages, 158 ms).
-- The texts are written once, in the order the petitions are received.
create index petition_text_received on petition_text (received_on, petition_id);
