// The customers W4 and the console benchmark list and search: seeded with SQL (the onboarding is
// W1's business), clients with an email, a phone and two preferences each, names from the POS
// seed's lists, then vacuumed and checkpointed as a hub at rest after its onboarding.
import type pg from "pg";

export const lastNames = [
  "Smith",
  "Garcia",
  "Nakamura",
  "Okafor",
  "Patel",
  "Kowalski",
  "Lee",
  "Brown",
];

/** `customers` clients in the hub's first store; their ids from lo to hi. */
export async function seedListedCustomers(db: pg.Pool, customers: number) {
  const { rows } = await db.query<{ id: number }>("select id from stores order by id limit 1");
  await db.query(
    `insert into clients (store_id, customer_number, first_name, last_name, acquisition, created_at, updated_at)
       select $1, 'W' || g, (array['Olivia','Liam','Emma','Noah','Ava','Elijah','Sophia','James','Mia'])[1 + g % 9],
              (array['${lastNames.join("','")}'])[1 + (g * 7 / 9) % 8], 'Walk-in', now(), now()
       from generate_series(0, $2 - 1) g`,
    [rows[0]!.id, customers],
  );
  await db.query(
    `insert into client_contacts (store_id, client_id, kind, value, normalized)
       select store_id, id, 'email', lower(first_name || '.' || last_name || '.' || id || '@example.com'),
              lower(first_name || '.' || last_name || '.' || id || '@example.com') from clients`,
  );
  await db.query(
    `insert into client_contacts (store_id, client_id, kind, value, normalized)
       select store_id, id, 'phone', '+1 212 ' || (200 + id / 10000 % 800) || ' ' || lpad((id % 10000)::text, 4, '0'),
              '1212' || (200 + id / 10000 % 800) || lpad((id % 10000)::text, 4, '0') from clients`,
  );
  await db.query(
    `insert into client_preferences (store_id, client_id, name, value)
       select store_id, id, 'ring_size', (4 + id % 9 / 2.0)::text from clients
       union all select store_id, id, 'birthstone', 'Garnet' from clients`,
  );
  // the state autovacuum leaves a store in after its onboarding: statistics, the visibility map,
  // and the trigram indexes' pending entries merged (searches otherwise scan them all)
  for (const table of ["clients", "client_contacts", "client_preferences"])
    await db.query(`vacuum (analyze) ${table}`);
  // and the seed's writes on disk, so no checkpoint they started lands in the measurement
  await db.query("checkpoint");
  const { rows: range } = await db.query<{ lo: number; hi: number }>(
    "select min(id)::int as lo, max(id)::int as hi from clients",
  );
  return range[0]!;
}
