import Table from "cli-table3";

/** Machine output: one JSON document on stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** People's output: a table without borders, a header row and aligned columns. */
export function printTable(head: string[], rows: Array<Array<string | number>>): void {
  const table = new Table({
    head,
    chars: {
      top: "",
      "top-mid": "",
      "top-left": "",
      "top-right": "",
      bottom: "",
      "bottom-mid": "",
      "bottom-left": "",
      "bottom-right": "",
      left: "",
      "left-mid": "",
      mid: "",
      "mid-mid": "",
      right: "",
      "right-mid": "",
      middle: "  ",
    },
    // no colours: the output is read in terminals, logs and pipes alike
    style: { head: [], border: [], "padding-left": 0, "padding-right": 0 },
  });
  table.push(...rows);
  const lines = table.toString().split("\n");
  process.stdout.write(`${lines.map((line) => line.trimEnd()).join("\n")}\n`);
}

/** People's output for one record: "label: value" lines, labels aligned. */
export function printFields(fields: Array<[string, string]>): void {
  const width = Math.max(0, ...fields.map(([label]) => label.length)) + 1;
  for (const [label, value] of fields)
    process.stdout.write(`${`${label}:`.padEnd(width)} ${value}\n`);
}
