-- Issue 10: people sign in to the console with their email and a password (argon2id), as
-- invited by an admin; a sign-in is a session. API tokens for scripts stay as they are.
alter table users add column if not exists password_hash text;
-- sha256 of an open invitation's token (shown once to the admin who invited), and its end
alter table users add column if not exists invitation_hash text unique;
alter table users add column if not exists invitation_expires_at timestamptz;

create table if not exists sessions (
  id bigint generated always as identity primary key,
  store_id bigint not null references stores (id),
  user_id bigint not null references users (id),
  -- sha256 of the session token; the token itself is given once, to the browser
  token_hash text not null unique,
  created_at timestamptz not null,
  expires_at timestamptz not null
);
create index if not exists sessions_by_user on sessions (user_id);

-- failed sign-ins, for throttling by email and by address (rows older than the window are
-- deleted as new ones come)
create table if not exists sign_in_failures (
  id bigint generated always as identity primary key,
  email text not null,
  address text not null,
  at timestamptz not null
);
create index if not exists sign_in_failures_by_email on sign_in_failures (email, at);
create index if not exists sign_in_failures_by_address on sign_in_failures (address, at);
