import { cloneElement, useState, type FormEvent, type ReactElement } from "react";
import { ApiError } from "../../api/client";
import { ErrorText } from "../../ui/ErrorText";

/** A trigger's fields as the API takes them (T4). */
export interface TriggerFields {
  name: string;
  daysAfter: number;
  category: string | null;
  minAmount: string | null;
}

const fieldNames = ["name", "daysAfter", "category", "minAmount"] as const;

/**
 * A sales trigger's fields: its name (the follow-up's title), the days after the sale, and the
 * optional category and minimum total. The hub checks them (a browser's own number checks are
 * off, so that every refusal is the hub's, shown next to its field).
 */
export function TriggerForm(props: {
  id: string;
  initial?: TriggerFields;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (fields: TriggerFields) => void;
  onCancel?: () => void;
}) {
  const init = props.initial;
  const [name, setName] = useState(init?.name ?? "");
  const [days, setDays] = useState(init ? String(init.daysAfter) : "");
  const [category, setCategory] = useState(init?.category ?? "");
  const [minAmount, setMinAmount] = useState(init?.minAmount ?? "");
  const refused = props.error instanceof ApiError ? props.error.field : undefined;
  const at = (field: (typeof fieldNames)[number]) => (refused === field ? props.error : undefined);
  const elsewhere = fieldNames.some((f) => f === refused) ? undefined : props.error;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onSubmit({
      name: name.trim(),
      // an empty box goes as null (JSON has no NaN), for the hub to say what it needs
      daysAfter: days.trim() === "" ? NaN : Number(days),
      category: category.trim() || null,
      minAmount: minAmount.trim() || null,
    });
  };
  const field = (name: (typeof fieldNames)[number]) => ({
    error: at(name),
    errorId: `${props.id}-${name}-error`,
  });
  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${props.id}-title`}>
      <div className="inline-form">
        <Field label="Name (the follow-up task's title)" {...field("name")}>
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label="Days after the sale" {...field("daysAfter")}>
          <input
            type="number"
            inputMode="numeric"
            value={days}
            onChange={(e) => setDays(e.target.value)}
          />
        </Field>
        <Field label="Only sales with a line of category (optional)" {...field("category")}>
          <input value={category} onChange={(e) => setCategory(e.target.value)} />
        </Field>
        <Field label="Only sales of at least (optional)" {...field("minAmount")}>
          <input
            inputMode="decimal"
            value={minAmount}
            onChange={(e) => setMinAmount(e.target.value)}
          />
        </Field>
      </div>
      <ErrorText error={elsewhere} />
      <button type="submit" disabled={props.pending}>
        {props.submitLabel}
      </button>
      {props.onCancel && (
        <>
          {" "}
          <button type="button" className="link" onClick={props.onCancel}>
            Cancel
          </button>
        </>
      )}
    </form>
  );
}

/** A labelled box, with the hub's refusal of it right below it, tied to it for screen readers. */
function Field(props: {
  label: string;
  error: unknown;
  errorId: string;
  children: ReactElement<{ "aria-invalid"?: boolean; "aria-describedby"?: string }>;
}) {
  const input = cloneElement(props.children, {
    "aria-invalid": Boolean(props.error),
    "aria-describedby": props.error ? props.errorId : undefined,
  });
  return (
    <div className="field">
      <label>
        {props.label}
        {input}
      </label>
      <ErrorText error={props.error} id={props.errorId} />
    </div>
  );
}
