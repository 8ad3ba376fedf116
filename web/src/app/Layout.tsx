import { NavLink, Outlet } from "react-router";
import { useLiveChanges } from "./live-changes";
import { useSession, type Operation } from "./session";

/** The screens, each offered only to the roles whose API calls it needs. */
const screens: Array<{ to: string; label: string; needs: Operation }> = [
  { to: "/customers", label: "Customers", needs: "listCustomers" },
  { to: "/sales", label: "Sales", needs: "listTasks" },
  { to: "/activity", label: "Activity", needs: "listPartnerRuns" },
  { to: "/integrations", label: "Integrations", needs: "listIntegrations" },
  { to: "/files", label: "Import and export", needs: "importHubFile" },
  { to: "/people", label: "People", needs: "listUsers" },
];

export function Layout() {
  const session = useSession();
  useLiveChanges();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="top-bar">
        <span className="brand">Tandem</span>
        <nav aria-label="Main">
          <ul>
            {screens
              .filter((s) => session.can(s.needs))
              .map((s) => (
                <li key={s.to}>
                  <NavLink to={s.to}>{s.label}</NavLink>
                </li>
              ))}
          </ul>
        </nav>
        <span className="who">
          <span>
            {session.user.name} <small>({session.user.role})</small>
          </span>
          <button type="button" className="link" onClick={() => void session.signOut()}>
            Sign out
          </button>
        </span>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
