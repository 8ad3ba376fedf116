import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, ok } from "../../api/client";
import { ErrorText } from "../../ui/ErrorText";
import { formatMoney, useStore } from "../../ui/store-settings";
import { clockIn } from "./store-days";

/** T1: per point of sale, the sales waiting for the next batch, and a way to run it now. */
export function SalesBatches() {
  const integrations = useQuery({
    queryKey: ["integrations"],
    queryFn: () => ok(api.GET("/v1/integrations")).then((r) => r.integrations),
    staleTime: 60_000,
  });
  const pos = (integrations.data ?? []).filter((i) => i.kind === "pos" && i.enabled);
  return (
    <section aria-labelledby="batches-title">
      <h2 id="batches-title">Sales waiting for their batch</h2>
      <ErrorText error={integrations.error} />
      {integrations.data && pos.length === 0 && (
        <p className="empty">No point of sale is switched on.</p>
      )}
      <div className="cards">
        {pos.map((i) => (
          <BatchCard key={i.id} integrationId={i.id} name={i.name} />
        ))}
      </div>
    </section>
  );
}

function BatchCard({ integrationId, name }: { integrationId: number; name: string }) {
  const queries = useQueryClient();
  const store = useStore();
  const batch = useQuery({
    queryKey: ["sales-batch", integrationId],
    queryFn: () =>
      ok(api.GET("/v1/integrations/{id}/sales-batch", { params: { path: { id: integrationId } } })),
  });
  const run = useMutation({
    mutationFn: () =>
      ok(
        api.POST("/v1/integrations/{id}/sales-batch/run", {
          params: { path: { id: integrationId } },
        }),
      ),
    onSuccess: (after) => {
      queries.setQueryData(["sales-batch", integrationId], after);
      // the released sales are processed within seconds: the log and report follow (live stream)
      void queries.invalidateQueries({ queryKey: ["sales"] });
      void queries.invalidateQueries({ queryKey: ["sales-report"] });
    },
  });
  const b = batch.data;
  const titleId = `batch-${integrationId}-title`;
  return (
    <article className="panel card" aria-labelledby={titleId}>
      <h3 id={titleId}>{name}</h3>
      <ErrorText error={batch.error} />
      {!b && !batch.error && <p className="muted">Looking…</p>}
      {b && b.timing === "realtime" && <p>Sales are taken as they are made (no batch).</p>}
      {b && b.timing === "batched" && (
        <>
          <p className="batch-held">
            {b.held.count === 1 ? "1 sale" : `${b.held.count} sales`}
            {b.held.count > 0 && b.held.total !== null
              ? ` (${formatMoney(b.held.total, store.data?.currency)})`
              : ""}{" "}
            waiting for the batch
            {b.nextRunAt ? ` at ${clockIn(b.nextRunAt, b.timeZone)}` : ""}.
          </p>
          <p className="muted">
            Batches run at {b.times.join(" and ")} ({b.timeZone})
            {b.lastRunAt ? `; the last ran at ${clockIn(b.lastRunAt, b.timeZone)}` : ""}.
          </p>
        </>
      )}
      {b && (b.timing === "batched" || b.held.count > 0) && (
        <button
          type="button"
          onClick={() => run.mutate()}
          disabled={run.isPending || b.held.count === 0}
          aria-label={`Run the sales batch of ${name} now`}
        >
          Run now
        </button>
      )}
      <ErrorText error={run.error} />
      {run.data && (
        <p role="status">
          {run.data.released === 1 ? "1 sale went" : `${run.data.released} sales went`} to be
          processed.
        </p>
      )}
    </article>
  );
}
