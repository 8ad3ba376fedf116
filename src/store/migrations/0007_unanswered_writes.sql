-- F11: outbound writes that may have reached the partner but whose answer was never recorded (a
-- crash or a race between the write and its bookkeeping). The engine looks them up, by link, when
-- a merge would open a conflict, to recognise the hub's own earlier value coming back.
create index jobs_unanswered on jobs (queue_key, created_at)
  where kind = 'external.update' and attempts >= 1 and (state <> 'done' or result <> '"sent"'::jsonb);
