package vn.danvan.petition;

/**
 * The steps of a petition's and a matter's timeline. Labels: {@code petition.step.<NAME>}. MATTER_OPENED is a matter's
 * own first step (the petition that opened it in its note), LINKED_TO_MATTER a petition's step into its matter; before
 * session 21 the first was written as a LINKED_TO_MATTER without a petition, and is read as MATTER_OPENED.
 */
public enum StepKind {
    RECEIVED, CLASSIFIED, MATTER_OPENED, LINKED_TO_MATTER,
    ACCEPTED, NOT_ACCEPTED, GUIDED, FORWARDED, URGED, FILED, REPLY_RECEIVED,
    VERIFICATION_STARTED, DIALOGUE_HELD, EXTENDED, SUSPENDED, RESUMED,
    WITHDRAWN_PARTLY, WITHDRAWN, TERMINATED, DECIDED, ENFORCED, CLOSED,
    HOT_FLAGGED, HOT_UNFLAGGED, IDENTITY_GRANTED, HANDLER_ASSIGNED
}
