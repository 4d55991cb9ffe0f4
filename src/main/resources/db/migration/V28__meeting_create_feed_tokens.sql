-- Secret calendar feed addresses (iCalendar), one per user: calendar clients cannot sign in, so the
-- address itself is the key. Only its SHA-256 is kept; regenerating replaces it, revoking deletes it.
create table meeting_feed_token (
    user_id      bigint primary key references identity_user (id) on delete cascade,
    token_hash   text not null unique,
    created_at   timestamptz not null default now()
);
