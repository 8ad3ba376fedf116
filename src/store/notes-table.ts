import type { Queryable } from "./database.ts";

export interface NoteRecord {
  id: number;
  clientId: number;
  body: string;
  createdAt: Date;
  updatedAt: Date;
}

export async function readNotes(q: Queryable, clientIds: readonly number[]): Promise<NoteRecord[]> {
  if (clientIds.length === 0) return [];
  const rows = await q.query<{
    id: number;
    client_id: number;
    body: string;
    created_at: Date;
    updated_at: Date;
  }>("select * from client_notes where client_id = any($1::bigint[]) order by id", [clientIds]);
  return rows.map((r) => ({
    id: r.id,
    clientId: r.client_id,
    body: r.body,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

export async function insertNote(
  q: Queryable,
  clientId: number,
  body: string,
  createdBy: number | null,
  now: Date,
) {
  const [row] = await q.query<{ id: number }>(
    `insert into client_notes (store_id, client_id, body, created_by, created_at, updated_at)
     select c.store_id, c.id, $2, $3, $4, $4 from clients c where c.id = $1 returning id`,
    [clientId, body, createdBy, now],
  );
  return row!.id;
}

export async function updateNote(
  q: Queryable,
  clientId: number,
  id: number,
  body: string,
  now: Date,
): Promise<boolean> {
  const rows = await q.query(
    "update client_notes set body = $3, updated_at = $4 where id = $2 and client_id = $1 returning id",
    [clientId, id, body, now],
  );
  return rows.length === 1;
}

/** R8.5: many new notes, ids chosen by the caller (store/clients-table.ts reserveIds), one statement. */
export async function insertNotesWithIds(
  q: Queryable,
  notes: ReadonlyArray<{ id: number; clientId: number; body: string; now: Date }>,
): Promise<void> {
  if (notes.length === 0) return;
  await q.query(
    `insert into client_notes (id, store_id, client_id, body, created_by, created_at, updated_at)
     overriding system value
     select n.id, c.store_id, n.client_id, n.body, null, n.at, n.at
     from unnest($1::bigint[], $2::bigint[], $3::text[], $4::timestamptz[]) as n(id, client_id, body, at)
     join clients c on c.id = n.client_id`,
    [
      notes.map((n) => n.id),
      notes.map((n) => n.clientId),
      notes.map((n) => n.body),
      notes.map((n) => n.now),
    ],
  );
}
