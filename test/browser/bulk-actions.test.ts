import { describe, expect, it } from "vitest";
import { eventually } from "../setup/processes.ts";
import {
  addSelectedPos,
  expectAccessible,
  signIn,
  userWithPassword,
  viewports,
  withConsole,
} from "../setup/console.ts";

const on = withConsole();

interface HubCustomer {
  id: number;
  assignedUserId: number | null;
  sync: Array<{ integrationId: number; status: string }>;
}

describe.each(Object.entries(viewports))("bulk actions on a %s", (name, viewport) => {
  it("S6, S11, R11.2, R11.6: partners are created for the whole Not linked section, and the run's progress is followed to its end", async () => {
    const shop = await addSelectedPos(on.fixture, `Web shop POS ${name}`, `shop-key-${name}-123`);
    const context = await on.browser.newContext({ viewport });
    const page = await context.newPage();
    await signIn(page, on.fixture, on.fixture.admin);
    await page.getByLabel("Integration").selectOption({ label: `Web shop POS ${name}` });
    const sections = page.getByRole("group", { name: `Sections of Web shop POS ${name}` });
    const unlinked = sections.getByRole("button", { name: /^Not linked/ });
    // S11: every hub customer starts unlinked in a new selected-mode integration
    await expect.poll(() => unlinked.textContent()).toMatch(/Not linked \d+/);
    const total = Number((await unlinked.textContent())!.replace(/\D/g, ""));
    expect(total).toBeGreaterThanOrEqual(40);
    await unlinked.click();
    await page.getByLabel("Select every customer on this page").check();
    await page.getByRole("button", { name: `Select the whole list (${total})` }).click();
    await page.getByText(`All ${total} in this list`).waitFor();
    await page.getByRole("button", { name: `Create partners in Web shop POS ${name}` }).click();
    await page.getByText(`Creating ${total} partners in Web shop POS ${name}.`).waitFor();
    await page.getByRole("link", { name: "Follow its progress" }).click();
    const bar = page.getByRole("progressbar", {
      name: `partners for Tandem's customers in Web shop POS ${name}: progress`,
    });
    await bar.waitFor();
    await expectAccessible(page);
    // the bar moves to the end without a reload
    await expect
      .poll(async () => Number(await bar.getAttribute("value")), { timeout: 90_000 })
      .toBe(total);
    await page.getByText(`${total} of ${total} · finished`).waitFor();
    // the run is done when the hub has asked for every partner; the writes follow at once
    await eventually(
      async () => {
        const atShop = await shop.api<{ customers: unknown[] }>("GET", "/staff/customers");
        return atShop.body.customers.length === total ? true : undefined;
      },
      30_000,
      `${total} customers at the web shop's POS`,
    );
    await context.close();
  });

  it("A3, A7, R11.2: a manager assigns a selection in bulk; an associate is not offered it", async () => {
    const [manager, associate] = await Promise.all([
      userWithPassword(on.fixture, "manager"),
      userWithPassword(on.fixture, "associate"),
    ]);
    const u = `Bulk${Date.now().toString(36)}${viewport.width}`;
    const ids: number[] = [];
    for (const first of ["Ann", "Ben", "Cy"]) {
      const created = await on.fixture.hubApi<{ id: number }>("POST", "/v1/customers", {
        firstName: first,
        lastName: u,
      });
      ids.push(created.body.id);
    }
    const asManager = await on.browser.newContext({ viewport });
    const page = await asManager.newPage();
    await signIn(page, on.fixture, manager);
    await page.getByLabel("Search by name, number, email or phone").fill(u);
    await expect.poll(() => page.locator("table.customers tbody tr").count()).toBe(3);
    // nothing selected: nothing offered yet
    await page.getByText("Select customers to act on them.").waitFor();
    expect(await page.getByRole("button", { name: "Assign", exact: true }).isVisible()).toBe(false);
    await page.getByLabel(`Select Ann ${u}`).check();
    await page.getByLabel(`Select Cy ${u}`).check();
    await page.getByText("2 selected").waitFor();
    await page
      .getByLabel("Assign selected to")
      .selectOption({ label: `${associate.name} (associate)` });
    await page.getByRole("button", { name: "Assign", exact: true }).click();
    await page.getByText("2 assigned.").waitFor();
    const after = await Promise.all(
      ids.map(
        async (id) => (await on.fixture.hubApi<HubCustomer>("GET", `/v1/customers/${id}`)).body,
      ),
    );
    expect(after.map((c) => c.assignedUserId)).toEqual([
      associate.id,
      after[1]!.assignedUserId,
      associate.id,
    ]);
    expect(after[1]!.assignedUserId).not.toBe(associate.id);
    await asManager.close();

    const asAssociate = await on.browser.newContext({ viewport });
    const other = await asAssociate.newPage();
    await signIn(other, on.fixture, associate);
    await other.getByLabel("Search by name, number, email or phone").fill(u);
    await expect.poll(() => other.locator("table.customers tbody tr").count()).toBe(3);
    await other.getByLabel(`Select Ann ${u}`).check();
    expect(await other.getByLabel("Assign selected to").count()).toBe(0);
    await asAssociate.close();
  });
});
