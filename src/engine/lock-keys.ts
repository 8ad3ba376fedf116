import type { Queryable } from "../store/database.ts";

/**
 * The advisory keys a transaction holds, for the transactions that keep count (trackLocks): a
 * key taken once is not asked for again (R8.5: a batch takes its keys up front, and each event
 * would otherwise ask again for the same ones, a round trip each). A key's lock lasts until the
 * transaction ends or the savepoint it was taken in is rolled back (inSavepoint forgets it then).
 */
const held = new WeakMap<Queryable, Set<string>>();

/** Keeps count of the keys `tx` takes from now on; only for a transaction's own handle. */
export function trackLocks(tx: Queryable): void {
  if (!held.has(tx)) held.set(tx, new Set());
}

/** Notes keys `tx` was granted some other way (the batch's try-locks). */
export function noteLocked(tx: Queryable, keys: Iterable<string>): void {
  const set = held.get(tx);
  if (set) for (const key of keys) set.add(key);
}

/**
 * Serialises the work on one customer across workers for the rest of the transaction. Order is
 * always external record first, then hub client, so two transactions never wait on each other
 * in a circle.
 */
export async function lockKey(tx: Queryable, key: string): Promise<void> {
  const set = held.get(tx);
  if (set?.has(key)) return;
  await tx.query("select pg_advisory_xact_lock(hashtextextended($1, 0))", [key]);
  set?.add(key);
}

/**
 * lockKey for many keys in one round trip, taken in the order given: callers give them sorted
 * (clients by id), so two transactions locking overlapping sets never wait in a circle.
 */
export async function lockKeys(tx: Queryable, keys: readonly string[]): Promise<void> {
  const set = held.get(tx);
  const wanted = keys.filter((key) => !set?.has(key));
  if (wanted.length === 0) return;
  await tx.query(
    `select pg_advisory_xact_lock(hashtextextended(k, 0))
     from unnest($1::text[]) with ordinality as t(k, n) order by n`,
    [wanted],
  );
  for (const key of wanted) set?.add(key);
}

/**
 * lockKey without waiting: false when another transaction holds the key. For a key taken after
 * other rows are locked (out of the engine's order), where waiting could close a circle.
 */
export async function tryLockKey(tx: Queryable, key: string): Promise<boolean> {
  const set = held.get(tx);
  if (set?.has(key)) return true;
  const [row] = await tx.query<{ ok: boolean }>(
    "select pg_try_advisory_xact_lock(hashtextextended($1, 0)) as ok",
    [key],
  );
  if (row?.ok) set?.add(key);
  return row?.ok === true;
}

/**
 * A change that needs a key another transaction holds, where it may not wait for it: the engine
 * leaves it for a later batch, as PostgreSQL's "lock not available" (55P03).
 */
export class KeyBusy extends Error {
  readonly code = "55P03";
  constructor(key: string) {
    super(`${key} is held by another transaction; the change waits for a later batch`);
    this.name = "KeyBusy";
  }
}

/**
 * Runs `fn` in a savepoint: released when it succeeds; rolled back when it throws (and the keys
 * taken inside, which PostgreSQL lets go with it, are forgotten), and the error rethrown.
 */
export async function inSavepoint<T>(
  tx: Queryable,
  name: string,
  fn: () => Promise<T>,
): Promise<T> {
  const set = held.get(tx);
  const before = set ? new Set(set) : undefined;
  await tx.query(`savepoint ${name}`);
  try {
    const result = await fn();
    await tx.query(`release savepoint ${name}`);
    return result;
  } catch (error) {
    await tx.query(`rollback to savepoint ${name}`);
    if (set && before) {
      set.clear();
      for (const key of before) set.add(key);
    }
    throw error;
  }
}

export const externalLockKey = (integrationId: number, externalId: string) =>
  `ext:${integrationId}:${externalId}`;
export const clientLockKey = (clientId: number) => `client:${clientId}`;
