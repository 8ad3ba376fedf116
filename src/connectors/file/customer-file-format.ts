import { z } from "zod";
import type { CanonicalCustomer, ContactMethod } from "../../domain/customer.ts";
import { badText } from "../../domain/storable-text.ts";
import { CustomerFileError, type FileProblem } from "./customer-file-error.ts";

/**
 * I3: the customer file's columns and one row's checks (docs/file-format.md). The readers
 * (read-customer-file.ts) turn CSV and XLSX into header names and cell texts; this file decides
 * what they mean. Messages name the row and column, never the value: they end up in logs.
 */

/** The hub's own caps on a customer (services/customer-schemas.ts, docs/reliability.md). */
export const fileCaps = {
  numberLength: 40,
  nameLength: 200,
  contactLength: 500,
  contacts: 50,
  preferences: 100,
  preferenceNameLength: 100,
  preferenceValueLength: 2000,
} as const;

/** The preference a birth date is kept in: the canonical customer has no birth-date field. */
export const birthDatePreference = "birthDate";

type Field =
  | "number"
  | "firstName"
  | "lastName"
  | "email"
  | "phone"
  | "address"
  | "street"
  | "postcode"
  | "town"
  | "country"
  | "birthDate"
  | "acquisition"
  | "custom";

export interface Column {
  /** the name as the header row wrote it (trimmed), for messages */
  name: string;
  field: Field;
  /** for `custom:<name>`: the preference's name */
  preference?: string;
}

/** The fixed columns, by their lower-case name. */
const fixed: Record<string, Field> = {
  customer_number: "number",
  first_name: "firstName",
  last_name: "lastName",
  street: "street",
  postcode: "postcode",
  town: "town",
  country: "country",
  birth_date: "birthDate",
  acquisition: "acquisition",
};
/** `email`, `email2`, `email3`, ...: not `email1` or `email02` (one name per column) */
const numbered = /^(email|phone|address)([2-9]|[1-9]\d+)?$/;
export const requiredColumns = ["customer_number", "first_name", "last_name", "email"] as const;

/** Every fixed column in the order the template and the export write them (the first of each list). */
export const templateColumns = [
  "customer_number",
  "first_name",
  "last_name",
  "email",
  "email2",
  "phone",
  "phone2",
  "street",
  "postcode",
  "town",
  "country",
  "address2",
  "birth_date",
  "acquisition",
] as const;

/** I3: the header row's columns, or a CustomerFileError naming each bad one (row 1). */
export function readHeader(names: readonly string[]): Column[] {
  const problems: FileProblem[] = [];
  const seen = new Map<string, number>();
  const columns: Column[] = names.map((raw, index) => {
    const name = raw.trim();
    const key = name.toLowerCase();
    const position = `column ${index + 1}`;
    if (name === "") {
      problems.push({ row: 1, column: position, message: "the header cell is empty" });
      return { name: position, field: "custom" };
    }
    const earlier = seen.get(key);
    if (earlier !== undefined)
      problems.push({
        row: 1,
        column: name,
        message: `named twice (columns ${earlier + 1} and ${index + 1})`,
      });
    seen.set(key, index);
    if (key.startsWith("custom:")) {
      const preference = name.slice("custom:".length).trim();
      if (preference === "" || preference.length > fileCaps.preferenceNameLength)
        problems.push({
          row: 1,
          column: name,
          message: `a custom column needs a name of 1 to ${fileCaps.preferenceNameLength} characters after 'custom:'`,
        });
      else if (preference === birthDatePreference)
        problems.push({
          row: 1,
          column: name,
          message: `the preference ${birthDatePreference} is the birth_date column`,
        });
      return { name, field: "custom", preference };
    }
    const field = fixed[key] ?? (numbered.exec(key)?.[1] as Field | undefined);
    if (field === undefined) {
      problems.push({
        row: 1,
        column: name,
        message:
          "not a column of the customer file (docs/file-format.md; custom fields are named 'custom:<name>')",
      });
      return { name, field: "custom" };
    }
    return { name, field };
  });
  for (const required of requiredColumns)
    if (!seen.has(required))
      problems.push({ row: 1, column: required, message: "required column missing" });
  if (problems.length > 0) throw new CustomerFileError("invalid_file", problems);
  return columns;
}

/** One customer row, checked: its number (null when empty) and the canonical customer. */
export interface FileCustomer {
  row: number;
  number: string | null;
  customer: CanonicalCustomer;
}

const email = z.email();
const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Takes off the single quote `tandem export` put in front of a value a spreadsheet would run
 * as a formula (write-customer-file.ts), so an export imports unchanged.
 */
export const unneutralise = (value: string) =>
  /^'[=+\-@\t\r\n]/.test(value) ? value.slice(1) : value;

/**
 * I3: checks one row and makes it a customer, or returns every problem of the row. `cells` are the
 * row's texts in header order (already known to be as many as the columns).
 */
export function readRow(
  columns: readonly Column[],
  cells: readonly string[],
  row: number,
): FileCustomer | FileProblem[] {
  const problems: FileProblem[] = [];
  const problem = (column: Column, message: string) =>
    problems.push({ row, column: column.name, message });
  let number: string | null = null;
  const names: { firstName: string | null; lastName: string | null } = {
    firstName: null,
    lastName: null,
  };
  let acquisition: string | null = null;
  const contacts: ContactMethod[] = [];
  const parts: Partial<Record<"street" | "postcode" | "town" | "country", string>> = {};
  const preferences: Record<string, string> = {};
  const tooLong = (column: Column, value: string, cap: number) => {
    if (value.length <= cap) return false;
    problem(column, `longer than ${cap} characters`);
    return true;
  };
  columns.forEach((column, i) => {
    const value = unneutralise((cells[i] ?? "").trim()).trim();
    if (value === "") return;
    const bad = badText(value);
    if (bad) return void problem(column, bad);
    switch (column.field) {
      case "number":
        if (!tooLong(column, value, fileCaps.numberLength)) number = value;
        return;
      case "firstName":
      case "lastName":
        if (!tooLong(column, value, fileCaps.nameLength)) names[column.field] = value;
        return;
      case "acquisition":
        if (!tooLong(column, value, fileCaps.nameLength)) acquisition = value;
        return;
      case "email":
        if (tooLong(column, value, fileCaps.contactLength)) return;
        if (!email.safeParse(value).success) return void problem(column, "not an email address");
        contacts.push({ kind: "email", value });
        return;
      case "phone":
        if (tooLong(column, value, fileCaps.contactLength)) return;
        if (value.replace(/\D/g, "").length < 5)
          return void problem(column, "not a phone number (fewer than 5 digits)");
        contacts.push({ kind: "phone", value });
        return;
      case "address":
        if (!tooLong(column, value, fileCaps.contactLength))
          contacts.push({ kind: "address", value });
        return;
      case "street":
      case "postcode":
      case "town":
      case "country":
        parts[column.field] = value;
        return;
      case "birthDate": {
        const date = isoDate.exec(value);
        if (!date || !realDate(Number(date[1]), Number(date[2]), Number(date[3])))
          return void problem(column, "not a date written YYYY-MM-DD");
        preferences[birthDatePreference] = value;
        return;
      }
      case "custom":
        if (!tooLong(column, value, fileCaps.preferenceValueLength))
          preferences[column.preference!] = value;
        return;
    }
  });
  const address = joinAddress(parts);
  if (address !== null) {
    const street = columns.find((c) => c.field === "street") ?? columns[0]!;
    if (!tooLong(street, address, fileCaps.contactLength))
      contacts.unshift({ kind: "address", value: address });
  }
  if (contacts.length > fileCaps.contacts)
    problems.push({ row, column: null, message: `more than ${fileCaps.contacts} contacts` });
  if (Object.keys(preferences).length > fileCaps.preferences)
    problems.push({ row, column: null, message: `more than ${fileCaps.preferences} preferences` });
  if (problems.length === 0 && !names.firstName && !names.lastName && contacts.length === 0)
    problems.push({
      row,
      column: null,
      message: "a customer needs a first name, a last name or a contact",
    });
  if (problems.length > 0) return problems;
  return {
    row,
    number,
    customer: { ...names, acquisition, contacts, preferences, notes: [], wishes: [] },
  };
}

/** `street, postcode town, country`, empty parts left out; null when all are empty */
export function joinAddress(parts: {
  street?: string;
  postcode?: string;
  town?: string;
  country?: string;
}): string | null {
  const place = [parts.postcode, parts.town].filter(Boolean).join(" ");
  const joined = [parts.street, place, parts.country].filter(Boolean).join(", ");
  return joined === "" ? null : joined;
}

function realDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1000 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

export { CustomerFileError, type FileProblem };
