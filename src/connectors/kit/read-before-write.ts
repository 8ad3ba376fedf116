import { wishValue, type ExternalCustomer } from "../../domain/customer.ts";
import type { Connector, CustomerOperation, Wish } from "./connector.ts";
import { ConnectorError } from "./connector-error.ts";

const wishText = (wish: Wish | null | undefined) => (wish ? wishValue(wish) : null);

/** What the customer holds now where the operation writes, as its `expected` names it. */
function currentValue(op: CustomerOperation, { customer }: ExternalCustomer): string | null {
  switch (op.op) {
    case "setName":
      return customer[op.field] ?? null;
    case "setAcquisition":
      return customer.acquisition ?? null;
    case "setPreference":
      return customer.preferences[op.name] ?? null;
    case "setNote":
      return customer.notes?.find((n) => n.id === op.id)?.body ?? null;
    case "setWish":
    case "removeWish":
      return wishText(customer.wishes?.find((w) => w.id === op.id));
    case "addContact":
    case "addNote":
    case "addWish":
      return null;
  }
}

function expectedValue(op: CustomerOperation): string | null | undefined {
  switch (op.op) {
    case "setName":
    case "setAcquisition":
    case "setPreference":
    case "setNote":
      return op.expected;
    case "setWish":
    case "removeWish":
      return wishText(op.expected);
    case "addContact":
    case "addNote":
    case "addWish":
      // an addition replaces nothing: it has no expectation
      return undefined;
  }
}

/** Whether every expectation of the operations holds on `current`. */
export function expectationsHold(
  operations: readonly CustomerOperation[],
  current: ExternalCustomer,
): boolean {
  return operations.every((op) => {
    const expected = expectedValue(op);
    return expected === undefined || expected === currentValue(op, current);
  });
}

/**
 * R8.1: conditional writes for a system that has none. The kit reads the customer, compares the
 * operations' expectations with what it holds, and refuses the write as `precondition_failed`
 * (with the current state, as a conditional system would answer) when one differs; otherwise it
 * writes. A change made at the system between the read and the write is not caught (the system
 * offers nothing to catch it with); the window is one round trip instead of the job's lifetime.
 * Every connector without conditional writes gets this from `defineConnector`, none writes it.
 */
export function withReadBeforeWrite(connector: Connector): Connector {
  const { sink, source } = connector;
  return {
    ...connector,
    sink: {
      ...sink,
      async updateCustomer(id, operations, options) {
        const current = await source.getCustomer(id);
        if (!current) throw new ConnectorError("not_found", `customer ${id} does not exist`);
        if (!expectationsHold(operations, current))
          return { ok: false, reason: "precondition_failed", customer: current };
        return sink.updateCustomer(id, operations, options);
      },
    },
  };
}
