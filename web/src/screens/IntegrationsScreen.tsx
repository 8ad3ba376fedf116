import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import { api, ok } from "../api/client";
import { useSession } from "../app/session";
import { ErrorText } from "../ui/ErrorText";
import { kindWords } from "../ui/store-integrations";

/** R11.4: the store's integrations, and a new one set up (admins). */
export function IntegrationsScreen() {
  const session = useSession();
  const integrations = useQuery({
    queryKey: ["integrations"],
    queryFn: () => ok(api.GET("/v1/integrations")).then((r) => r.integrations),
  });
  return (
    <section aria-labelledby="integrations-title">
      <h1 id="integrations-title">Integrations</h1>
      <ErrorText error={integrations.error} />
      {integrations.data && integrations.data.length === 0 && (
        <p className="empty">No integrations yet.</p>
      )}
      <ul className="plain-list">
        {(integrations.data ?? []).map((i) => (
          <li key={i.id}>
            <Link to={`/integrations/${i.id}`}>{i.name}</Link> · {kindWords[i.kind] ?? i.kind}
            {i.baseUrl && <> · {i.baseUrl}</>} · {i.enabled ? "switched on" : "switched off"}
          </li>
        ))}
      </ul>
      {session.can("createIntegration") && <AddIntegration />}
    </section>
  );
}

function AddIntegration() {
  const queries = useQueryClient();
  const navigate = useNavigate();
  const [kind, setKind] = useState("pos");
  const [name, setName] = useState("");
  const [baseUrl, setBaseUrl] = useState("");
  const [apiKey, setApiKey] = useState("");
  const add = useMutation({
    mutationFn: () =>
      ok(
        api.POST("/v1/integrations", {
          body:
            kind === "pos"
              ? { kind, name, baseUrl, apiKey, options: { syncMode: "selected" } }
              : { kind, name, options: { webhooks: false } },
        }),
      ),
    onSuccess: (created) => {
      void queries.invalidateQueries({ queryKey: ["integrations"] });
      navigate(`/integrations/${created.id}`);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <form onSubmit={submit} aria-labelledby="add-integration-title">
      <h2 id="add-integration-title">Add an integration</h2>
      <p className="muted">
        A new point of sale starts in "selected customers" mode: nothing is sent until you have
        looked at the plan and chosen what to sync.
      </p>
      <label>
        Kind
        <select value={kind} onChange={(e) => setKind(e.target.value)}>
          <option value="pos">Point of sale</option>
          <option value="file">Customer file</option>
        </select>
      </label>
      <label>
        Name
        <input value={name} onChange={(e) => setName(e.target.value)} required />
      </label>
      {kind === "pos" && (
        <>
          <label>
            Address of its API
            <input
              type="url"
              value={baseUrl}
              onChange={(e) => setBaseUrl(e.target.value)}
              placeholder="https://pos.example.com"
              required
            />
          </label>
          <label>
            API key
            <input
              type="password"
              autoComplete="off"
              value={apiKey}
              onChange={(e) => setApiKey(e.target.value)}
              required
            />
          </label>
        </>
      )}
      <ErrorText error={add.error} />
      <button type="submit" disabled={add.isPending}>
        Add integration
      </button>
    </form>
  );
}
