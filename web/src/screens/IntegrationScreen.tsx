import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useParams } from "react-router";
import { api, ok } from "../api/client";
import { useSession } from "../app/session";
import { ErrorText } from "../ui/ErrorText";
import { kindWords } from "../ui/store-integrations";
import {
  listOf,
  useIntegrationPatch,
  type Integration,
  type IntegrationPatch,
} from "./integration/integration-action";
import { FieldMapEditor } from "./integration/FieldMapEditor";
import { FileImportSection } from "./integration/FileImportSection";
import { PlanSection } from "./integration/PlanSection";

/**
 * R11.4: one integration's settings: connection and its test, every option, the field mapping,
 * and the plan before it is switched on. Admins change them; managers see them.
 */
export function IntegrationScreen() {
  const id = Number(useParams().id);
  const session = useSession();
  const integration = useQuery({
    queryKey: ["integration", id],
    queryFn: () => ok(api.GET("/v1/integrations/{id}", { params: { path: { id } } })),
    enabled: Number.isInteger(id) && id > 0,
  });
  if (integration.error) return <ErrorText error={integration.error} />;
  if (!integration.data)
    return (
      <p className="page-status" role="status">
        Loading the integration…
      </p>
    );
  const i = integration.data;
  const admin = session.can("updateIntegration");
  const pos = i.kind !== "file";
  return (
    <article aria-labelledby="integration-title">
      <p>
        <Link to="/integrations">All integrations</Link>
      </p>
      <h1 id="integration-title">{i.name}</h1>
      <p className="muted">
        {kindWords[i.kind] ?? i.kind} · {i.enabled ? "switched on" : "switched off"}
        {pos && (
          <>
            {" · "}
            <Link to="/people">Associate numbers are set on People</Link>
          </>
        )}
      </p>
      <ConnectionSection integration={i} admin={admin} />
      {i.kind === "file" && session.can("importIntegrationFile") && (
        <FileImportSection integration={i} />
      )}
      <OptionsSection integration={i} admin={admin} />
      <FieldMapEditor integration={i} admin={admin} />
      <PlanSection integration={i} admin={admin} />
    </article>
  );
}

function ConnectionSection({ integration, admin }: { integration: Integration; admin: boolean }) {
  const [name, setName] = useState(integration.name);
  const [baseUrl, setBaseUrl] = useState(integration.baseUrl ?? "");
  const [apiKey, setApiKey] = useState("");
  const test = useMutation({
    mutationFn: () =>
      ok(api.POST("/v1/integrations/{id}/test", { params: { path: { id: integration.id } } })),
  });
  // a changed connection has not been tested yet
  const save = useIntegrationPatch(integration.id, () => {
    setApiKey("");
    test.reset();
  });
  const edited =
    name !== integration.name ||
    (integration.baseUrl !== null && baseUrl !== integration.baseUrl) ||
    apiKey !== "";
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: IntegrationPatch = {};
    if (name !== integration.name) body.name = name;
    if (integration.baseUrl !== null && baseUrl !== integration.baseUrl) body.baseUrl = baseUrl;
    if (apiKey) body.apiKey = apiKey;
    save.mutate(body);
  };
  return (
    <section aria-labelledby="connection-title">
      <h2 id="connection-title">Connection</h2>
      <form onSubmit={submit}>
        <label>
          Name
          <input value={name} onChange={(e) => setName(e.target.value)} disabled={!admin} />
        </label>
        {integration.baseUrl !== null && (
          <>
            <label>
              Address of its API
              <input
                type="url"
                value={baseUrl}
                onChange={(e) => setBaseUrl(e.target.value)}
                disabled={!admin}
              />
            </label>
            {admin && (
              <label>
                New API key (leave empty to keep the one stored)
                <input
                  type="password"
                  autoComplete="off"
                  value={apiKey}
                  onChange={(e) => setApiKey(e.target.value)}
                />
              </label>
            )}
          </>
        )}
        <ErrorText error={save.error} />
        {save.isSuccess && <p role="status">Connection saved. Test it to be sure.</p>}
        {admin && (
          <button type="submit" disabled={save.isPending}>
            Save connection
          </button>
        )}{" "}
        {admin && (
          <button type="button" onClick={() => test.mutate()} disabled={test.isPending || edited}>
            Test connection
          </button>
        )}
      </form>
      {/* the hub tests the connection it has saved, so a test waits for the edits' save */}
      {edited && (
        <p className="muted">Save the changes first: the test uses the saved connection.</p>
      )}
      {test.isPending && <p role="status">Asking {integration.name}…</p>}
      {test.isSuccess && !edited && (
        <p role="status">Connected: it answered as “{test.data.name}”.</p>
      )}
      {!edited && <ErrorText error={test.error} />}
    </section>
  );
}

/**
 * Every option the integration's kind uses: a customer file (read, never written; loaded by hand)
 * has no pushes, webhooks, associates, wish list, sales or stock.
 */
function OptionsSection({ integration, admin }: { integration: Integration; admin: boolean }) {
  const o = integration.options;
  const pos = integration.kind !== "file";
  const [syncMode, setSyncMode] = useState(o.syncMode);
  const [push, setPush] = useState(o.pushNewCustomers);
  const [transferWhen, setTransferWhen] = useState(o.transferWhen);
  const [webhooks, setWebhooks] = useState(Boolean(o.webhooks));
  const [poll, setPoll] = useState(String(o.pollIntervalSeconds));
  const [threshold, setThreshold] = useState(String(o.matchThreshold));
  const [associate, setAssociate] = useState(o.defaultAssociateNumber ?? "");
  const [collection, setCollection] = useState(o.wishlistCollection);
  const [timing, setTiming] = useState(o.salesTiming);
  const [times, setTimes] = useState(o.salesBatchTimes.join(", "));
  const f = o.inventoryFilters;
  const [categories, setCategories] = useState(f.excludeCategories.join(", "));
  const [vendors, setVendors] = useState(f.excludeVendors.join(", "));
  const [types, setTypes] = useState(f.excludeTypes.join(", "));
  const save = useIntegrationPatch(integration.id);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // only the options changed here: what someone else changed meanwhile stays
    const next: NonNullable<IntegrationPatch["options"]> = {};
    if (syncMode !== o.syncMode) next.syncMode = syncMode;
    if (push !== o.pushNewCustomers) next.pushNewCustomers = push;
    if (transferWhen !== o.transferWhen) next.transferWhen = transferWhen;
    if (webhooks !== Boolean(o.webhooks)) next.webhooks = webhooks;
    if (Number(poll) !== o.pollIntervalSeconds) next.pollIntervalSeconds = Number(poll);
    if (Number(threshold) !== o.matchThreshold) next.matchThreshold = Number(threshold);
    if (associate !== (o.defaultAssociateNumber ?? ""))
      next.defaultAssociateNumber = associate.trim() || null;
    if (collection !== o.wishlistCollection) next.wishlistCollection = collection;
    if (timing !== o.salesTiming) next.salesTiming = timing;
    if (times !== o.salesBatchTimes.join(", ")) next.salesBatchTimes = listOf(times);
    const filters: Record<string, string[]> = {};
    if (categories !== f.excludeCategories.join(", "))
      filters.excludeCategories = listOf(categories);
    if (vendors !== f.excludeVendors.join(", ")) filters.excludeVendors = listOf(vendors);
    if (types !== f.excludeTypes.join(", ")) filters.excludeTypes = listOf(types);
    if (Object.keys(filters).length > 0) next.inventoryFilters = filters;
    save.mutate({ options: next });
  };
  return (
    <section aria-labelledby="options-title">
      <h2 id="options-title">Options</h2>
      <form onSubmit={submit}>
        <fieldset disabled={!admin}>
          <legend>Customers</legend>
          <label>
            Which customers sync
            <select
              value={syncMode}
              onChange={(e) => setSyncMode(e.target.value as typeof syncMode)}
            >
              <option value="all">Every customer</option>
              <option value="selected">Only the customers selected</option>
            </select>
          </label>
          {pos && (
            <>
              <label className="check">
                <input type="checkbox" checked={push} onChange={(e) => setPush(e.target.checked)} />
                Send customers created in Tandem there
              </label>
              <label>
                When a new customer is sent
                <select
                  value={transferWhen}
                  onChange={(e) => setTransferWhen(e.target.value as typeof transferWhen)}
                >
                  <option value="created">As soon as it is created</option>
                  <option value="active">At its first purchase</option>
                </select>
              </label>
            </>
          )}
          <label>
            Lowest match score to suggest a partner (0.5 to 1)
            <input
              type="number"
              min={0.5}
              max={1}
              step={0.01}
              value={threshold}
              onChange={(e) => setThreshold(e.target.value)}
            />
          </label>
          {pos && (
            <>
              <label>
                Default associate number (for changes no user made)
                <input value={associate} onChange={(e) => setAssociate(e.target.value)} />
              </label>
              <label>
                Wish list collection name
                <input value={collection} onChange={(e) => setCollection(e.target.value)} />
              </label>
            </>
          )}
        </fieldset>
        {pos && (
          <>
            <fieldset disabled={!admin}>
              <legend>Changes from there</legend>
              <label className="check">
                <input
                  type="checkbox"
                  checked={webhooks}
                  onChange={(e) => setWebhooks(e.target.checked)}
                />
                Receive webhooks (otherwise Tandem asks at an interval)
              </label>
              <label>
                Ask for changes every (seconds)
                <input
                  type="number"
                  min={1}
                  max={86400}
                  value={poll}
                  onChange={(e) => setPoll(e.target.value)}
                />
              </label>
            </fieldset>
            <fieldset disabled={!admin}>
              <legend>Sales and stock</legend>
              <label>
                Sales are taken
                <select value={timing} onChange={(e) => setTiming(e.target.value as typeof timing)}>
                  <option value="batched">In batches, at set times</option>
                  <option value="realtime">As they come</option>
                </select>
              </label>
              <label>
                Batch times (24-hour, the store's time zone, comma-separated)
                <input value={times} onChange={(e) => setTimes(e.target.value)} />
              </label>
              <label>
                Leave out stock of these categories (comma-separated)
                <input value={categories} onChange={(e) => setCategories(e.target.value)} />
              </label>
              <label>
                Leave out stock of these vendors
                <input value={vendors} onChange={(e) => setVendors(e.target.value)} />
              </label>
              <label>
                Leave out stock of these types (memo, consignment…)
                <input value={types} onChange={(e) => setTypes(e.target.value)} />
              </label>
            </fieldset>
          </>
        )}
        <ErrorText error={save.error} />
        {save.isSuccess && <p role="status">Options saved.</p>}
        {admin && (
          <button type="submit" disabled={save.isPending}>
            Save options
          </button>
        )}
      </form>
    </section>
  );
}
