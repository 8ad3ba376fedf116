// npm run screenshots: pictures of the console's main screens for the README (docs/screenshots/),
// taken from `tandem demo` on a new data directory in Debian's Chromium (playwright-core), on a
// desktop and a phone. Run it after a change to a screen and commit the pictures.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Page } from "playwright-core";

const outDir = "docs/screenshots";
const desktop = { width: 1280, height: 860 };
const phone = { width: 390, height: 844 };

const dataDir = mkdtempSync(join(tmpdir(), "tandem-screenshots-"));
const demo = spawn(
  process.execPath,
  [
    ...["--import", "tsx", "src/cli/main.ts", "demo"],
    ...["--port", "0", "--pos-port", "0", "--data-dir", dataDir],
  ],
  {
    env: { ...process.env, TANDEM_LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "inherit"],
  },
);
let printed = "";
demo.stdout.on("data", (chunk: Buffer) => (printed += chunk.toString()));

/** What the demo prints that matches, once it has printed it (90 s at most). */
async function printedLine(pattern: RegExp): Promise<RegExpMatchArray> {
  for (const deadline = Date.now() + 90_000; Date.now() < deadline;) {
    const found = printed.match(pattern);
    if (found) return found;
    if (demo.exitCode !== null) throw new Error(`the demo stopped:\n${printed}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the demo did not print ${pattern}:\n${printed}`);
}

async function hub<T>(method: string, path: string, token: string, body?: unknown): Promise<T> {
  const response = await fetch(new URL(path, url), {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? null : JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
  if (!response.ok)
    throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function shoot(page: Page, name: string) {
  // no caret, no focus ring left by the last click: the picture shows the screen at rest
  await page.evaluate("document.activeElement && document.activeElement.blur()");
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: join(outDir, `${name}.png`), fullPage: false });
  process.stdout.write(`  ${outDir}/${name}.png\n`);
}

const [, url, email, password] = await printedLine(
  /Console: +(http:\/\/\S+) +sign in as (\S+), password (\S+)/,
);
const token = (await printedLine(/Admin token: +(\S+)/))[1]!;
const browser = await chromium.launch({
  executablePath: process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium",
  args: ["--no-sandbox"],
});
try {
  mkdirSync(outDir, { recursive: true });
  const { customers } = await hub<{ customers: Array<{ id: number }> }>(
    "GET",
    "/v1/customers?limit=5",
    token!,
  );
  const shown = customers[2]!.id;
  // a sale to show in the profile, entered as the store would
  await hub("POST", `/v1/customers/${shown}/purchases`, token!, {
    lines: [{ description: "Gold hoop earrings", amount: 340 }],
  });

  for (const [size, viewport] of Object.entries({ desktop, phone })) {
    const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.goto(url!);
    await page.getByLabel("Email").fill(email!);
    await page.getByLabel("Password").fill(password!);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("button", { name: "Sign out" }).waitFor();

    await page.locator("table.customers tbody tr").nth(10).waitFor();
    await shoot(page, `customers-${size}`);

    await page.goto(`${url}/customers/${shown}`);
    const pos = page.getByRole("group", { name: "Reference POS" });
    await pos.getByRole("button", { name: /^Compare with/ }).click();
    await pos.locator("table.compare").waitFor();
    await shoot(page, `customer-${size}`);
    if (size === "phone") {
      await context.close();
      continue;
    }
    await pos.locator("table.compare").scrollIntoViewIfNeeded();
    await shoot(page, `customer-compare-${size}`);

    for (const [path, name, ready] of [
      ["/integrations/1", "integration", "form"],
      ["/activity", "activity", "h2"],
      ["/files", "import-export", "h1"],
      ["/people", "people", "table"],
      ["/sales", "sales", "h1"],
    ] as const) {
      await page.goto(`${url}${path}`);
      await page.locator(ready).first().waitFor();
      await shoot(page, `${name}-${size}`);
    }
    await context.close();
  }
} finally {
  await browser.close();
  demo.kill("SIGTERM");
  await new Promise((r) => demo.once("exit", r));
  rmSync(dataDir, { recursive: true, force: true });
}
