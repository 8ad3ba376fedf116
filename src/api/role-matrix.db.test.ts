import { OpenAPIHono } from "@hono/zod-openapi";
import { describe, expect, it } from "vitest";
import { engines } from "../../test/setup/database.ts";
import { operationsOf, request, samples } from "../../test/setup/api-operations.ts";
import { startRoleFixture } from "../../test/setup/role-fixture.ts";
import type { Role } from "../store/users-table.ts";
import type { HubEnv } from "./hub-env.ts";
import { checkEveryRouteHasRoles } from "./role-route.ts";

const roles: readonly Role[] = ["admin", "manager", "associate"];
const any: Role[] = ["admin", "manager", "associate"];
const managers: Role[] = ["admin", "manager"];
const admin: Role[] = ["admin"];

/**
 * R7.12: who may call what, reviewed here on purpose (docs/rules.md, "R7.12"). The test checks the
 * OpenAPI document against it, so widening a route's roles takes a change in two places; a new
 * operation fails until it is added. A7 narrows "any" further for associates: they change only
 * their own and unassigned customers (tested below, per customer).
 */
const policy: Record<string, Role[]> = {
  listCustomers: any,
  exportCustomers: managers,
  importIntegrationFile: managers,
  importHubFile: managers,
  previewHubFile: managers,
  customerFileTemplate: managers,
  createCustomer: any,
  getCustomer: any,
  updateCustomer: any,
  getCustomerHistory: any,
  addContact: any,
  changeContact: any,
  removeContact: any,
  replaceContacts: any,
  listConflicts: any,
  compareCustomer: any,
  resolveConflicts: any,
  recordSentMessage: any,
  listCustomerPurchases: any,
  recordCustomerPurchase: any,
  listSalesTriggers: managers,
  createSalesTrigger: managers,
  changeSalesTrigger: managers,
  listTasks: any,
  closeTask: any,
  listProducts: any,
  listCollections: any,
  addCollectionItem: any,
  removeCollectionItem: any,
  countSyncSections: any,
  listExternalCustomers: any,
  selectPartner: any,
  setCustomerExclusion: managers,
  assignCustomer: any,
  assignCustomers: managers,
  assignBySpend: managers,
  listUnmappedAssociates: managers,
  getSalesBatch: managers,
  getBackfill: managers,
  getStore: any,
  listSales: managers,
  reportSales: managers,
  changeStore: admin,
  runSalesBatch: managers,
  suggestPartners: any,
  confirmPartners: any,
  setExternalCustomerExclusion: managers,
  createPartnerThere: any,
  createPartnerHere: any,
  startPartnerRun: managers,
  listPartnerRuns: any,
  getPartnerRun: any,
  planPartners: any,
  enableCustomerSync: any,
  getMe: any,
  watchChanges: any,
  listJobs: managers,
  retryJob: managers,
  listFailedEvents: managers,
  retryEvent: managers,
  listIntegrations: managers,
  getIntegration: managers,
  listAssociateMappings: managers,
  listUsers: managers,
  createIntegration: admin,
  updateIntegration: admin,
  testIntegration: admin,
  setAssociateMapping: admin,
  createUser: admin,
  changeUserRole: admin,
  inviteUser: admin,
  signOut: any,
  deactivateUser: admin,
  activateUser: admin,
  issueUserToken: admin,
  revokeUserToken: admin,
};

describe.each(engines)("R7.12 the role matrix, from the OpenAPI document, on $name", (engine) => {
  it("R7.12: every operation declares its roles, they are the reviewed policy, and a forbidden call is a 403 that changes nothing", async () => {
    const f = await startRoleFixture(await engine.open());
    const operations = await operationsOf(f);
    const examples = samples(f);
    // the document and the policy name the same operations, with the same roles
    expect(Object.fromEntries(operations.map((op) => [op.operationId, op.roles]))).toEqual(policy);
    let forbidden = 0;
    for (const op of operations) {
      const sample = examples[op.operationId];
      expect(sample, `${op.operationId}: add a sample request`).toBeDefined();
      const { path, body } = request(op, sample!);
      for (const role of roles.filter((r) => !op.roles.includes(r))) {
        const before = await f.dump();
        const answer = await f.call(f.users[role], op.method, path, body);
        expect([op.operationId, role, answer.status]).toEqual([op.operationId, role, 403]);
        expect(answer.body).toMatchObject({ error: { code: "forbidden" } });
        expect(await f.dump(), `${op.operationId} as ${role} changed data`).toBe(before);
        forbidden++;
      }
    }
    expect(forbidden).toBe(
      Object.values(policy).reduce((n, allowed) => n + roles.length - allowed.length, 0),
    );
  });

  it("R7.12: every allowed role gets past the role check of every operation", async () => {
    const f = await startRoleFixture(await engine.open());
    const examples = samples(f);
    for (const op of await operationsOf(f)) {
      const { path, body } = request(op, examples[op.operationId]!);
      for (const role of op.roles) {
        const answer = await f.call(f.users[role], op.method, path, body);
        // a sample may have been used up by an earlier role (404, 409), but never refused for the role
        expect([
          op.operationId,
          role,
          answer.status < 500 && ![401, 403].includes(answer.status),
        ]).toEqual([op.operationId, role, true]);
      }
    }
  });
});

describe("R7.12 routes cannot be registered without roles", () => {
  it("R7.12: an app with a /v1 route that did not declare roles refuses to start", () => {
    const app = new OpenAPIHono<HubEnv>();
    app.get("/v1/open-to-all", (c) => c.json({}));
    expect(() => checkEveryRouteHasRoles(app)).toThrow(
      /routes without declared roles .*GET \/v1\/open-to-all/,
    );
  });
});
