// W5's customer file (issue 9, "Streaming"): N customers in the documented format
// (docs/file-format.md), written to disk as a stream, as a European Excel saves "CSV": Windows-1252
// text, semicolons, a decimal comma. Names with accents, one or two emails, phones written several
// ways, addresses in parts (some streets quoted for a separator, a few over two lines), birth
// dates and a custom field. The same seed gives the same file.
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import iconv from "iconv-lite";

const firstNames = [
  "José",
  "Zoë",
  "François",
  "Søren",
  "Ægir",
  "Chloé",
  "Björn",
  "Inès",
  "Jürgen",
  "Noémie",
  "Olivia",
  "Liam",
  "Emma",
  "Noah",
  "Ava",
  "Mia",
  "Œlle",
  "Ana",
  "Ñuria",
  "Hélène",
  "Peter",
  "Mary",
  "John",
  "Fatima",
  "Kenji",
  "Sérgio",
  "Åsa",
  "Zdenek",
  "Stefan",
];
const lastNames = [
  "Müller",
  "García",
  "Dubois",
  "Østergaard",
  "Smith",
  "Nakamura",
  "O'Brien",
  "Šimek",
  "Žák",
  "Lefèvre",
  "Andersson",
  "Brown",
  "Kowalski",
  "Patel",
  "Fernández",
  "Björklund",
  "Jensen",
  "Rossi",
  "Ngata",
  "Van der Berg",
  "Lee",
  "Okafor",
  "Château",
  "Lecki",
];
const streets = [
  "Rue de l'Église",
  "Hauptstraße",
  "High Street",
  "Calle Mayor",
  "Strøget",
  "Via Roma",
  "Avenue des Champs-Élysées",
  "Kungsgatan",
  "Main Street",
  "Königsallee",
];
const towns: Array<[string, string]> = [
  ["Paris", "FR"],
  ["München", "DE"],
  ["London", "GB"],
  ["Madrid", "ES"],
  ["København", "DK"],
  ["Roma", "IT"],
  ["Göteborg", "SE"],
  ["Zürich", "CH"],
  ["New York", "US"],
  ["Århus", "DK"],
];
const acquisitions = ["Walk-in", "Referral", "Instagram", "Wedding fair", "Website", ""];

export const w5Header = [
  "customer_number",
  "first_name",
  "last_name",
  "email",
  "email2",
  "phone",
  "street",
  "postcode",
  "town",
  "country",
  "birth_date",
  "acquisition",
  "custom:Ring size",
];

/** mulberry32: small, seeded, good enough for test data */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ascii = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z]/g, "")
    .toLowerCase() || "x";

/** One row's cells, in `w5Header` order. */
export function w5Row(i: number, next: () => number): string[] {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const first = pick(firstNames);
  const last = pick(lastNames);
  const [town, country] = pick(towns);
  const digits = String(1_000_000 + i).slice(-6);
  const email = `${ascii(first)}.${ascii(last)}.${i}@example.com`;
  const email2 = next() < 0.3 ? `${ascii(first)}${i}@mail.example.org` : "";
  const r = next();
  const phone =
    r < 0.4
      ? `+44 20 79${digits.slice(0, 2)} ${digits.slice(2)}`
      : r < 0.7
        ? `(212) 555-${digits.slice(2)}`
        : r < 0.85
          ? `+49 89 ${digits}`
          : "";
  const s = next();
  const street =
    s < 0.02
      ? `c/o ${last}\n${1 + (i % 200)} ${pick(streets)}` // a line break inside a quoted cell
      : s < 0.2
        ? `Flat ${1 + (i % 9)}; ${1 + (i % 200)} ${pick(streets)}` // the separator inside a cell
        : `${1 + (i % 200)} ${pick(streets)}`;
  const birth =
    next() < 0.6
      ? `${1940 + (i % 65)}-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`
      : "";
  const ring = next() < 0.5 ? `${4 + (i % 9)},5` : "";
  return [
    String(100_000 + i),
    first,
    last,
    email,
    email2,
    phone,
    street,
    String(10_000 + (i % 89_999)),
    town,
    country,
    birth,
    pick(acquisitions),
    ring,
  ];
}

const quoted = (cell: string) => (/[;"\n\r]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

/**
 * Writes `rows` customers to `path` as Windows-1252 CSV with semicolons and CRLF line ends,
 * streamed (a thousand rows encoded at a time, waiting for the disk). Returns the file's size.
 */
export async function writeW5File(path: string, rows: number, seed = 5): Promise<number> {
  const out = createWriteStream(path);
  const next = random(seed);
  let bytes = 0;
  const write = async (text: string) => {
    const chunk = iconv.encode(text, "win1252");
    bytes += chunk.length;
    if (!out.write(chunk)) await once(out, "drain");
  };
  await write(`${w5Header.join(";")}\r\n`);
  for (let i = 0; i < rows; i += 1000) {
    const lines: string[] = [];
    for (let k = i; k < Math.min(rows, i + 1000); k++)
      lines.push(w5Row(k, next).map(quoted).join(";"));
    await write(`${lines.join("\r\n")}\r\n`);
  }
  out.end();
  await once(out, "finish");
  return bytes;
}
