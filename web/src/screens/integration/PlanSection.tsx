import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api, ok } from "../../api/client";
import { ErrorText } from "../../ui/ErrorText";
import { useIntegrationPatch, type Integration } from "./integration-action";

/**
 * S2, S5-S9: before the integration is switched on, or a partner run started, what would happen:
 * customers created on each side, linked by email, starting in conflict, refused, excluded.
 */
export function PlanSection({ integration, admin }: { integration: Integration; admin: boolean }) {
  const [numberChoice, setNumberChoice] = useState<"keep" | "next">("keep");
  const [asked, setAsked] = useState(false);
  const plan = useQuery({
    queryKey: ["plan", integration.id, numberChoice],
    queryFn: () =>
      ok(
        api.GET("/v1/integrations/{id}/plan", {
          params: { path: { id: integration.id }, query: { numberChoice, limit: "20" } },
        }),
      ),
    enabled: asked,
  });
  const toggle = useIntegrationPatch(integration.id);
  const side = (label: string, s: NonNullable<typeof plan.data>["hub"]) => (
    <div>
      <h3>{label}</h3>
      <ul className="plain-list">
        <li>{s.created} would be created</li>
        <li>{s.linked} would be linked to the customer with the same email</li>
        <li>{s.conflicts} would start in conflict, to be resolved by hand</li>
        <li>{s.refused} would be refused</li>
        <li>{s.excluded} stay excluded</li>
      </ul>
    </div>
  );
  return (
    <section aria-labelledby="plan-title">
      <h2 id="plan-title">Plan</h2>
      <label>
        Customer numbers of new partners
        <select
          value={numberChoice}
          onChange={(e) => setNumberChoice(e.target.value as "keep" | "next")}
        >
          <option value="keep">Keep each customer's number</option>
          <option value="next">Take the next free number there</option>
        </select>
      </label>
      <button type="button" onClick={() => setAsked(true)} disabled={plan.isFetching}>
        Show what would happen
      </button>
      <ErrorText error={plan.error} />
      {plan.data && (
        <div role="status" className="plan">
          <p>{plan.data.summary}</p>
          <div className="profile-grid">
            {side("In Tandem", plan.data.hub)}
            {side(`In ${integration.name}`, plan.data.external)}
          </div>
        </div>
      )}
      {admin && (
        <p>
          <button
            type="button"
            onClick={() => toggle.mutate({ enabled: !integration.enabled })}
            disabled={toggle.isPending || (!integration.enabled && !plan.data)}
          >
            {integration.enabled
              ? `Switch ${integration.name} off`
              : `Switch ${integration.name} on`}
          </button>
          {!integration.enabled && !plan.data && (
            <span className="muted"> Look at the plan first.</span>
          )}
        </p>
      )}
      <ErrorText error={toggle.error} />
    </section>
  );
}
