-- T1: when the scheduler last let an integration's held sales through to the engine
alter table integrations add column if not exists sales_released_at timestamptz;
-- T1/T6: integrations made before batching keep taking sales as they come (new ones batch by
-- default, as the spec asks); a store switches with PATCH /v1/integrations/{id}
update integrations set options = options || '{"salesTiming": "realtime"}'::jsonb
where not (options ? 'salesTiming');
-- T1: the held sales of an integration (retry_at 'infinity' until their batch)
create index if not exists change_events_held_sales on change_events (integration_id)
  where processed_at is null and retry_at = 'infinity';
