/** The closed set of ways a call to an external system can fail. */
export type ConnectorErrorCode =
  | "unauthorized"
  | "not_found"
  | "invalid"
  | "precondition_failed"
  | "rate_limited"
  | "unavailable"
  | "timeout"
  | "bad_response";

export class ConnectorError extends Error {
  constructor(
    readonly code: ConnectorErrorCode,
    message: string,
    readonly status?: number,
    readonly body?: unknown,
  ) {
    super(message);
    this.name = "ConnectorError";
  }
}

/** Worth trying again later: the system was busy or unreachable, not wrong about our request. */
export function isRetryable(code: ConnectorErrorCode): boolean {
  switch (code) {
    case "rate_limited":
    case "unavailable":
    case "timeout":
      return true;
    case "unauthorized":
    case "not_found":
    case "invalid":
    case "precondition_failed":
    case "bad_response":
      return false;
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}
