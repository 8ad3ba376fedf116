-- Issue 12: the job runner.
--
-- R12.2: a job names the integration whose partner it writes to, so a worker can cap how many of
-- one integration's jobs it runs at once (a hanging partner does not take every slot).
alter table jobs add column if not exists integration_id bigint;
update jobs j set integration_id = l.integration_id
from links l
where j.integration_id is null and j.queue_key = 'link:' || l.id::text;
alter table jobs add constraint jobs_integration_of_store
  foreign key (store_id, integration_id) references integrations (store_id, id);
create index if not exists jobs_ready_by_integration on jobs (integration_id, run_at, id)
  where state = 'ready';
-- A link's jobs in every state (the dead ones of a link, the actor of its earlier writes).
create index if not exists jobs_of_key on jobs (queue_key, id);
-- R12.7: finished jobs by when they finished, for the pruning.
create index if not exists jobs_finished on jobs (updated_at) where state = 'done';

-- R12.6: who holds a feed's poll lease, so only that worker renews it (heartbeat), advances the
-- cursor or releases it; a worker whose lease ran out and was taken over changes nothing.
alter table poll_cursors add column if not exists lease_holder text;
