import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { api, ok } from "../../api/client";
import { statusWords, type Customer } from "../../ui/customer-names";
import { ErrorText } from "../../ui/ErrorText";
import { fieldLabel } from "../../ui/field-label";
import { ScrollBox } from "../../ui/ScrollBox";
import { createsCustomers } from "../../ui/store-integrations";
import { CreatePartner } from "./CreatePartner";
import { useCustomerAction } from "./customer-action";
import { FindPartner } from "./FindPartner";

type Sync = Customer["sync"][number];

/** S11, S12: the customer in each integration: status, and the partner side by side on demand. */
export function PartnersSection({ customer, editable }: { customer: Customer; editable: boolean }) {
  return (
    <section aria-labelledby="partners-title">
      <h2 id="partners-title">Partners</h2>
      {customer.sync.length === 0 && <p className="empty">Not connected to any system.</p>}
      {customer.sync.map((s) => (
        <PartnerPanel key={s.integrationId} customer={customer} sync={s} editable={editable} />
      ))}
    </section>
  );
}

function PartnerPanel({
  customer,
  sync,
  editable,
}: {
  customer: Customer;
  sync: Sync;
  editable: boolean;
}) {
  const [comparing, setComparing] = useState(sync.status === "conflict");
  const [pairing, setPairing] = useState<"find" | "create" | undefined>();
  const titleId = `partner-${sync.integrationId}`;
  const withoutPartner = sync.status === "unlinked" && !sync.externalId;
  return (
    <div className="panel" role="group" aria-labelledby={titleId}>
      <h3 id={titleId}>{sync.integrationName}</h3>
      <p>
        <span className={`status status-${sync.status}`}>{statusWords[sync.status]}</span>
        {sync.externalNumber && <> · their number {sync.externalNumber}</>}
      </p>
      {sync.lastError && <p className="error">Last error: {sync.lastError}</p>}
      {sync.externalId &&
        (comparing ? (
          <Compare customer={customer} sync={sync} editable={editable} />
        ) : (
          <button type="button" onClick={() => setComparing(true)}>
            Compare with {sync.integrationName}
          </button>
        ))}
      {withoutPartner && editable && (
        <>
          <p className="row-actions">
            <button
              type="button"
              aria-expanded={pairing === "find"}
              onClick={() => setPairing(pairing === "find" ? undefined : "find")}
            >
              Find a partner in {sync.integrationName}
            </button>{" "}
            {createsCustomers(sync.integrationKind) && (
              <button
                type="button"
                aria-expanded={pairing === "create"}
                onClick={() => setPairing(pairing === "create" ? undefined : "create")}
              >
                Create in {sync.integrationName}…
              </button>
            )}
          </p>
          {pairing === "find" && <FindPartner customer={customer} sync={sync} />}
          {pairing === "create" && (
            <CreatePartner customer={customer} sync={sync} onDone={() => setPairing(undefined)} />
          )}
        </>
      )}
    </div>
  );
}

type Choice = { take: "hub" } | { take: "external" } | { take: "value"; value: string | null };

/** S12 side by side, differences marked; F12 conflicts resolved field by field, one submit. */
function Compare({
  customer,
  sync,
  editable,
}: {
  customer: Customer;
  sync: Sync;
  editable: boolean;
}) {
  const compare = useQuery({
    queryKey: ["customer", customer.id, "compare", sync.integrationId],
    queryFn: () =>
      ok(
        api.GET("/v1/customers/{id}/compare", {
          params: { path: { id: customer.id }, query: { integrationId: sync.integrationId } },
        }),
      ),
    staleTime: 0,
  });
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const resolve = useCustomerAction(
    customer.id,
    (fields: Record<string, Choice>) =>
      ok(
        api.POST("/v1/customers/{id}/resolve", {
          params: { path: { id: customer.id } },
          body: { integrationId: sync.integrationId, fields },
        }),
      ),
    () => setChoices({}),
  );
  if (compare.error) return <ErrorText error={compare.error} />;
  if (!compare.data) return <p role="status">Asking {sync.integrationName}…</p>;
  const fields = compare.data.fields;
  const conflicts = fields.filter((f) => f.conflict);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    resolve.mutate(choices);
  };
  const table = (
    <table className="compare">
      <caption>Tandem and {sync.integrationName} side by side</caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Tandem</th>
          <th scope="col">{sync.integrationName}</th>
          <th scope="col">{conflicts.length > 0 && editable ? "Keep" : "Differs"}</th>
        </tr>
      </thead>
      <tbody>
        {fields.map((f) => (
          <tr key={f.field} className={f.conflict ? "conflict" : f.differs ? "differs" : undefined}>
            <th scope="row">{fieldLabel(f.field)}</th>
            <td>{f.hub ?? "—"}</td>
            <td>{f.external ?? "—"}</td>
            <td>
              {f.conflict && editable ? (
                <ConflictChoice
                  field={f.field}
                  hub={f.hub}
                  external={f.external}
                  integration={sync.integrationName}
                  choice={choices[f.field]}
                  onChoose={(c) => setChoices((all) => ({ ...all, [f.field]: c }))}
                />
              ) : f.conflict ? (
                "Conflict"
              ) : f.differs ? (
                "Differs"
              ) : (
                ""
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  if (conflicts.length === 0 || !editable)
    return (
      <>
        <ScrollBox label={`Comparison with ${sync.integrationName}`}>{table}</ScrollBox>
        {conflicts.length > 0 && (
          <p className="muted">
            Only the assigned associate, a manager or an admin can resolve these.
          </p>
        )}
      </>
    );
  const chosen = conflicts.every((f) => choices[f.field]);
  return (
    <form onSubmit={submit} aria-label={`Resolve conflicts with ${sync.integrationName}`}>
      <p>
        {conflicts.length === 1 ? "One field was" : `${conflicts.length} fields were`} changed on
        both sides. Choose what to keep for each; one save updates both systems.
      </p>
      <ScrollBox label={`Comparison with ${sync.integrationName}`}>{table}</ScrollBox>
      <ErrorText error={resolve.error} />
      <button type="submit" disabled={!chosen || resolve.isPending}>
        Resolve conflicts
      </button>
    </form>
  );
}

function ConflictChoice(props: {
  field: string;
  hub: string | null;
  external: string | null;
  integration: string;
  choice: Choice | undefined;
  onChoose: (choice: Choice) => void;
}) {
  const name = `choice-${props.field}`;
  const typed = props.choice?.take === "value" ? (props.choice.value ?? "") : "";
  return (
    <fieldset className="choices">
      <legend className="visually-hidden">What to keep for {fieldLabel(props.field)}</legend>
      <label>
        <input
          type="radio"
          name={name}
          checked={props.choice?.take === "hub"}
          onChange={() => props.onChoose({ take: "hub" })}
        />
        Tandem's
      </label>
      <label>
        <input
          type="radio"
          name={name}
          checked={props.choice?.take === "external"}
          onChange={() => props.onChoose({ take: "external" })}
        />
        {props.integration}'s
      </label>
      <label>
        <input
          type="radio"
          name={name}
          checked={props.choice?.take === "value"}
          onChange={() => props.onChoose({ take: "value", value: typed })}
        />
        Another value
      </label>
      {props.choice?.take === "value" && (
        <label>
          Value for {fieldLabel(props.field)}
          <input
            value={typed}
            onChange={(e) => props.onChoose({ take: "value", value: e.target.value })}
          />
        </label>
      )}
    </fieldset>
  );
}
