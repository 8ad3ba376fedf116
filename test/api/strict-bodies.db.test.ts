import { isFileUpload } from "../../src/api/request-checks.ts";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/api/app.ts";
import { engines } from "../setup/database.ts";
import { createTestHub } from "../setup/hub.ts";

type Schema = Record<string, unknown>;

/** Every object schema in a body that lets unknown fields through, by its JSON path. */
function looseObjects(schema: unknown, components: Record<string, Schema>, at: string): string[] {
  if (!schema || typeof schema !== "object") return [];
  const s = schema as Schema;
  if (typeof s["$ref"] === "string") {
    const name = s["$ref"].replace("#/components/schemas/", "");
    return looseObjects(components[name], components, `${at}(${name})`);
  }
  const found: string[] = [];
  const properties = s["properties"] as Record<string, unknown> | undefined;
  const additional = s["additionalProperties"];
  if (s["type"] === "object" || properties) {
    // a map (additionalProperties: a schema) is fine: its values are checked in turn
    if (properties && additional !== false) found.push(at || "(body)");
    if (!properties && additional === undefined) found.push(`${at || "(body)"} (any object)`);
  }
  for (const [key, value] of Object.entries(properties ?? {}))
    found.push(...looseObjects(value, components, `${at}.${key}`));
  if (additional && typeof additional === "object")
    found.push(...looseObjects(additional, components, `${at}.*`));
  found.push(...looseObjects(s["items"], components, `${at}[]`));
  for (const key of ["anyOf", "oneOf", "allOf"])
    for (const [i, option] of ((s[key] as unknown[]) ?? []).entries())
      found.push(...looseObjects(option, components, `${at}|${i}`));
  return found;
}

describe.each(engines)("request bodies on $name", (engine) => {
  it("R7.10: every request body in the OpenAPI document refuses unknown fields, nested objects included", async () => {
    const hub = await createTestHub(await engine.open());
    const response = await createApp(hub.ctx).request("/openapi.json");
    const doc = (await response.json()) as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, Schema> } }>>;
      components?: { schemas?: Record<string, Schema> };
    };
    const components = doc.components?.schemas ?? {};
    let bodies = 0;
    const loose: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths))
      for (const [method, operation] of Object.entries(operations)) {
        const content = operation.requestBody?.content;
        if (!content) continue;
        // I3: a customer file's upload is a file, checked row by row (docs/file-format.md)
        if (isFileUpload(method.toUpperCase(), path.replaceAll(/{\w+}/g, "1"))) continue;
        expect(Object.keys(content), `${method} ${path}`).toEqual(["application/json"]);
        bodies++;
        for (const where of looseObjects(content["application/json"]!["schema"], components, ""))
          loose.push(`${method.toUpperCase()} ${path}: ${where}`);
      }
    expect(bodies).toBeGreaterThanOrEqual(9);
    expect(loose).toEqual([]);
  });
});
