import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

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
 * rename) shortly after each change and on close. A few thousand customers stay well under a
 * megabyte, so a whole-file write is the simple, safe choice here.
 */
export class PosState {
  version = 0;
  private nextCustomer = 1;
  private nextContact = 1;
  private nextNumber = 10001;
  private nextWebhook = 1;
  private nextNote = 1;
  readonly customers = new Map<string, PosCustomer>();
  readonly byVersion = new Map<number, string>();
  associates: PosAssociate[] = [];
  readonly webhooks = new Map<string, Subscription>();
  readonly history = new Map<string, ChangeRecord[]>();
  readonly inventory = new Map<string, PosInventoryItem>();
  readonly sales = new Map<string, PosSale>();
  readonly activity = new Map<string, PosActivity[]>();
  private nextRecord = 1;
  private readonly idempotency = new Map<string, { status: number; body: unknown; at: number }>();
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
    for (const c of s.customers) {
      c.notes ??= [];
      c.wishlist ??= [];
      c.externalRef ??= null;
      this.customers.set(c.id, c);
      this.byVersion.set(c.version, c.id);
    }
    this.associates = s.associates;
    for (const w of s.webhooks) this.webhooks.set(w.id, w);
    for (const [k, v] of s.idempotency) this.idempotency.set(k, v);
    for (const [k, v] of s.history ?? []) this.history.set(k, v);
    for (const item of s.inventory ?? []) this.inventory.set(item.id, item);
    for (const sale of s.sales ?? []) this.sales.set(sale.id, sale);
    for (const [k, v] of s.activity ?? []) this.activity.set(k, v);
    this.nextRecord = s.nextRecord ?? 1;
  }

  /** Assigns the next global version to a changed customer. */
  bump(customer: PosCustomer, now: Date) {
    this.byVersion.delete(customer.version);
    this.version += 1;
    customer.version = this.version;
    customer.updatedAt = now.toISOString();
    this.byVersion.set(customer.version, customer.id);
    this.scheduleSave();
  }

  /** Inventory items and sales share the global version counter with customers. */
  bumpRecord(record: { version: number }) {
    this.version += 1;
    record.version = this.version;
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

  takeNumber(wanted?: string): string | undefined {
    if (wanted !== undefined) {
      for (const c of this.customers.values()) if (c.number === wanted) return undefined;
      if (/^\d+$/.test(wanted)) this.nextNumber = Math.max(this.nextNumber, Number(wanted) + 1);
      return wanted;
    }
    const taken = new Set([...this.customers.values()].map((c) => c.number));
    while (taken.has(String(this.nextNumber))) this.nextNumber++;
    return String(this.nextNumber++);
  }

  /** Customers changed after `after`, in version order, at most `limit`. */
  changesAfter(after: number, limit: number): PosCustomer[] {
    const out: PosCustomer[] = [];
    for (let v = after + 1; v <= this.version && out.length < limit; v++) {
      const id = this.byVersion.get(v);
      const c = id ? this.customers.get(id) : undefined;
      if (c && c.version === v) out.push(c);
    }
    return out;
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
      customers: [...this.customers.values()],
      associates: this.associates,
      webhooks: [...this.webhooks.values()],
      idempotency: [...this.idempotency.entries()],
      history: [...this.history.entries()],
      inventory: [...this.inventory.values()],
      sales: [...this.sales.values()],
      activity: [...this.activity.entries()],
      nextRecord: this.nextRecord,
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
