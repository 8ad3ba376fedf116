import { describe, expect, it } from "vitest";
import {
  expectAccessible,
  signIn,
  userWithPassword,
  viewports,
  withConsole,
} from "../setup/console.ts";

const on = withConsole();

describe.each(Object.entries(viewports))("people on a %s", (name, viewport) => {
  it("R11.8: an admin adds a person, gives them a POS associate number and an invitation; they set a password from its link and are signed in", async () => {
    const u = `${Date.now().toString(36)}${viewport.width}`;
    const email = `newcomer.${u}@example.com`;
    const admin = await on.browser.newContext({ viewport });
    const page = await admin.newPage();
    await signIn(page, on.fixture, on.fixture.admin);
    await page.getByRole("link", { name: "People" }).click();
    const add = page.getByRole("form", { name: "Add a person" });
    await add.getByLabel("Name").fill(`Newcomer ${u}`);
    await add.getByLabel("Email").fill(email);
    await add.getByLabel("Role").selectOption("manager");
    await add.getByRole("button", { name: "Add" }).click();
    await page.getByText(`Newcomer ${u} was added.`).waitFor();
    await expectAccessible(page);

    const number = page.getByLabel(`Associate number of Newcomer ${u}`);
    await number.fill(`9${viewport.width}`);
    await number.press("Enter");
    const users = await on.fixture.hubApi<{
      users: Array<{ id: number; email: string; role: string }>;
    }>("GET", "/v1/users");
    const added = users.body.users.find((x) => x.email === email)!;
    expect(added.role).toBe("manager");
    await expect
      .poll(async () => {
        const { body } = await on.fixture.hubApi<{
          associates: Array<{ userId: number; associateNumber: string }>;
        }>("GET", "/v1/integrations/1/associates");
        return body.associates.find((a) => a.userId === added.id)?.associateNumber;
      })
      .toBe(`9${viewport.width}`);

    await page.getByRole("button", { name: `Invite Newcomer ${u}` }).click();
    const link = await page.locator(".invitation-link").textContent();
    expect(link).toMatch(new RegExp(`^${on.fixture.url}/welcome#\\S+$`));
    await admin.close();

    // the newcomer, in a browser of their own
    const own = await on.browser.newContext({ viewport });
    const newcomer = await own.newPage();
    await newcomer.goto(link!);
    await newcomer.getByLabel("Password", { exact: true }).fill("short");
    await newcomer.getByLabel("The same password again").fill("different");
    await newcomer.getByText("The two passwords are not the same.").waitFor();
    await newcomer.getByLabel("Password", { exact: true }).fill(`long enough ${u}`);
    await newcomer.getByLabel("The same password again").fill(`long enough ${u}`);
    await newcomer.getByRole("button", { name: "Set password and sign in" }).click();
    await newcomer.getByRole("banner").getByText(`Newcomer ${u} (manager)`).waitFor();
    await own.close();
  });

  it("R11.8, R11.1: a manager sees the people and changes nothing there; an associate has no People screen", async () => {
    const [manager, associate] = await Promise.all([
      userWithPassword(on.fixture, "manager"),
      userWithPassword(on.fixture, "associate"),
    ]);
    const asManager = await on.browser.newContext({ viewport });
    const page = await asManager.newPage();
    await signIn(page, on.fixture, manager);
    await page.getByRole("link", { name: "People" }).click();
    await page.getByRole("cell", { name: associate.email }).waitFor();
    expect(await page.getByRole("combobox", { name: /^Role of/ }).count()).toBe(0);
    expect(await page.getByRole("button", { name: /^(Invite|Deactivate) / }).count()).toBe(0);
    expect(await page.getByRole("form", { name: "Add a person" }).count()).toBe(0);
    await asManager.close();

    const asAssociate = await on.browser.newContext({ viewport });
    const other = await asAssociate.newPage();
    await signIn(other, on.fixture, associate);
    expect(await other.getByRole("link", { name: "People" }).count()).toBe(0);
    await other.goto(`${on.fixture.url}/people`);
    await other.getByRole("alert").waitFor();
    expect(await other.getByRole("alert").textContent()).toMatch(/Your role does not allow this/);
    await asAssociate.close();
  });

  it("R11.8: an admin changes a person's role; the store's last admin changing their own is refused in words in their row, and the role stays", async () => {
    const context = await on.browser.newContext({ viewport });
    const page = await context.newPage();
    await signIn(page, on.fixture, on.fixture.admin);
    await page.getByRole("link", { name: "People" }).click();
    // a role change goes through (another person's)
    const roleOf = async (name: string) =>
      (
        await on.fixture.hubApi<{ users: Array<{ name: string; role: string }> }>(
          "GET",
          "/v1/users",
        )
      ).body.users.find((u) => u.name === name)?.role;
    const before = await roleOf("Ken Ito");
    const after = before === "manager" ? "associate" : "manager";
    await page.getByRole("combobox", { name: "Role of Ken Ito" }).selectOption(after);
    await expect.poll(() => roleOf("Ken Ito")).toBe(after);

    const role = page.getByRole("combobox", { name: "Role of Administrator" });
    await role.selectOption("associate");
    const row = page.getByRole("row").filter({ has: role });
    await expect.poll(() => row.getByRole("alert").textContent()).toMatch(/last active admin/);
    await expect.poll(() => role.inputValue()).toBe("admin");
    const { body } = await on.fixture.hubApi<{ users: Array<{ name: string; role: string }> }>(
      "GET",
      "/v1/users",
    );
    expect(body.users.find((u) => u.name === "Administrator")?.role).toBe("admin");
    await context.close();
  });
});
