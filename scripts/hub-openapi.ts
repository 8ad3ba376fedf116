// The hub's OpenAPI document, made from the app without a store: for the linter
// (lint-openapi.ts) and the console's typed client (console-api-types.ts).
import { createApp } from "../src/api/app.ts";
import type { ServiceContext } from "../src/services/service-context.ts";

/** The app only serves its document here; any use of the context is a bug in the script. */
const noContext = new Proxy({} as ServiceContext, {
  get: (_target, key) => {
    throw new Error(`writing the OpenAPI document touched ctx.${String(key)}`);
  },
});

export async function hubDocument(): Promise<Record<string, unknown>> {
  const response = await createApp(noContext).request("/openapi.json");
  if (!response.ok) throw new Error(`the hub's /openapi.json answered ${response.status}`);
  return (await response.json()) as Record<string, unknown>;
}
