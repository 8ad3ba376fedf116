import { useQuery } from "@tanstack/react-query";
import { api, ok } from "../../api/client";
import { statusWords, type Customer } from "../../ui/customer-names";

export type Status = Customer["sync"][number]["status"];
const statuses: Status[] = ["unlinked", "conflict", "synced", "excluded", "error"];

/** S11: an integration's sections with their counts (for the search typed); one is picked. */
export function SyncSections(props: {
  integrationId: number;
  integrationName: string;
  q: string;
  status: Status | undefined;
  onPick: (status: Status | undefined) => void;
}) {
  const counts = useQuery({
    queryKey: ["sections", props.integrationId, props.q],
    queryFn: () =>
      ok(
        api.GET("/v1/integrations/{id}/sections", {
          params: { path: { id: props.integrationId }, query: props.q ? { q: props.q } : {} },
        }),
      ),
  });
  return (
    <div className="sections" role="group" aria-label={`Sections of ${props.integrationName}`}>
      <button
        type="button"
        aria-pressed={props.status === undefined}
        onClick={() => props.onPick(undefined)}
      >
        Every status
      </button>
      {statuses.map((s) => (
        <button
          key={s}
          type="button"
          aria-pressed={props.status === s}
          onClick={() => props.onPick(s)}
        >
          {statusWords[s]} <span className="count">{counts.data?.counts[s] ?? "…"}</span>
        </button>
      ))}
    </div>
  );
}
