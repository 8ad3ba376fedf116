import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/api/app.ts";
import { compareWithPartner, listConflicts } from "../../src/services/conflicts.ts";
import { getCustomer } from "../../src/services/customers.ts";
import { engines } from "../setup/database.ts";
import { fieldMap, fromHub, posCustomers, posGet } from "../setup/pos-helpers.ts";
import { startSyncedPair, type SyncedPair } from "../setup/synced-pair.ts";

function hubApi(pair: SyncedPair) {
  const app = createApp(pair.ctx);
  return async (method: string, path: string, body?: unknown) => {
    const response = await app.request(path, {
      method,
      headers: { "content-type": "application/json", authorization: `Bearer ${pair.token}` },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
}

const unique = (what: string) => `${what}-${randomUUID().slice(0, 8)}`;

describe.each(engines)("turning an integration off and on again, on $name", (engine) => {
  it("R7.4: edits made while it was off are sent once it is on again; both sides converge, or conflict where both changed", async () => {
    const pair = await startSyncedPair(await engine.open(), { fieldMap });
    const api = hubApi(pair);
    const id = pair.integrationId;
    const { clientId, posId } = await fromHub(pair, {
      firstName: "Ada",
      lastName: "Lovelace",
      preferences: { "Ring size": "6", Birthstone: "Garnet" },
    });
    const hubOnly = await fromHub(pair, { firstName: "Hub", lastName: "Only" });
    const posOnly = await fromHub(pair, { firstName: "Pos", lastName: "Only" });
    const quiet = await fromHub(pair, { firstName: "Quiet", lastName: "Customer" });
    expect((await api("PATCH", `/v1/integrations/${id}`, { enabled: false })).status).toBe(200);

    // while it is off: the hub edits the first name, the POS the last name, both the ring size
    const hubFirst = unique("Hub");
    const hubRing = unique("hub-ring");
    const posLast = unique("Pos");
    const posRing = unique("pos-ring");
    const hubBirthstone = unique("Opal");
    const edited = await api("PATCH", `/v1/customers/${clientId}`, {
      firstName: hubFirst,
      preferences: { "Ring size": hubRing, Birthstone: hubBirthstone },
    });
    expect(edited.status).toBe(200);
    const atPos = await pair.posCall("PATCH", `/staff/customers/${posId}`, {
      set: { lastName: posLast, customFields: { ring_size: posRing } },
    });
    expect(atPos.status).toBe(200);
    // a customer edited only in the hub, and one edited only at the POS
    const hubOnlyLast = unique("HubOnly");
    await api("PATCH", `/v1/customers/${hubOnly.clientId}`, { lastName: hubOnlyLast });
    const posOnlyFirst = unique("PosOnly");
    await pair.posCall("PATCH", `/staff/customers/${posOnly.posId}`, {
      set: { firstName: posOnlyFirst },
    });
    // nothing went out while it was off
    expect((await posGet(pair, posId)).firstName).toBe("Ada");

    const enabled = await api("PATCH", `/v1/integrations/${id}`, { enabled: true });
    expect(enabled.status).toBe(200);
    await pair.settle();

    const pos = await posGet(pair, posId);
    const hub = await getCustomer(pair.ctx, pair.admin, clientId);
    // one side's edits reached the other
    expect(pos.firstName).toBe(hubFirst);
    expect(pos.customFields["birthstone"]).toBe(hubBirthstone);
    expect(hub.lastName).toBe(posLast);
    // the field both changed is a conflict, each side keeping its value until it is resolved
    const conflicts = await listConflicts(pair.ctx, pair.admin, id);
    expect(conflicts.map((c) => [c.clientId, c.field, c.hubValue, c.externalValue])).toEqual([
      [clientId, "pref.Ring size", hubRing, posRing],
    ]);
    expect(hub.sync[0]!.status).toBe("conflict");
    const compare = await compareWithPartner(pair.ctx, pair.admin, clientId, id);
    expect(compare.fields.filter((f) => f.differs).map((f) => f.field)).toEqual(["pref.Ring size"]);
    // an edit made on one side only reaches the other
    expect((await posGet(pair, hubOnly.posId)).lastName).toBe(hubOnlyLast);
    expect((await getCustomer(pair.ctx, pair.admin, posOnly.clientId)).firstName).toBe(
      posOnlyFirst,
    );
    for (const other of [hubOnly, posOnly]) {
      const view = await getCustomer(pair.ctx, pair.admin, other.clientId);
      expect(view.sync[0]!.status).toBe("synced");
      const differs = await compareWithPartner(pair.ctx, pair.admin, other.clientId, id);
      expect(differs.fields.filter((f) => f.differs)).toEqual([]);
    }
    // a customer nobody touched stays as it was, synced
    const untouched = await getCustomer(pair.ctx, pair.admin, quiet.clientId);
    expect(untouched.sync[0]!.status).toBe("synced");
    expect((await posGet(pair, quiet.posId)).firstName).toBe("Quiet");
  });
  it("R7.4, S3: a selected prospect marked active while the integration was off goes out once it is on again", async () => {
    const pair = await startSyncedPair(await engine.open(), {
      syncMode: "selected",
      transferWhen: "active",
    });
    const api = hubApi(pair);
    const id = pair.integrationId;
    const lastName = unique("Prospect");
    const created = await api("POST", "/v1/customers", { firstName: "Pia", lastName });
    const clientId = created.body["id"] as number;
    const selected = await api("POST", `/v1/integrations/${id}/sync`, { customerIds: [clientId] });
    expect(selected.status).toBe(200);
    await pair.settle();
    const atPos = async () => (await posCustomers(pair)).filter((c) => c.lastName === lastName);
    // a prospect set to sync waits for S3
    expect(await atPos()).toEqual([]);
    expect((await api("PATCH", `/v1/integrations/${id}`, { enabled: false })).status).toBe(200);
    expect((await api("PATCH", `/v1/customers/${clientId}`, { lifecycle: "active" })).status).toBe(
      200,
    );
    await pair.settle();
    expect(await atPos()).toEqual([]);

    expect((await api("PATCH", `/v1/integrations/${id}`, { enabled: true })).status).toBe(200);
    await pair.settle();
    expect(await atPos()).toHaveLength(1);
    expect((await getCustomer(pair.ctx, pair.admin, clientId)).sync[0]!.status).toBe("synced");
  });
});
