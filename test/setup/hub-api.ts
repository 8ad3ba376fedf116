import { createApp } from "../../src/api/app.ts";
import type { TestHub } from "./hub.ts";

/** The hub's HTTP API in process (the app's own request handling), called as the hub's admin. */
export function hubApi(hub: TestHub, token = hub.token) {
  const app = createApp(hub.ctx);
  return async <T = Record<string, unknown>>(method: string, path: string, body?: unknown) => {
    const response = await app.request(path, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as T };
  };
}
