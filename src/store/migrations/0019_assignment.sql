-- A1-A8: who owns a client, and why it changed.
-- Every assignment change is audited with who (actor) and why (reason: a rule, or "by hand").
alter table audit_log add column if not exists reason text;
-- A4: when the integration's onboarding assignment ran (null: not yet; purchases assign no one
-- by A5 until it has, so history does not hand clients to whoever sold first)
alter table integrations add column if not exists assignment_onboarded_at timestamptz;
-- A5: the user behind a sale's associate number
create index if not exists user_associates_by_number on user_associates (integration_id, associate_number);
-- A4: a client's purchases in one integration, by associate
create index if not exists purchases_by_integration_client on purchases (integration_id, client_id);
