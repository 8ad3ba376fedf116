-- F5: a client's recent activity notes.
create table client_notes (
  id bigint generated always as identity primary key,
  client_id bigint not null references clients (id) on delete cascade,
  body text not null,
  created_by bigint references users (id),
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index client_notes_by_client on client_notes (client_id, id);

-- Items that exist on both sides of a link (notes, later wishes), paired by their ids.
create table item_keys (
  link_id bigint not null references links (id) on delete cascade,
  kind text not null,
  hub_id bigint not null,
  external_id text not null,
  primary key (link_id, kind, hub_id),
  unique (link_id, kind, external_id)
);
