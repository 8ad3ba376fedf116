-- T2, T5: the store's currency (ISO 4217); its POS sales must be in it, and reports are in it
alter table stores add column if not exists currency text not null default 'USD';
