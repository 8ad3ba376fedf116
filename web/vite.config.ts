// The console's build (npm run build): React pages compiled to web/dist, which the hub serves
// itself (src/api/console-files.ts). `npx vite web` serves them with live reload while a hub on
// :8080 (or TANDEM_HUB_URL) answers the API.
import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const hub = process.env.TANDEM_HUB_URL ?? "http://127.0.0.1:8080";

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 1024 },
  server: {
    proxy: Object.fromEntries(["/v1", "/auth", "/openapi.json"].map((p) => [p, hub])),
  },
  logLevel: "warn",
});
