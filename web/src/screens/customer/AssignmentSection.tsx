import { useState, type FormEvent } from "react";
import { api, ok } from "../../api/client";
import { useSession } from "../../app/session";
import type { Customer } from "../../ui/customer-names";
import { ErrorText } from "../../ui/ErrorText";
import { AssigneeSelect } from "../../ui/AssigneeSelect";
import { useUserName } from "../../ui/store-users";
import { useCustomerAction } from "./customer-action";

/**
 * A7, A8: the assigned associate, set here. A manager or admin picks a name or "Unassigned" and
 * saves; an associate can take an Unassigned customer or give back their own.
 */
export function AssignmentSection({ customer }: { customer: Customer }) {
  const { user } = useSession();
  const nameOf = useUserName();
  const assign = useCustomerAction(customer.id, (userId: number | null) =>
    ok(
      api.PUT("/v1/customers/{id}/assignment", {
        params: { path: { id: customer.id } },
        body: { userId },
      }),
    ),
  );
  const current = customer.assignedUserId;
  return (
    <section aria-labelledby="assignment-title">
      <h2 id="assignment-title">Assigned associate</h2>
      <p>{current === null ? "Unassigned" : nameOf(current)}</p>
      {user.role === "associate" ? (
        current === null ? (
          <button type="button" onClick={() => assign.mutate(user.id)} disabled={assign.isPending}>
            Assign to me
          </button>
        ) : current === user.id ? (
          <button type="button" onClick={() => assign.mutate(null)} disabled={assign.isPending}>
            Unassign me
          </button>
        ) : (
          <p className="muted">
            Only a manager or an admin can change another associate's customer.
          </p>
        )
      ) : (
        <PickAssignee
          current={current}
          onSave={(id) => assign.mutate(id)}
          pending={assign.isPending}
        />
      )}
      <ErrorText error={assign.error} />
    </section>
  );
}

function PickAssignee(props: {
  current: number | null;
  onSave: (userId: number | null) => void;
  pending: boolean;
}) {
  const [picked, setPicked] = useState(props.current === null ? "" : String(props.current));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onSave(picked === "" ? null : Number(picked));
  };
  return (
    <form onSubmit={submit} className="inline-form">
      <AssigneeSelect label="Assign to" value={picked} onChange={setPicked} />
      <button
        type="submit"
        disabled={props.pending || picked === (props.current === null ? "" : String(props.current))}
      >
        Save assignment
      </button>
    </form>
  );
}
