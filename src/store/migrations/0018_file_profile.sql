-- I3: a file integration is read only: its own profile (domain/policy.ts, "file") sends nothing
-- out and creates no partners there; file integrations made before this migration had "customers".
update integrations set profile = 'file' where kind = 'file';
