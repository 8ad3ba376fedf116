import type { Queryable } from "./database.ts";

export interface NewPurchase {
  clientId: number;
  /** null: a sale entered in the hub (T4) */
  integrationId: number | null;
  externalId: string | null;
  occurredAt: Date;
  total: number;
  currency: string;
  associateNumber: string | null;
  /** the hub user who made a sale entered in the hub */
  soldBy?: number | null | undefined;
  lines: Array<{
    productId: number;
    kind: "item" | "special_order" | "service";
    quantity: number;
    amount: number;
  }>;
  now: Date;
}

/** Records a purchase once: a sale already recorded (same integration and id) returns undefined. */
export async function insertPurchase(q: Queryable, p: NewPurchase): Promise<number | undefined> {
  const [row] = await q.query<{ id: number }>(
    `insert into purchases (store_id, client_id, integration_id, external_id, occurred_at, total,
                            currency, associate_number, created_at, sold_by)
     select c.store_id, c.id, $2, $3, $4, $5, $6, $7, $8, $9 from clients c where c.id = $1
     on conflict (store_id, integration_id, external_id) do nothing returning id`,
    [
      p.clientId,
      p.integrationId,
      p.externalId,
      p.occurredAt,
      p.total,
      p.currency,
      p.associateNumber,
      p.now,
      p.soldBy ?? null,
    ],
  );
  if (!row) return undefined;
  if (p.lines.length > 0)
    await q.query(
      `insert into purchase_lines (store_id, purchase_id, line_no, product_id, kind, quantity, amount)
       select (select store_id from purchases where id = $1), $1, n, product_id, kind, quantity, amount
       from unnest($2::int[], $3::bigint[], $4::text[], $5::numeric[], $6::numeric[]) as l(n, product_id, kind, quantity, amount)`,
      [
        row.id,
        p.lines.map((_, n) => n + 1),
        p.lines.map((l) => l.productId),
        p.lines.map((l) => l.kind),
        p.lines.map((l) => l.quantity),
        p.lines.map((l) => l.amount),
      ],
    );
  return row.id;
}

export interface PurchaseView {
  id: number;
  externalId: string | null;
  occurredAt: Date;
  total: string;
  currency: string;
  associateNumber: string | null;
  /** the hub user who made a sale entered in the hub (T4) */
  soldBy: number | null;
  lines: Array<{ productId: number; name: string; kind: string; quantity: string; amount: string }>;
}

/**
 * The client's purchases with their lines, oldest first; `newestEnteredInHub`: only the last one
 * entered by hand in the hub (T4: what its entry answers).
 */
export async function purchasesOf(
  q: Queryable,
  clientId: number,
  newestEnteredInHub = false,
): Promise<PurchaseView[]> {
  const purchases = await q.query<{
    id: number;
    external_id: string | null;
    occurred_at: Date;
    total: string;
    currency: string;
    associate_number: string | null;
    sold_by: number | null;
  }>(
    newestEnteredInHub
      ? "select * from purchases where client_id = $1 and integration_id is null order by id desc limit 1"
      : "select * from purchases where client_id = $1 order by occurred_at, id",
    [clientId],
  );
  const lines = await q.query<{
    purchase_id: number;
    product_id: number;
    name: string;
    kind: string;
    quantity: string;
    amount: string;
  }>(
    `select l.purchase_id, l.product_id, p.name, l.kind, l.quantity, l.amount
     from purchase_lines l join products p on p.id = l.product_id
     where l.purchase_id = any($1::bigint[]) order by l.purchase_id, l.line_no`,
    [purchases.map((p) => p.id)],
  );
  return purchases.map((p) => ({
    id: p.id,
    externalId: p.external_id,
    occurredAt: p.occurred_at,
    total: p.total,
    currency: p.currency,
    associateNumber: p.associate_number,
    soldBy: p.sold_by,
    lines: lines
      .filter((l) => l.purchase_id === p.id)
      .map((l) => ({
        productId: l.product_id,
        name: l.name,
        kind: l.kind,
        quantity: l.quantity,
        amount: l.amount,
      })),
  }));
}

/**
 * R8.5: insertPurchase for many sales in two statements. Sales already recorded are skipped (S4);
 * returns sale external id -> new purchase id for those written.
 */
export async function insertPurchases(
  q: Queryable,
  purchases: readonly NewPurchase[],
): Promise<Map<string, number>> {
  if (purchases.length === 0) return new Map();
  const rows = await q.query<{ id: number; integration_id: number; external_id: string }>(
    `insert into purchases (store_id, client_id, integration_id, external_id, occurred_at, total,
                            currency, associate_number, created_at)
     select i.store_id, p.client_id, p.integration_id, p.external_id, p.occurred_at, p.total,
            p.currency, p.associate_number, p.at
     from jsonb_to_recordset($1::jsonb)
          as p(n int, client_id bigint, integration_id bigint, external_id text, occurred_at timestamptz,
               total numeric, currency text, associate_number text, at timestamptz)
     join integrations i on i.id = p.integration_id
     order by p.n
     on conflict (store_id, integration_id, external_id) do nothing
     returning id, integration_id, external_id`,
    [
      JSON.stringify(
        purchases.map((p, n) => ({
          n,
          client_id: p.clientId,
          integration_id: p.integrationId,
          external_id: p.externalId,
          occurred_at: p.occurredAt,
          total: p.total,
          currency: p.currency,
          associate_number: p.associateNumber,
          at: p.now,
        })),
      ),
    ],
  );
  const ids = new Map(rows.map((r) => [`${r.integration_id}:${r.external_id}`, r.id]));
  const lines = purchases.flatMap((p) => {
    const id = ids.get(`${p.integrationId}:${p.externalId}`);
    return id === undefined ? [] : p.lines.map((l, n) => ({ ...l, purchaseId: id, lineNo: n + 1 }));
  });
  if (lines.length > 0)
    await q.query(
      `insert into purchase_lines (store_id, purchase_id, line_no, product_id, kind, quantity, amount)
       select p.store_id, l.purchase_id, l.line_no, l.product_id, l.kind, l.quantity, l.amount
       from jsonb_to_recordset($1::jsonb)
            as l(purchase_id bigint, line_no int, product_id bigint, kind text, quantity numeric,
                 amount numeric)
       join purchases p on p.id = l.purchase_id`,
      [
        JSON.stringify(
          lines.map((l) => ({
            purchase_id: l.purchaseId,
            line_no: l.lineNo,
            product_id: l.productId,
            kind: l.kind,
            quantity: l.quantity,
            amount: l.amount,
          })),
        ),
      ],
    );
  return new Map(rows.map((r) => [r.external_id, r.id]));
}
