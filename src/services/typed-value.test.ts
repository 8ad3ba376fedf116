import { describe, expect, it } from "vitest";
import { resolutionSchema } from "./conflicts.ts";

const resolving = (field: string, value: string) =>
  resolutionSchema.safeParse({ integrationId: 1, fields: { [field]: { take: "value", value } } });
const problem = (field: string, value: string) => {
  const result = resolving(field, value);
  return result.success
    ? undefined
    : `${result.error.issues[0]!.path.join(".")}: ${result.error.issues[0]!.message}`;
};

describe("R11.3 (F12): a value typed to resolve a conflict", () => {
  it("R11.3: is checked as an edit or a contact operation checks the same field", () => {
    expect(problem("lastName", "x".repeat(201))).toMatch(/^fields\.lastName\.value: .*200/);
    expect(problem("acquisition", "x".repeat(201))).toMatch(/^fields\.acquisition\.value:/);
    expect(problem("contact.email.ada@x.io", "not an email")).toMatch(
      /^fields\.contact\.email\.ada@x\.io\.value: 'not an email' is not an email address/,
    );
    expect(problem("contact.phone.+12125550101", "12-34")).toMatch(/is not a phone number/);
    expect(problem("contact.address.1 main st", "x".repeat(501))).toMatch(/500/);
    expect(problem("pref.Ring size", "x".repeat(2001))).toMatch(/^fields\.pref\.Ring size\.value:/);
  });

  it("R11.3: a value an edit takes passes, and so does an emptied one (it removes the value)", () => {
    expect(problem("lastName", "x".repeat(200))).toBeUndefined();
    expect(problem("contact.email.ada@x.io", "ada@y.io")).toBeUndefined();
    expect(problem("contact.phone.+12125550101", "+1 212 555 0199")).toBeUndefined();
    expect(problem("note.n_1", "  ")).toBeUndefined();
    expect(problem("lastName", "")).toBeUndefined();
  });
});
