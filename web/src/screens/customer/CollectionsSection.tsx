import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { api, ok } from "../../api/client";
import type { Customer } from "../../ui/customer-names";
import { ErrorText } from "../../ui/ErrorText";
import { useCustomerAction } from "./customer-action";

/** F4's default name of the collection that is the POS wish list */
const defaultWishList = "Edge";

/**
 * F4: the customer's collections; the one named as an integration's wish list syncs with its POS.
 * A wish is a product of the store (a stock wish) or a description (a non-stock wish).
 */
export function CollectionsSection({
  customer,
  editable,
}: {
  customer: Customer;
  editable: boolean;
}) {
  const collections = useQuery({
    queryKey: ["customer", customer.id, "collections"],
    queryFn: () =>
      ok(api.GET("/v1/customers/{id}/collections", { params: { path: { id: customer.id } } })).then(
        (r) => r.collections,
      ),
  });
  const remove = useCustomerAction(customer.id, (item: { collection: string; id: number }) =>
    ok(
      api.DELETE("/v1/customers/{id}/collections/{name}/items/{itemId}", {
        params: { path: { id: customer.id, name: item.collection, itemId: item.id } },
      }),
    ),
  );
  const all = collections.data ?? [];
  // a collection whose last item was removed is still named (it is offered below), not shown
  const list = all.filter((c) => c.items.length > 0);
  return (
    <section aria-labelledby="collections-title">
      <h2 id="collections-title">Wish list and collections</h2>
      <ErrorText error={collections.error ?? remove.error} />
      {collections.data && list.length === 0 && <p className="empty">No wishes yet.</p>}
      {list.map((c) => (
        <div key={c.name}>
          <h3>{c.name}</h3>
          <ul className="plain-list">
            {c.items.map((item) => (
              <li key={item.id}>
                <span>{item.name}</span>
                {editable && (
                  <span className="row-actions">
                    <button
                      type="button"
                      className="link"
                      onClick={() => remove.mutate({ collection: c.name, id: item.id })}
                      disabled={remove.isPending}
                      aria-label={`Remove ${item.name} from ${c.name}`}
                    >
                      Remove
                    </button>
                  </span>
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
      {editable && <AddWish customer={customer} names={all.map((c) => c.name)} key={all.length} />}
    </section>
  );
}

function AddWish({ customer, names }: { customer: Customer; names: string[] }) {
  const [collection, setCollection] = useState(names[0] ?? defaultWishList);
  const [productId, setProductId] = useState("");
  const [description, setDescription] = useState("");
  const products = useQuery({
    queryKey: ["products", "on hand"],
    queryFn: () =>
      ok(api.GET("/v1/products", { params: { query: { archived: "false", limit: 500 } } })).then(
        (r) => r.products,
      ),
    staleTime: 60_000,
  });
  const add = useCustomerAction(
    customer.id,
    () =>
      ok(
        api.POST("/v1/customers/{id}/collections/{name}/items", {
          params: { path: { id: customer.id, name: collection.trim() } },
          body: productId ? { productId: Number(productId) } : { description: description.trim() },
        }),
      ),
    () => {
      setProductId("");
      setDescription("");
    },
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(undefined);
  };
  return (
    <form onSubmit={submit} aria-label="Add a wish">
      <h3>Add a wish</h3>
      <div className="inline-form">
        <label>
          Collection
          <input
            value={collection}
            onChange={(e) => setCollection(e.target.value)}
            list="collection-names"
            required
          />
        </label>
        <datalist id="collection-names">
          {names.map((n) => (
            <option key={n} value={n} />
          ))}
        </datalist>
        <label>
          Product
          <select value={productId} onChange={(e) => setProductId(e.target.value)}>
            <option value="">None: describe the wish</option>
            {(products.data ?? [])
              // the store's stock and its own products; a described wish is its customer's alone
              .filter((p) => p.origin === "inventory" || p.origin === "hub")
              .map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                  {p.sku ? ` (${p.sku})` : ""}
                </option>
              ))}
          </select>
        </label>
        {!productId && (
          <label>
            Wish
            <input
              value={description}
              onChange={(e) => setDescription(e.target.value)}
              required
              placeholder="e.g. a gold chain, 45 cm"
            />
          </label>
        )}
        <button type="submit" disabled={add.isPending}>
          Add
        </button>
      </div>
      <ErrorText error={products.error ?? add.error} />
    </form>
  );
}
