import { lastFinishedJob } from "../queue/last-finished-job.ts";
import { readChangeMarkers } from "../store/change-markers.ts";
import type { ServiceContext } from "./service-context.ts";

/** How often a store's markers are read while anyone watches it. */
export const liveCheckMs = 1000;

type Listener = () => void;

interface StoreWatch {
  listeners: Set<Listener>;
  timer: NodeJS.Timeout;
  last: string | undefined;
}

/**
 * R11.9: changes made elsewhere (a POS edit the engine merged, a finished write, a batch of sales)
 * told to the consoles watching the store. One read of the store's change markers a second per
 * store per process, however many consoles are open, only while at least one is; the watchers
 * are told that something changed, and ask the API for what they show. Polled rather than
 * notified: the changes are made by workers in other processes, on either store, and a missed
 * notification would leave a screen stale.
 */
export function createLiveChanges(ctx: Pick<ServiceContext, "db" | "log">) {
  const stores = new Map<number, StoreWatch>();

  async function check(storeId: number, watch: StoreWatch) {
    try {
      const markers = `${await readChangeMarkers(ctx.db, storeId)}/${await lastFinishedJob(ctx.db, storeId)}`;
      const changed = watch.last !== undefined && markers !== watch.last;
      watch.last = markers;
      if (changed) for (const listener of watch.listeners) listener();
    } catch (error) {
      // the store is away for a moment (a restart, a lost connection): the next tick tries again
      ctx.log.warn({ err: error, storeId }, "live changes: markers not read");
    }
  }

  return {
    /** Calls `listener` whenever the store changes; returns the function that stops it. */
    watch(storeId: number, listener: Listener): () => void {
      let watch = stores.get(storeId);
      if (!watch) {
        const created: StoreWatch = {
          listeners: new Set(),
          last: undefined,
          timer: setInterval(() => void check(storeId, created), liveCheckMs),
        };
        created.timer.unref();
        void check(storeId, created);
        stores.set(storeId, created);
        watch = created;
      }
      watch.listeners.add(listener);
      return () => {
        const current = stores.get(storeId);
        if (!current) return;
        current.listeners.delete(listener);
        if (current.listeners.size === 0) {
          clearInterval(current.timer);
          stores.delete(storeId);
        }
      };
    },
    close() {
      for (const watch of stores.values()) clearInterval(watch.timer);
      stores.clear();
    },
  };
}

export type LiveChanges = ReturnType<typeof createLiveChanges>;
