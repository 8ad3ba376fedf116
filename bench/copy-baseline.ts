// The yardstick W1 is compared with: the same records (the POS's seeded customers and sales
// lines) as rows of two scratch tables, loaded with COPY FROM STDIN (pg-copy-streams) on
// PostgreSQL, or with PGlite's COPY FROM '/dev/blob' on the embedded store. The TSV is made
// before the clock starts: only the load is timed.
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { layoutOf, seededCustomer, seededSale } from "../simulators/reference-pos/scale-seed.ts";
import { scratchDatabase } from "./hub.ts";

const tables = `
  create table copy_customers (id text primary key, number text, first_name text, last_name text,
    email text, phone text, address text, custom_fields jsonb);
  create table copy_sales_lines (sale_id text, line_no int, customer_id text, occurred_at timestamptz,
    description text, category text, vendor text, amount numeric(12, 2),
    primary key (sale_id, line_no));`;

const field = (v: string | null | undefined) =>
  v == null
    ? "\\N"
    : v.replace(
        /[\\\t\n\r]/g,
        (ch) => `\\${ch === "\t" ? "t" : ch === "\n" ? "n" : ch === "\r" ? "r" : "\\"}`,
      );

/** Rows as TSV text in chunks of about 5,000 rows. */
class Chunks {
  readonly chunks: string[] = [];
  private rows: string[] = [];
  add(values: Array<string | null | undefined>) {
    this.rows.push(values.map(field).join("\t"));
    if (this.rows.length >= 5000) this.flush();
  }
  flush() {
    if (this.rows.length > 0) this.chunks.push(`${this.rows.join("\n")}\n`);
    this.rows = [];
    return this.chunks;
  }
}

/** The records as TSV chunks (customers, then sales lines). */
export function copyRows(customers: number, salesLines: number) {
  const layout = layoutOf({ customers, salesLines }, 0);
  const customerRows = new Chunks();
  for (let i = 0; i < customers; i++) {
    const c = seededCustomer(layout, i);
    const contact = (type: string) => c.contacts.find((m) => m.type === type)?.value;
    customerRows.add([
      c.id,
      c.number,
      c.firstName,
      c.lastName,
      contact("email"),
      contact("phone"),
      contact("address"),
      JSON.stringify(c.customFields),
    ]);
  }
  const lineRows = new Chunks();
  for (let j = 0; j < layout.sales; j++) {
    const s = seededSale(layout, j);
    s.lines.forEach((l, n) =>
      lineRows.add([
        s.id,
        String(n + 1),
        s.customerId,
        s.occurredAt,
        l.description,
        l.category,
        l.vendor,
        String(l.amount),
      ]),
    );
  }
  return { customerChunks: customerRows.flush(), lineChunks: lineRows.flush() };
}

export async function copyPostgres(adminUrl: string, customers: number, salesLines: number) {
  const rows = copyRows(customers, salesLines);
  const database = await scratchDatabase(adminUrl, "copy");
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query(tables);
    const started = performance.now();
    await pipeline(
      Readable.from(rows.customerChunks),
      client.query(copyFrom("copy copy_customers from stdin")),
    );
    await pipeline(
      Readable.from(rows.lineChunks),
      client.query(copyFrom("copy copy_sales_lines from stdin")),
    );
    const seconds = (performance.now() - started) / 1000;
    return {
      seconds,
      method: "PostgreSQL COPY FROM STDIN (pg-copy-streams), 2 tables with primary keys",
    };
  } finally {
    await client.end();
    await database.drop();
  }
}

export async function copyPglite(customers: number, salesLines: number) {
  const rows = copyRows(customers, salesLines);
  const lite = await PGlite.create();
  try {
    await lite.exec(tables);
    const started = performance.now();
    await lite.query("copy copy_customers from '/dev/blob'", [], {
      blob: new Blob(rows.customerChunks),
    });
    await lite.query("copy copy_sales_lines from '/dev/blob'", [], {
      blob: new Blob(rows.lineChunks),
    });
    const seconds = (performance.now() - started) / 1000;
    return {
      seconds,
      method: "PGlite COPY FROM '/dev/blob' (in memory), 2 tables with primary keys",
    };
  } finally {
    await lite.close();
  }
}
