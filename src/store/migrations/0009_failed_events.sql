-- R7.1: an inbound change that fails names the customer link it put in the error section, so the
-- link leaves that section once none of its changes is failing any more, and a list of failing
-- changes can show whose they are. A link that goes away leaves the event without one.
alter table change_events add column link_id bigint references links (id) on delete set null;
-- The failing changes: waiting for their next attempt, or parked after their last one.
create index change_events_failing on change_events (id)
  where last_error is not null and (processed_at is null or outcome = 'failed');
create index change_events_failing_by_link on change_events (link_id)
  where link_id is not null and last_error is not null and (processed_at is null or outcome = 'failed');
-- F6/S1: a sale of a customer who is not synced is skipped, and taken up again when the customer
-- starts to sync (its purchases are not lost).
create index change_events_skipped_sales on change_events (integration_id, (payload ->> 'customerId'))
  where outcome = 'skipped: customer not synced';
