// The reference POS as its own process, for the benchmarks: seeded at scale (lazily), so its RSS
// and its answers are measured apart from the hub's. Prints `POS {"url", "seedMs"}` when listening;
// with --observe, a `WRITE {...}` line for each integration write (W2's write log).
import { parseArgs } from "node:util";
import { startReferencePos } from "../simulators/reference-pos/server.ts";

const { values } = parseArgs({
  options: {
    customers: { type: "string", default: "1000" },
    "sales-lines": { type: "string", default: "0" },
    port: { type: "string", default: "0" },
    "api-key": { type: "string", default: "bench-pos-key" },
    observe: { type: "boolean", default: false },
  },
});
const started = performance.now();
const pos = await startReferencePos({
  port: Number(values.port),
  apiKey: values["api-key"],
  scale: { customers: Number(values.customers), salesLines: Number(values["sales-lines"]) },
  webhookRetryBaseMs: 200,
  ...(values.observe
    ? {
        observeWrite: (w) =>
          process.stdout.write(`WRITE ${JSON.stringify({ at: Date.now(), ...w })}\n`),
      }
    : {}),
});
const seedMs = Math.round(performance.now() - started);
process.stdout.write(`POS ${JSON.stringify({ url: pos.url, seedMs })}\n`);
const stop = () => void pos.close().then(() => process.exit(0));
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
