import { familyOf, parseFieldPath, type FieldFamily } from "./field-path.ts";

/**
 * What happens to a field when one side changed it:
 *  - overwrite: the other side takes the new value (and a removal removes it)
 *  - append: additions reach the other side, and so do edits of an item with its own identity
 *    (a note); a removal never does, so the other side keeps what it had
 *  - createOnly: sent only when the other side's record is created
 *  - ignore: never sent
 */
export type OnChange = "overwrite" | "append" | "createOnly" | "ignore";

/** When both sides changed a field to different values since they last agreed. */
export type OnBothChanged = "conflict" | "externalWins" | "hubWins";

export interface FieldRule {
  /** external system -> hub */
  inbound: OnChange;
  /** hub -> external system */
  outbound: OnChange;
  onBothChanged: OnBothChanged;
  /** the SPEC rule this line states */
  rule: string;
}

export type Profile = Record<FieldFamily, FieldRule>;

/**
 * The POS profile: SPEC F1-F12 as data. Every decision the engine takes about which side wins
 * for a POS integration is read from this table (see merge-fields.ts).
 */
export const posProfile: Profile = {
  // F1: a POS change overwrites the hub's matching value; a hub change is added to the POS as a
  // new contact method and the POS's own values are never modified or deleted.
  contact: { inbound: "overwrite", outbound: "append", onBothChanged: "externalWins", rule: "F1" },
  // F2: custom fields (mapped to preferences by the integration's field mapping) flow both ways.
  preference: {
    inbound: "overwrite",
    outbound: "overwrite",
    onBothChanged: "conflict",
    rule: "F2",
  },
  // F3: acquisition always flows POS -> hub; hub -> POS only when the hub creates the POS customer.
  acquisition: {
    inbound: "overwrite",
    outbound: "createOnly",
    onBothChanged: "externalWins",
    rule: "F3",
  },
  // F4: the wish list and the hub collection of the configured name mirror each other, additions,
  // edits and removals alike; other hub collections are not in the profile at all.
  wish: { inbound: "overwrite", outbound: "overwrite", onBothChanged: "conflict", rule: "F4" },
  // F5: notes flow both ways, edits included; a note deleted on one side stays on the other.
  note: { inbound: "append", outbound: "append", onBothChanged: "conflict", rule: "F5" },
  // F12: names flow both ways; divergent edits become a conflict a user resolves.
  name: { inbound: "overwrite", outbound: "overwrite", onBothChanged: "conflict", rule: "F12" },
};

export const ruleFor = (profile: Profile, path: string): FieldRule => profile[familyOf(path)];

/** Which way whole records flow, for the data that is not a customer field. */
export interface RecordFlow {
  direction: "inbound" | "outbound" | "none";
  what: string;
  rule: string;
}

export type RecordKind = "sale" | "message" | "inventory" | "associate" | "assignedAssociate";

/**
 * The POS profile's one-way and unmapped data, beside the field table above: together the two
 * tables are SPEC F1-F10. The engine asks `flowOf` before it imports or sends such a record.
 */
export const posRecordFlows: Record<RecordKind, RecordFlow> = {
  sale: {
    direction: "inbound",
    what: "sales become purchases; sold items and service jobs archived products",
    rule: "F6",
  },
  message: {
    direction: "outbound",
    what: "emails and texts sent from the hub go to the POS activity",
    rule: "F7",
  },
  inventory: {
    direction: "inbound",
    what: "on-hand inventory becomes products, minus the filters",
    rule: "F8",
  },
  associate: {
    direction: "none",
    what: "associates are mapped per user, never synced; writes carry the mapped number",
    rule: "F9",
  },
  assignedAssociate: {
    direction: "none",
    what: "the POS customer's assigned associate is not mapped",
    rule: "F10",
  },
};

/**
 * R8.1: the customer fields only, both ways, for a system that holds nothing else of the hub's
 * (no notes, wishes, sales, inventory or activity): names and custom fields flow both ways and
 * divergent edits become conflicts, contacts and acquisition as for the POS (F1, F3).
 */
export const customersProfile: Profile = {
  contact: posProfile.contact,
  preference: posProfile.preference,
  acquisition: posProfile.acquisition,
  name: posProfile.name,
  wish: { inbound: "ignore", outbound: "ignore", onBothChanged: "hubWins", rule: "R8.1" },
  note: { inbound: "ignore", outbound: "ignore", onBothChanged: "hubWins", rule: "R8.1" },
};

/**
 * I3: a customer file, read only: its rows come in as any system's customers do (a changed row
 * overwrites the hub's contacts and acquisition, names and custom fields changed on both sides
 * are conflicts), and nothing of the hub's ever goes out (there is nothing to write to).
 */
export const fileProfile: Profile = {
  contact: { inbound: "overwrite", outbound: "ignore", onBothChanged: "externalWins", rule: "I3" },
  preference: { inbound: "overwrite", outbound: "ignore", onBothChanged: "conflict", rule: "I3" },
  acquisition: {
    inbound: "overwrite",
    outbound: "ignore",
    onBothChanged: "externalWins",
    rule: "I3",
  },
  name: { inbound: "overwrite", outbound: "ignore", onBothChanged: "conflict", rule: "I3" },
  wish: { inbound: "ignore", outbound: "ignore", onBothChanged: "hubWins", rule: "I3" },
  note: { inbound: "ignore", outbound: "ignore", onBothChanged: "hubWins", rule: "I3" },
};

const noRecords = (rule: string): Record<RecordKind, RecordFlow> => ({
  sale: { direction: "none", what: "the system has no sales", rule },
  message: { direction: "none", what: "the system has no activity", rule },
  inventory: { direction: "none", what: "the system has no inventory", rule },
  associate: { direction: "none", what: "associates are not mapped", rule },
  assignedAssociate: { direction: "none", what: "no assigned associate", rule },
});

/** A system's profile: what happens to each field family, and which way whole records flow. */
export interface IntegrationProfile {
  fields: Profile;
  records: Record<RecordKind, RecordFlow>;
  /** whether the hub may create customers there (S2, S5, S6); false for a read-only source */
  createsPartners: boolean;
}

/**
 * R8.1: every profile, by name. A connector's manifest names its profile; the integration row
 * keeps that name (integrations.profile), so the engine finds the profile from the integration
 * without knowing any connector. A new system with new rules adds its profile here, as data.
 */
export const profiles = {
  pos: { fields: posProfile, records: posRecordFlows, createsPartners: true },
  customers: { fields: customersProfile, records: noRecords("R8.1"), createsPartners: true },
  file: { fields: fileProfile, records: noRecords("I3"), createsPartners: false },
} as const satisfies Record<string, IntegrationProfile>;

export type ProfileName = keyof typeof profiles;
export const profileNames = Object.keys(profiles) as ProfileName[];

function profileNamed(name: string): IntegrationProfile {
  const profile = (profiles as Record<string, IntegrationProfile>)[name];
  if (!profile) throw new Error(`unknown profile '${name}' (known: ${profileNames.join(", ")})`);
  return profile;
}

/** The flow of whole records of `record` for an integration of profile `name`. */
export function flowOf(name: string, record: RecordKind): RecordFlow {
  return profileNamed(name).records[record];
}

/** Whether the hub may create customers in a system of profile `name` (false: read only). */
export function createsPartners(name: string): boolean {
  return profileNamed(name).createsPartners;
}

/** The field rules of profile `name` (an integration's `profile`). */
export function profileFor(name: string): Profile {
  return profileNamed(name).fields;
}

/**
 * The paths an integration syncs: preferences only where the field mapping names them (F2), so
 * an unmapped preference is neither sent nor mistaken for a removal on the other side.
 */
export function syncedFields(fields: Record<string, string>, mappedPreferences: readonly string[]) {
  const mapped = new Set(mappedPreferences);
  const out: Record<string, string> = {};
  for (const [path, value] of Object.entries(fields)) {
    const field = parseFieldPath(path);
    if (field.family === "preference" && !mapped.has(field.name)) continue;
    out[path] = value;
  }
  return out;
}
