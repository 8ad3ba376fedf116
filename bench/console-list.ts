// Console: the customer list of the web console over a hub of N customers (issue 11: "100,000
// customers stay instant"), in Debian's Chromium driven by playwright-core against `tandem serve`
// on PostgreSQL, seeded as W4 is. Each figure is the time a store owner waits: from the action
// (opening the page, a click, the last key typed) until the rows it asked for are on screen.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium, type Page } from "playwright-core";
import { startPostgresHub, type Hub } from "./hub.ts";
import { lastNames, seedListedCustomers } from "./listed-customers.ts";
import { percentile } from "./w2-live.ts";

export interface ConsoleOptions {
  adminUrl: string;
  customers: number;
  /** how many times each action is timed */
  repeats: number;
  log: (line: string) => void;
}

/** the console's search waits this long after the last key before it asks (CustomersScreen) */
const typingPauseMs = 250;

export async function runConsole(o: ConsoleOptions) {
  o.log(`Console: the customer list over ${o.customers} customers, each action ${o.repeats} times`);
  if (!existsSync("web/dist/index.html")) {
    o.log("  building the console (npm run build)");
    execFileSync("npm", ["run", "build", "--silent"], { stdio: "inherit" });
  }
  let hub: Hub | undefined;
  const browser = await chromium.launch({
    executablePath: process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium",
    args: ["--no-sandbox"],
  });
  try {
    hub = await startPostgresHub(o.adminUrl, "console", 0);
    const { lo, hi } = await seedListedCustomers(hub.db!, o.customers);
    const who = await manager(hub);
    const page = await (
      await browser.newContext({ viewport: { width: 1280, height: 800 } })
    ).newPage();
    await page.goto(hub.url);
    await page.getByLabel("Email").fill(who.email);
    await page.getByLabel("Password").fill(who.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("button", { name: "Sign out" }).waitFor();

    const times = { open: [] as number[], nextPage: [] as number[], byName: [] as number[] };
    const byEmail: number[] = [];
    // how long the hub took to answer each of those (the browser's resource timing), so the
    // figures tell the hub's share from the console's
    const answers = { open: [] as number[], nextPage: [] as number[], byName: [] as number[] };
    const answerByEmail: number[] = [];
    const lastAnswer = () =>
      page.evaluate(() => {
        const listed = performance
          .getEntriesByType("resource")
          .filter((r) => new URL(r.name).pathname === "/v1/customers");
        performance.clearResourceTimings();
        return listed.at(-1)?.duration ?? Number.NaN;
      });
    const search = page.getByLabel("Search by name, number, email or phone");
    // the first round warms the hub and the browser up (compiled code, cached assets) and is
    // not counted
    for (let round = 0; round <= o.repeats; round++) {
      const counted = round > 0;
      // opening: from the navigation's start to 50 rows painted
      await page.goto(`${hub.url}/customers`);
      const opened = await page.evaluate<number>(untilRowsShown);
      if (counted) times.open.push(opened);
      if (counted) answers.open.push(await lastAnswer());

      const before = await page.locator("table.customers tbody tr").first().textContent();
      const next = await timed(page, "click", { firstRowNot: before ?? "" }, () =>
        page.getByRole("button", { name: "Next page" }).click(),
      );
      if (counted) times.nextPage.push(next);
      if (counted) answers.nextPage.push(await lastAnswer());

      const name = lastNames[round % lastNames.length]!;
      const named = await timed(page, "input", { rows: 50, each: name }, () => search.fill(name));
      if (counted) times.byName.push(named);
      if (counted) answers.byName.push(await lastAnswer());

      const id = lo + Math.floor(Math.random() * (hi - lo));
      const found = await timed(page, "input", { rows: 1, each: `.${id}@` }, () =>
        search.fill(`.${id}@`),
      );
      if (counted) byEmail.push(found);
      if (counted) answerByEmail.push(await lastAnswer());
    }
    const ms = (xs: number[], p: number) => Math.round(percentile(xs, p)!);
    const figures = (xs: number[]) => ({ p50Ms: ms(xs, 50), maxMs: ms(xs, 100) });
    return {
      id: "Console" as const,
      store: "postgres",
      customers: o.customers,
      repeats: o.repeats,
      openList: figures(times.open),
      nextPage: figures(times.nextPage),
      /** from the last key typed, the console's pause before it asks included */
      searchByName: figures(times.byName),
      searchByEmail: figures(byEmail),
      typingPauseMs,
      /** the hub's answer to the list request of each action, as the browser timed it */
      hubAnswer: {
        openList: figures(answers.open),
        nextPage: figures(answers.nextPage),
        searchByName: figures(answers.byName),
        searchByEmail: figures(answerByEmail),
      },
      peakRssMb: Object.fromEntries(hub.processes.map((p) => [p.label, p.peakRssMb()])),
    };
  } finally {
    await browser.close();
    await hub?.close();
  }
}

/** A manager with a password, made the way an admin does it: an invitation, accepted. */
async function manager(hub: Hub) {
  const email = "bench.manager@example.com";
  const password = "bench manager password";
  const created = await hub.api<{ user: { id: number } }>("POST", "/v1/users", {
    name: "Bench Manager",
    email,
    role: "manager",
  });
  const invited = await hub.api<{ invitation: { token: string } }>(
    "POST",
    `/v1/users/${created.user.id}/invitation`,
  );
  const accepted = await fetch(new URL("/auth/invitations/acceptance", hub.url), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ token: invited.invitation.token, password }),
  });
  if (accepted.status !== 201) throw new Error(`invitation not accepted: ${accepted.status}`);
  return { email, password };
}

type Rows = { firstRowNot: string } | { rows: number; each: string };

// The timing runs in the page, so the driver's own round trips are not counted. It is page script
// text: this project's Node code is compiled without the DOM's types, and a compiled function
// would carry the compiler's helpers into the page.

/** From the navigation's start to the frame after 50 customer rows show. */
const untilRowsShown = `new Promise((resolve) => {
  const check = () => {
    if (document.querySelectorAll("table.customers tbody tr").length < 50) return false;
    requestAnimationFrame(() => resolve(performance.now()));
    return true;
  };
  if (check()) return;
  const watch = new MutationObserver(() => check() && watch.disconnect());
  watch.observe(document.body, { subtree: true, childList: true });
})`;

/**
 * From the user's event (the click, or the last input event of the typing) to the frame after the
 * customer rows show what was asked for.
 */
async function timed(page: Page, event: "click" | "input", want: Rows, act: () => Promise<void>) {
  await page.evaluate(`window.timing = new Promise((resolve, reject) => {
    const want = ${JSON.stringify(want)};
    let start = 0;
    const mark = () => (start = performance.now());
    document.addEventListener("${event}", mark, { capture: true });
    const shown = () => {
      const rows = [...document.querySelectorAll("table.customers tbody tr")].map(
        (r) => r.textContent ?? "",
      );
      return "firstRowNot" in want
        ? rows.length > 0 && rows[0] !== want.firstRowNot
        : rows.length === want.rows && rows.every((t) => t.includes(want.each));
    };
    const watch = new MutationObserver(() => {
      if (start === 0 || !shown()) return;
      watch.disconnect();
      document.removeEventListener("${event}", mark, { capture: true });
      requestAnimationFrame(() => resolve(performance.now() - start));
    });
    watch.observe(document.body, { subtree: true, childList: true, characterData: true });
    setTimeout(() => reject(new Error("the console did not show the rows in 10 s")), 10_000);
  }); undefined`);
  await act();
  return page.evaluate<number>("window.timing");
}
