import type { Queryable } from "../store/database.ts";
import { clientWithNumber } from "../store/customer-numbers.ts";
import { externalIdWithNumber } from "../store/external-records.ts";
import { EngineError } from "./engine-error.ts";

/** S5: a number typed or kept for a new hub customer is refused when a customer of the store has it. */
export async function refuseNumberInUse(
  tx: Queryable,
  storeId: number,
  number: string,
): Promise<void> {
  const holder = await clientWithNumber(tx, storeId, number);
  if (holder !== undefined)
    throw new EngineError(
      "conflict",
      `customerNumber: ${number} is in use by customer ${holder}; keep another, take the next free number, or type one`,
    );
}

/**
 * S5: after a new customer's insert, the number typed for it is its own; if another transaction
 * took it at the same moment (the insert then drew the next free one), the create is refused.
 */
export async function refuseNumberTakenMeanwhile(
  tx: Queryable,
  storeId: number,
  number: string,
  clientId: number,
): Promise<void> {
  if ((await clientWithNumber(tx, storeId, number)) !== clientId)
    throw new EngineError(
      "conflict",
      "customerNumber: another customer took this number at the same moment; take the next free number or type another",
    );
}

/**
 * S5: a number asked of another system is refused when the hub knows a customer there with it
 * (the system itself may still refuse one the hub does not know; the create then fails with its
 * answer).
 */
export async function refuseExternalNumberInUse(
  tx: Queryable,
  integrationId: number,
  number: string,
): Promise<void> {
  const holder = await externalIdWithNumber(tx, integrationId, number);
  if (holder !== undefined)
    throw new EngineError(
      "conflict",
      `number: ${number} is in use in integration ${integrationId} by customer ${holder}; take the next free number or type another`,
    );
}
