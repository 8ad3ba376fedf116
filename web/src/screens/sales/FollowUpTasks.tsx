import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { api, ok } from "../../api/client";
import type { components } from "../../api/hub-api";
import { useSession } from "../../app/session";
import { ErrorText } from "../../ui/ErrorText";
import { ScrollBox } from "../../ui/ScrollBox";
import { useStore } from "../../ui/store-settings";
import { useStoreUsers, useUserName } from "../../ui/store-users";
import { dayIn } from "./store-days";

type Task = components["schemas"]["FollowUpTask"];

/** The open tasks of one list ("me", "queue", a user id, or all): the first 500. */
function useOpenTasks(assignedTo: string | undefined) {
  return useQuery({
    queryKey: ["tasks", "open", assignedTo ?? "all"],
    queryFn: () =>
      ok(
        api.GET("/v1/tasks", {
          params: { query: { state: "open", limit: 500, ...(assignedTo ? { assignedTo } : {}) } },
        }),
      ).then((r) => r.tasks),
    // the triggers fire on the hub's clock: a task may come due while the screen is open
    refetchInterval: 60_000,
    placeholderData: keepPreviousData,
  });
}

/** Whether a task is due by the end of today, the store's day (its time zone, not the device's). */
function dueToday(task: Task, timeZone: string | undefined): boolean {
  return dayIn(timeZone, new Date(task.dueAt)) <= dayIn(timeZone);
}

/**
 * T4: the follow-ups the sales triggers made. An associate sees "My tasks today" (their open
 * tasks due today or before) and the store's queue; managers and admins see every open task, by
 * assignee. Each is closed as done or dismissed.
 */
export function FollowUpTasks() {
  const session = useSession();
  return session.can("listUsers") ? <AllTasks /> : <MyTasksToday />;
}

function MyTasksToday() {
  const mine = useOpenTasks("me");
  const queue = useOpenTasks("queue");
  const timeZone = useStore().data?.timeZone;
  const today = (mine.data ?? []).filter((t) => dueToday(t, timeZone));
  const later = (mine.data?.length ?? 0) - today.length;
  const queueToday = (queue.data ?? []).filter((t) => dueToday(t, timeZone));
  return (
    <>
      <section aria-labelledby="my-tasks-title">
        <h2 id="my-tasks-title">My tasks today</h2>
        <TaskTable
          label="My tasks today"
          tasks={mine.data && today}
          error={mine.error}
          empty="Nothing to follow up today."
          showAssignee={false}
        />
        {later > 0 && (
          <p className="muted">
            {later === 1 ? "1 more task is" : `${later} more tasks are`} due on a later day.
          </p>
        )}
      </section>
      <section aria-labelledby="queue-tasks-title">
        <h2 id="queue-tasks-title">The store&apos;s queue today</h2>
        <p className="muted">Follow-ups of customers with no associate: anyone may take one.</p>
        <TaskTable
          label="The store's queue today"
          tasks={queue.data && queueToday}
          error={queue.error}
          empty="The queue is empty."
          showAssignee={false}
        />
      </section>
    </>
  );
}

function AllTasks() {
  const users = useStoreUsers();
  const [assignedTo, setAssignedTo] = useState("");
  const tasks = useOpenTasks(assignedTo || undefined);
  return (
    <section aria-labelledby="tasks-title">
      <h2 id="tasks-title">Follow-up tasks</h2>
      <label>
        Assigned to
        <select value={assignedTo} onChange={(e) => setAssignedTo(e.target.value)}>
          <option value="">Everyone</option>
          <option value="me">Me</option>
          <option value="queue">The store&apos;s queue (no associate)</option>
          {users.map((u) => (
            <option key={u.id} value={String(u.id)}>
              {u.name} ({u.role})
            </option>
          ))}
        </select>
      </label>
      <TaskTable
        label="Open follow-up tasks"
        tasks={tasks.data}
        error={tasks.error}
        empty="No open follow-up tasks."
        showAssignee
      />
    </section>
  );
}

function TaskTable(props: {
  label: string;
  tasks: Task[] | undefined;
  error: unknown;
  empty: string;
  showAssignee: boolean;
}) {
  const queries = useQueryClient();
  const userName = useUserName();
  const close = useMutation({
    mutationFn: ({ id, state }: { id: number; state: "done" | "dismissed" }) =>
      ok(api.PATCH("/v1/tasks/{id}", { params: { path: { id } }, body: { state } })),
    onSettled: () => void queries.invalidateQueries({ queryKey: ["tasks"] }),
  });
  const tasks = props.tasks ?? [];
  return (
    <>
      <ErrorText error={props.error ?? close.error} />
      <div className="short-table">
        <ScrollBox label={props.label} busy={!props.tasks && !props.error}>
          <table className="tasks stack">
            <thead>
              <tr>
                <th scope="col">Due</th>
                <th scope="col">Task</th>
                <th scope="col">Customer</th>
                {props.showAssignee && <th scope="col">Assigned to</th>}
                <th scope="col">
                  <span className="visually-hidden">Close</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tasks.map((t) => {
                const customer = t.clientName.trim() || `Customer ${t.clientId}`;
                const what = `${t.title} for ${customer}`;
                return (
                  <tr key={t.id}>
                    <td data-label="Due">{new Date(t.dueAt).toLocaleDateString()}</td>
                    <td data-label="Task">{t.title}</td>
                    <td data-label="Customer">
                      <Link to={`/customers/${t.clientId}`}>{customer}</Link>
                    </td>
                    {props.showAssignee && (
                      <td data-label="Assigned to">
                        {t.assignedUserId === null
                          ? "The store's queue"
                          : userName(t.assignedUserId)}
                      </td>
                    )}
                    <td className="task-actions">
                      <button
                        type="button"
                        disabled={close.isPending}
                        aria-label={`Done: ${what}`}
                        onClick={() => close.mutate({ id: t.id, state: "done" })}
                      >
                        Done
                      </button>{" "}
                      <button
                        type="button"
                        className="link"
                        disabled={close.isPending}
                        aria-label={`Dismiss: ${what}`}
                        onClick={() => close.mutate({ id: t.id, state: "dismissed" })}
                      >
                        Dismiss
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {props.tasks && tasks.length === 0 && <p className="empty">{props.empty}</p>}
        </ScrollBox>
      </div>
    </>
  );
}
