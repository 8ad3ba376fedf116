-- S3: the engine asks, for every sale it records, whether the customer is still a prospect (its
-- first purchase makes it active). Prospects are few: this index holds only them, so the answer
-- for an active customer is one probe of a small index, with no read of the clients table.
create index clients_prospects on clients (id) where lifecycle = 'prospect';
