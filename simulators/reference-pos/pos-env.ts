import type { PosState } from "./pos-state.ts";

/** What every route of the reference POS can reach. */
export interface PosRuntime {
  state: PosState;
  storeName: string;
  now: () => Date;
  /** tells subscribers about a changed customer */
  notify(customerId: string, created: boolean): void;
  /** tells subscribers about a changed inventory item or a new sale */
  notifyRecord(kind: "inventory" | "sale", record: { id: string; version: number }): void;
  faults: {
    remaining: number;
    status: number;
    /** record versions ("sale:s_000001@7") the feeds serve with one field replaced (a test hook) */
    malformed: Map<string, { field: string; value: unknown }>;
  };
}

export interface PosEnv {
  Variables: { pos: PosRuntime };
}

export const fail = (code: string, message: string) => ({ error: { code, message } });
