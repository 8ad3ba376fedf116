import { describe, expect, it } from "vitest";
import { startTandem } from "../setup/processes.ts";
import {
  expectAccessible,
  signIn,
  userWithPassword,
  viewports,
  withConsole,
} from "../setup/console.ts";

const on = withConsole();

interface Integration {
  id: number;
  name: string;
  enabled: boolean;
  options: { fieldMap: Record<string, string>; syncMode: string; salesTiming: string };
}

describe.each(Object.entries(viewports))("integrations on a %s", (name, viewport) => {
  it("R11.4: an admin sets up a POS: adds it, tests the connection (a wrong key is told in words), maps a custom field, reads the plan and switches it off and on", async () => {
    const key = `setup-key-${name}-123`;
    const pos = startTandem(["pos-sim", "--pos-port", "0", "--pos-api-key", key]);
    const posUrl = (await pos.waitFor(/Reference POS listening on (http:\/\/\S+)/))[1]!;
    const context = await on.browser.newContext({ viewport });
    const page = await context.newPage();
    await signIn(page, on.fixture, on.fixture.admin);
    await page.getByRole("link", { name: "Integrations" }).click();
    const add = page.getByRole("form", { name: "Add an integration" });
    await add.getByLabel("Name").fill(`Boutique POS ${name}`);
    await add.getByLabel("Address of its API").fill(posUrl);
    await add.getByLabel("API key").fill(key);
    await add.getByRole("button", { name: "Add integration" }).click();
    await page.getByRole("heading", { level: 1, name: `Boutique POS ${name}` }).waitFor();
    const id = Number(/\/integrations\/(\d+)$/.exec(page.url())![1]);
    await expectAccessible(page);

    const connection = page.getByRole("region", { name: "Connection" });
    await connection.getByRole("button", { name: "Test connection" }).click();
    await connection.getByText(/Connected: it answered as/).waitFor();
    // a wrong key is refused when saved (the hub tries it first), in words, and changes nothing
    await connection.getByLabel(/New API key/).fill("wrong-key-wrong-key");
    await connection.getByRole("button", { name: "Save connection" }).click();
    await expect
      .poll(() => connection.getByRole("alert").textContent())
      .toMatch(/The other system refused Tandem's API key: .*401/);
    expect(await connection.getByText("Connection saved.", { exact: false }).count()).toBe(0);
    // the test is of the saved connection: not offered while an edit waits to be saved
    expect(await connection.getByRole("button", { name: "Test connection" }).isDisabled()).toBe(
      true,
    );
    await connection.getByText("Save the changes first").waitFor();
    await connection.getByLabel(/New API key/).fill("");
    await connection.getByRole("button", { name: "Test connection" }).click();
    await connection.getByText(/Connected: it answered as/).waitFor();
    // a new name is saved, and the connection is to be tested again
    await connection.getByLabel("Name").fill(`Boutique POS ${name} 2`);
    await connection.getByLabel(/New API key/).fill("");
    await connection.getByRole("button", { name: "Save connection" }).click();
    await connection.getByText("Connection saved.", { exact: false }).waitFor();
    expect(await connection.getByText(/Connected: it answered as/).count()).toBe(0);
    await page.getByRole("heading", { level: 1, name: `Boutique POS ${name} 2` }).waitFor();

    const fields = page.getByRole("region", { name: "Field mapping" });
    await fields.getByRole("button", { name: "Add a field" }).click();
    await fields.getByLabel("Their field").last().fill("ring_size");
    await fields.getByLabel("Preference in Tandem").last().fill("Ring size");
    await fields.getByRole("button", { name: "Save field mapping" }).click();
    await fields.getByText("Field mapping saved.").waitFor();

    const options = page.getByRole("region", { name: "Options" });
    await options.getByLabel("Sales are taken").selectOption("realtime");
    await options.getByRole("button", { name: "Save options" }).click();
    await options.getByText("Options saved.").waitFor();
    const saved = (await on.fixture.hubApi<Integration>("GET", `/v1/integrations/${id}`)).body;
    expect(saved.options.fieldMap).toEqual({ ring_size: "Ring size" });
    expect(saved.options.salesTiming).toBe("realtime");
    // the options not touched here kept what they were
    expect(saved.options.syncMode).toBe("selected");

    const plan = page.getByRole("region", { name: "Plan" });
    await plan.getByRole("button", { name: `Switch Boutique POS ${name} 2 off` }).click();
    await plan.getByRole("button", { name: `Switch Boutique POS ${name} 2 on` }).waitFor();
    expect(
      (await on.fixture.hubApi<Integration>("GET", `/v1/integrations/${id}`)).body.enabled,
    ).toBe(false);
    // switched on only after the plan was shown
    expect(
      await plan.getByRole("button", { name: `Switch Boutique POS ${name} 2 on` }).isDisabled(),
    ).toBe(true);
    await plan.getByRole("button", { name: "Show what would happen" }).click();
    await plan
      .getByText(/would be created/)
      .first()
      .waitFor();
    await plan.getByRole("button", { name: `Switch Boutique POS ${name} 2 on` }).click();
    await plan.getByRole("button", { name: `Switch Boutique POS ${name} 2 off` }).waitFor();
    expect(
      (await on.fixture.hubApi<Integration>("GET", `/v1/integrations/${id}`)).body.enabled,
    ).toBe(true);
    await context.close();
  });

  it("R11.4, R11.1: a manager sees an integration's settings and changes nothing; an associate has no Integrations screen", async () => {
    const [manager, associate] = await Promise.all([
      userWithPassword(on.fixture, "manager"),
      userWithPassword(on.fixture, "associate"),
    ]);
    const context = await on.browser.newContext({ viewport });
    const page = await context.newPage();
    await signIn(page, on.fixture, manager);
    await page.getByRole("link", { name: "Integrations" }).click();
    await page.getByRole("link", { name: "Reference POS" }).click();
    await page.getByRole("heading", { level: 1, name: "Reference POS" }).waitFor();
    expect(await page.getByRole("button", { name: /^(Save|Test connection|Switch)/ }).count()).toBe(
      0,
    );
    expect(await page.getByLabel("Which customers sync").isDisabled()).toBe(true);
    await context.close();

    const asAssociate = await on.browser.newContext({ viewport });
    const other = await asAssociate.newPage();
    await signIn(other, on.fixture, associate);
    expect(await other.getByRole("link", { name: "Integrations" }).count()).toBe(0);
    await asAssociate.close();
  });
});
