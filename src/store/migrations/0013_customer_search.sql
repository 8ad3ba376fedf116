-- S11: the customer search (text in a first, last or full name, or in any contact value, ignoring
-- case) is answered from trigram indexes instead of reading every client and contact.
--
-- pg_trgm lives in its own schema, tandem_ext (or wherever it is already installed), not in the
-- hub's schema: tests run each case in a fresh schema and drop it afterwards, which must not drop
-- the extension under another schema's indexes. Queries need nothing from it (ilike is built in);
-- only the indexes name its operator class, qualified by that schema.
--
-- New rows wait in a GIN index's pending list, which every search reads whole, until a vacuum
-- (PGlite runs none; a server without autovacuum neither) or the list outgrowing
-- gin_pending_list_limit moves them into the index: 1 MB instead of the default 4 MB keeps that
-- read under a millisecond or so, and costs bulk inserts (onboarding) little more than the
-- default (each batch's rows still merge into the index together).
do $$
declare
  ext_schema text;
begin
  select n.nspname into ext_schema
  from pg_extension e join pg_namespace n on n.oid = e.extnamespace
  where e.extname = 'pg_trgm';
  if ext_schema is null then
    create schema if not exists tandem_ext;
    create extension if not exists pg_trgm schema tandem_ext;
    ext_schema := 'tandem_ext';
  end if;
  -- the full name as the search reads it (clients-table.ts, searchedName): first and last name
  -- joined by a space, a missing one empty
  execute format(
    'create index clients_name_search on clients using gin '
    '((coalesce(first_name, '''') || '' '' || coalesce(last_name, '''')) %I.gin_trgm_ops) '
    'with (gin_pending_list_limit = 1024)',
    ext_schema);
  execute format(
    'create index client_contacts_value_search on client_contacts using gin (value %I.gin_trgm_ops) '
    'with (gin_pending_list_limit = 1024)',
    ext_schema);
end
$$;
