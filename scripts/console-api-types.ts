/**
 * The console's typed client (web/src/api/hub-api.d.ts) and the roles of each operation
 * (operation-roles.ts) are generated from the hub's OpenAPI
 * document by openapi-typescript. `--check` (part of `npm run check`) fails when the file is not
 * what the document makes now, so the console cannot drift from the API it calls.
 */
import openapiTS, { astToString } from "openapi-typescript";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { format } from "prettier";
import { hubDocument } from "./hub-openapi.ts";

const header =
  "// Generated from the hub's OpenAPI document by `npm run console:types`: do not edit.\n";
const document = await hubDocument();

/** The roles each operation allows (x-roles): the console offers only what the API allows. */
function operationRoles(doc: Record<string, unknown>): Record<string, string[]> {
  const roles: Record<string, string[]> = {};
  for (const operations of Object.values(doc.paths as Record<string, Record<string, unknown>>))
    for (const op of Object.values(operations) as Array<Record<string, unknown>>)
      if (typeof op.operationId === "string" && Array.isArray(op["x-roles"]))
        roles[op.operationId] = op["x-roles"] as string[];
  return roles;
}

const files = {
  "hub-api.d.ts": astToString(
    await openapiTS(document as unknown as Parameters<typeof openapiTS>[0]),
  ),
  "operation-roles.ts": `export const operationRoles = ${JSON.stringify(operationRoles(document))} as const;\n`,
};

for (const [name, body] of Object.entries(files)) {
  const target = fileURLToPath(new URL(`../web/src/api/${name}`, import.meta.url));
  const text = await format(header + body, { parser: "typescript", printWidth: 100 });
  if (!process.argv.includes("--check")) {
    writeFileSync(target, text);
    continue;
  }
  let current = "";
  try {
    current = readFileSync(target, "utf8");
  } catch {
    // missing: reported below
  }
  if (current !== text) {
    process.stderr.write(
      `web/src/api/${name} is not what the hub's OpenAPI document makes: run \`npm run console:types\`\n`,
    );
    process.exitCode = 1;
  }
}
