import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { RecordTable } from "./record-table.ts";
import {
  layoutOf,
  seededCustomer,
  seededCustomerId,
  seededCustomerNumber,
  seededEmailIndex,
  seededIndex,
  seededSale,
  seededSaleId,
  type ScaleLayout,
  type ScaleSeed,
} from "./scale-seed.ts";

export type ContactType = "email" | "phone" | "address";

export interface PosContact {
  id: string;
  type: ContactType;
  value: string;
}

export interface PosNote {
  id: string;
  body: string;
  /** the writing integration's own name for the note (e.g. "tandem:12"), so it can pair it */
  externalRef: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A wish: a stock item (inventoryId) or a non-stock wish (description only). */
export interface PosWish {
  id: string;
  inventoryId: string | null;
  description: string;
  externalRef: string | null;
  createdAt: string;
}

export interface PosCustomer {
  id: string;
  number: string;
  version: number;
  firstName: string | null;
  lastName: string | null;
  acquisition: string | null;
  customFields: Record<string, string>;
  contacts: PosContact[];
  notes: PosNote[];
  wishlist: PosWish[];
  /** the creating integration's own name for the customer (Tandem: "tandem:<hub client id>") */
  externalRef: string | null;
  assignedAssociateId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface PosAssociate {
  id: string;
  number: string;
  name: string;
}

export interface Subscription {
  id: string;
  url: string;
  secret: string;
  createdAt: string;
}

export interface PosInventoryItem {
  id: string;
  version: number;
  sku: string;
  description: string;
  category: string | null;
  vendor: string | null;
  /** regular, memo, consignment, trade, ... */
  type: string;
  status: "on_hand" | "sold" | "removed";
  price: number | null;
  updatedAt: string;
}

export interface PosSaleLine {
  kind: "item" | "special_order";
  inventoryId: string | null;
  sku: string | null;
  description: string;
  category: string | null;
  vendor: string | null;
  quantity: number;
  amount: number;
}

export interface PosSale {
  id: string;
  version: number;
  customerId: string;
  associateNumber: string | null;
  occurredAt: string;
  currency: string;
  total: number;
  lines: PosSaleLine[];
  serviceJobs: Array<{
    id: string;
    type: "repair" | "custom" | "appraisal";
    description: string;
    amount: number;
  }>;
}

/** A message an integration wrote to the customer's activity tab (F7). */
export interface PosActivity {
  id: string;
  type: "email" | "text";
  body: string;
  sentAt: string;
  associateNumber: string | null;
  externalRef: string | null;
}

/** Who made a change, as the POS's own history shows it (F9 attribution). */
export interface ChangeRecord {
  version: number;
  via: "integration" | "staff";
  associateNumber: string | null;
  at: string;
}

interface Snapshot {
  version: number;
  nextCustomer: number;
  nextContact: number;
  nextNumber: number;
  nextWebhook: number;
  nextNote?: number;
  customers: PosCustomer[];
  associates: PosAssociate[];
  webhooks: Subscription[];
  idempotency: Array<[string, { status: number; body: unknown; at: number }]>;
  history?: Array<[string, ChangeRecord[]]>;
  inventory?: PosInventoryItem[];
  sales?: PosSale[];
  activity?: Array<[string, PosActivity[]]>;
  nextRecord?: number;
  /** a store seeded at scale: its seeded records are rebuilt, only the changed ones are saved */
  scale?: ScaleLayout;
}

/** Normalised identity of a contact value: the same rule Tandem's hub uses (trim/lower, digits, spaces). */
export function contactKey(type: ContactType, value: string): string {
  if (type === "email") return `email:${value.trim().toLowerCase()}`;
  if (type === "phone") return `phone:${value.replace(/\D/g, "").replace(/^1(?=\d{10}$)/, "")}`;
  return `address:${value
    .toLowerCase()
    .replace(/[.,;]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()}`;
}

const pad = (n: number) => String(n).padStart(6, "0");
const idempotencyTtlMs = 24 * 3600 * 1000;

/**
 * The reference POS's storage: everything in memory, written to a JSON file (atomically, by
 * rename) shortly after each change and on close. A store seeded at scale (seedScale) builds its
 * seeded customers and sales on demand and keeps only those changed since (record-table.ts), so
 * 100,000 customers and a million sales lines take no memory until they change, and every read
 * the protocol offers (by id, by email, a feed page by cursor) costs O(page), not O(store).
 */
export class PosState {
  version = 0;
  private nextCustomer = 1;
  private nextContact = 1;
  private nextNumber = 10001;
  private nextWebhook = 1;
  private nextNote = 1;
  readonly customers = new RecordTable<PosCustomer>();
  associates: PosAssociate[] = [];
  readonly webhooks = new Map<string, Subscription>();
  readonly history = new Map<string, ChangeRecord[]>();
  readonly inventory = new RecordTable<PosInventoryItem>();
  readonly sales = new RecordTable<PosSale>();
  readonly activity = new Map<string, PosActivity[]>();
  private nextRecord = 1;
  private readonly idempotency = new Map<string, { status: number; body: unknown; at: number }>();
  /** customer numbers taken by customers created since seeding */
  private readonly numbers = new Set<string>();
  /** email key -> ids of customers (changed since seeding) that had it; checked on lookup */
  private readonly emails = new Map<string, Set<string>>();
  private scale: ScaleLayout | undefined;
  private saveTimer: NodeJS.Timeout | undefined;

  constructor(private readonly dataFile?: string) {
    if (dataFile && existsSync(dataFile))
      this.load(JSON.parse(readFileSync(dataFile, "utf8")) as Snapshot);
  }

  private load(s: Snapshot) {
    this.version = s.version;
    this.nextCustomer = s.nextCustomer;
    this.nextContact = s.nextContact;
    this.nextNumber = s.nextNumber;
    this.nextWebhook = s.nextWebhook;
    this.nextNote = s.nextNote ?? 1;
    if (s.scale) this.useScale(s.scale);
    for (const c of s.customers) {
      c.notes ??= [];
      c.wishlist ??= [];
      c.externalRef ??= null;
      this.customers.set(c.id, c);
      this.numbers.add(c.number);
      this.indexEmails(c);
    }
    this.customers.rebuildLog();
    this.associates = s.associates;
    for (const w of s.webhooks) this.webhooks.set(w.id, w);
    for (const [k, v] of s.idempotency) this.idempotency.set(k, v);
    for (const [k, v] of s.history ?? []) this.history.set(k, v);
    for (const item of s.inventory ?? []) this.inventory.set(item.id, item);
    this.inventory.rebuildLog();
    for (const sale of s.sales ?? []) this.sales.set(sale.id, sale);
    this.sales.rebuildLog();
    for (const [k, v] of s.activity ?? []) this.activity.set(k, v);
    this.nextRecord = s.nextRecord ?? 1;
  }

  /**
   * Seeds the store at scale, lazily (scale-seed.ts): `customers` customers and `salesLines` sales
   * lines, at the next versions. O(1): nothing is built until it is read.
   */
  seedScale(seed: ScaleSeed) {
    const layout = layoutOf(seed, this.version);
    this.useScale(layout);
    this.version = layout.saleVersion0 + layout.sales - 1;
    this.nextCustomer = layout.customers + 1;
    this.nextNumber = 10001 + layout.customers;
    this.nextRecord = Math.max(this.nextRecord, layout.sales + 1);
    this.scheduleSave();
  }

  private useScale(layout: ScaleLayout) {
    this.scale = layout;
    this.customers.seed({
      count: layout.customers,
      firstVersion: layout.customerVersion0,
      idAt: seededCustomerId,
      indexOf: (id) => seededIndex(id, "c_", layout.customers),
      make: (i) => seededCustomer(layout, i),
    });
    this.sales.seed({
      count: layout.sales,
      firstVersion: layout.saleVersion0,
      idAt: seededSaleId,
      indexOf: (id) => seededIndex(id, "s_", layout.sales),
      make: (j) => seededSale(layout, j),
    });
  }

  /** Assigns the next global version to a changed customer. */
  bump(customer: PosCustomer, now: Date) {
    this.version += 1;
    customer.version = this.version;
    customer.updatedAt = now.toISOString();
    this.customers.set(customer.id, customer);
    this.customers.touched(customer);
    this.indexEmails(customer);
    this.scheduleSave();
  }

  /** Inventory items and sales share the global version counter with customers. */
  bumpRecord(kind: "inventory" | "sale", record: PosInventoryItem | PosSale) {
    this.version += 1;
    record.version = this.version;
    if (kind === "sale") this.sales.touched(record as PosSale);
    else this.inventory.touched(record as PosInventoryItem);
    this.scheduleSave();
  }

  newRecordId = (prefix: string) => `${prefix}_${pad(this.nextRecord++)}`;

  recordChange(customerId: string, record: ChangeRecord) {
    const list = this.history.get(customerId) ?? [];
    list.push(record);
    this.history.set(customerId, list);
  }

  newCustomerId = () => `c_${pad(this.nextCustomer++)}`;
  newContactId = () => `cm_${pad(this.nextContact++)}`;
  newWebhookId = () => `wh_${this.nextWebhook++}`;
  newNoteId = () => `n_${pad(this.nextNote++)}`;

  private numberTaken(n: string) {
    if (this.numbers.has(n)) return true;
    const count = this.scale?.customers ?? 0;
    return /^\d+$/.test(n) && Number(n) >= 10001 && Number(n) < 10001 + count
      ? seededCustomerNumber(Number(n) - 10001) === n
      : false;
  }

  /** Takes a customer number: `wanted` if free, else the next free one. O(1). */
  takeNumber(wanted?: string): string | undefined {
    if (wanted !== undefined) {
      if (this.numberTaken(wanted)) return undefined;
      if (/^\d+$/.test(wanted)) this.nextNumber = Math.max(this.nextNumber, Number(wanted) + 1);
      this.numbers.add(wanted);
      return wanted;
    }
    while (this.numberTaken(String(this.nextNumber))) this.nextNumber++;
    const taken = String(this.nextNumber++);
    this.numbers.add(taken);
    return taken;
  }

  private indexEmails(customer: PosCustomer) {
    for (const m of customer.contacts) {
      if (m.type !== "email") continue;
      const key = contactKey("email", m.value);
      const ids = this.emails.get(key) ?? new Set();
      ids.add(customer.id);
      this.emails.set(key, ids);
    }
  }

  /** Customers with this email now, in id order. O(matches). */
  customersWithEmail(email: string): PosCustomer[] {
    const key = contactKey("email", email);
    const ids = new Set(this.emails.get(key));
    const seeded = seededEmailIndex(key, this.scale?.customers ?? 0);
    if (seeded !== undefined) ids.add(seededCustomerId(seeded));
    return [...ids]
      .sort()
      .map((id) => this.customers.peek(id))
      .filter(
        (c): c is PosCustomer =>
          !!c && c.contacts.some((m) => m.type === "email" && contactKey("email", m.value) === key),
      );
  }

  /**
   * A page of customers in id order after `after`. Ids are c_<6 digits> from one counter, so the
   * page walks the counter: O(page).
   */
  customersAfter(after: string | undefined, limit: number): PosCustomer[] {
    const from = after === undefined ? 0 : /^c_\d{6}$/.test(after) ? Number(after.slice(2)) : -1;
    if (from < 0)
      return [...this.customers.values()]
        .filter((x) => !after || x.id > after)
        .sort((a, b) => (a.id < b.id ? -1 : 1))
        .slice(0, limit);
    const out: PosCustomer[] = [];
    for (let n = from + 1; n < this.nextCustomer && out.length < limit; n++) {
      const c = this.customers.peek(`c_${pad(n)}`);
      if (c) out.push(c);
    }
    return out;
  }

  /** Customers changed after `after`, in version order, at most `limit`. */
  changesAfter(after: number, limit: number): PosCustomer[] {
    return this.customers.after(after, limit);
  }

  remembered(key: string, now: number) {
    const hit = this.idempotency.get(key);
    return hit && now - hit.at < idempotencyTtlMs ? hit : undefined;
  }

  remember(key: string, status: number, body: unknown, now: number) {
    // a copy: the answer is often the live customer, and a replay must be the answer as it was
    this.idempotency.set(key, { status, body: structuredClone(body), at: now });
    this.scheduleSave();
  }

  scheduleSave() {
    if (!this.dataFile || this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      this.save();
    }, 100);
  }

  save() {
    if (!this.dataFile) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    const snapshot: Snapshot = {
      version: this.version,
      nextCustomer: this.nextCustomer,
      nextContact: this.nextContact,
      nextNumber: this.nextNumber,
      nextWebhook: this.nextWebhook,
      nextNote: this.nextNote,
      customers: this.customers.writtenValues(),
      associates: this.associates,
      webhooks: [...this.webhooks.values()],
      idempotency: [...this.idempotency.entries()],
      history: [...this.history.entries()],
      inventory: this.inventory.writtenValues(),
      sales: this.sales.writtenValues(),
      activity: [...this.activity.entries()],
      nextRecord: this.nextRecord,
      ...(this.scale ? { scale: this.scale } : {}),
    };
    // The file holds customers' contacts and the webhook secrets: its owner's alone (0600, in a
    // 0700 directory if it makes one), whatever the umask. chmod as well as `mode`, since `mode`
    // only applies when the file is created and a .tmp left by a crash keeps its old mode.
    mkdirSync(dirname(this.dataFile), { recursive: true, mode: 0o700 });
    const tmp = `${this.dataFile}.tmp`;
    writeFileSync(tmp, JSON.stringify(snapshot), { mode: 0o600 });
    chmodSync(tmp, 0o600);
    renameSync(tmp, this.dataFile);
  }
}
