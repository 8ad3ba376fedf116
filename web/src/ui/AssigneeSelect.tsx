import { useStoreUsers } from "./store-users";

/** A1: "Unassigned" or one of the store's active users; the value is the user's id, "" for none. */
export function AssigneeSelect(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const users = useStoreUsers().filter((u) => u.active);
  return (
    <label>
      {props.label}
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">Unassigned</option>
        {users.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name} ({u.role})
          </option>
        ))}
      </select>
    </label>
  );
}
