-- Issue 10: the store is in the key of every row of the tables a distributed PostgreSQL (Citus)
-- would shard by store_id (docs/operations.md, "Many stores on a distributed PostgreSQL"): every
-- primary and unique key holds store_id, and every reference between those tables names it.
-- store_id comes last in each key, so the lookups the hub makes (by id, by integration and
-- external id, by customer) use the keys' indexes as before: Citus asks that a key hold the
-- distribution column, not that it lead.
-- The small tables every store's rows point at (stores, users, sessions, integrations,
-- user_associates, sales_triggers) keep their keys: on Citus they are reference tables.

-- 1. the keys that are replaced take the single-column references to them along (cascade); the
--    references are made again below, with the store (each once: 0025 made only those to users
--    and integrations)
alter table clients drop constraint clients_pkey cascade;
alter table clients add primary key (id, store_id);

alter table products drop constraint products_pkey cascade;
alter table products add primary key (id, store_id);
alter table products drop constraint products_integration_id_external_key_key;
alter table products add constraint products_external_key unique (integration_id, external_key, store_id);

alter table links drop constraint links_pkey cascade;
alter table links add primary key (id, store_id);
alter table links drop constraint links_integration_id_client_id_key;
alter table links add constraint links_client_key unique (integration_id, client_id, store_id);
alter table links drop constraint links_integration_id_external_id_key;
alter table links add constraint links_external_key unique (integration_id, external_id, store_id);

alter table collections drop constraint collections_pkey cascade;
alter table collections add primary key (id, store_id);
alter table collections drop constraint collections_client_id_name_key;
alter table collections add constraint collections_name_key unique (client_id, name, store_id);

alter table purchases drop constraint purchases_pkey cascade;
alter table purchases add primary key (id, store_id);
alter table purchases drop constraint purchases_integration_id_external_id_key;
alter table purchases add constraint purchases_external_key unique (integration_id, external_id, store_id);

alter table partner_runs drop constraint partner_runs_pkey cascade;
alter table partner_runs add primary key (id, store_id);

alter table client_contacts drop constraint client_contacts_pkey;
alter table client_contacts add primary key (id, store_id);
alter table client_contacts drop constraint client_contacts_client_id_kind_normalized_key;
alter table client_contacts add constraint client_contacts_contact_key
  unique (client_id, kind, normalized, store_id);

alter table client_preferences drop constraint client_preferences_pkey;
alter table client_preferences add primary key (client_id, name, store_id);

alter table client_notes drop constraint client_notes_pkey;
alter table client_notes add primary key (id, store_id);

alter table client_messages drop constraint client_messages_pkey;
alter table client_messages add primary key (id, store_id);

alter table collection_items drop constraint collection_items_pkey;
alter table collection_items add primary key (id, store_id);

alter table purchase_lines drop constraint purchase_lines_pkey;
alter table purchase_lines add primary key (purchase_id, line_no, store_id);

alter table conflicts drop constraint conflicts_pkey;
alter table conflicts add primary key (id, store_id);
drop index if exists conflicts_open_per_field;
create unique index conflicts_open_per_field on conflicts (link_id, field, store_id)
  where resolved_at is null;

alter table item_keys drop constraint item_keys_pkey;
alter table item_keys add primary key (link_id, kind, hub_id, store_id);
alter table item_keys drop constraint item_keys_link_id_kind_external_id_key;
alter table item_keys add constraint item_keys_external_key unique (link_id, kind, external_id, store_id);

alter table poll_cursors drop constraint poll_cursors_pkey;
alter table poll_cursors add primary key (integration_id, feed, store_id);

alter table file_rows drop constraint file_rows_pkey;
alter table file_rows add primary key (integration_id, external_id, store_id);

alter table file_imports drop constraint file_imports_pkey;
alter table file_imports add primary key (id, store_id);

alter table change_events drop constraint change_events_pkey;
alter table change_events add primary key (id, store_id);
drop index if exists change_events_identity;
create unique index change_events_identity
  on change_events (source, coalesce(integration_id, 0), event_key, store_id);

alter table jobs drop constraint jobs_pkey;
alter table jobs add primary key (id, store_id);

-- the history is append-only; its key changes like every other (no row is touched)
alter table audit_log drop constraint audit_log_pkey;
alter table audit_log add primary key (id, store_id);

-- 2. every reference between these tables, with the store
alter table links add constraint links_client_of_store
  foreign key (store_id, client_id) references clients (store_id, id);
alter table client_contacts add constraint client_contacts_client_of_store
  foreign key (store_id, client_id) references clients (store_id, id) on delete cascade;
alter table client_preferences add constraint client_preferences_client_of_store
  foreign key (store_id, client_id) references clients (store_id, id) on delete cascade;
alter table client_notes add constraint client_notes_client_of_store
  foreign key (store_id, client_id) references clients (store_id, id) on delete cascade;
alter table client_messages add constraint client_messages_client_of_store
  foreign key (store_id, client_id) references clients (store_id, id) on delete cascade;
alter table collections add constraint collections_client_of_store
  foreign key (store_id, client_id) references clients (store_id, id) on delete cascade;
alter table collection_items add constraint collection_items_collection_of_store
  foreign key (store_id, collection_id) references collections (store_id, id) on delete cascade;
alter table collection_items add constraint collection_items_product_of_store
  foreign key (store_id, product_id) references products (store_id, id);
alter table purchases add constraint purchases_client_of_store
  foreign key (store_id, client_id) references clients (store_id, id);
alter table purchase_lines add constraint purchase_lines_purchase_of_store
  foreign key (store_id, purchase_id) references purchases (store_id, id) on delete cascade;
alter table purchase_lines add constraint purchase_lines_product_of_store
  foreign key (store_id, product_id) references products (store_id, id);
alter table conflicts add constraint conflicts_link_of_store
  foreign key (store_id, link_id) references links (store_id, id);
alter table item_keys add constraint item_keys_link_of_store
  foreign key (store_id, link_id) references links (store_id, id) on delete cascade;
alter table follow_up_tasks add constraint follow_up_tasks_client_of_store
  foreign key (store_id, client_id) references clients (store_id, id);
alter table follow_up_tasks add constraint follow_up_tasks_purchase_of_store
  foreign key (store_id, purchase_id) references purchases (store_id, id);
alter table sale_trigger_due add constraint sale_trigger_due_purchase_of_store
  foreign key (store_id, purchase_id) references purchases (store_id, id) on delete cascade;
alter table change_events add constraint change_events_link_of_store
  foreign key (store_id, link_id) references links (store_id, id) on delete set null (link_id);
alter table change_events add constraint change_events_run_of_store
  foreign key (store_id, run_id) references partner_runs (store_id, id);

-- 3. and to the reference tables' rows of the same store
alter table products add constraint products_integration_of_store
  foreign key (store_id, integration_id) references integrations (store_id, id);
alter table purchases add constraint purchases_integration_of_store
  foreign key (store_id, integration_id) references integrations (store_id, id);
alter table change_events add constraint change_events_integration_of_store
  foreign key (store_id, integration_id) references integrations (store_id, id);
alter table purchases add constraint purchases_seller_of_store
  foreign key (store_id, sold_by) references users (store_id, id);
alter table clients add constraint clients_creator_of_store
  foreign key (store_id, created_by) references users (store_id, id);
alter table client_notes add constraint client_notes_author_of_store
  foreign key (store_id, created_by) references users (store_id, id);
alter table client_messages add constraint client_messages_sender_of_store
  foreign key (store_id, sent_by) references users (store_id, id);
alter table partner_runs add constraint partner_runs_creator_of_store
  foreign key (store_id, created_by) references users (store_id, id);
alter table sales_triggers add constraint sales_triggers_creator_of_store
  foreign key (store_id, created_by) references users (store_id, id);
alter table follow_up_tasks add constraint follow_up_tasks_closer_of_store
  foreign key (store_id, closed_by) references users (store_id, id);
