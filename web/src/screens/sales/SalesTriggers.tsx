import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, ok } from "../../api/client";
import type { components } from "../../api/hub-api";
import { ErrorText } from "../../ui/ErrorText";
import { ScrollBox } from "../../ui/ScrollBox";
import { formatMoney, useStore } from "../../ui/store-settings";
import { TriggerForm, type TriggerFields } from "./TriggerForm";

type Trigger = components["schemas"]["SalesTrigger"];
type TriggerPatch = Partial<TriggerFields & { active: boolean }>;

const daysWords = (n: number) =>
  n === 0 ? "When the sale is processed" : n === 1 ? "1 day after" : `${n} days after`;

/**
 * T4: the store's sales triggers: each makes a follow-up task N days after every processed sale
 * it matches. Added, changed (a change sends only the fields changed in its form, so an edit made
 * meanwhile to another field stays) and switched off or on.
 */
export function SalesTriggers() {
  const queries = useQueryClient();
  const currency = useStore().data?.currency;
  const triggers = useQuery({
    queryKey: ["sales-triggers"],
    queryFn: () => ok(api.GET("/v1/sales-triggers")).then((r) => r.triggers),
  });
  const [editing, setEditing] = useState<number>();
  const refresh = () => void queries.invalidateQueries({ queryKey: ["sales-triggers"] });
  const patch = ({ id, patch }: { id: number; patch: TriggerPatch }) =>
    ok(api.PATCH("/v1/sales-triggers/{id}", { params: { path: { id } }, body: patch }));
  // switching on or off, from the list (its refusal shown above the list)
  const toggle = useMutation({ mutationFn: patch, onSuccess: refresh });
  // a change made in a trigger's form (its refusal shown in the form)
  const change = useMutation({
    mutationFn: patch,
    onSuccess: () => {
      setEditing(undefined);
      refresh();
    },
  });
  const list = triggers.data ?? [];
  return (
    <section aria-labelledby="triggers-title">
      <h2 id="triggers-title">Sales triggers</h2>
      <p className="muted">
        Each makes a follow-up task for the customer&apos;s associate (or the store&apos;s queue)
        some days after every processed sale it matches.
      </p>
      <ErrorText error={triggers.error ?? toggle.error} />
      <div className="short-table">
        <ScrollBox label="Sales triggers" busy={triggers.isPending}>
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">When</th>
                <th scope="col">Only category</th>
                <th scope="col">Only from</th>
                <th scope="col">On</th>
                <th scope="col">
                  <span className="visually-hidden">Change</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((t) => (
                <tr key={t.id}>
                  <td>{t.name}</td>
                  <td>{daysWords(t.daysAfter)}</td>
                  <td>{t.category ?? "Any"}</td>
                  <td>{t.minAmount === null ? "Any total" : formatMoney(t.minAmount, currency)}</td>
                  <td>
                    <input
                      type="checkbox"
                      checked={t.active}
                      disabled={toggle.isPending}
                      aria-label={`${t.name} is on`}
                      onChange={(e) =>
                        toggle.mutate({ id: t.id, patch: { active: e.target.checked } })
                      }
                    />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="link"
                      aria-label={`Change ${t.name}`}
                      aria-expanded={editing === t.id}
                      onClick={() => {
                        change.reset();
                        setEditing(editing === t.id ? undefined : t.id);
                      }}
                    >
                      Change
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {triggers.data && list.length === 0 && <p className="empty">No sales triggers yet.</p>}
        </ScrollBox>
      </div>
      {list
        .filter((t) => t.id === editing)
        .map((t) => (
          <div className="panel" key={t.id}>
            <h3 id={`trigger-${t.id}-title`}>Change {t.name}</h3>
            <TriggerForm
              id={`trigger-${t.id}`}
              initial={t}
              submitLabel="Save trigger"
              pending={change.isPending}
              error={change.error}
              onCancel={() => setEditing(undefined)}
              onSubmit={(fields) => {
                const patch = changedFields(t, fields);
                if (Object.keys(patch).length === 0) setEditing(undefined);
                else change.mutate({ id: t.id, patch });
              }}
            />
          </div>
        ))}
      <AddTrigger onAdded={refresh} />
    </section>
  );
}

/** Only what the form changed: an edit made meanwhile to another field stays. */
function changedFields(trigger: Trigger, fields: TriggerFields): TriggerPatch {
  const patch: TriggerPatch = {};
  if (fields.name !== trigger.name) patch.name = fields.name;
  if (fields.daysAfter !== trigger.daysAfter) patch.daysAfter = fields.daysAfter;
  if (fields.category !== trigger.category) patch.category = fields.category;
  if (fields.minAmount !== trigger.minAmount) patch.minAmount = fields.minAmount;
  return patch;
}

function AddTrigger({ onAdded }: { onAdded: () => void }) {
  // a new form after each trigger added: its boxes start empty again
  const [round, setRound] = useState(0);
  const add = useMutation({
    mutationFn: (fields: TriggerFields) =>
      ok(
        api.POST("/v1/sales-triggers", {
          body: {
            name: fields.name,
            daysAfter: fields.daysAfter,
            ...(fields.category !== null ? { category: fields.category } : {}),
            ...(fields.minAmount !== null ? { minAmount: fields.minAmount } : {}),
          },
        }),
      ),
    onSuccess: () => {
      setRound((n) => n + 1);
      onAdded();
    },
  });
  return (
    <div className="panel">
      <h3 id="add-trigger-title">Add a sales trigger</h3>
      <TriggerForm
        key={round}
        id="add-trigger"
        submitLabel="Add trigger"
        pending={add.isPending}
        error={add.error}
        onSubmit={(fields) => add.mutate(fields)}
      />
      {add.data && add.isSuccess && <p role="status">{add.data.name} was added.</p>}
    </div>
  );
}
