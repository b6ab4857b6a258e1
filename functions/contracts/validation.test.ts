import { describe, expect, it } from "vitest";
import * as z from "zod";
import { describeValidationError, wholeNumber } from "./validation.ts";

const query = z.strictObject({
  limit: wholeNumber(1, 500).optional(),
  before: wholeNumber(1).optional(),
});

function problems(value: unknown): string | undefined {
  const result = query.safeParse(value);
  return result.success ? undefined : describeValidationError(result.error);
}

describe("wholeNumber", () => {
  it("takes a whole number in range from a query string", () => {
    expect(query.parse({ limit: "20", before: "7" })).toEqual({ limit: 20, before: 7 });
  });

  it("says what is expected however the value is wrong, naming the field", () => {
    for (const limit of ["x", "2.5", "0", "501", ""]) {
      expect(problems({ limit })).toBe("limit: must be a whole number from 1 to 500");
    }
    expect(problems({ before: "abc" })).toBe("before: must be a whole number of at least 1");
  });
});
