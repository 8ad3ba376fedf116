-- R7.14: a user can be deactivated (their token stops working at once and they cannot sign in
-- until an admin activates them and issues a new token), and a token can be revoked or re-issued.
alter table users add column if not exists deactivated_at timestamptz;
alter table users add column if not exists token_issued_at timestamptz;
-- idempotent data step: tokens issued before this migration date from the user's creation
update users set token_issued_at = created_at where token_hash is not null and token_issued_at is null;
