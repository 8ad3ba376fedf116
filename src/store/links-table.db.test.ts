import { describe, expect, it } from "vitest";
import { engines } from "../../test/setup/database.ts";
import { addOfflineIntegration, createTestHub } from "../../test/setup/hub.ts";
import { LinkTransitionError } from "../domain/link-status.ts";
import { insertClient } from "./clients-table.ts";
import {
  clearLinkError,
  dropUnlinkedRecord,
  enableLinkSync,
  excludeLink,
  findLink,
  insertLink,
  insertLinksWithIds,
  linkToPartner,
  recordLinkSnapshot,
  settleMerge,
} from "./links-table.ts";

const customer = {
  firstName: "Ada",
  lastName: null,
  acquisition: null,
  contacts: [],
  preferences: {},
};

describe.each(engines)("the links table's one owner, on $name", (engine) => {
  it("R8.3: a link moves only by named transitions, and one it may not make is refused with a code, the row unchanged", async () => {
    const db = await engine.open();
    const hub = await createTestHub(db);
    const integrationId = await addOfflineIntegration(hub);
    const now = hub.clock.now();
    const clientId = await insertClient(db, {
      storeId: hub.admin.storeId,
      customer,
      lifecycle: "active",
      createdBy: null,
      assignedUserId: null,
      country: "US",
      now,
    });
    const waiting = await insertLink(db, {
      integrationId,
      clientId,
      externalId: null,
      status: "unlinked",
      syncEnabled: true,
      now,
    });
    const refused = (p: Promise<unknown>) =>
      expect(p).rejects.toSatisfy(
        (e) => e instanceof LinkTransitionError && e.code === "illegal_transition",
      );

    // no partner yet: nothing about a partner can be recorded, nor can it be synced
    await refused(recordLinkSnapshot(db, waiting, { external: customer, snapshotVersion: 1 }, now));
    await refused(settleMerge(db, waiting, { base: {}, pending: {}, status: "synced" }, now));
    await refused(clearLinkError(db, waiting, "synced", now));
    await refused(dropUnlinkedRecord(db, waiting));

    const linked = await linkToPartner(db, waiting, { externalId: "c_1" }, now);
    expect(linked).toMatchObject({ externalId: "c_1", syncEnabled: true, status: "unlinked" });
    // a link has one partner
    await refused(linkToPartner(db, linked, { externalId: "c_2" }, now));
    const seen = await recordLinkSnapshot(
      db,
      linked,
      { external: customer, externalVersion: 5, snapshotVersion: 5 },
      now,
    );
    // a snapshot never moves back
    await refused(
      recordLinkSnapshot(
        db,
        seen,
        { external: customer, externalVersion: 4, snapshotVersion: 4 },
        now,
      ),
    );

    // S9: an excluded customer is never quietly synced again
    await excludeLink(db, seen, now);
    const excluded = (await findLink(db, { id: seen.id }))!;
    expect(excluded.status).toBe("excluded");
    await refused(settleMerge(db, excluded, { base: {}, pending: {}, status: "synced" }, now));
    await refused(enableLinkSync(db, excluded, now));
    expect(await findLink(db, { id: seen.id })).toMatchObject({
      status: "excluded",
      syncEnabled: false,
      externalId: "c_1",
      externalVersion: 5,
    });
  });

  it("R8.3: links inserted in bulk are checked as one is: a synced link without a hub customer or a partner is refused, and none of the batch is written", async () => {
    const db = await engine.open();
    const hub = await createTestHub(db);
    const integrationId = await addOfflineIntegration(hub);
    const now = hub.clock.now();
    const clientId = await insertClient(db, {
      storeId: hub.admin.storeId,
      customer,
      lifecycle: "active",
      createdBy: null,
      assignedUserId: null,
      country: "US",
      now,
    });
    const [{ next }] = (await db.query<{ next: number }>(
      "select coalesce(max(id), 0) + 1000 as next from links",
    )) as [{ next: number }];
    const good = { integrationId, status: "synced" as const, syncEnabled: true, now };
    for (const bad of [
      { ...good, id: Number(next) + 1, clientId: null, externalId: "c_9" },
      { ...good, id: Number(next) + 1, clientId, externalId: null },
    ])
      await expect(
        insertLinksWithIds(db, [{ ...good, id: Number(next), clientId, externalId: "c_1" }, bad]),
      ).rejects.toSatisfy(
        (e) => e instanceof LinkTransitionError && e.code === "illegal_transition",
      );
    expect(
      await db.query("select id from links where integration_id = $1", [integrationId]),
    ).toEqual([]);
  });
});
