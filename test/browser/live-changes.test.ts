import { describe, expect, it } from "vitest";
import { eventually } from "../setup/processes.ts";
import { signIn, viewports, withConsole } from "../setup/console.ts";

const on = withConsole();

interface HubCustomer {
  id: number;
  lastName: string | null;
  sync: Array<{ externalId: string | null; status: string }>;
}

describe.each(Object.entries(viewports))("live changes on a %s", (_name, viewport) => {
  it("R11.9: a POS edit appears on the open profile and in the list without a reload", async () => {
    // a customer of the sample store that is linked to the POS
    const linked = await eventually(
      async () => {
        const { body } = await on.fixture.hubApi<{ customers: HubCustomer[] }>(
          "GET",
          "/v1/customers?limit=100",
        );
        return body.customers.find((c) =>
          c.sync.some((s) => s.status === "synced" && s.externalId),
        );
      },
      60_000,
      "a synced sample customer",
    );
    const posId = linked.sync.find((s) => s.externalId)!.externalId!;
    const context = await on.browser.newContext({ viewport });
    const page = await context.newPage();
    await signIn(page, on.fixture, on.fixture.admin);
    await page.goto(`${on.fixture.url}/customers/${linked.id}`);
    const heading = page.getByRole("heading", { level: 1 });
    await heading.waitFor();
    // a mark in the page's memory: a reload would lose it
    await page.evaluate("window.__notReloaded = true");

    const newLast = `Live${Date.now().toString(36)}${viewport.width}`;
    const edited = await on.fixture.posApi("PATCH", `/staff/customers/${posId}`, {
      set: { lastName: newLast },
    });
    expect(edited.status).toBe(200);
    await expect.poll(() => heading.textContent(), { timeout: 20_000 }).toContain(newLast);

    // and the list, opened in the page (no reload), shows the next one too
    await page.getByRole("link", { name: "All customers" }).click();
    const newer = `${newLast}b`;
    await on.fixture.posApi("PATCH", `/staff/customers/${posId}`, { set: { lastName: newer } });
    await expect
      .poll(() => page.locator("table.customers").textContent(), { timeout: 20_000 })
      .toContain(newer);
    expect(await page.evaluate("window.__notReloaded")).toBe(true);
    await context.close();
  });
});
