-- T3: the onboarding backfill's progress per feed (pages and records fetched), and the time before
-- which a throttled feed is not polled again
alter table poll_cursors add column if not exists pages_fetched bigint not null default 0;
alter table poll_cursors add column if not exists records_fetched bigint not null default 0;
alter table poll_cursors add column if not exists not_before timestamptz;
