// The console's browser tests: the demo (hub, reference POS and sample data) as a real process,
// Debian's chromium driven by playwright-core, and axe-core for accessibility.
import { AxeBuilder } from "@axe-core/playwright";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { httpClient, startTandem } from "./processes.ts";

/** A desktop and a phone (associates use phones on the shop floor). */
export const viewports = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;

const chromiumPaths = [
  process.env["CHROMIUM_PATH"],
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
].filter((p): p is string => Boolean(p));

/** Debian's chromium (apt-get install chromium; .ci/run installs it): never a downloaded one. */
export async function openBrowser(): Promise<Browser> {
  const executablePath = chromiumPaths.find((p) => existsSync(p));
  if (!executablePath)
    throw new Error(
      `the console's tests need Chromium: install Debian's package (apt-get install chromium) or set CHROMIUM_PATH; looked in ${chromiumPaths.join(", ")}`,
    );
  // no sandbox: CI runs as root, where Chromium's sandbox refuses to start
  return chromium.launch({ executablePath, args: ["--no-sandbox"] });
}

export interface ConsoleFixture {
  url: string;
  admin: { email: string; password: string };
  hubApi: ReturnType<typeof httpClient>;
  posApi: ReturnType<typeof httpClient>;
}

/** `tandem demo` on a new data directory, shared by the test file's tests. */
export async function startConsole(): Promise<ConsoleFixture> {
  const dataDir = mkdtempSync(join(tmpdir(), "tandem-console-"));
  const demo = startTandem(
    [
      "demo",
      "--port",
      "0",
      "--pos-port",
      "0",
      "--data-dir",
      dataDir,
      "--pos-api-key",
      "console-pos-key",
    ],
    {},
    "file",
  );
  const [, url, email, password] = await demo.waitFor(
    /Console: +(http:\/\/\S+) +sign in as (\S+), password (\S+)/,
  );
  const token = (await demo.waitFor(/Admin token: +(\S+)/))[1]!;
  const posUrl = (await demo.waitFor(/Reference POS: +(http:\/\/\S+)/))[1]!;
  return {
    url: url!,
    admin: { email: email!, password: password! },
    hubApi: httpClient(url!, token),
    posApi: httpClient(posUrl, "console-pos-key"),
  };
}

/**
 * A second reference POS, connected in `selected` mode with nothing pushed by itself: its
 * customers wait to be paired by hand (S7) and the hub's wait to be sent (S1, S5, S6).
 */
export async function addSelectedPos(fixture: ConsoleFixture, name: string, apiKey: string) {
  const pos = startTandem(["pos-sim", "--pos-port", "0", "--pos-api-key", apiKey], {}, "file");
  const url = (await pos.waitFor(/Reference POS listening on (http:\/\/\S+)/))[1]!;
  const created = await fixture.hubApi<{ id: number }>("POST", "/v1/integrations", {
    kind: "pos",
    name,
    baseUrl: url,
    apiKey,
    options: { syncMode: "selected", webhooks: true, pushNewCustomers: false },
  });
  expect(created.status).toBe(201);
  return { api: httpClient(url, apiKey), integrationId: created.body.id };
}

/**
 * A test file's console: the demo and a browser, started before its tests and closed after
 * them. Read `.fixture` and `.browser` inside the tests.
 */
export function withConsole(): { fixture: ConsoleFixture; browser: Browser } {
  const shared = {} as { fixture: ConsoleFixture; browser: Browser };
  beforeAll(async () => {
    [shared.fixture, shared.browser] = await Promise.all([startConsole(), openBrowser()]);
  }, 120_000);
  afterAll(async () => {
    await shared.browser?.close();
  });
  return shared;
}

let users = 0;

/** A user of the role with a password set through an invitation, as an admin would make one. */
export async function userWithPassword(
  fixture: ConsoleFixture,
  role: "admin" | "manager" | "associate",
  name = `Test ${role} ${++users}`,
): Promise<{ id: number; email: string; password: string; name: string }> {
  const email = `${role}.${Date.now()}.${++users}@console.test`;
  const created = await fixture.hubApi<{ user: { id: number } }>("POST", "/v1/users", {
    name,
    email,
    role,
  });
  expect(created.status).toBe(201);
  const id = created.body.user.id;
  const invited = await fixture.hubApi<{ invitation: { token: string } }>(
    "POST",
    `/v1/users/${id}/invitation`,
  );
  const password = `pw-${role}-${id}-long-enough`;
  const accepted = await fetch(new URL("/auth/invitations/acceptance", fixture.url), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ token: invited.body.invitation.token, password }),
  });
  expect(accepted.status).toBe(201);
  return { id, email, password, name };
}

/** Signs in through the console's form, and waits for the console to show the user's name. */
export async function signIn(
  page: Page,
  fixture: ConsoleFixture,
  who: { email: string; password: string },
) {
  await page.goto(fixture.url);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: "Sign out" }).waitFor();
}

/** axe-core's WCAG 2 A and AA checks on the page as it is: no violation. */
export async function expectAccessible(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const found = result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join("; ")}`,
  );
  expect(found).toEqual([]);
}
