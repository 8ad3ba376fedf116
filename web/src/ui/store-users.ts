import { useQuery } from "@tanstack/react-query";
import { api, ok } from "../api/client";
import { useSession } from "../app/session";

/** The store's users, for those whose role may list them (managers, admins); [] for the rest. */
export function useStoreUsers() {
  const session = useSession();
  const allowed = session.can("listUsers");
  const users = useQuery({
    queryKey: ["users"],
    queryFn: () => ok(api.GET("/v1/users")).then((r) => r.users),
    enabled: allowed,
    staleTime: 60_000,
  });
  return users.data ?? [];
}

/** "user:12" (an audit entry's actor) or a user id as a name where the user can be named. */
export function useUserName() {
  const users = useStoreUsers();
  const { user: me } = useSession();
  return (actorOrId: string | number | null): string => {
    if (actorOrId === null) return "Unassigned";
    const id =
      typeof actorOrId === "number" ? actorOrId : Number(/^user:(\d+)$/.exec(actorOrId)?.[1]);
    if (!Number.isInteger(id) || id <= 0) {
      if (typeof actorOrId === "string" && actorOrId.startsWith("connector:"))
        return `the ${actorOrId.slice("connector:".length).toUpperCase()} integration`;
      return actorOrId === "system" ? "Tandem (a rule)" : String(actorOrId);
    }
    if (id === me.id) return `${me.name} (you)`;
    return users.find((u) => u.id === id)?.name ?? `user ${id}`;
  };
}
