import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { api, ok } from "../api/client";
import { useSession } from "../app/session";
import { nameOf } from "../ui/customer-names";
import { ErrorText } from "../ui/ErrorText";
import { AssignmentSection } from "./customer/AssignmentSection";
import { CollectionsSection } from "./customer/CollectionsSection";
import { ContactsSection } from "./customer/ContactsSection";
import { DetailsSection, NotesSection, PreferencesSection } from "./customer/DetailsSection";
import { HistorySection } from "./customer/HistorySection";
import { PartnersSection } from "./customer/PartnersSection";
import { PurchasesSection } from "./customer/PurchasesSection";

/**
 * One customer: details, contact methods, preferences, notes, the wish list, the assigned
 * associate, the partner in each integration (compare, conflicts, finding or creating one), the
 * purchases and the history. A7: an associate changes only their
 * own and Unassigned customers, so for the rest the profile is shown without its edit controls.
 */
export function CustomerScreen() {
  const id = Number(useParams().id);
  const { user } = useSession();
  const valid = Number.isInteger(id) && id > 0;
  const customer = useQuery({
    queryKey: ["customer", id],
    queryFn: () => ok(api.GET("/v1/customers/{id}", { params: { path: { id } } })),
    enabled: valid,
  });
  if (!valid) return <p role="alert">There is no such customer.</p>;
  if (customer.error) return <ErrorText error={customer.error} />;
  if (!customer.data)
    return (
      <p className="page-status" role="status">
        Loading the customer…
      </p>
    );
  const c = customer.data;
  const editable =
    user.role !== "associate" || c.assignedUserId === null || c.assignedUserId === user.id;
  return (
    <article aria-labelledby="customer-title" className="profile">
      <p>
        <Link to="/customers">All customers</Link>
      </p>
      <h1 id="customer-title">{nameOf(c)}</h1>
      <p className="muted">Customer {c.customerNumber}</p>
      {!editable && (
        <p className="notice">
          Another associate looks after this customer: you can see it, and only they, a manager or
          an admin can change it.
        </p>
      )}
      <div className="profile-grid">
        <div>
          <DetailsSection customer={c} editable={editable} />
          <ContactsSection customer={c} editable={editable} />
          <PreferencesSection customer={c} editable={editable} />
          <NotesSection customer={c} editable={editable} />
          <CollectionsSection customer={c} editable={editable} />
        </div>
        <div>
          <AssignmentSection customer={c} />
          <PartnersSection customer={c} editable={editable} />
        </div>
      </div>
      <PurchasesSection customer={c} editable={editable} />
      <HistorySection customerId={c.id} />
    </article>
  );
}
