import { describe, expect, it } from "vitest";
import { expectAccessible, signIn, viewports, withConsole } from "../setup/console.ts";
import { eventually } from "../setup/processes.ts";

const on = withConsole();

interface FailedEvent {
  id: number;
  externalId: string | null;
  attempts: number;
  lastError: string | null;
  customerId: number | null;
}

describe.each(Object.entries(viewports))("activity on a %s", (_name, viewport) => {
  it("T2, R11.6: a sale held back by a check is shown with its reason and its customer; a retry says it failed again, and once the cause is fixed it processes the sale once", async () => {
    const { body: pos } = await on.fixture.posApi<{ customers: Array<{ id: string }> }>(
      "GET",
      "/staff/customers",
    );
    const customer = pos.customers.at(viewport.width % 7)!;
    const u = `${Date.now().toString(36)}${viewport.width}`;
    const sale = await on.fixture.posApi<{ id: string }>("POST", "/staff/sales", {
      customerId: customer.id,
      currency: "DKK",
      lines: [{ description: `Kroner ring ${u}`, amount: 120 }],
    });
    expect(sale.status).toBe(201);
    // the demo's sales wait for their batch: run it now
    expect((await on.fixture.hubApi("POST", "/v1/integrations/1/sales-batch/run")).status).toBe(
      200,
    );
    const held = await eventually(
      async () => {
        const { body } = await on.fixture.hubApi<{ events: FailedEvent[] }>(
          "GET",
          "/v1/events/failed?limit=500",
        );
        return body.events.find((e) => e.externalId === sale.body.id);
      },
      30_000,
      "the sale held back",
    );
    expect(held.lastError).toMatch(/currency DKK is not the store's/);

    const context = await on.browser.newContext({ viewport });
    const page = await context.newPage();
    await signIn(page, on.fixture, on.fixture.admin);
    await page.getByRole("link", { name: "Activity" }).click();
    const table = page.getByRole("region", { name: "Sales held back" });
    const row = table.locator("tbody tr", { hasText: sale.body.id });
    await expect.poll(() => row.textContent()).toMatch(/currency DKK is not the store's/);
    const link = row.getByRole("link", { name: "Open customer" });
    const customerId = Number((await link.getAttribute("href"))!.split("/").at(-1));
    expect(customerId).toBe(held.customerId);
    await expectAccessible(page);

    // retried as it is, it is held again, and the screen says so
    await row.getByRole("button", { name: `Retry sale ${held.id}` }).click();
    await expect
      .poll(() => table.getByRole("status").textContent())
      .toMatch(/tried again and failed again: .*currency DKK is not the store's/);

    // the cause fixed (the store now takes kroner), a retry processes the sale once
    const store = await on.fixture.hubApi("PATCH", "/v1/store", { currency: "DKK" });
    expect(store.status).toBe(200);
    try {
      await row.getByRole("button", { name: `Retry sale ${held.id}` }).click();
      await expect.poll(() => row.count()).toBe(0);
      expect(await table.getByRole("status").textContent()).toMatch(/went through/);
      const { body } = await on.fixture.hubApi<{ purchases: Array<{ externalId: string }> }>(
        "GET",
        `/v1/customers/${customerId}/purchases`,
      );
      expect(body.purchases.filter((p) => p.externalId === sale.body.id)).toHaveLength(1);
    } finally {
      await on.fixture.hubApi("PATCH", "/v1/store", { currency: "USD" });
    }
    await context.close();
  });
});
