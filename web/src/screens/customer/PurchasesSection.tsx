import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { api, ok } from "../../api/client";
import type { Customer } from "../../ui/customer-names";
import { ErrorText } from "../../ui/ErrorText";
import { formatMoney } from "../../ui/store-settings";
import { ScrollBox } from "../../ui/ScrollBox";
import { useUserName } from "../../ui/store-users";

/**
 * F6: what the customer bought, newest first, from the POS and entered in the hub; T4: a sale made
 * outside the POS is entered here and processed at once.
 */
export function PurchasesSection({
  customer,
  editable,
}: {
  customer: Customer;
  editable: boolean;
}) {
  const userName = useUserName();
  const purchases = useQuery({
    queryKey: ["customer", customer.id, "purchases"],
    queryFn: () =>
      ok(api.GET("/v1/customers/{id}/purchases", { params: { path: { id: customer.id } } })).then(
        (r) => [...r.purchases].reverse(),
      ),
  });
  const list = purchases.data ?? [];
  return (
    <section aria-labelledby="purchases-title">
      <h2 id="purchases-title">Purchases</h2>
      <ErrorText error={purchases.error} />
      {purchases.data && list.length === 0 && <p className="empty">No purchases yet.</p>}
      {list.length > 0 && (
        <ScrollBox label="Purchases">
          <table>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">What</th>
                <th scope="col">Total</th>
                <th scope="col">Sold by</th>
              </tr>
            </thead>
            <tbody>
              {list.map((p) => (
                <tr key={p.id}>
                  <td>{new Date(p.occurredAt).toLocaleDateString()}</td>
                  <td>
                    {p.lines
                      .map((l) => (Number(l.quantity) === 1 ? l.name : `${l.quantity} × ${l.name}`))
                      .join(", ")}
                  </td>
                  <td className="number">{formatMoney(p.total, p.currency)}</td>
                  <td>
                    {p.soldBy !== null
                      ? userName(p.soldBy)
                      : p.associateNumber
                        ? `Associate ${p.associateNumber}`
                        : "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
      {editable && <EnterSale customerId={customer.id} />}
    </section>
  );
}

function EnterSale({ customerId }: { customerId: number }) {
  const queries = useQueryClient();
  const [description, setDescription] = useState("");
  const [amount, setAmount] = useState("");
  const enter = useMutation({
    mutationFn: () =>
      ok(
        api.POST("/v1/customers/{id}/purchases", {
          params: { path: { id: customerId } },
          body: { lines: [{ description: description.trim(), amount: Number(amount) }] },
        }),
      ),
    onSuccess: () => {
      setDescription("");
      setAmount("");
      void queries.invalidateQueries({ queryKey: ["customer", customerId], exact: false });
      void queries.invalidateQueries({ queryKey: ["sales"] });
      void queries.invalidateQueries({ queryKey: ["tasks"] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    enter.mutate();
  };
  return (
    <form onSubmit={submit} aria-label="Enter a sale">
      <h3>Enter a sale made outside the POS</h3>
      <div className="inline-form">
        <label>
          Item
          <input value={description} onChange={(e) => setDescription(e.target.value)} required />
        </label>
        <label>
          Amount
          <input
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            inputMode="decimal"
            required
          />
        </label>
        <button type="submit" disabled={enter.isPending}>
          Enter sale
        </button>
      </div>
      <ErrorText error={enter.error} />
    </form>
  );
}
