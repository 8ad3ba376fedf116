-- Tandem's hub schema, first version. Every statement is schema-relative (no "public."), so
-- tests can run each case in a fresh schema.

create table stores (
  id bigint generated always as identity primary key,
  name text not null,
  time_zone text not null default 'UTC',
  country text not null default 'US',
  created_at timestamptz not null default now()
);

create table users (
  id bigint generated always as identity primary key,
  store_id bigint not null references stores (id),
  name text not null,
  email text not null unique,
  role text not null check (role in ('admin', 'manager', 'associate')),
  -- sha256 of the bearer token; the token itself is shown once and never stored
  token_hash text unique,
  created_at timestamptz not null default now()
);

create table clients (
  id bigint generated always as identity primary key,
  store_id bigint not null references stores (id),
  first_name text,
  last_name text,
  acquisition text,
  lifecycle text not null default 'prospect' check (lifecycle in ('prospect', 'active')),
  assigned_user_id bigint references users (id),
  created_by bigint references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table client_contacts (
  id bigint generated always as identity primary key,
  client_id bigint not null references clients (id) on delete cascade,
  kind text not null check (kind in ('email', 'phone', 'address')),
  value text not null,
  normalized text not null,
  unique (client_id, kind, normalized)
);
create index client_contacts_by_value on client_contacts (kind, normalized);

create table client_preferences (
  client_id bigint not null references clients (id) on delete cascade,
  name text not null,
  value text not null,
  primary key (client_id, name)
);

create table integrations (
  id bigint generated always as identity primary key,
  store_id bigint not null references stores (id),
  kind text not null,
  name text not null,
  base_url text not null,
  -- AES-256-GCM sealed JSON (api key, webhook secret), see src/store/secret-box.ts
  credentials text not null,
  options jsonb not null default '{}',
  enabled boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- One row per partner pair, or per one-sided record that the integration knows about.
create table links (
  id bigint generated always as identity primary key,
  integration_id bigint not null references integrations (id),
  client_id bigint references clients (id),
  external_id text,
  external_number text,
  status text not null check (status in ('unlinked', 'conflict', 'synced', 'excluded', 'error')),
  -- S1 selected mode: a user (or S2's automatic push) enabled sync for this customer
  sync_enabled boolean not null default false,
  -- per field path, the last value both sides agreed on (the base of the three-way merge)
  base jsonb not null default '{}',
  -- per field path, a hub value on its way out (an outbound job not yet acknowledged)
  pending jsonb not null default '{}',
  -- the latest external snapshot seen, in canonical form, and its version
  external jsonb,
  external_version bigint not null default 0,
  last_error text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (integration_id, client_id),
  unique (integration_id, external_id)
);
create index links_by_status on links (integration_id, status);

create table conflicts (
  id bigint generated always as identity primary key,
  link_id bigint not null references links (id),
  field text not null,
  base_value jsonb,
  hub_value jsonb,
  external_value jsonb,
  opened_at timestamptz not null,
  resolved_at timestamptz,
  resolved_by text,
  resolution jsonb
);
create unique index conflicts_open_per_field on conflicts (link_id, field) where resolved_at is null;

-- The inbox: every change, from an external system or from the hub, before the engine merges it.
create table change_events (
  id bigint generated always as identity primary key,
  integration_id bigint references integrations (id),
  source text not null check (source in ('external', 'hub')),
  event_key text not null,
  kind text not null,
  external_id text,
  client_id bigint,
  version bigint,
  payload jsonb not null,
  actor text not null,
  received_at timestamptz not null default now(),
  processed_at timestamptz,
  outcome text,
  attempts int not null default 0,
  retry_at timestamptz,
  last_error text
);
-- Idempotent capture: the same change delivered twice (webhook and poll, or a redelivery) is one row.
create unique index change_events_identity on change_events (source, coalesce(integration_id, 0), event_key);
create index change_events_unprocessed on change_events (id) where processed_at is null;

-- The outbox and every other background job.
create table jobs (
  id bigint generated always as identity primary key,
  kind text not null,
  -- jobs with the same key run one at a time, in id order (e.g. all writes to one link)
  queue_key text,
  payload jsonb not null,
  state text not null default 'ready' check (state in ('ready', 'running', 'done', 'dead')),
  attempts int not null default 0,
  max_attempts int not null default 10,
  run_at timestamptz not null default now(),
  locked_by text,
  locked_until timestamptz,
  last_error text,
  result jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index jobs_ready on jobs (run_at, id) where state = 'ready';
create index jobs_running on jobs (locked_until) where state = 'running';
create index jobs_by_key on jobs (queue_key, id) where state in ('ready', 'running');

create table poll_cursors (
  integration_id bigint primary key references integrations (id),
  cursor text,
  lease_until timestamptz,
  last_polled_at timestamptz,
  last_error text
);

create table audit_log (
  id bigint generated always as identity primary key,
  client_id bigint,
  integration_id bigint,
  field text not null,
  old_value jsonb,
  new_value jsonb,
  -- the system the change came from: 'hub' or the integration's kind, e.g. 'pos'
  source text not null,
  -- who made it: 'user:<id>', 'connector:<kind>', 'system'
  actor text not null,
  at timestamptz not null
);
create index audit_by_client on audit_log (client_id, id);

-- The audit history is append-only.
create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end;
$$;
create trigger audit_log_no_update before update or delete on audit_log
  for each statement execute function audit_log_append_only();
