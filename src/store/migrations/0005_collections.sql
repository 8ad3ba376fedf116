-- F4: a client's named collections of products (one of them mirrors the POS wish list).
create table collections (
  id bigint generated always as identity primary key,
  client_id bigint not null references clients (id) on delete cascade,
  name text not null,
  created_at timestamptz not null,
  unique (client_id, name)
);

create table collection_items (
  id bigint generated always as identity primary key,
  collection_id bigint not null references collections (id) on delete cascade,
  product_id bigint not null references products (id),
  created_at timestamptz not null
);
create index collection_items_by_collection on collection_items (collection_id, id);
