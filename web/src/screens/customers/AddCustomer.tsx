import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { api, ok } from "../../api/client";
import { ErrorText } from "../../ui/ErrorText";

/**
 * A new customer (a walk-in, say): a name and what the person gives of an email and a phone. The
 * hub gives the number and assigns the customer to whoever adds it (A2); the profile opens.
 */
export function AddCustomer() {
  const [open, setOpen] = useState(false);
  const [firstName, setFirstName] = useState("");
  const [lastName, setLastName] = useState("");
  const [email, setEmail] = useState("");
  const [phone, setPhone] = useState("");
  const queries = useQueryClient();
  const navigate = useNavigate();
  const add = useMutation({
    mutationFn: () =>
      ok(
        api.POST("/v1/customers", {
          body: {
            firstName: firstName.trim() || null,
            lastName: lastName.trim() || null,
            contacts: [
              ...(email.trim() ? [{ kind: "email" as const, value: email.trim() }] : []),
              ...(phone.trim() ? [{ kind: "phone" as const, value: phone.trim() }] : []),
            ],
          },
        }),
      ),
    onSuccess: (customer) => {
      void queries.invalidateQueries({ queryKey: ["customers"] });
      void navigate(`/customers/${customer.id}`);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  if (!open)
    return (
      <p>
        <button type="button" onClick={() => setOpen(true)}>
          Add a customer
        </button>
      </p>
    );
  return (
    <form onSubmit={submit} aria-label="Add a customer" className="panel">
      <h2>Add a customer</h2>
      <div className="inline-form">
        <label>
          First name
          <input value={firstName} onChange={(e) => setFirstName(e.target.value)} />
        </label>
        <label>
          Last name
          <input value={lastName} onChange={(e) => setLastName(e.target.value)} />
        </label>
        <label>
          Email
          <input inputMode="email" value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>
          Phone
          <input inputMode="tel" value={phone} onChange={(e) => setPhone(e.target.value)} />
        </label>
      </div>
      <ErrorText error={add.error} />
      <p className="row-actions">
        <button type="submit" disabled={add.isPending || !(firstName.trim() || lastName.trim())}>
          Add
        </button>{" "}
        <button type="button" className="link" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </p>
    </form>
  );
}
