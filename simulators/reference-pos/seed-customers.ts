import type { CreateBody } from "./customer-writes.ts";
import type { PosAssociate } from "./pos-state.ts";

const firstNames = [
  "Olivia",
  "Liam",
  "Emma",
  "Noah",
  "Ava",
  "Elijah",
  "Sophia",
  "James",
  "Isabella",
  "Lucas",
  "Mia",
  "Mason",
  "Amelia",
  "Ethan",
  "Harper",
  "Logan",
  "Evelyn",
  "Aiden",
  "Abigail",
  "Grace",
  "Henry",
  "Chloe",
  "Samuel",
  "Zoe",
  "Daniel",
  "Nora",
  "Mateo",
  "Priya",
  "Hiroshi",
  "Fatima",
];
const lastNames = [
  "Smith",
  "Johnson",
  "Williams",
  "Brown",
  "Jones",
  "Garcia",
  "Miller",
  "Davis",
  "Rodriguez",
  "Martinez",
  "Hernandez",
  "Lopez",
  "Wilson",
  "Anderson",
  "Thomas",
  "Taylor",
  "Moore",
  "Jackson",
  "Martin",
  "Lee",
  "Thompson",
  "White",
  "Harris",
  "Clark",
  "Lewis",
  "Walker",
  "Nakamura",
  "Okafor",
  "Patel",
  "Kowalski",
];
const streets = [
  "Main St",
  "Oak Ave",
  "Maple Dr",
  "Cedar Ln",
  "Elm St",
  "Park Blvd",
  "Lake Rd",
  "Hill St",
  "Sunset Blvd",
  "River Rd",
];
const cities = [
  ["Springfield", "IL", "62701"],
  ["Portland", "OR", "97205"],
  ["Austin", "TX", "78701"],
  ["Denver", "CO", "80202"],
  ["Madison", "WI", "53703"],
  ["Savannah", "GA", "31401"],
] as const;
const acquisitions = [
  "Walk-in",
  "Referral",
  "Instagram",
  "Bridal show",
  "Website",
  "Repair customer",
];
const birthstones = [
  "Garnet",
  "Amethyst",
  "Aquamarine",
  "Diamond",
  "Emerald",
  "Pearl",
  "Ruby",
  "Peridot",
  "Sapphire",
  "Opal",
  "Topaz",
  "Turquoise",
];

export const seedAssociates: PosAssociate[] = [
  { id: "a_1", number: "1", name: "Dana Whitfield" },
  { id: "a_2", number: "2", name: "Marcus Bell" },
  { id: "a_3", number: "3", name: "Rosa Alvarez" },
  { id: "a_4", number: "4", name: "Ken Ito" },
  { id: "a_5", number: "5", name: "Leah Goldberg" },
];

/** Deterministic, realistic jewellery-store customers: the same `count` gives the same people. */
export function seedCustomers(count: number): CreateBody[] {
  const out: CreateBody[] = [];
  for (let i = 0; i < count; i++) {
    const first = firstNames[i % firstNames.length]!;
    const last = lastNames[(i * 7 + Math.floor(i / firstNames.length)) % lastNames.length]!;
    const [city, state, zip] = cities[i % cities.length]!;
    const suffix = i < firstNames.length * 2 ? "" : String(i);
    const email = `${first}.${last}${suffix}@example.com`.toLowerCase();
    const contacts: CreateBody["contacts"] = [{ type: "email", value: email }];
    if (i % 5 !== 3)
      contacts.push({
        type: "phone",
        value: `+1 ${200 + (i % 700)} 555 ${String(1000 + i).slice(-4)}`,
      });
    if (i % 7 === 0)
      contacts.push({
        type: "email",
        value: `${first[0]}${last}${i}@work.example.com`.toLowerCase(),
      });
    contacts.push({
      type: "address",
      value: `${100 + ((i * 37) % 900)} ${streets[i % streets.length]}, ${city}, ${state} ${zip}, US`,
    });
    const customFields: Record<string, string> = {
      ring_size: String(4 + (i % 9) / 2),
      birthstone: birthstones[i % 12]!,
    };
    if (i % 3 === 0)
      customFields["anniversary"] =
        `2015-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`;
    out.push({
      firstName: first,
      lastName: last,
      acquisition: acquisitions[i % acquisitions.length]!,
      customFields,
      contacts,
      assignedAssociateId: seedAssociates[i % seedAssociates.length]!.id,
    });
  }
  return out;
}

const pieces = [
  ["Rings", "Solitaire engagement ring", 2400],
  ["Rings", "Sapphire halo ring", 1850],
  ["Rings", "Men's tungsten band", 320],
  ["Necklaces", "Pearl strand, 18 inch", 950],
  ["Necklaces", "Diamond pendant", 1200],
  ["Earrings", "Gold hoops", 410],
  ["Earrings", "Diamond studs, 1 ct", 2100],
  ["Bracelets", "Tennis bracelet", 3200],
  ["Watches", "Automatic dress watch", 2750],
  ["Watches", "Chronograph", 4100],
] as const;
const vendors = ["Tiffany", "Gabriel & Co", "Stuller", "Citizen"];
const types = ["regular", "regular", "regular", "memo", "consignment", "regular"];

/** Deterministic inventory: two of each piece, some on memo or consignment. */
export function seedInventory(): Array<{
  sku: string;
  description: string;
  category: string;
  vendor: string;
  type: string;
  price: number;
}> {
  return pieces.flatMap(([category, description, price], i) =>
    [0, 1].map((copy) => ({
      sku: `${category.slice(0, 2).toUpperCase()}-${100 + i * 2 + copy}`,
      description,
      category,
      vendor: vendors[(i + copy) % vendors.length]!,
      type: types[(i * 2 + copy) % types.length]!,
      price,
    })),
  );
}

export const seedNotes = [
  "Prefers yellow gold",
  "Anniversary in June",
  "Ring size checked last visit",
  "Ask about the matching earrings",
];
