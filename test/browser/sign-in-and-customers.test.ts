import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  expectAccessible,
  signIn,
  userWithPassword,
  viewports,
  withConsole,
} from "../setup/console.ts";

const on = withConsole();

/** The console's main screens' links, as the top bar shows them. */
async function mainLinks(page: Page) {
  return page.getByRole("navigation", { name: "Main" }).getByRole("link").allTextContents();
}

describe.each(Object.entries(viewports))("the console on a %s", (_name, viewport) => {
  it("R11.1: a wrong password is refused in words next to the form, and changes nothing", async () => {
    const context = await on.browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(on.fixture.url);
    await expectAccessible(page);
    await page.getByLabel("Email").fill(on.fixture.admin.email);
    await page.getByLabel("Password").fill("not-the-password-at-all");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect
      .poll(() => page.getByRole("alert").textContent())
      .toBe("The email or the password is wrong.");
    expect(await page.getByRole("button", { name: "Sign out" }).count()).toBe(0);
    await context.close();
  });

  it("R11.1: each role signs in and is offered only the screens its API allows", async () => {
    const expected = {
      admin: ["Customers", "Sales", "Activity", "Integrations", "Import and export", "People"],
      manager: ["Customers", "Sales", "Activity", "Integrations", "Import and export", "People"],
      associate: ["Customers", "Sales", "Activity"],
    } as const;
    for (const role of ["admin", "manager", "associate"] as const) {
      const who = await userWithPassword(on.fixture, role);
      const context = await on.browser.newContext({ viewport });
      const page = await context.newPage();
      await signIn(page, on.fixture, who);
      expect(await page.getByRole("banner").getByText(`${who.name} (${role})`).count()).toBe(1);
      expect(await mainLinks(page)).toEqual(expected[role]);
      await page.getByRole("button", { name: "Sign out" }).click();
      await page.getByRole("button", { name: "Sign in" }).waitFor();
      // signed out for good: a reload shows the sign-in again, not the console
      await page.reload();
      await page.getByRole("button", { name: "Sign in" }).waitFor();
      await context.close();
    }
  });

  it("R11.2: the customer list is searched by name, number, email and phone on the hub, and opens a profile", async () => {
    const unique = `Zq${Date.now().toString(36)}${viewport.width}`;
    const created = await on.fixture.hubApi<{ id: number; customerNumber: string }>(
      "POST",
      "/v1/customers",
      {
        firstName: "Ottilie",
        lastName: unique,
        contacts: [
          { kind: "email", value: `${unique.toLowerCase()}@example.com` },
          { kind: "phone", value: `+4520${String(viewport.width).padStart(6, "7")}` },
        ],
      },
    );
    expect(created.status).toBe(201);
    const context = await on.browser.newContext({ viewport });
    const page = await context.newPage();
    await signIn(page, on.fixture, on.fixture.admin);
    const rows = page.locator("table.customers tbody tr");
    await rows.first().waitFor();
    const search = page.getByLabel("Search by name, number, email or phone");
    for (const term of [
      unique,
      created.body.customerNumber,
      `${unique.toLowerCase()}@example.com`,
    ]) {
      await search.fill(term);
      await expect.poll(() => rows.count()).toBe(1);
      expect(await rows.first().textContent()).toContain(`Ottilie ${unique}`);
    }
    await search.fill(`${unique}-nobody`);
    await page.getByText(`No customer matches “${unique}-nobody”.`).waitFor();
    await search.fill(unique);
    await expect.poll(() => rows.count()).toBe(1);
    await expectAccessible(page);
    await page.getByRole("link", { name: `Ottilie ${unique}` }).click();
    await page.getByRole("heading", { level: 1, name: `Ottilie ${unique}` }).waitFor();
    expect(page.url()).toBe(`${on.fixture.url}/customers/${created.body.id}`);
    await expectAccessible(page);
    // a reload of the profile's address opens the same profile (the hub serves the console's page)
    await page.reload();
    await page.getByRole("heading", { level: 1, name: `Ottilie ${unique}` }).waitFor();
    await context.close();
  });

  it("R11.10: names and notes with markup in them are shown as text, never run", async () => {
    const markup = `<img src=x onerror="window.__pwned=1">${viewport.width}`;
    const note = `<script>window.__pwned=2</script><b>bold ${viewport.width}</b>`;
    const created = await on.fixture.hubApi<{ id: number }>("POST", "/v1/customers", {
      firstName: markup,
      lastName: "Markup",
    });
    expect(created.status).toBe(201);
    const noted = await on.fixture.hubApi("PATCH", `/v1/customers/${created.body.id}`, {
      addNotes: [note],
    });
    expect(noted.status).toBe(200);
    const context = await on.browser.newContext({ viewport });
    const page = await context.newPage();
    await signIn(page, on.fixture, on.fixture.admin);
    await page.getByLabel("Search by name, number, email or phone").fill("Markup");
    await page.getByRole("link", { name: `${markup} Markup` }).click();
    await page.waitForURL(`${on.fixture.url}/customers/${created.body.id}`);
    await page.getByRole("heading", { level: 1, name: `${markup} Markup` }).waitFor();
    await page.getByRole("region", { name: "Notes" }).getByText(note).waitFor();
    expect(await page.locator("main img, main script, main b").count()).toBe(0);
    expect(await page.evaluate("window.__pwned")).toBeUndefined();
    await context.close();
  });

  it("R11.2, A2: an associate adds a walk-in customer; a bad email is refused next to it; the profile opens, assigned to them", async () => {
    const u = `${Date.now().toString(36)}${viewport.width}`;
    const associate = await userWithPassword(on.fixture, "associate");
    const context = await on.browser.newContext({ viewport });
    const page = await context.newPage();
    await signIn(page, on.fixture, associate);
    await page.getByRole("button", { name: "Add a customer" }).click();
    const form = page.getByRole("form", { name: "Add a customer" });
    await form.getByLabel("First name").fill("Walk");
    await form.getByLabel("Last name").fill(`In${u}`);
    await form.getByLabel("Email").fill("not an email");
    await form.getByRole("button", { name: "Add" }).click();
    await expect.poll(() => form.getByRole("alert").textContent()).toMatch(/^Please check this/);
    const none = await on.fixture.hubApi<{ customers: unknown[] }>("GET", `/v1/customers?q=In${u}`);
    expect(none.body.customers).toEqual([]);
    await expectAccessible(page);

    await form.getByLabel("Email").fill(`walk.${u}@example.com`);
    await form.getByRole("button", { name: "Add" }).click();
    await page.getByRole("heading", { level: 1, name: `Walk In${u}` }).waitFor();
    await page
      .getByRole("region", { name: "Assigned associate" })
      .getByText(`${associate.name} (you)`)
      .waitFor();
    const { body } = await on.fixture.hubApi<{
      customers: Array<{ assignedUserId: number | null; contacts: Array<{ value: string }> }>;
    }>("GET", `/v1/customers?q=In${u}`);
    expect(body.customers).toHaveLength(1);
    expect(body.customers[0]).toMatchObject({
      assignedUserId: associate.id,
      contacts: [expect.objectContaining({ value: `walk.${u}@example.com` })],
    });
    await context.close();
  });
});
