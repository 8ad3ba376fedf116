import type { Queryable } from "./database.ts";

export interface MessageRecord {
  id: number;
  clientId: number;
  channel: "email" | "text";
  body: string;
  sentBy: number | null;
  sentAt: Date;
}

export async function insertMessage(q: Queryable, m: Omit<MessageRecord, "id">): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `insert into client_messages (store_id, client_id, channel, body, sent_by, sent_at)
     select c.store_id, c.id, $2, $3, $4, $5 from clients c where c.id = $1 returning id`,
    [m.clientId, m.channel, m.body, m.sentBy, m.sentAt],
  );
  return row!.id;
}

export async function readMessage(q: Queryable, id: number): Promise<MessageRecord | undefined> {
  const [row] = await q.query<{
    id: number;
    client_id: number;
    channel: "email" | "text";
    body: string;
    sent_by: number | null;
    sent_at: Date;
  }>("select * from client_messages where id = $1", [id]);
  return row
    ? {
        id: row.id,
        clientId: row.client_id,
        channel: row.channel,
        body: row.body,
        sentBy: row.sent_by,
        sentAt: row.sent_at,
      }
    : undefined;
}
