import { describe, expect, it } from "vitest";
import { ApiError } from "./client";
import { explainError } from "./explain-error";

const refusal = (status: number, code: string, message: string) =>
  explainError(new ApiError(status, code, message));

describe("the console's words for the hub's refusals", () => {
  it("R11.10: a field's path and the schema checker's phrases read as a store owner would say them", () => {
    expect(refusal(400, "invalid", "name: Too big: expected string to have <=200 characters")).toBe(
      "Please check this: Name: is too long (200 characters at most).",
    );
    expect(
      refusal(400, "invalid", "lines.0.amount: Invalid input: expected number, received null"),
    ).toBe("Please check this: Amount: must be a number.");
    expect(
      refusal(
        400,
        "invalid",
        "options.salesBatchTimes.0: Too small: expected string to have >=1 characters",
      ),
    ).toBe("Please check this: Batch times: must not be empty.");
    expect(refusal(400, "invalid", "daysAfter: Invalid input: expected int, received number")).toBe(
      "Please check this: Days after the sale: must be a whole number.",
    );
    expect(refusal(400, "invalid", "preferences.ring_size: not a valid field name")).toBe(
      "Please check this: Preference “ring_size”: not a valid field name.",
    );
    expect(refusal(400, "invalid", "someNewField: is wrong")).toBe(
      "Please check this: Some new field: is wrong.",
    );
  });

  it("R11.10: a refused sign-in says why, and a role's refusal says who may", () => {
    expect(refusal(401, "unauthenticated", "the email or the password is wrong")).toBe(
      "The email or the password is wrong.",
    );
    expect(refusal(401, "unauthenticated", "no session")).toBe(
      "You are not signed in, or your sign-in has ended (no session).",
    );
    expect(
      refusal(
        403,
        "forbidden",
        "listIntegrations (GET /v1/integrations) needs the role admin or manager; you are associate",
      ),
    ).toBe("Your role does not allow this: only admins or managers may.");
  });
});
