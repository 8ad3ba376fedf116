-- The version of the external snapshot stored on a link. It can run ahead of external_version
-- (the last version merged): the apply stage stores the answer to its own write at once, so merges
-- made before that answer is processed compare against the newest known state.
alter table links add column snapshot_version bigint not null default 0;
update links set snapshot_version = external_version;
