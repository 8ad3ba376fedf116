import type { PosCustomer, PosSale, PosSaleLine } from "./pos-state.ts";

/**
 * A store at scale (the benchmark's 100,000 customers and 1,000,000 sales lines), made lazily: a
 * seeded record is a pure function of its index, built when it is read and kept only once it is
 * changed (PosState's record tables hold the changed ones). Seeding is O(1) in time and memory, and
 * the same seed gives the same store, byte for byte.
 */
export interface ScaleSeed {
  customers: number;
  salesLines: number;
  /** PRNG seed (default 1) */
  seed?: number;
}

/** Where the seeded records sit in the POS's id and version space, fixed when the store is seeded. */
export interface ScaleLayout extends Required<ScaleSeed> {
  /** version of customer index 0; customer i has version customerVersion0 + i */
  customerVersion0: number;
  saleVersion0: number;
  sales: number;
}

const firstNames = ["Olivia", "Liam", "Emma", "Noah", "Ava", "Elijah", "Sophia", "James", "Mia"];
const lastNames = ["Smith", "Garcia", "Nakamura", "Okafor", "Patel", "Kowalski", "Lee", "Brown"];
const streets = ["Main St", "Oak Ave", "Maple Dr", "Cedar Ln", "Elm St", "Park Blvd"];
const cities = ["Springfield, IL 62701", "Portland, OR 97205", "Austin, TX 78701"];
const acquisitions = ["Walk-in", "Referral", "Instagram", "Bridal show", "Website"];
const birthstones = ["Garnet", "Amethyst", "Aquamarine", "Diamond", "Emerald", "Pearl", "Ruby"];
const notes = ["Prefers yellow gold", "Anniversary in June", "Ask about the matching earrings"];
const wishes = ["Sapphire halo ring", "Pearl strand, 18 inch", "Diamond studs, 1 ct"];
const pieces = [
  ["Rings", "Solitaire engagement ring", 2400, "Tiffany"],
  ["Necklaces", "Diamond pendant", 1200, "Stuller"],
  ["Earrings", "Gold hoops", 410, "Gabriel & Co"],
  ["Bracelets", "Tennis bracelet", 3200, "Stuller"],
  ["Watches", "Chronograph", 4100, "Citizen"],
] as const;
/** lines per sale, repeating: 24 lines every 8 sales (3 a sale), so line counts add up in O(1) */
const linesCycle = [1, 2, 3, 4, 5, 3, 2, 4] as const;
const linesPerCycle = 24;
const cycleStart = [0, 1, 3, 6, 10, 15, 18, 20] as const;
const epoch = Date.UTC(2024, 0, 1);

/** mulberry32: a tiny, well-known 32-bit PRNG; one stream per record keeps records independent. */
function prng(seed: number, index: number, salt: number) {
  let a =
    (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35) ^ salt) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T>(r: () => number, list: readonly T[]) => list[Math.floor(r() * list.length)]!;
const pad = (n: number) => String(n).padStart(6, "0");

/** Lines before sale j (0-based). */
const linesBefore = (j: number) => Math.floor(j / 8) * linesPerCycle + cycleStart[j % 8]!;

/** How many sales carry `lines` lines, and the lines of each (the last may be cut short). */
export function saleCount(lines: number): number {
  let j = Math.floor(lines / linesPerCycle) * 8;
  while (linesBefore(j) < lines) j++;
  return j;
}

export function layoutOf(seed: ScaleSeed, versionBefore: number): ScaleLayout {
  const sales = seed.customers > 0 ? saleCount(seed.salesLines) : 0;
  return {
    customers: seed.customers,
    salesLines: sales > 0 ? seed.salesLines : 0,
    seed: seed.seed ?? 1,
    customerVersion0: versionBefore + 1,
    saleVersion0: versionBefore + 1 + seed.customers,
    sales,
  };
}

export const seededCustomerId = (i: number) => `c_${pad(i + 1)}`;
export const seededCustomerNumber = (i: number) => String(10001 + i);
export const seededSaleId = (j: number) => `s_${pad(j + 1)}`;

/** The index of a seeded id ("c_000042" -> 41), or undefined. */
export function seededIndex(id: string, prefix: string, count: number): number | undefined {
  if (!id.startsWith(prefix) || id.length !== prefix.length + 6) return undefined;
  const n = Number(id.slice(prefix.length));
  return Number.isInteger(n) && n >= 1 && n <= count ? n - 1 : undefined;
}

/** Seeded customers whose email could be `email` (checked against the record by the caller). */
export function seededEmailIndex(emailKey: string, count: number): number | undefined {
  const m = /^email:[a-z]+\.[a-z]+\.(\d+)@example\.com$/.exec(emailKey);
  const i = m ? Number(m[1]) : NaN;
  return Number.isInteger(i) && i >= 0 && i < count ? i : undefined;
}

export function seededCustomer(layout: ScaleLayout, i: number): PosCustomer {
  const r = prng(layout.seed, i, 1);
  const first = pick(r, firstNames);
  const last = pick(r, lastNames);
  const id = seededCustomerId(i);
  const at = new Date(epoch + i * 60_000).toISOString();
  const contacts: PosCustomer["contacts"] = [
    { id: `cm_${id}_1`, type: "email", value: `${first}.${last}.${i}@example.com`.toLowerCase() },
    // unique by index: 800 exchanges x 10,000 lines
    {
      id: `cm_${id}_2`,
      type: "phone",
      value: `+1 212 ${200 + (Math.floor(i / 10_000) % 800)} ${String(i % 10_000).padStart(4, "0")}`,
    },
  ];
  if (r() < 0.5)
    contacts.push({
      id: `cm_${id}_3`,
      type: "address",
      value: `${100 + Math.floor(r() * 900)} ${pick(r, streets)}, ${pick(r, cities)}, US`,
    });
  const customFields: Record<string, string> = {
    ring_size: String(4 + Math.floor(r() * 9) / 2),
    birthstone: pick(r, birthstones),
  };
  if (r() < 0.3) customFields["anniversary"] = `2015-0${1 + Math.floor(r() * 9)}-1${i % 10}`;
  return {
    id,
    number: seededCustomerNumber(i),
    version: layout.customerVersion0 + i,
    firstName: first,
    lastName: last,
    acquisition: pick(r, acquisitions),
    customFields,
    contacts,
    notes:
      i % 4 === 0
        ? [{ id: `n_${id}`, body: pick(r, notes), externalRef: null, createdAt: at, updatedAt: at }]
        : [],
    wishlist:
      i % 5 === 1
        ? [
            {
              id: `w_${id}`,
              inventoryId: null,
              description: pick(r, wishes),
              externalRef: null,
              createdAt: at,
            },
          ]
        : [],
    externalRef: null,
    assignedAssociateId: `a_${1 + (i % 5)}`,
    createdAt: at,
    updatedAt: at,
  };
}

export function seededSale(layout: ScaleLayout, j: number): PosSale {
  const r = prng(layout.seed, j, 2);
  const count = Math.min(linesCycle[j % 8]!, layout.salesLines - linesBefore(j));
  const lines: PosSaleLine[] = [];
  for (let n = 0; n < count; n++) {
    const [category, description, price, vendor] = pick(r, pieces);
    lines.push({
      kind: "item",
      inventoryId: null,
      sku: `${category.slice(0, 2).toUpperCase()}-${1000 + Math.floor(r() * 9000)}`,
      description,
      category,
      vendor,
      quantity: 1,
      amount: price,
    });
  }
  // sales spread over the customers by a stride (a prime): each gets about sales/customers of them
  const customer = (j * 7919) % layout.customers;
  return {
    id: seededSaleId(j),
    version: layout.saleVersion0 + j,
    customerId: seededCustomerId(customer),
    associateNumber: String(1 + (j % 5)),
    occurredAt: new Date(epoch + j * 30_000).toISOString(),
    currency: "USD",
    total: lines.reduce((sum, l) => sum + l.amount, 0),
    lines,
    serviceJobs: [],
  };
}
