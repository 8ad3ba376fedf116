-- R8.5: onboarding in order. A feed is caught up once a poll of it ended with nothing more to
-- fetch (or failed); while an integration's customers feed is not (a first poll, onboarding), its
-- other feeds wait, so that sales come in after the customers they belong to. Feeds polled before
-- this migration are caught up; a new one is not until its first poll goes through.
alter table poll_cursors add column caught_up boolean not null default true;
alter table poll_cursors alter column caught_up set default false;
