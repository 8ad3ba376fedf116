import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { api, ok } from "../api/client";
import { useSession, type User } from "../app/session";
import { ErrorText } from "../ui/ErrorText";
import { ScrollBox } from "../ui/ScrollBox";

type Role = User["role"];
const roleWords: Record<Role, string> = {
  admin: "Admin",
  manager: "Manager",
  associate: "Associate",
};

/**
 * People (issue 10, A3, F9): the store's users, their roles and POS associate numbers. Admins add,
 * invite, change and deactivate; managers see. An invitation's link is shown once, to be given to
 * the person (Tandem sends no email).
 */
export function PeopleScreen() {
  const session = useSession();
  const queries = useQueryClient();
  const users = useQuery({
    queryKey: ["users"],
    queryFn: () => ok(api.GET("/v1/users")).then((r) => r.users),
  });
  const pos = useQuery({
    queryKey: ["integrations"],
    queryFn: () => ok(api.GET("/v1/integrations")).then((r) => r.integrations),
    enabled: session.can("listIntegrations"),
  });
  const posIntegrations = (pos.data ?? []).filter((i) => i.kind === "pos");
  const [invitation, setInvitation] = useState<{ name: string; link: string }>();
  const refresh = () => void queries.invalidateQueries({ queryKey: ["users"] });
  // a change to one user's row; its refusal is shown in that row, next to the control
  const change = useMutation({
    mutationFn: (c: { userId: number; where: "role" | "state"; action: () => Promise<unknown> }) =>
      c.action(),
    onSuccess: refresh,
  });
  const refusal = (userId: number, where: "role" | "state") =>
    change.variables?.userId === userId && change.variables.where === where ? change.error : null;
  const invite = useMutation({
    mutationFn: (user: User) =>
      ok(api.POST("/v1/users/{id}/invitation", { params: { path: { id: user.id } } })),
    onSuccess: (r) =>
      setInvitation({
        name: r.user.name,
        link: `${window.location.origin}/welcome#${r.invitation.token}`,
      }),
  });
  const admin = session.can("changeUserRole");
  return (
    <section aria-labelledby="people-title">
      <h1 id="people-title">People</h1>
      <ErrorText error={users.error ?? invite.error} />
      {invitation && (
        <div className="notice" role="status">
          <p>
            Give {invitation.name} this link to set their password (it works once, for 7 days, and
            is not shown again):
          </p>
          <p>
            <code className="invitation-link">{invitation.link}</code>
          </p>
        </div>
      )}
      <ScrollBox label="Users">
        <table className="stack">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              {posIntegrations.map((i) => (
                <th scope="col" key={i.id}>
                  Associate number at {i.name}
                </th>
              ))}
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {(users.data ?? []).map((u) => (
              <tr key={u.id}>
                <td data-label="Name">{u.name}</td>
                <td data-label="Email">{u.email}</td>
                <td data-label="Role">
                  {admin ? (
                    <select
                      aria-label={`Role of ${u.name}`}
                      value={u.role}
                      onChange={(e) => {
                        // read now: the select shows the stored role again before the call runs
                        const role = e.target.value as Role;
                        change.mutate({
                          userId: u.id,
                          where: "role",
                          action: () =>
                            ok(
                              api.PATCH("/v1/users/{id}", {
                                params: { path: { id: u.id } },
                                body: { role },
                              }),
                            ),
                        });
                      }}
                    >
                      {(Object.keys(roleWords) as Role[]).map((r) => (
                        <option key={r} value={r}>
                          {roleWords[r]}
                        </option>
                      ))}
                    </select>
                  ) : (
                    roleWords[u.role]
                  )}
                  <ErrorText error={refusal(u.id, "role")} />
                </td>
                {posIntegrations.map((i) => (
                  <td key={i.id} data-label={`Associate number at ${i.name}`}>
                    <AssociateNumber integrationId={i.id} user={u} editable={admin} />
                  </td>
                ))}
                <td data-label="State">
                  {u.active ? "Active" : "Deactivated"}
                  {admin && (
                    <span className="row-actions">
                      {u.active && (
                        <button
                          type="button"
                          className="link"
                          onClick={() => invite.mutate(u)}
                          aria-label={`Invite ${u.name}`}
                        >
                          Invite
                        </button>
                      )}
                      <button
                        type="button"
                        className="link"
                        aria-label={`${u.active ? "Deactivate" : "Activate"} ${u.name}`}
                        onClick={() =>
                          change.mutate({
                            userId: u.id,
                            where: "state",
                            action: () =>
                              ok(
                                u.active
                                  ? api.POST("/v1/users/{id}/deactivate", {
                                      params: { path: { id: u.id } },
                                    })
                                  : api.POST("/v1/users/{id}/activate", {
                                      params: { path: { id: u.id } },
                                    }),
                              ),
                          })
                        }
                      >
                        {u.active ? "Deactivate" : "Activate"}
                      </button>
                    </span>
                  )}
                  <ErrorText error={refusal(u.id, "state")} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      {session.can("createUser") && <AddUser onAdded={refresh} />}
    </section>
  );
}

function AssociateNumber(props: { integrationId: number; user: User; editable: boolean }) {
  const queries = useQueryClient();
  const mappings = useQuery({
    queryKey: ["associates", props.integrationId],
    queryFn: () =>
      ok(
        api.GET("/v1/integrations/{id}/associates", {
          params: { path: { id: props.integrationId } },
        }),
      ).then((r) => r.associates),
  });
  const current = mappings.data?.find((m) => m.userId === props.user.id)?.associateNumber ?? "";
  const [typed, setTyped] = useState<string>();
  const save = useMutation({
    mutationFn: (associateNumber: string | null) =>
      ok(
        api.PUT("/v1/integrations/{id}/associates/{userId}", {
          params: { path: { id: props.integrationId, userId: props.user.id } },
          body: { associateNumber },
        }),
      ),
    onSuccess: (r) => {
      queries.setQueryData(["associates", props.integrationId], r.associates);
      setTyped(undefined);
    },
  });
  if (!props.editable) return <>{current || "—"}</>;
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate((typed ?? current).trim() || null);
      }}
    >
      <input
        aria-label={`Associate number of ${props.user.name}`}
        value={typed ?? current}
        onChange={(e) => setTyped(e.target.value)}
        size={6}
      />
      {typed !== undefined && typed !== current && (
        <button type="submit" disabled={save.isPending}>
          Save
        </button>
      )}
      <ErrorText error={save.error} />
    </form>
  );
}

function AddUser({ onAdded }: { onAdded: () => void }) {
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("associate");
  const add = useMutation({
    mutationFn: () => ok(api.POST("/v1/users", { body: { name, email, role } })),
    onSuccess: () => {
      setName("");
      setEmail("");
      onAdded();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <form onSubmit={submit} aria-labelledby="add-user-title">
      <h2 id="add-user-title">Add a person</h2>
      <div className="inline-form">
        <label>
          Name
          <input value={name} onChange={(e) => setName(e.target.value)} required />
        </label>
        <label>
          Email
          <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} required />
        </label>
        <label>
          Role
          <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {(Object.keys(roleWords) as Role[]).map((r) => (
              <option key={r} value={r}>
                {roleWords[r]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={add.isPending}>
          Add
        </button>
      </div>
      <ErrorText error={add.error} />
      {add.data && <p role="status">{add.data.user.name} was added. Invite them to sign in.</p>}
    </form>
  );
}
