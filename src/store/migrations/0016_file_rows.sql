-- I3: the customer file a file integration last imported, one row per customer number: the
-- "other system" of a file integration, read by its connector's full scan. A row that a newer
-- file no longer lists stays, not present (reported, never deleted in the hub); its version rises
-- with every change of its content (the digest), so capture and the engine see only changes.
create table file_rows (
  integration_id bigint not null references integrations (id) on delete cascade,
  external_id text not null,
  version bigint not null,
  digest text not null,
  customer jsonb not null,
  present boolean not null default true,
  primary key (integration_id, external_id)
);

-- I3: every import of a customer file, into a file integration or (integration_id null) the hub
create table file_imports (
  id bigint generated always as identity primary key,
  store_id bigint not null references stores (id),
  integration_id bigint references integrations (id) on delete cascade,
  digest text not null,
  rows integer not null,
  added integer not null,
  changed integer not null,
  unchanged integer not null,
  gone integer not null,
  skipped integer not null,
  imported_at timestamptz not null
);
create index file_imports_by_store on file_imports (store_id, integration_id, imported_at);
