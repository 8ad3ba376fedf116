import type { Queryable } from "./database.ts";

/**
 * Hub customer numbers: unique in a store (0015_customer_numbers.sql), kept where a number is
 * given and free, else the store's next free number. "Next free" is one past the highest number
 * the store has handed out, kept or been typed; a sequence per store holds it, so numbers are
 * taken without a lock held to the end of the transaction. The unique constraint stays the last
 * word: two transactions that keep the same number at the same moment cannot both commit.
 */
// a new store's sequence is made by a trigger on stores (0015_customer_numbers.sql)
const sequenceOf = (storeId: number) => `customer_numbers_${Math.trunc(storeId)}`;

/** A number the sequence can move past: digits only, small enough for a bigint. */
const countable = /^[0-9]{1,15}$/;

/** The hub customer holding `number` in the store, if any. */
export async function clientWithNumber(
  q: Queryable,
  storeId: number,
  number: string,
): Promise<number | undefined> {
  const [row] = await q.query<{ id: number }>(
    "select id from clients where store_id = $1 and customer_number = $2",
    [storeId, number],
  );
  return row?.id;
}

/**
 * Numbers for new customers of a store, one per entry of `wanted`: the wanted number where it is
 * given and free (held by no customer of the store, and not wanted by an earlier entry), else the
 * next free number. Three statements for any count.
 */
export async function assignNumbers(
  q: Queryable,
  storeId: number,
  wanted: ReadonlyArray<string | null | undefined>,
): Promise<string[]> {
  const given = wanted.map((w) => (w === null || w === undefined || w.trim() === "" ? null : w));
  const asked = [...new Set(given.filter((w): w is string => w !== null))];
  const taken = await numbersHeld(q, storeId, asked);
  const numbers: Array<string | null> = given.map((w) => {
    if (w === null || taken.has(w)) return null;
    taken.add(w);
    return w;
  });
  const seq = sequenceOf(storeId);
  await moveNumbersPast(q, storeId, numbers);
  let missing = numbers.filter((n) => n === null).length;
  const fresh: string[] = [];
  while (missing > 0) {
    // a number typed earlier may sit ahead of the sequence: skip whatever is held already
    const drawn = (
      await q.query<{ n: string }>(
        `select nextval('${seq}')::text as n from generate_series(1, $1)`,
        [missing],
      )
    ).map((r) => r.n);
    const held = await numbersHeld(q, storeId, drawn);
    for (const n of drawn)
      if (!held.has(n) && !taken.has(n)) {
        fresh.push(n);
        taken.add(n);
        missing -= 1;
      }
    // numbers written past the sequence (by hand, or by an older version): jump past them all
    // once, instead of drawing through them
    if (held.size > 0)
      await q.query(
        `select setval('${seq}', m) from (
           select max(customer_number::bigint) as m from clients
           where store_id = $1 and customer_number ~ '^[0-9]{1,15}$') s
         where m > (select last_value from ${seq})`,
        [storeId],
      );
  }
  return numbers.map((n) => n ?? fresh.shift()!);
}

/** Every number a store's customers have (a plan checks kept numbers against them). */
export async function numbersOfStore(q: Queryable, storeId: number): Promise<Set<string>> {
  const rows = await q.query<{ customer_number: string }>(
    "select customer_number from clients where store_id = $1",
    [storeId],
  );
  return new Set(rows.map((r) => r.customer_number));
}

/** The numbers among `numbers` that customers of the store have. */
export async function numbersHeld(
  q: Queryable,
  storeId: number,
  numbers: readonly string[],
): Promise<Set<string>> {
  if (numbers.length === 0) return new Set();
  const rows = await q.query<{ customer_number: string }>(
    "select customer_number from clients where store_id = $1 and customer_number = any($2::text[])",
    [storeId, numbers],
  );
  return new Set(rows.map((r) => r.customer_number));
}

/**
 * Whether `error` is the store refusing a number another transaction kept at the same moment (the
 * unique constraint, which a check before the insert cannot see while the other is uncommitted).
 */
export const isNumberTakenMeanwhile = (error: unknown): boolean =>
  typeof error === "object" &&
  error !== null &&
  (error as { code?: unknown }).code === "23505" &&
  (error as { constraint?: unknown }).constraint === "clients_customer_number";

/**
 * Moves the store's next free number past every number of `numbers` made of digits, so that a
 * number given out later is none of them: for numbers about to be kept (a file's, a system's)
 * by customers created afterwards, before any next free number is drawn for the others.
 */
export async function moveNumbersPast(
  q: Queryable,
  storeId: number,
  numbers: ReadonlyArray<string | null | undefined>,
): Promise<void> {
  let highest = 0;
  for (const n of numbers) if (n && countable.test(n)) highest = Math.max(highest, Number(n));
  if (highest === 0) return;
  const seq = sequenceOf(storeId);
  await q.query(`select setval('${seq}', $1) where $1 > (select last_value from ${seq})`, [
    highest,
  ]);
}
