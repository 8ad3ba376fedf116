import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
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
/** a second POS, in `selected` mode: its customers wait to be paired by hand (S7) */
let floor: Awaited<ReturnType<typeof addSelectedPos>>;

beforeAll(async () => {
  floor = await addSelectedPos(on.fixture, "Shop floor POS", "floor-pos-key");
}, 120_000);

interface HubCustomer {
  id: number;
  lastName: string | null;
  assignedUserId: number | null;
  contacts: Array<{ kind: string; value: string }>;
  sync: Array<{ integrationId: number; status: string }>;
}

const hubCustomer = async (id: number) =>
  (await on.fixture.hubApi<HubCustomer>("GET", `/v1/customers/${id}`)).body;

async function signedIn(
  viewport: { width: number; height: number },
  who: { email: string; password: string },
) {
  const context = await on.browser.newContext({ viewport });
  const page = await context.newPage();
  await signIn(page, on.fixture, who);
  return { page, close: () => context.close() };
}

async function openProfile(page: Page, id: number) {
  await page.goto(`${on.fixture.url}/customers/${id}`);
  await page.getByRole("heading", { level: 1 }).waitFor();
}

describe.each(Object.entries(viewports))("the customer profile on a %s", (_name, viewport) => {
  it("F12, S7, S12, R11.3: a conflict is resolved field by field with one submit, and both systems get the value", async () => {
    const u = `${Date.now().toString(36)}${viewport.width}`;
    const email = `grace.${u}@example.com`;
    const atPos = await floor.api<{ id: string }>("POST", "/staff/customers", {
      firstName: "Grace",
      lastName: `Hopper${u}`,
      contacts: [{ type: "email", value: email }],
    });
    expect(atPos.status).toBe(201);
    await eventually(
      async () => {
        const { body } = await on.fixture.hubApi<{ customers: Array<{ externalId: string }> }>(
          "GET",
          `/v1/integrations/${floor.integrationId}/external-customers?q=${encodeURIComponent(email)}`,
        );
        return body.customers.find((c) => c.externalId === atPos.body.id);
      },
      30_000,
      "the POS customer recorded by the hub",
    );
    // the same person, typed in the hub with another last name and no email
    const inHub = await on.fixture.hubApi<{ id: number }>("POST", "/v1/customers", {
      firstName: "Grace",
      lastName: `Hopper-Smith${u}`,
    });
    expect(inHub.status).toBe(201);
    const paired = await on.fixture.hubApi<HubCustomer>(
      "POST",
      `/v1/customers/${inHub.body.id}/partner`,
      {
        integrationId: floor.integrationId,
        externalId: atPos.body.id,
      },
    );
    expect(paired.status).toBe(200);
    expect(paired.body.sync.find((s) => s.integrationId === floor.integrationId)?.status).toBe(
      "conflict",
    );

    const { page, close } = await signedIn(viewport, on.fixture.admin);
    await openProfile(page, inHub.body.id);
    const panel = page.getByRole("group", { name: "Shop floor POS" });
    await panel.getByText("Conflict", { exact: true }).first().waitFor();
    // side by side, the difference marked
    const row = panel.locator("tr.conflict", { hasText: "Last name" });
    await expect.poll(() => row.textContent()).toContain(`Hopper-Smith${u}`);
    expect(await row.textContent()).toContain(`Hopper${u}`);
    await expectAccessible(page);
    const resolve = panel.getByRole("button", { name: "Resolve conflicts" });
    expect(await resolve.isDisabled()).toBe(true);
    const choice = panel.getByRole("group", { name: "What to keep for Last name" });
    await choice.getByLabel("Another value").check();
    await choice.getByLabel("Value for Last name").fill(`Hopper-Final${u}`);
    await resolve.click();
    await panel.getByText("In sync", { exact: true }).waitFor();

    expect((await hubCustomer(inHub.body.id)).lastName).toBe(`Hopper-Final${u}`);
    await eventually(
      async () => {
        const { body } = await floor.api<{ customers: Array<{ id: string; lastName: string }> }>(
          "GET",
          `/api/v1/customers?email=${encodeURIComponent(email)}`,
        );
        const atPosNow = body.customers.find((c) => c.id === atPos.body.id);
        return atPosNow?.lastName === `Hopper-Final${u}` ? true : undefined;
      },
      20_000,
      "the typed value at the POS",
    );
    // the history says who changed the last name, and from what
    const history = page.getByRole("region", { name: "History" });
    await expect
      .poll(() =>
        history
          .locator("tbody tr", { hasText: `Hopper-Final${u}` })
          .first()
          .textContent(),
      )
      .toMatch(new RegExp(`Last name.*Hopper-Smith${u}.*Hopper-Final${u}.*Tandem.*Administrator`));
    await close();
  });

  it("A7, A8, R11.3: each role assigns from the profile as its permissions allow", async () => {
    const [manager, mine, other] = await Promise.all([
      userWithPassword(on.fixture, "manager"),
      userWithPassword(on.fixture, "associate"),
      userWithPassword(on.fixture, "associate"),
    ]);
    const created = await on.fixture.hubApi<HubCustomer>("POST", "/v1/customers", {
      firstName: "Assignable",
      lastName: `Client${Date.now().toString(36)}${viewport.width}`,
    });
    const id = created.body.id;
    await on.fixture.hubApi("PUT", `/v1/customers/${id}/assignment`, { userId: null });

    // a manager picks the associate
    const asManager = await signedIn(viewport, manager);
    await openProfile(asManager.page, id);
    const section = () => asManager.page.getByRole("region", { name: "Assigned associate" });
    await section()
      .getByLabel("Assign to")
      .selectOption({ label: `${mine.name} (associate)` });
    await section().getByRole("button", { name: "Save assignment" }).click();
    await expect.poll(async () => (await hubCustomer(id)).assignedUserId).toBe(mine.id);
    await asManager.close();

    // another associate sees it, and is offered no change
    const asOther = await signedIn(viewport, other);
    await openProfile(asOther.page, id);
    await asOther.page.getByText("Another associate looks after this customer").waitFor();
    expect(
      await asOther.page
        .getByRole("button", {
          name: /Assign to me|Unassign me|Edit details|Find a partner|Create in|Enter sale/,
        })
        .count(),
    ).toBe(0);
    await expectAccessible(asOther.page);
    await asOther.close();

    // the associate gives it back, and takes it again
    const asMine = await signedIn(viewport, mine);
    await openProfile(asMine.page, id);
    await asMine.page.getByRole("button", { name: "Unassign me" }).click();
    await asMine.page.getByRole("button", { name: "Assign to me" }).waitFor();
    expect((await hubCustomer(id)).assignedUserId).toBeNull();
    await asMine.page.getByRole("button", { name: "Assign to me" }).click();
    await asMine.page
      .getByRole("region", { name: "Assigned associate" })
      .getByText(`${mine.name} (you)`)
      .waitFor();
    expect((await hubCustomer(id)).assignedUserId).toBe(mine.id);
    // the history names the associate, not their id
    const history = asMine.page.getByRole("region", { name: "History" });
    await expect
      .poll(() =>
        history.locator("tbody tr", { hasText: "Assigned associate" }).first().textContent(),
      )
      .toMatch(new RegExp(`Assigned associate.*Unassigned.*${mine.name} \\(you\\)`));
    await asMine.close();
  });

  it("F1, R11.3: a contact method is changed on its own, the others stay; a bad one is refused in words", async () => {
    const u = `${Date.now().toString(36)}${viewport.width}`;
    const created = await on.fixture.hubApi<HubCustomer>("POST", "/v1/customers", {
      firstName: "Contact",
      lastName: `Person${u}`,
      contacts: [
        { kind: "email", value: `first.${u}@example.com` },
        { kind: "phone", value: "+45 20 12 34 56" },
      ],
    });
    const id = created.body.id;
    const { page, close } = await signedIn(viewport, on.fixture.admin);
    await openProfile(page, id);
    const contacts = page.getByRole("region", { name: "Contact methods" });
    await contacts.getByRole("button", { name: `Change email first.${u}@example.com` }).click();
    await contacts.getByLabel("New email").fill(`second.${u}@example.com`);
    await contacts.getByRole("button", { name: "Save" }).click();
    await contacts.getByText(`second.${u}@example.com`).waitFor();
    const after = await hubCustomer(id);
    expect(after.contacts.map((c) => c.value).sort()).toEqual(
      [`second.${u}@example.com`, expect.stringContaining("20 12 34 56")].sort(),
    );
    await contacts.getByLabel("Kind").selectOption("email");
    await contacts.getByLabel("New contact method").fill("not an email");
    await contacts.getByRole("button", { name: "Add" }).click();
    await contacts
      .getByRole("alert")
      .getByText(/Please check this/)
      .waitFor();
    expect((await hubCustomer(id)).contacts).toHaveLength(2);
    await close();
  });

  it("R11.3: a details save sends only what was changed here; an edit made meanwhile elsewhere stays", async () => {
    const u = `${Date.now().toString(36)}${viewport.width}`;
    const created = await on.fixture.hubApi<HubCustomer>("POST", "/v1/customers", {
      firstName: "Before",
      lastName: `Same${u}`,
    });
    const id = created.body.id;
    const { page, close } = await signedIn(viewport, on.fixture.admin);
    await openProfile(page, id);
    const details = page.getByRole("region", { name: "Details" });
    await details.getByRole("button", { name: "Edit details" }).click();
    // someone else changes the last name while the form is open
    const meanwhile = await on.fixture.hubApi("PATCH", `/v1/customers/${id}`, {
      lastName: `Elsewhere${u}`,
    });
    expect(meanwhile.status).toBe(200);
    await details.getByLabel("First name").fill(`After${u}`);
    await details.getByRole("button", { name: "Save details" }).click();
    await details.getByRole("button", { name: "Edit details" }).waitFor();
    const saved = await on.fixture.hubApi<HubCustomer & { firstName: string }>(
      "GET",
      `/v1/customers/${id}`,
    );
    expect(saved.body).toMatchObject({ firstName: `After${u}`, lastName: `Elsewhere${u}` });
    await close();
  });

  it("S7, S8, R11.3: an associate pairs a customer with the suggested partner (its score and reasons shown), and another with one found by a search", async () => {
    const u = `${Date.now().toString(36)}${viewport.width}`;
    const associate = await userWithPassword(on.fixture, "associate");
    const phone = `+1 212 555 ${String(1000 + (Date.now() % 9000)).slice(-4)}`;
    const [twin, other] = await Promise.all([
      floor.api<{ id: string }>("POST", "/staff/customers", {
        firstName: "Octavia",
        lastName: `Twin${u}`,
        contacts: [
          { type: "email", value: `octavia.${u}@example.com` },
          { type: "phone", value: phone },
        ],
      }),
      floor.api<{ id: string }>("POST", "/staff/customers", {
        firstName: "Quentin",
        lastName: `Elsewhere${u}`,
      }),
    ]);
    await eventually(
      async () => {
        const { body } = await on.fixture.hubApi<{ customers: Array<{ externalId: string }> }>(
          "GET",
          `/v1/integrations/${floor.integrationId}/external-customers?q=${u}`,
        );
        return body.customers.length === 2 ? true : undefined;
      },
      30_000,
      "both POS customers recorded by the hub",
    );
    const [octavia, quentin] = await Promise.all([
      on.fixture.hubApi<HubCustomer>("POST", "/v1/customers", {
        firstName: "Octavia",
        lastName: `Twin${u}`,
        contacts: [
          { kind: "email", value: `octavia.${u}@example.com` },
          { kind: "phone", value: phone },
        ],
      }),
      on.fixture.hubApi<HubCustomer>("POST", "/v1/customers", {
        firstName: "Quentin",
        lastName: `Typed${u}`,
      }),
    ]);
    for (const c of [octavia, quentin])
      await on.fixture.hubApi("PUT", `/v1/customers/${c.body.id}/assignment`, {
        userId: associate.id,
      });

    const { page, close } = await signedIn(viewport, associate);
    await openProfile(page, octavia.body.id);
    const panel = page.getByRole("group", { name: "Shop floor POS" });
    await panel.getByRole("button", { name: "Find a partner in Shop floor POS" }).click();
    const suggestion = panel.locator(".suggestion");
    await expect.poll(() => suggestion.textContent(), { timeout: 20_000 }).toMatch(/\d+% match/);
    expect(await suggestion.textContent()).toMatch(/same (phone|email)/);
    await expectAccessible(page);
    await suggestion.getByRole("button", { name: /^Pair with/ }).click();
    await panel.getByText("In sync", { exact: true }).waitFor();
    const paired = (await hubCustomer(octavia.body.id)).sync.find(
      (s) => s.integrationId === floor.integrationId,
    ) as { status: string; externalId?: string } | undefined;
    expect(paired).toMatchObject({ status: "synced", externalId: twin.body.id });

    // no likely partner: the associate searches the POS's customers and picks one
    await openProfile(page, quentin.body.id);
    await panel.getByRole("button", { name: "Find a partner in Shop floor POS" }).click();
    await panel.getByText("No likely partner").waitFor();
    await panel.getByLabel("Search Shop floor POS's customers").fill(`Elsewhere${u}`);
    await panel.getByRole("button", { name: "Search" }).click();
    await panel
      .getByRole("button", { name: new RegExp(`^Pair with Quentin Elsewhere${u}`) })
      .click();
    await panel.getByText("Conflict", { exact: true }).first().waitFor();
    const second = (await hubCustomer(quentin.body.id)).sync.find(
      (s) => s.integrationId === floor.integrationId,
    ) as { status: string; externalId?: string } | undefined;
    expect(second).toMatchObject({ status: "conflict", externalId: other.body.id });
    await close();
  });

  it("S5, R11.3: a customer is created in the POS with a number chosen there; a number in use is refused next to it", async () => {
    const u = `${Date.now().toString(36)}${viewport.width}`;
    const taken = await floor.api<{ id: string }>("POST", "/staff/customers", {
      firstName: "Taken",
      lastName: `Number${u}`,
    });
    const takenNumber = await eventually(
      async () => {
        const { body } = await on.fixture.hubApi<{
          customers: Array<{ externalId: string; customerNumber: string | null }>;
        }>("GET", `/v1/integrations/${floor.integrationId}/external-customers?q=Number${u}`);
        return (
          body.customers.find((c) => c.externalId === taken.body.id)?.customerNumber ?? undefined
        );
      },
      30_000,
      "the POS customer's number recorded by the hub",
    );
    const created = await on.fixture.hubApi<HubCustomer>("POST", "/v1/customers", {
      firstName: "Newly",
      lastName: `Created${u}`,
    });
    const id = created.body.id;
    const { page, close } = await signedIn(viewport, on.fixture.admin);
    await openProfile(page, id);
    const panel = page.getByRole("group", { name: "Shop floor POS" });
    await panel.getByRole("button", { name: "Create in Shop floor POS…" }).click();
    const form = panel.getByRole("form", { name: "Create in Shop floor POS" });
    await form.getByLabel("This number:").check();
    await form.getByLabel("Number in Shop floor POS").fill(takenNumber);
    await form.getByRole("button", { name: "Create in Shop floor POS" }).click();
    await form.getByRole("alert").waitFor();
    expect(await form.getByRole("alert").textContent()).toContain(takenNumber);
    expect(
      (await hubCustomer(id)).sync.find((s) => s.integrationId === floor.integrationId),
    ).toMatchObject({ status: "unlinked" });
    await expectAccessible(page);

    const fresh = `7${u.replace(/\D/g, "").slice(-6)}${viewport.width}`;
    await form.getByLabel("Number in Shop floor POS").fill(fresh);
    await form.getByRole("button", { name: "Create in Shop floor POS" }).click();
    await panel.getByText(`their number ${fresh}`).waitFor({ timeout: 30_000 });
    await panel.getByText("In sync", { exact: true }).waitFor();
    await close();
  });

  it("F4, F6, R11.3: a wish is added to and removed from the wish list, its markup shown as text, and a sale entered by hand shows in the purchases", async () => {
    const u = `${Date.now().toString(36)}${viewport.width}`;
    const created = await on.fixture.hubApi<HubCustomer>("POST", "/v1/customers", {
      firstName: "Wishful",
      lastName: `Buyer${u}`,
    });
    const id = created.body.id;
    const { page, close } = await signedIn(viewport, on.fixture.admin);
    await openProfile(page, id);
    const wishes = page.getByRole("region", { name: "Wish list and collections" });
    await wishes.getByText("No wishes yet.").waitFor();
    const wish = `<img src=x onerror="document.title='run'">ring ${u}`;
    await wishes.getByLabel("Wish", { exact: true }).fill(wish);
    await wishes.getByRole("button", { name: "Add" }).click();
    await wishes.getByText(wish, { exact: true }).waitFor();
    expect(await page.title()).not.toBe("run");
    const listed = await on.fixture.hubApi<{
      collections: Array<{ name: string; items: Array<{ name: string }> }>;
    }>("GET", `/v1/customers/${id}/collections`);
    expect(listed.body.collections).toEqual([
      { name: "Edge", items: [expect.objectContaining({ name: wish })] },
    ]);
    await wishes.getByRole("button", { name: `Remove ${wish} from Edge` }).click();
    await wishes.getByText("No wishes yet.").waitFor();

    const purchases = page.getByRole("region", { name: "Purchases" });
    await purchases.getByText("No purchases yet.").waitFor();
    await purchases.getByLabel("Item").fill(`Bracelet ${u}`);
    await purchases.getByLabel("Amount").fill("not money");
    await purchases.getByRole("button", { name: "Enter sale" }).click();
    await purchases.getByRole("alert").waitFor();
    await purchases.getByLabel("Amount").fill("249.50");
    await purchases.getByRole("button", { name: "Enter sale" }).click();
    await purchases.locator("tbody tr", { hasText: `Bracelet ${u}` }).waitFor();
    expect(await purchases.locator("tbody tr").textContent()).toMatch(/249\.50/);
    const bought = await on.fixture.hubApi<{ purchases: Array<{ total: string }> }>(
      "GET",
      `/v1/customers/${id}/purchases`,
    );
    expect(bought.body.purchases.map((p) => Number(p.total))).toEqual([249.5]);
    await expectAccessible(page);
    await close();
  });

  it("S5, R11.2, R11.3: a customer file takes no new customers: no create is offered for it, on the profile or the list", async () => {
    const u = `${Date.now().toString(36)}${viewport.width}`;
    const file = await on.fixture.hubApi<{ id: number }>("POST", "/v1/integrations", {
      kind: "file",
      name: `Old CRM file ${u}`,
      options: { webhooks: false },
    });
    expect(file.status).toBe(201);
    const created = await on.fixture.hubApi<HubCustomer>("POST", "/v1/customers", {
      firstName: "Filed",
      lastName: `Never${u}`,
    });
    const { page, close } = await signedIn(viewport, on.fixture.admin);
    await openProfile(page, created.body.id);
    const inFile = page.getByRole("group", { name: `Old CRM file ${u}` });
    await inFile.getByRole("button", { name: `Find a partner in Old CRM file ${u}` }).waitFor();
    expect(await inFile.getByRole("button", { name: /^Create in/ }).count()).toBe(0);
    // the POS beside it still offers one
    await page
      .getByRole("group", { name: "Shop floor POS" })
      .getByRole("button", { name: "Create in Shop floor POS…" })
      .waitFor();

    await page.goto(`${on.fixture.url}/customers?q=Never${u}&integration=${file.body.id}`);
    await page.getByRole("checkbox", { name: `Select Filed Never${u}` }).check();
    const bulk = page.getByRole("region", { name: "Selected customers" });
    await bulk.getByRole("button", { name: `Exclude from Old CRM file ${u}` }).waitFor();
    expect(await bulk.getByRole("button", { name: /^Create partners/ }).count()).toBe(0);
    await close();
  });
});
