import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectAccessible, signIn, viewports, withConsole } from "../setup/console.ts";

const on = withConsole();

/** A CSV of the customer file format with the given rows (columns by name, the rest empty). */
async function customerCsv(page: Page, rows: Array<Record<string, string>>): Promise<Buffer> {
  // the template, downloaded as the signed-in user would
  const template = await page.request.get(
    `${on.fixture.url}/v1/customers/import-template?format=csv`,
  );
  expect(template.status()).toBe(200);
  const header = (await template.text())
    .replace(/^\ufeff/, "")
    .split("\r\n")[0]!
    .split(",");
  const lines = [header.join(","), ...rows.map((r) => header.map((h) => r[h] ?? "").join(","))];
  return Buffer.from(lines.join("\r\n") + "\r\n");
}

describe.each(Object.entries(viewports))("importing a file on a %s", (name, viewport) => {
  it("I3, R11.5: a file with an error is shown by row and column and loads nothing; fixed, it loads after a preview", async () => {
    const u = `${Date.now().toString(36)}${viewport.width}`;
    const rows = [
      {
        customer_number: `7${viewport.width}001`,
        first_name: "Imported",
        last_name: `One${u}`,
        email: `one.${u}@example.com`,
      },
      {
        customer_number: `7${viewport.width}002`,
        first_name: "Imported",
        last_name: `Two${u}`,
        email: "not-an-email",
      },
    ];
    const context = await on.browser.newContext({ viewport });
    const page = await context.newPage();
    await signIn(page, on.fixture, on.fixture.admin);
    await page.getByRole("link", { name: "Import and export" }).click();
    const chooser = page.getByLabel("Drop the file here, or choose it");
    await chooser.setInputFiles({
      name: `customers-${name}.csv`,
      mimeType: "text/csv",
      buffer: await customerCsv(page, rows),
    });
    const problems = page.getByRole("group", { name: "Problems in the file" });
    await problems.waitFor();
    // row 3 (the header is row 1), the email column
    await expect.poll(() => problems.locator("tbody tr").first().textContent()).toMatch(/^3email/);
    await expectAccessible(page);
    const none = await on.fixture.hubApi<{ customers: unknown[] }>("GET", `/v1/customers?q=${u}`);
    expect(none.body.customers).toHaveLength(0);

    rows[1]!.email = `two.${u}@example.com`;
    await chooser.setInputFiles({
      name: `customers-${name}.csv`,
      mimeType: "text/csv",
      buffer: await customerCsv(page, rows),
    });
    await page
      .getByText(`customers-${name}.csv: 2 rows checked. 2 would become customers.`)
      .waitFor();
    expect(await problems.count()).toBe(0);
    // the preview loaded nothing
    expect(
      (await on.fixture.hubApi<{ customers: unknown[] }>("GET", `/v1/customers?q=${u}`)).body
        .customers,
    ).toHaveLength(0);
    await page.getByRole("button", { name: "Load 2 customers" }).click();
    await page.getByRole("link", { name: "Follow its progress" }).click();
    await page.waitForURL(/\/activity#run-\d+$/);
    const run = page.locator(new URL(page.url()).hash);
    await run.getByText("2 of 2 · finished").waitFor({ timeout: 60_000 });
    const loaded = await on.fixture.hubApi<{ customers: Array<{ lastName: string }> }>(
      "GET",
      `/v1/customers?q=${u}`,
    );
    expect(loaded.body.customers.map((c) => c.lastName).sort()).toEqual([`One${u}`, `Two${u}`]);
    await context.close();
  });

  it("I3, R11.4: an admin adds a customer file integration and loads the old system's file into it: an error loads nothing, fixed it loads; only the file's options are offered", async () => {
    const u = `${Date.now().toString(36)}${viewport.width}`;
    const context = await on.browser.newContext({ viewport });
    const page = await context.newPage();
    await signIn(page, on.fixture, on.fixture.admin);
    await page.getByRole("link", { name: "Integrations" }).click();
    const add = page.getByRole("form", { name: "Add an integration" });
    await add.getByLabel("Kind").selectOption("file");
    await add.getByLabel("Name").fill(`Old CRM ${u}`);
    await add.getByRole("button", { name: "Add integration" }).click();
    await page.getByRole("heading", { level: 1, name: `Old CRM ${u}` }).waitFor();
    const options = page.getByRole("region", { name: "Options" });
    await options.getByLabel("Which customers sync").waitFor();
    for (const posOnly of [/Receive webhooks/, /Sales are taken/, /Default associate number/])
      expect(await options.getByLabel(posOnly).count()).toBe(0);

    const rows = [
      { customer_number: `8${viewport.width}001`, first_name: "Filed", last_name: `One${u}` },
      {
        customer_number: `8${viewport.width}002`,
        first_name: "Filed",
        last_name: `Two${u}`,
        email: "not-an-email",
      },
    ];
    const file = page.getByRole("region", { name: "Customer file" });
    const chooser = file.getByLabel("The old system's customer file (CSV or XLSX)");
    await chooser.setInputFiles({
      name: `old-crm-${name}.csv`,
      mimeType: "text/csv",
      buffer: await customerCsv(page, rows),
    });
    await file.getByRole("button", { name: "Load the file" }).click();
    const problems = file.getByRole("group", { name: "Problems in the file" });
    await expect.poll(() => problems.locator("tbody tr").first().textContent()).toMatch(/^3email/);
    await expectAccessible(page);

    rows[1]!.email = `two.${u}@example.com`;
    await chooser.setInputFiles({
      name: `old-crm-${name}.csv`,
      mimeType: "text/csv",
      buffer: await customerCsv(page, rows),
    });
    await file.getByRole("button", { name: "Load the file" }).click();
    await file.getByText(`old-crm-${name}.csv: 2 rows; 2 new, 0 changed, 0 unchanged.`).waitFor();
    // the file's customers become Tandem's (the new integration syncs every customer)
    await expect
      .poll(
        async () =>
          (
            await on.fixture.hubApi<{ customers: Array<{ customerNumber: string }> }>(
              "GET",
              `/v1/customers?q=${u}`,
            )
          ).body.customers.length,
        { timeout: 30_000 },
      )
      .toBe(2);
    await context.close();
  });
});
