-- R11.2 (S11): the customer search finds a phone by its digits, whatever format it was typed in.
-- A search that looks like a phone number also matches the phones whose normalized value (E.164,
-- or the digits alone when it does not parse: domain/normalize.ts) contains its digits, so
-- "2215551021", "(221) 555 1021" and "+12215551021" all find "+1 221 555 1021". A trigram index
-- on the phones' normalized values answers it, as 0013's indexes answer the name and value search
-- (pg_trgm in the schema 0013 found or made for it; the same pending-list limit, for the same
-- reason).
do $$
declare
  ext_schema text;
begin
  select n.nspname into ext_schema
  from pg_extension e join pg_namespace n on n.oid = e.extnamespace
  where e.extname = 'pg_trgm';
  execute format(
    'create index if not exists client_contacts_phone_search on client_contacts '
    'using gin (normalized %I.gin_trgm_ops) with (gin_pending_list_limit = 1024) '
    'where kind = ''phone''',
    ext_schema);
end
$$;
