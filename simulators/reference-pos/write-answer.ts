import type { WriteResult } from "./customer-writes.ts";
import { fail, type PosRuntime } from "./pos-env.ts";

export interface Answer {
  status: 200 | 201 | 400 | 404 | 409;
  body: unknown;
}

/**
 * Turns a write's result into the protocol's answer, and tells webhook subscribers when the write
 * changed the customer. A refused conditional write carries the current customer (409).
 */
export function writeAnswer(
  pos: PosRuntime,
  result: WriteResult,
  okStatus: 200 | 201,
  created: boolean,
  attribution: { via: "integration" | "staff"; associateNumber?: string | undefined },
): Answer {
  if (result.ok) {
    if (result.changed) {
      pos.state.recordChange(result.customer.id, {
        version: result.customer.version,
        via: attribution.via,
        associateNumber: attribution.associateNumber ?? null,
        at: result.customer.updatedAt,
      });
      pos.notify(result.customer.id, created);
    }
    return { status: okStatus, body: result.customer };
  }
  const status = result.code === "not_found" ? 404 : result.code === "invalid" ? 400 : 409;
  return {
    status,
    body: {
      ...fail(result.code, result.message),
      ...(result.customer ? { customer: result.customer } : {}),
    },
  };
}
