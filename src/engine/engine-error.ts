/**
 * R8.4: why the engine refused a change, as a code services map to their own errors (and so to
 * the API's): `not_found` (the customer, partner, item or product named is not there),
 * `invalid_edit` (the change does not fit what the customer holds: a note it does not have, a
 * field with no open conflict), `conflict` (the customer's state does not allow it now).
 * Anything else the engine throws is a fault, a 500 at the API and a failing event in the inbox.
 */
export type EngineErrorCode = "not_found" | "invalid_edit" | "conflict";

export class EngineError extends Error {
  constructor(
    readonly code: EngineErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "EngineError";
  }
}
