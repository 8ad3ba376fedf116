-- I3: a customer file loaded into the hub is a run too (its rows' hub changes, worked off by the
-- engine with progress, partner_runs and change_events.run_id, 0015): side 'file'.
alter table partner_runs drop constraint partner_runs_side_check;
alter table partner_runs add constraint partner_runs_side_check
  check (side in ('hub', 'external', 'file'));
alter table partner_runs alter column integration_id drop not null;
