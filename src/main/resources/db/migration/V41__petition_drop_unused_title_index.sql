-- No query searches matter titles (the list searches petitions); the trigram index on the title
-- was rewritten at every step of every matter (a step changes the indexed status, so no update is
-- HOT) for nothing.
drop index petition_matter_title;
