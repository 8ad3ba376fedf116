-- R7.1: records a connector could not read are kept as failing `<kind>.rejected` changes; a later
-- version of the same record that goes through settles them. This finds them without a scan on
-- every change the engine merges.
create index change_events_rejected on change_events (integration_id, external_id)
  where kind like '%.rejected' and (processed_at is null or outcome = 'failed');
