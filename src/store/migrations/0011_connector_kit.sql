-- R8.1: an integration's connector brings its own credentials and options. Not every kind has an
-- address (a file connector has none), the connector's own options are kept beside the hub's,
-- and the profile that decides for its fields is named on the row, so the engine finds it
-- without knowing the connector. Rows before this migration are POS integrations.
alter table integrations alter column base_url drop not null;
alter table integrations add column connection jsonb not null default '{}';
alter table integrations add column profile text not null default 'pos';
