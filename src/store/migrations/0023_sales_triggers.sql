-- T4: automations that fire N days after a processed sale, and the follow-up tasks they create.
-- Keys lead with the store (Citus: distributed by store_id, docs/operations.md).
create table if not exists sales_triggers (
  store_id bigint not null references stores (id),
  id bigint generated always as identity,
  name text not null,
  days_after int not null check (days_after between 0 and 3650),
  -- only sales with a line of this category (compared without case); null: any
  category text,
  -- only sales of at least this total, in the store's currency; null: any
  min_amount numeric(12, 2) check (min_amount >= 0),
  active boolean not null default true,
  created_by bigint references users (id),
  created_at timestamptz not null,
  primary key (store_id, id)
);

-- a processed sale a trigger matched, waiting for its day: fired (and deleted) once due
create table if not exists sale_trigger_due (
  store_id bigint not null,
  trigger_id bigint not null,
  purchase_id bigint not null references purchases (id) on delete cascade,
  due_at timestamptz not null,
  primary key (store_id, trigger_id, purchase_id),
  foreign key (store_id, trigger_id) references sales_triggers (store_id, id) on delete cascade
);
create index if not exists sale_trigger_due_by_time on sale_trigger_due (due_at);

create table if not exists follow_up_tasks (
  store_id bigint not null references stores (id),
  id bigint generated always as identity,
  trigger_id bigint not null,
  purchase_id bigint not null references purchases (id),
  client_id bigint not null references clients (id),
  -- the client's associate when it fired; null: the store's queue
  assigned_user_id bigint references users (id),
  title text not null,
  due_at timestamptz not null,
  created_at timestamptz not null,
  state text not null default 'open' check (state in ('open', 'done', 'dismissed')),
  closed_by bigint references users (id),
  closed_at timestamptz,
  primary key (store_id, id),
  -- a trigger fires once per sale
  unique (store_id, trigger_id, purchase_id),
  foreign key (store_id, trigger_id) references sales_triggers (store_id, id)
);
create index if not exists follow_up_tasks_open
  on follow_up_tasks (store_id, assigned_user_id, due_at) where state = 'open';

-- T4: a sale entered by hand in the hub: who sold it (a POS sale has its associate number)
alter table purchases add column if not exists sold_by bigint references users (id);
