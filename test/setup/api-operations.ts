import { expect } from "vitest";
import type { Role } from "../../src/store/users-table.ts";
import { rolesExtension } from "../../src/api/role-route.ts";
import type { RoleFixture } from "./role-fixture.ts";

/**
 * Every operation of the hub's OpenAPI document with a request it accepts, for the tests that go
 * through all of them: the role matrix (R7.12) and the store isolation (issue 10).
 */

export interface Sample {
  params?: Record<string, string | number>;
  query?: string;
  body?: unknown;
}

/**
 * A request each operation accepts from an allowed role, so that a forbidden call that got
 * through would really change something (and the dump would show it).
 */
export function samples(f: RoleFixture): Record<string, Sample> {
  const customer = { id: f.customerId };
  const integration = { id: f.pair.integrationId };
  return {
    listCustomers: { query: "q=una" },
    exportCustomers: { query: "format=csv" },
    // a JSON body: an allowed role gets past the roles to a 415 (not a file), a forbidden one 403
    importIntegrationFile: { params: integration, body: {} },
    importHubFile: { body: {} },
    previewHubFile: { body: {} },
    customerFileTemplate: { query: "format=csv" },
    createCustomer: { body: { firstName: "Newt", lastName: "Matrix" } },
    getCustomer: { params: customer },
    updateCustomer: { params: customer, body: { firstName: "Changed" } },
    getCustomerHistory: { params: customer },
    addContact: { params: customer, body: { kind: "email", value: "added@roles.test" } },
    changeContact: {
      params: { ...customer, kind: "email", value: "una@roles.test" },
      body: { value: "una.new@roles.test" },
    },
    removeContact: { params: { ...customer, kind: "phone", value: "+1 212 555 0142" } },
    replaceContacts: {
      params: customer,
      body: { contacts: [{ kind: "email", value: "only@roles.test" }] },
    },
    listConflicts: {},
    compareCustomer: { params: customer, query: `integrationId=${f.pair.integrationId}` },
    resolveConflicts: {
      params: customer,
      body: { integrationId: f.pair.integrationId, fields: { lastName: { take: "hub" } } },
    },
    recordSentMessage: { params: customer, body: { channel: "email", body: "Hello" } },
    listCustomerPurchases: { params: customer },
    // sold by the associate: the Unassigned customer becomes theirs (A5), so they may enter it too
    recordCustomerPurchase: {
      params: customer,
      body: {
        soldBy: f.users.associate.actor.userId,
        lines: [{ description: "Gift wrap", category: "Service", amount: 5 }],
      },
    },
    listSalesTriggers: {},
    createSalesTrigger: { body: { name: "Thank-you call", daysAfter: 2 } },
    // no such trigger or task: an allowed role gets 404, a forbidden one must get 403
    changeSalesTrigger: { params: { id: 999_999 }, body: { active: false } },
    listTasks: {},
    closeTask: { params: { id: 999_999 }, body: { state: "done" } },
    listProducts: {},
    listCollections: { params: customer },
    addCollectionItem: {
      params: { ...customer, name: "Holiday ideas" },
      body: { description: "Gold watch" },
    },
    removeCollectionItem: { params: { ...customer, name: "Holiday ideas", itemId: f.itemId } },
    countSyncSections: { params: integration },
    listExternalCustomers: { params: integration },
    // no such record: an allowed role gets past the role check to a 404
    setExternalCustomerExclusion: {
      params: { ...integration, externalId: "nobody" },
      body: { excluded: true },
    },
    suggestPartners: { params: integration },
    confirmPartners: {
      params: integration,
      body: { pairs: [{ clientId: f.customerId, externalId: "nobody" }] },
    },
    // the unassigned customer left Unassigned: every role may (A7; who may change what is tested in
    // test/assignment)
    assignCustomer: { params: customer, body: { userId: null } },
    assignCustomers: { body: { customerIds: [f.customerId, f.assignedId], userId: null } },
    assignBySpend: { params: integration },
    listUnmappedAssociates: { params: integration },
    getSalesBatch: { params: integration },
    getBackfill: { params: integration },
    getStore: {},
    listSales: { query: "from=2026-11-01&to=2026-11-30" },
    reportSales: { query: "from=2026-11-01&to=2026-11-30&by=associate" },
    changeStore: { body: { timeZone: "Europe/Copenhagen" } },
    runSalesBatch: { params: integration },
    setCustomerExclusion: {
      params: customer,
      body: { integrationId: f.pair.integrationId, excluded: false },
    },
    selectPartner: {
      params: customer,
      body: { integrationId: f.pair.integrationId, externalId: "nobody" },
    },
    enableCustomerSync: { params: integration, body: { customerIds: [f.customerId] } },
    createPartnerThere: {
      params: customer,
      body: { integrationId: f.pair.integrationId, numberChoice: "next" },
    },
    // no such record: an allowed role gets past the role check to a 404
    createPartnerHere: { params: { ...integration, externalId: "nobody" }, body: {} },
    startPartnerRun: { params: integration, body: { side: "external" } },
    listPartnerRuns: {},
    // no such run: an allowed role gets 404, a forbidden one must get 403
    getPartnerRun: { params: { id: 999_999 } },
    planPartners: { params: integration },
    getMe: {},
    watchChanges: {},
    listJobs: { query: "state=dead" },
    retryJob: { params: { id: f.deadJobId } },
    listFailedEvents: {},
    // no failing event in the fixture: an allowed role gets 404, a forbidden one must get 403
    retryEvent: { params: { id: 999_999 } },
    listIntegrations: {},
    getIntegration: { params: integration },
    listAssociateMappings: { params: integration },
    listUsers: {},
    createIntegration: {
      body: { kind: "pos", name: "Second POS", baseUrl: f.pair.pos.url, apiKey: "pair-key-12345" },
    },
    updateIntegration: { params: integration, body: { name: "Renamed POS" } },
    testIntegration: { params: integration },
    setAssociateMapping: {
      params: { ...integration, userId: f.users.associate.actor.userId! },
      body: { associateNumber: "7" },
    },
    createUser: { body: { name: "Eve", email: "eve@roles.test", role: "admin" } },
    changeUserRole: { params: { id: f.victimId }, body: { role: "manager" } },
    inviteUser: { params: { id: f.victimId } },
    // with an API token there is no session to end: allowed, and changes nothing
    signOut: {},
    deactivateUser: { params: { id: f.victimId } },
    activateUser: { params: { id: f.victimId } },
    issueUserToken: { params: { id: f.victimId } },
    revokeUserToken: { params: { id: f.victimId } },
  };
}

export interface Operation {
  operationId: string;
  method: string;
  path: string;
  roles: Role[];
}

export async function operationsOf(f: RoleFixture): Promise<Operation[]> {
  const doc = await f.call("", "GET", "/openapi.json");
  expect(doc.status).toBe(200);
  const paths = doc.body["paths"] as Record<
    string,
    Record<string, { operationId: string; [rolesExtension]?: Role[] }>
  >;
  // the public operations (signing in) are the only ones outside /v1, and declare no roles
  const outside = Object.entries(paths).filter(([path]) => !path.startsWith("/v1/"));
  expect(outside.flatMap(([, ops]) => Object.values(ops).map((op) => op.operationId))).toEqual([
    "signIn",
    "acceptInvitation",
  ]);
  expect(
    outside.flatMap(([, ops]) => Object.values(ops).filter((op) => op[rolesExtension])),
  ).toEqual([]);
  return Object.entries(paths)
    .filter(([path]) => path.startsWith("/v1/"))
    .flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({
        operationId: op.operationId,
        method: method.toUpperCase(),
        path,
        roles: op[rolesExtension] ?? [],
      })),
    );
}

export function request(op: Operation, sample: Sample) {
  const path = op.path.replaceAll(/{(\w+)}/g, (_, name: string) => {
    const value = sample.params?.[name];
    if (value === undefined) throw new Error(`${op.operationId}: the sample has no '${name}'`);
    return encodeURIComponent(String(value));
  });
  return { path: sample.query ? `${path}?${sample.query}` : path, body: sample.body };
}
