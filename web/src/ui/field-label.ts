const named: Record<string, string> = {
  firstName: "First name",
  lastName: "Last name",
  acquisition: "Came in through",
  lifecycle: "Stage",
  assignedUserId: "Assigned associate",
  customerNumber: "Customer number",
};
const kinds: Record<string, string> = { email: "Email", phone: "Phone", address: "Address" };

/**
 * A field path of the hub (firstName, pref.Ring size, contact.email.<value>, note.3) as a store
 * owner reads it.
 */
export function fieldLabel(path: string): string {
  if (named[path]) return named[path];
  const [head, ...rest] = path.split(".");
  if (head === "pref") return `Preference: ${rest.join(".")}`;
  if (head === "contact" || head === "contacts") return kinds[rest[0] ?? ""] ?? "Contact method";
  if (head === "note" || head === "notes") return "Note";
  if (head === "wish" || head === "collection") return "Wish list";
  return path;
}
