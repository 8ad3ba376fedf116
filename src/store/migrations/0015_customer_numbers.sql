-- Issue 9: every hub customer carries a customer number (the number the store uses on receipts
-- and invoices), unique in its store, shown, searched and kept through every operation.
-- Existing customers are numbered by their id (unique already).
alter table clients add column customer_number text;
update clients set customer_number = id::text;
alter table clients alter column customer_number set not null;
alter table clients add constraint clients_customer_number unique (store_id, customer_number);

-- S5: "the next free number" comes from a sequence per store (customer_numbers_<store id>),
-- which hands out numbers without a lock held to the end of the transaction, so parallel
-- onboarding batches never wait on each other for a number. It is moved past every number kept
-- or typed (store/customer-numbers.ts). A new store gets its sequence from a trigger, whoever
-- inserts it.
create function create_customer_number_sequence() returns trigger language plpgsql as $$
begin
  execute format('create sequence if not exists customer_numbers_%s', new.id);
  return new;
end
$$;
create trigger stores_customer_numbers after insert on stores
  for each row execute function create_customer_number_sequence();
do $$
declare
  s record;
  highest bigint;
begin
  for s in select id from stores loop
    execute format('create sequence if not exists customer_numbers_%s', s.id);
    select coalesce(max(customer_number::bigint), 0) into highest
      from clients where store_id = s.id and customer_number ~ '^[0-9]{1,15}$';
    perform setval(format('customer_numbers_%s', s.id)::regclass, greatest(highest, 1), highest > 0);
  end loop;
end
$$;

-- S6/S10: a bulk run (create partners for a whole side, or transfer all) is its hub changes, one
-- per customer, recorded in one transaction and worked off by the engine like any other change:
-- exactly once, retried with backoff, each failure with its reason. The run row names them, and
-- its progress is read from its changes.
create table partner_runs (
  id bigint generated always as identity primary key,
  store_id bigint not null references stores (id),
  integration_id bigint not null references integrations (id),
  side text not null check (side in ('hub', 'external')),
  number_choice text not null check (number_choice in ('keep', 'next')),
  total int not null,
  created_by bigint references users (id),
  created_at timestamptz not null default now()
);
alter table change_events add column run_id bigint references partner_runs (id);
create index change_events_by_run on change_events (run_id, id) where run_id is not null;

-- S5: a number asked of another system is first checked against the numbers the hub knows there.
create index links_external_number on links (integration_id, external_number)
  where external_number is not null;
