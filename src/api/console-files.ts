import { serveStatic } from "@hono/node-server/serve-static";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Hono } from "hono";
import type { HubEnv } from "./hub-env.ts";

/** Where `npm run build` puts the console (web/, built by Vite). */
export const defaultConsoleDir = fileURLToPath(new URL("../../web/dist", import.meta.url));

/** Paths that belong to the API: never answered with the console's page. */
const apiPaths = /^\/(v1|auth|hooks)(\/|$)|^\/(openapi\.json|health)$/;

/**
 * The console's pages, served by the hub itself (no second server). A path that is not a file
 * gets index.html, so that a reload of /customers/12 opens that screen. The policy header lets
 * the pages run only the hub's own scripts: a customer's name holding markup is shown as text by
 * React, and even a slip there could not load or run anything else.
 */
export function consoleFiles(dir: string = defaultConsoleDir) {
  const app = new Hono<HubEnv>();
  const built = existsSync(join(dir, "index.html"));
  app.use("*", async (c, next) => {
    if (apiPaths.test(c.req.path) || !["GET", "HEAD"].includes(c.req.method)) return next();
    await next();
    c.header(
      "Content-Security-Policy",
      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
    );
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "same-origin");
    if (c.res.headers.get("content-type")?.startsWith("text/html"))
      c.header("Cache-Control", "no-cache");
  });
  if (!built) {
    app.get("*", async (c, next) => {
      if (apiPaths.test(c.req.path)) return next();
      return c.html(
        "<!doctype html><title>Tandem</title><p>The console is not built yet: run <code>npm run build</code> in Tandem's folder, then reload.</p>",
        503,
      );
    });
    return app;
  }
  // hashed file names under assets/ never change: cached for a year; index.html never cached
  app.use("/assets/*", async (c, next) => {
    await next();
    if (c.res.ok) c.header("Cache-Control", "public, max-age=31536000, immutable");
  });
  app.use("*", serveStatic({ root: dir, index: "index.html" }));
  const indexPage = serveStatic({ root: dir, path: "index.html" });
  app.get("*", async (c, next) => {
    if (apiPaths.test(c.req.path) || /\.[a-z0-9]+$/i.test(c.req.path)) return next();
    return indexPage(c, next);
  });
  return app;
}
