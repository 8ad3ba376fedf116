import { describe, expect, it } from "vitest";
import { engines } from "../../test/setup/database.ts";
import type { Queryable } from "../store/database.ts";
import { inSavepoint, lockKey, noteLocked, trackLocks } from "./lock-keys.ts";

/** `tx`, counting the lock statements sent through it. */
function counting(tx: Queryable) {
  const counted = { locks: 0 };
  const q: Queryable = {
    query: (sql, params) => {
      if (sql.includes("pg_advisory_xact_lock")) counted.locks += 1;
      return tx.query(sql, params);
    },
    exec: (sql) => tx.exec(sql),
  };
  return { q, counted };
}

const heldByMe = async (tx: Queryable) =>
  (
    await tx.query<{ n: number }>(
      "select count(*)::int as n from pg_locks where locktype = 'advisory' and pid = pg_backend_pid()",
    )
  )[0]!.n;

describe.each(engines)("a transaction's advisory keys, on $name", (engine) => {
  it("R8.5: a key the transaction holds is not asked for again; one taken in a savepoint that rolled back is taken again", async () => {
    const db = await engine.open();
    await db.transaction(async (tx) => {
      const { q, counted } = counting(tx);
      trackLocks(q);
      await lockKey(q, "client:1");
      await lockKey(q, "client:1");
      expect(counted.locks).toBe(1);

      // taken in a savepoint that is rolled back: PostgreSQL lets it go, so must the count
      await expect(
        inSavepoint(q, "probe", async () => {
          await lockKey(q, "client:2");
          throw new Error("the change fails");
        }),
      ).rejects.toThrow("the change fails");
      expect(await heldByMe(tx)).toBe(1);
      await lockKey(q, "client:2");
      expect(counted.locks).toBe(3);
      expect(await heldByMe(tx)).toBe(2);

      // kept when the savepoint is released
      await inSavepoint(q, "probe", () => lockKey(q, "client:3"));
      await lockKey(q, "client:3");
      expect(counted.locks).toBe(4);

      // granted by the batch's try-locks
      noteLocked(q, ["client:4"]);
      await lockKey(q, "client:4");
      expect(counted.locks).toBe(4);
    });
  });

  it("R8.5: a handle that is not counting (no trackLocks) asks every time", async () => {
    const db = await engine.open();
    await db.transaction(async (tx) => {
      const { q, counted } = counting(tx);
      await lockKey(q, "client:1");
      await lockKey(q, "client:1");
      expect(counted.locks).toBe(2);
    });
  });
});
