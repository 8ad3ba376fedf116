import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

export interface MemoryGuardOptions {
  /** resident memory (MB) above which a full collection is asked for */
  thresholdMb: number;
  /** how often the resident memory is read */
  checkMs: number;
  /** the least time between two collections asked for */
  minGapMs: number;
  /** for tests: the process's resident memory in bytes, a full collection, the clock */
  rss?: () => number;
  collect?: () => void;
  now?: () => number;
}

/** V8's full collection, which Node exposes only behind --expose-gc: set here, at run time. */
function fullCollection(): () => void {
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
}

/**
 * R8.6, issue 10: the embedded store's process holds the API, the worker and PostgreSQL itself
 * (PGlite's WebAssembly heap, some 330 MB that is never given back), and must stay under 512 MB.
 * V8 grows its old generation lazily between collections: W1 peaked at 487-540 MB there although
 * the live JavaScript heap fits in 192 MB (the same run with --max-old-space-size=192 peaked at
 * 375 MB). A heap cap would end the process if its live heap ever passed it; this instead asks
 * for a full collection when the resident memory passes `thresholdMb`, at most every `minGapMs`.
 * Hand-written: no library does this one thing. Returns how to stop it.
 */
export function startMemoryGuard(options: MemoryGuardOptions): () => void {
  const rss = options.rss ?? (() => process.memoryUsage.rss());
  const now = options.now ?? Date.now;
  let collect = options.collect;
  let last = -Infinity;
  const timer = setInterval(() => {
    if (rss() < options.thresholdMb * 1024 * 1024 || now() - last < options.minGapMs) return;
    collect ??= fullCollection();
    collect();
    last = now();
  }, options.checkMs);
  timer.unref();
  return () => clearInterval(timer);
}
