-- F7: emails and texts sent from the hub.
create table client_messages (
  id bigint generated always as identity primary key,
  client_id bigint not null references clients (id) on delete cascade,
  channel text not null check (channel in ('email', 'text')),
  body text not null,
  sent_by bigint references users (id),
  sent_at timestamptz not null
);
create index client_messages_by_client on client_messages (client_id, id);

-- F4, F6, F8: products, from on-hand inventory, sold items, service jobs and wishes.
create table products (
  id bigint generated always as identity primary key,
  store_id bigint not null references stores (id),
  integration_id bigint references integrations (id),
  -- the external record it comes from: 'inventory:<id>', 'service:<id>', 'line:<sale>:<n>', 'wish:<id>'
  external_key text,
  origin text not null check (origin in ('inventory', 'sold', 'service', 'wish', 'hub')),
  sku text,
  name text not null,
  category text,
  vendor text,
  inventory_type text,
  price numeric(12, 2),
  archived boolean not null default false,
  -- the version of the external record last applied (older copies are stale)
  external_version bigint not null default 0,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (integration_id, external_key)
);
create index products_by_store on products (store_id, archived);

-- F6: sales become purchases, one way.
create table purchases (
  id bigint generated always as identity primary key,
  client_id bigint not null references clients (id),
  integration_id bigint references integrations (id),
  external_id text,
  occurred_at timestamptz not null,
  total numeric(12, 2) not null,
  currency text not null,
  associate_number text,
  created_at timestamptz not null,
  unique (integration_id, external_id)
);
create index purchases_by_client on purchases (client_id, occurred_at);

create table purchase_lines (
  purchase_id bigint not null references purchases (id) on delete cascade,
  line_no int not null,
  product_id bigint not null references products (id),
  kind text not null check (kind in ('item', 'special_order', 'service')),
  quantity numeric(12, 3) not null,
  amount numeric(12, 2) not null,
  primary key (purchase_id, line_no)
);

-- Each feed of an integration (customers, inventory, sales) has its own cursor.
alter table poll_cursors add column feed text not null default 'customers';
alter table poll_cursors drop constraint poll_cursors_pkey;
alter table poll_cursors add primary key (integration_id, feed);
