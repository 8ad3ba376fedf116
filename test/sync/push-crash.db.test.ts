import { describe, expect, it } from "vitest";
import { engines, type TestEngine } from "../setup/database.ts";
import { posCustomers } from "../setup/pos-helpers.ts";
import {
  crashAfter,
  startSyncedPair,
  withoutSafeguards,
  type SyncedPair,
} from "../setup/synced-pair.ts";
import { applyDueJobs } from "../../src/apply/run-apply.ts";
import { createCustomer } from "../../src/services/customers.ts";

type Safeguard = "idempotencyKey" | "ref" | "email";

/**
 * After the crash, which comes first: the job's retry (the POS is asked to create the customer
 * again), or the POS's change feed bringing in the customer the crashed write created.
 */
type Order = "retry first" | "poll first";

const count = async (pair: SyncedPair, sql: string) =>
  Number(Object.values((await pair.ctx.db.query(sql))[0]!)[0]);

/**
 * S2 with a crash between the write and its bookkeeping: a hub customer is created at the POS by
 * a worker that dies before recording it, then the two ways the pair can go on happen in `order`.
 * Only the safeguards in `on` are in place; the others are switched off (see withoutSafeguards).
 */
async function crashWhilePushing(engine: TestEngine, on: readonly Safeguard[], order: Order) {
  const pair = await startSyncedPair(await engine.open());
  const resolver = withoutSafeguards(pair.ctx.resolveConnector, {
    idempotencyKey: !on.includes("idempotencyKey"),
    ref: !on.includes("ref"),
  });
  await createCustomer(pair.ctx, pair.admin, {
    firstName: "Crash",
    lastName: "Course",
    ...(on.includes("email")
      ? { contacts: [{ kind: "email", value: "crash@course.example" }] }
      : {}),
  });
  await applyDueJobs(
    { ...pair.applyOptions, resolveConnector: crashAfter(pair, "createCustomer", resolver) },
    8,
  );
  // the write landed at the POS; the hub does not know it yet
  expect(await posCustomers(pair)).toHaveLength(1);
  expect(await count(pair, "select count(*) from links where external_id is not null")).toBe(0);
  if (order === "poll first") await pair.pollAndMerge();
  pair.clock.advance(15 * 60_000); // past the failed attempt's backoff
  await applyDueJobs({ ...pair.applyOptions, resolveConnector: resolver }, 8);
  await pair.settle({ resolveConnector: resolver });
  return {
    atPos: (await posCustomers(pair)).length,
    inHub: await count(pair, "select count(*) from clients"),
    linked: await count(pair, "select count(*) from links where status = 'synced'"),
  };
}

const once = { atPos: 1, inHub: 1, linked: 1 };

describe.each(engines)(
  "S2 safeguards against a crash mid-push, each on its own, on $name",
  (engine) => {
    it("S2: the idempotency key alone: the retried create is answered with the first one, not made twice", async () => {
      expect(await crashWhilePushing(engine, ["idempotencyKey"], "retry first")).toEqual(once);
    });

    it("S2: the tandem: ref alone: the crashed create's customer, arriving first, is recognised as the client's partner", async () => {
      expect(await crashWhilePushing(engine, ["ref"], "poll first")).toEqual(once);
    });

    it("S2: the email match alone: the retry finds the customer the crashed create made", async () => {
      expect(await crashWhilePushing(engine, ["email"], "retry first")).toEqual(once);
    });

    it("S2: the email match alone: the crashed create's customer, arriving first, is linked to the client by its email", async () => {
      expect(await crashWhilePushing(engine, ["email"], "poll first")).toEqual(once);
    });

    it("S2: with all three switched off the same crash duplicates the customer (the cases above test something)", async () => {
      expect(await crashWhilePushing(engine, [], "retry first")).toMatchObject({ atPos: 2 });
      expect(await crashWhilePushing(engine, [], "poll first")).toMatchObject({
        atPos: 2,
        inHub: 2,
      });
    });
  },
);
