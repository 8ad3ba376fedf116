-- Issue 10: every store-owned row carries its store (tenant), and every reference to the small
-- per-store tables (users, integrations) names it: a row can only point at a row of its own store.
-- 0026 puts the store in the keys of the rest, and makes the references between them.

-- the keys the references name
alter table users add constraint users_store_key unique (store_id, id);
alter table integrations add constraint integrations_store_key unique (store_id, id);

-- links: the integration's store
alter table links add column if not exists store_id bigint;
update links l set store_id = i.store_id from integrations i where i.id = l.integration_id;
alter table links alter column store_id set not null;
alter table links add constraint links_integration_of_store
  foreign key (store_id, integration_id) references integrations (store_id, id);

-- a client's own rows: the client's store
alter table client_contacts add column if not exists store_id bigint;
update client_contacts x set store_id = c.store_id from clients c where c.id = x.client_id;
alter table client_contacts alter column store_id set not null;

alter table client_preferences add column if not exists store_id bigint;
update client_preferences x set store_id = c.store_id from clients c where c.id = x.client_id;
alter table client_preferences alter column store_id set not null;

alter table client_notes add column if not exists store_id bigint;
update client_notes x set store_id = c.store_id from clients c where c.id = x.client_id;
alter table client_notes alter column store_id set not null;

alter table client_messages add column if not exists store_id bigint;
update client_messages x set store_id = c.store_id from clients c where c.id = x.client_id;
alter table client_messages alter column store_id set not null;

alter table collections add column if not exists store_id bigint;
update collections x set store_id = c.store_id from clients c where c.id = x.client_id;
alter table collections alter column store_id set not null;

alter table collection_items add column if not exists store_id bigint;
update collection_items x set store_id = c.store_id from collections c where c.id = x.collection_id;
alter table collection_items alter column store_id set not null;

alter table purchases add column if not exists store_id bigint;
update purchases x set store_id = c.store_id from clients c where c.id = x.client_id;
alter table purchases alter column store_id set not null;

alter table purchase_lines add column if not exists store_id bigint;
update purchase_lines x set store_id = p.store_id from purchases p where p.id = x.purchase_id;
alter table purchase_lines alter column store_id set not null;

-- a link's own rows: the link's store
alter table conflicts add column if not exists store_id bigint;
update conflicts x set store_id = l.store_id from links l where l.id = x.link_id;
alter table conflicts alter column store_id set not null;

alter table item_keys add column if not exists store_id bigint;
update item_keys x set store_id = l.store_id from links l where l.id = x.link_id;
alter table item_keys alter column store_id set not null;

-- an integration's own rows: the integration's store
alter table poll_cursors add column if not exists store_id bigint;
update poll_cursors x set store_id = i.store_id from integrations i where i.id = x.integration_id;
alter table poll_cursors alter column store_id set not null;
alter table poll_cursors add constraint poll_cursors_integration_of_store
  foreign key (store_id, integration_id) references integrations (store_id, id);

alter table file_rows add column if not exists store_id bigint;
update file_rows x set store_id = i.store_id from integrations i where i.id = x.integration_id;
alter table file_rows alter column store_id set not null;
alter table file_rows add constraint file_rows_integration_of_store
  foreign key (store_id, integration_id) references integrations (store_id, id) on delete cascade;

alter table user_associates add column if not exists store_id bigint;
update user_associates x set store_id = u.store_id from users u where u.id = x.user_id;
alter table user_associates alter column store_id set not null;
alter table user_associates add constraint user_associates_user_of_store
  foreign key (store_id, user_id) references users (store_id, id);
alter table user_associates add constraint user_associates_integration_of_store
  foreign key (store_id, integration_id) references integrations (store_id, id);

-- the inbox, the audit history and the job queue: the store of the change
alter table change_events add column if not exists store_id bigint;
update change_events e set store_id = coalesce(
    (select i.store_id from integrations i where i.id = e.integration_id),
    (select c.store_id from clients c where c.id = e.client_id),
    (select c.store_id from clients c where c.id = (e.payload ->> 'clientId')::bigint),
    (e.payload ->> 'storeId')::bigint,
    (select min(s.id) from stores s));
alter table change_events alter column store_id set not null;
alter table change_events add constraint change_events_store
  foreign key (store_id) references stores (id);

alter table audit_log add column if not exists store_id bigint;
-- the history stays append-only for everyone else: only this migration fills the new column
alter table audit_log disable trigger audit_log_no_update;
update audit_log a set store_id = coalesce(
    (select c.store_id from clients c where c.id = a.client_id),
    (select i.store_id from integrations i where i.id = a.integration_id),
    (select min(s.id) from stores s));
alter table audit_log enable trigger audit_log_no_update;
alter table audit_log alter column store_id set not null;
alter table audit_log add constraint audit_log_store
  foreign key (store_id) references stores (id);

alter table jobs add column if not exists store_id bigint;
update jobs j set store_id = coalesce(
    (select l.store_id from links l where l.id = (j.payload ->> 'linkId')::bigint),
    (select min(s.id) from stores s));
alter table jobs alter column store_id set not null;
alter table jobs add constraint jobs_store foreign key (store_id) references stores (id);

-- references of rows that had their store already
alter table clients add constraint clients_assignee_of_store
  foreign key (store_id, assigned_user_id) references users (store_id, id);
alter table partner_runs add constraint partner_runs_integration_of_store
  foreign key (store_id, integration_id) references integrations (store_id, id);
alter table file_imports add constraint file_imports_integration_of_store
  foreign key (store_id, integration_id) references integrations (store_id, id) on delete cascade;
alter table sessions add constraint sessions_user_of_store
  foreign key (store_id, user_id) references users (store_id, id);
alter table follow_up_tasks add constraint follow_up_tasks_assignee_of_store
  foreign key (store_id, assigned_user_id) references users (store_id, id);
