import { useState, type FormEvent } from "react";
import { api, ok } from "../../api/client";
import type { Customer } from "../../ui/customer-names";
import { ErrorText } from "../../ui/ErrorText";
import { useCustomerAction } from "./customer-action";

type Sync = Customer["sync"][number];
type NumberChoice = "keep" | "next" | "typed";

/**
 * S5: have the customer created in the other system, with the number it gets there: the
 * customer's own, the system's next free one, or one typed (a number in use is refused, and the
 * refusal is shown next to it). The create is queued; the status above shows when it is done.
 */
export function CreatePartner(props: { customer: Customer; sync: Sync; onDone: () => void }) {
  const { customer, sync } = props;
  const [choice, setChoice] = useState<NumberChoice>("keep");
  const [number, setNumber] = useState("");
  const create = useCustomerAction(
    customer.id,
    () =>
      ok(
        api.POST("/v1/customers/{id}/partner-creation", {
          params: { path: { id: customer.id } },
          body: {
            integrationId: sync.integrationId,
            numberChoice: choice,
            ...(choice === "typed" ? { number: number.trim() } : {}),
          },
        }),
      ),
    props.onDone,
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(undefined);
  };
  const option = (value: NumberChoice, words: string) => (
    <label>
      <input
        type="radio"
        name={`number-${sync.integrationId}`}
        checked={choice === value}
        onChange={() => setChoice(value)}
      />
      {words}
    </label>
  );
  return (
    <form onSubmit={submit} aria-label={`Create in ${sync.integrationName}`}>
      <fieldset className="choices">
        <legend>The number in {sync.integrationName}</legend>
        {option("keep", `Keep ${customer.customerNumber}`)}
        {option("next", `${sync.integrationName}'s next free number`)}
        {option("typed", "This number:")}
        {choice === "typed" && (
          <label>
            Number in {sync.integrationName}
            <input value={number} onChange={(e) => setNumber(e.target.value)} required />
          </label>
        )}
      </fieldset>
      <ErrorText error={create.error} />
      <button type="submit" disabled={create.isPending}>
        Create in {sync.integrationName}
      </button>
    </form>
  );
}
