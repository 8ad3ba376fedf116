import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { api, ok } from "../../api/client";
import { createsCustomers, type IntegrationName } from "../../ui/store-integrations";
import { explainError } from "../../api/explain-error";
import { useSession } from "../../app/session";
import { ErrorText } from "../../ui/ErrorText";
import { AssigneeSelect } from "../../ui/AssigneeSelect";
import type { Status } from "./SyncSections";

export interface Selection {
  /** the customers picked one by one */
  ids: number[];
  /** the whole filtered list, however many pages */
  whole: boolean;
  /** how many that is, as far as the list knows */
  count: number;
}

interface Props {
  selection: Selection;
  integration: IntegrationName | undefined;
  filter: { q: string; status: Status | undefined };
  onDone: () => void;
}

/** The ids of the whole filtered list, read page by page (500 a page). */
async function idsOfList(filter: Props["filter"], integrationId: number | undefined) {
  const ids: number[] = [];
  let after: number | undefined;
  do {
    const page = await ok(
      api.GET("/v1/customers", {
        params: {
          query: {
            limit: 500,
            ...(filter.q ? { q: filter.q } : {}),
            ...(integrationId && filter.status ? { integrationId, status: filter.status } : {}),
            ...(after ? { after } : {}),
          },
        },
      }),
    );
    ids.push(...page.customers.map((c) => c.id));
    after = page.next ?? undefined;
  } while (after);
  return ids;
}

/** Each id in turn; what was refused is told with its reason, the rest goes on (one bad record never stops the others). */
async function eachOf(ids: number[], act: (id: number) => Promise<unknown>) {
  const refused: string[] = [];
  for (const id of ids)
    await act(id).catch((e: unknown) => refused.push(`customer ${id}: ${explainError(e)}`));
  return { done: ids.length - refused.length, refused };
}

/**
 * S1, S5, S6, S9, A3: what can be done to the selected customers, each offered only to the roles
 * the API allows it. A whole filtered list is a bulk action for managers and admins.
 */
export function BulkActions({ selection, integration, filter, onDone }: Props) {
  const session = useSession();
  const queries = useQueryClient();
  const [assignee, setAssignee] = useState("");
  const [report, setReport] = useState<{ text: string; refused: string[]; run?: number }>();
  const manager = session.user.role !== "associate";
  const ids = async () => (selection.whole ? idsOfList(filter, integration?.id) : selection.ids);

  const act = useMutation({
    mutationFn: async (action: () => Promise<{ text: string; refused?: string[]; run?: number }>) =>
      action(),
    onSuccess: (r) => {
      setReport({ text: r.text, refused: r.refused ?? [], ...(r.run ? { run: r.run } : {}) });
      void queries.invalidateQueries();
      onDone();
    },
  });

  const sync = () =>
    act.mutate(async () => {
      const body = selection.whole
        ? {
            filter: {
              ...(filter.status ? { status: filter.status } : {}),
              ...(filter.q ? { q: filter.q } : {}),
            },
          }
        : { customerIds: selection.ids };
      const r = await ok(
        api.POST("/v1/integrations/{id}/sync", { params: { path: { id: integration!.id } }, body }),
      );
      return { text: `Sync with ${integration!.name}: ${r.synced} now, ${r.queued} queued.` };
    });
  const exclude = (excluded: boolean) =>
    act.mutate(async () => {
      const r = await eachOf(await ids(), (id) =>
        ok(
          api.PUT("/v1/customers/{id}/exclusion", {
            params: { path: { id } },
            body: { integrationId: integration!.id, excluded },
          }),
        ),
      );
      return {
        text: `${r.done} ${excluded ? "excluded from" : "included again in"} ${integration!.name}.`,
        refused: r.refused,
      };
    });
  const createPartners = () =>
    act.mutate(async () => {
      // the whole Not linked section: one run the workers work off, with progress (S6)
      if (selection.whole && filter.status === "unlinked" && !filter.q) {
        const run = await ok(
          api.POST("/v1/integrations/{id}/partner-runs", {
            params: { path: { id: integration!.id } },
            body: { side: "hub", numberChoice: "keep" },
          }),
        );
        return { text: `Creating ${run.total} partners in ${integration!.name}.`, run: run.id };
      }
      const r = await eachOf(await ids(), (id) =>
        ok(
          api.POST("/v1/customers/{id}/partner-creation", {
            params: { path: { id } },
            body: { integrationId: integration!.id },
          }),
        ),
      );
      return { text: `${r.done} partners asked for in ${integration!.name}.`, refused: r.refused };
    });
  const assign = () =>
    act.mutate(async () => {
      const all = await ids();
      const userId = assignee === "" ? null : Number(assignee);
      let assigned = 0;
      for (let i = 0; i < all.length; i += 1000) {
        const r = await ok(
          api.POST("/v1/assignments", { body: { customerIds: all.slice(i, i + 1000), userId } }),
        );
        assigned += r.assigned.length;
      }
      return { text: `${assigned} assigned${userId === null ? " to nobody (Unassigned)" : ""}.` };
    });

  const wholeOk = !selection.whole || manager;
  const none = !selection.whole && selection.ids.length === 0;
  const partnersWhole = selection.whole && filter.status === "unlinked" && !filter.q;
  return (
    <div className="bulk" role="region" aria-label="Selected customers">
      <p>
        <strong>
          {none
            ? "Select customers to act on them."
            : selection.whole
              ? `All ${selection.count} in this list`
              : `${selection.ids.length} selected`}
        </strong>
      </p>
      <div className="bulk-actions" hidden={none}>
        {integration && session.can("enableCustomerSync") && wholeOk && (
          <button type="button" onClick={sync} disabled={act.isPending}>
            Sync with {integration.name}
          </button>
        )}
        {integration && session.can("setCustomerExclusion") && (
          <>
            <button type="button" onClick={() => exclude(true)} disabled={act.isPending}>
              Exclude from {integration.name}
            </button>
            <button type="button" onClick={() => exclude(false)} disabled={act.isPending}>
              Include again in {integration.name}
            </button>
          </>
        )}
        {integration &&
          createsCustomers(integration.kind) &&
          (partnersWhole
            ? session.can("startPartnerRun")
            : session.can("createPartnerThere") && wholeOk) && (
            <button type="button" onClick={createPartners} disabled={act.isPending}>
              Create partners in {integration.name}
            </button>
          )}
        {session.can("assignCustomers") && (
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              assign();
            }}
          >
            <AssigneeSelect label="Assign selected to" value={assignee} onChange={setAssignee} />
            <button type="submit" disabled={act.isPending}>
              Assign
            </button>
          </form>
        )}
      </div>
      {!integration && (
        <p className="muted">Pick an integration above to sync, exclude or create partners.</p>
      )}
      {act.isPending && <p role="status">Working…</p>}
      <ErrorText error={act.error} />
      {report && (
        <div role="status">
          <p>
            {report.text}{" "}
            {report.run && <Link to={`/activity#run-${report.run}`}>Follow its progress</Link>}
          </p>
          {report.refused.length > 0 && (
            <ul className="error">
              {report.refused.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
