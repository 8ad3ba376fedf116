import { useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, useContext, type ReactNode } from "react";
import { api, ApiError, ok } from "../api/client";
import type { components } from "../api/hub-api";
import { operationRoles } from "../api/operation-roles";
import { SignInScreen } from "../screens/SignInScreen";

export type User = components["schemas"]["User"];
export type Operation = keyof typeof operationRoles;

interface Session {
  user: User;
  /** whether the API lets this user's role call the operation: what it forbids is not offered */
  can(operation: Operation): boolean;
  signOut(): Promise<void>;
}

const SessionContext = createContext<Session | undefined>(undefined);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside SessionGate");
  return session;
}

/** Shows the sign-in until the session cookie belongs to an active user, then the console. */
export function SessionGate({ children }: { children: ReactNode }) {
  const queries = useQueryClient();
  const me = useQuery({
    queryKey: ["me"],
    queryFn: () => ok(api.GET("/v1/me")),
    retry: (count, error) => !(error instanceof ApiError && error.status === 401) && count < 2,
    staleTime: 60_000,
  });
  if (me.isPending)
    return (
      <p className="page-status" role="status">
        Opening Tandem…
      </p>
    );
  if (me.error instanceof ApiError && me.error.status === 401)
    return <SignInScreen onSignedIn={(user) => queries.setQueryData(["me"], user)} />;
  if (me.error)
    return (
      <p className="page-status" role="alert">
        Tandem did not answer. Reload the page to try again.
      </p>
    );
  const user = me.data;
  const session: Session = {
    user,
    can: (operation) => (operationRoles[operation] as readonly string[]).includes(user.role),
    async signOut() {
      await api.DELETE("/v1/sessions/current");
      // a fresh page: nothing the user saw stays in memory for the next one at this device
      window.location.assign("/");
    },
  };
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
