import { LinkTransitionError } from "../domain/link-status.ts";
import { EngineError, type EngineErrorCode } from "../engine/entries.ts";
import { isNumberTakenMeanwhile } from "../store/customer-numbers.ts";
import { ServiceError, type ServiceErrorCode } from "./service-error.ts";

const serviceCodes: Record<EngineErrorCode, ServiceErrorCode> = {
  not_found: "not_found",
  invalid_edit: "invalid",
  conflict: "conflict",
};

/**
 * R8.4: runs an engine entry; its refusals become the service's errors (and so the API's 404,
 * 400, 409) with the engine's message. A link the change may not move (its state machine
 * refuses) is a conflict. Anything else stays a fault (a 500, logged).
 */
export async function asServiceError<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof EngineError)
      throw new ServiceError(serviceCodes[error.code], error.message);
    if (error instanceof LinkTransitionError) throw new ServiceError("conflict", error.message);
    if (isNumberTakenMeanwhile(error))
      throw new ServiceError(
        "conflict",
        "customerNumber: another customer took this number at the same moment; take the next free number or type another",
      );
    throw error;
  }
}
