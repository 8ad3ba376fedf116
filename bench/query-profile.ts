// Time per SQL statement (by its first 90 characters) of everything run through a Db: a quick
// look at where a benchmark's time goes. Used by bench/engine-batch.ts with BENCH_PROF=1.
import type { Db, Queryable } from "../src/store/database.ts";

const stats = new Map<string, { n: number; ms: number }>();

function wrap<T extends Queryable>(q: T): T {
  return new Proxy(q, {
    get(target, prop, receiver) {
      if (prop === "query")
        return async (sql: string, params?: readonly unknown[]) => {
          const started = performance.now();
          try {
            return await target.query(sql, params);
          } finally {
            const key = sql.replace(/\s+/g, " ").slice(0, 90);
            const s = stats.get(key) ?? { n: 0, ms: 0 };
            s.n += 1;
            s.ms += performance.now() - started;
            stats.set(key, s);
          }
        };
      if (prop === "transaction")
        return (fn: (tx: Queryable) => Promise<unknown>) =>
          (target as unknown as Db).transaction((tx) => fn(wrap(tx)));
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
}

export const profile = (db: Db): Db => wrap(db);

export function report(top = 15) {
  for (const [sql, s] of [...stats].sort((a, b) => b[1].ms - a[1].ms).slice(0, top))
    console.log(`${String(s.n).padStart(7)} ${String(Math.round(s.ms)).padStart(7)} ms  ${sql}`);
}
