import { CliError } from "./cli-error.ts";
import type { HubCall } from "./hub-client.ts";
import { printFields, printJson, printTable } from "./print-output.ts";
import type { ProgressReporter } from "./progress-reporter.ts";

// S5, S6, S10 and the dry-run plan, as `tandem partners create|plan` ask the hub for them.

/** `--number`: keep, next, or a typed number (one customer only). */
export type NumberOption =
  { numberChoice: "keep" | "next" } | { numberChoice: "typed"; number: string };

export const numberOption = (text: string | undefined): NumberOption =>
  text === undefined || text === "keep"
    ? { numberChoice: "keep" }
    : text === "next"
      ? { numberChoice: "next" }
      : { numberChoice: "typed", number: text };

interface CustomerAnswer {
  id: number;
  customerNumber: string;
  firstName: string | null;
  lastName: string | null;
  sync: Array<{ integrationId: number; status: string; externalId: string | null }>;
}

/** S5: one customer's partner, on the side it is missing. */
export async function createOne(
  call: HubCall,
  integration: number,
  target: { side: "hub"; clientId: number } | { side: "external"; externalId: string },
  number: NumberOption,
  json: boolean,
): Promise<void> {
  const answer: CustomerAnswer =
    target.side === "hub"
      ? await call("POST", `/v1/customers/${target.clientId}/partner-creation`, {
          integrationId: integration,
          ...number,
        })
      : await call(
          "POST",
          `/v1/integrations/${integration}/external-customers/${encodeURIComponent(target.externalId)}/partner-creation`,
          number,
        );
  if (json) return printJson(answer);
  const sync = answer.sync.find((s) => s.integrationId === integration);
  printFields([
    ["hub customer", `${answer.id} (number ${answer.customerNumber})`],
    ["name", [answer.firstName, answer.lastName].filter(Boolean).join(" ") || "-"],
    [
      "partner",
      target.side === "hub" && !sync?.externalId
        ? "being created there (tandem customers show shows when it is done)"
        : `${sync?.externalId ?? "-"} (${sync?.status ?? "unlinked"})`,
    ],
  ]);
}

export interface RunAnswer {
  id: number;
  total: number;
  progress: { done: number; failed: number; waiting: number; retrying: number };
  finished: boolean;
  failures: Array<{ clientId?: number; externalId?: string; reason: string; final: boolean }>;
}

/**
 * S6/S10: a run for every customer of one side without a partner, followed until it is finished
 * (the workers do it; this only watches, every `pollMs`). Ctrl-C stops the watching, not the run.
 */
export async function createAll(
  call: HubCall,
  integration: number,
  side: "hub" | "external",
  numberChoice: "keep" | "next",
  progress: ProgressReporter,
  json: boolean,
  pollMs = 1000,
): Promise<void> {
  const started: RunAnswer = await call("POST", `/v1/integrations/${integration}/partner-runs`, {
    side,
    numberChoice,
  });
  const label = side === "hub" ? "partners requested" : "hub customers made";
  const run = await followRun(call, started, progress, label, pollMs);
  if (json) printJson(run);
  else {
    if (run.failures.length > 0)
      printTable(
        ["CUSTOMER", "WHY NOT"],
        run.failures.map((f) => [f.clientId ?? f.externalId ?? "-", f.reason]),
      );
    process.stdout.write(
      `run ${run.id}: ${run.progress.done} of ${run.total} done, ${run.progress.failed} not` +
        (side === "hub"
          ? " (the partners' creates are queued; their sections show them done)\n"
          : "\n"),
    );
  }
  if (run.progress.failed > 0)
    throw new CliError(
      "partly_done",
      `${run.progress.failed} of ${run.total} customers got no partner; the reasons are above (GET /v1/partner-runs/${run.id} lists up to 100)`,
    );
}

/**
 * Watches a run (S6, or a file loaded into the hub) until the workers have done every change of
 * it, moving `progress` every `pollMs`. Ctrl-C stops the watching, not the run.
 */
export async function followRun(
  call: HubCall,
  started: RunAnswer,
  progress: ProgressReporter,
  label: string,
  pollMs = 1000,
): Promise<RunAnswer> {
  let run = started;
  progress.start(run.total, label);
  try {
    while (!run.finished) {
      progress.update(run.progress.done + run.progress.failed, run.progress.failed);
      await new Promise((resolve) => setTimeout(resolve, pollMs));
      run = await call("GET", `/v1/partner-runs/${run.id}`);
    }
    progress.update(run.progress.done + run.progress.failed, run.progress.failed);
  } finally {
    progress.stop();
  }
  return run;
}

type ListName = "created" | "linked" | "conflicts" | "refused" | "excluded";
interface PlanEntry {
  clientId: number | null;
  customerNumber: string | null;
  externalId: string | null;
  externalNumber: string | null;
  name: string;
  reason?: string;
}
interface SidePlan extends Record<Exclude<ListName, never>, number> {
  lists: Record<ListName, PlanEntry[]>;
}

/** The dry run: the summary and each side's counts, or one list behind a number. */
export async function showPlan(
  call: HubCall,
  integration: number,
  numberChoice: "keep" | "next",
  list: ListName | undefined,
  json: boolean,
): Promise<void> {
  const plan: { hub: SidePlan; external: SidePlan; summary: string } = await call(
    "GET",
    `/v1/integrations/${integration}/plan?numberChoice=${numberChoice}&limit=${list ? 10_000 : 1}`,
  );
  if (json) return printJson(plan);
  if (list) {
    const rows = (["hub", "external"] as const).flatMap((side) =>
      plan[side].lists[list].map((e) => [
        side === "hub" ? "hub customer" : "other system's",
        e.clientId ?? "-",
        e.customerNumber ?? "-",
        e.externalId ?? "-",
        e.externalNumber ?? "-",
        e.name || "-",
        e.reason ?? "",
      ]),
    );
    // linked and conflicts are pairs: the same on both sides
    const shown = list === "linked" || list === "conflicts" ? rows.slice(0, rows.length / 2) : rows;
    printTable(["SIDE", "HUB ID", "HUB NO", "EXTERNAL ID", "EXTERNAL NO", "NAME", "WHY"], shown);
    return;
  }
  printTable(
    ["WHOSE CUSTOMERS", "PARTNERS MADE", "LINKED", "IN CONFLICT", "REFUSED", "EXCLUDED"],
    (["hub", "external"] as const).map((side) => [
      side === "hub" ? "hub customers" : "the other system's",
      plan[side].created,
      plan[side].linked,
      plan[side].conflicts,
      plan[side].refused,
      plan[side].excluded,
    ]),
  );
  process.stdout.write(
    `${plan.summary}.\nNothing was written. --list created|linked|conflicts|refused|excluded shows who.\n`,
  );
}
