import { describe, expect, it } from "vitest";
import * as z from "zod";
import { describeValidationError, numberFrom, wholeNumber } from "./validation.ts";

const query = z.strictObject({
  limit: wholeNumber(1, 500).optional(),
  before: wholeNumber(1).optional(),
});

function problems(value: unknown): string | undefined {
  const result = query.safeParse(value);
  return result.success ? undefined : describeValidationError(result.error);
}

describe("numberFrom", () => {
  const settings = z.strictObject({
    share: numberFrom(0, 1).optional(),
    rate: numberFrom(0, 100, { above: true }).optional(),
  });
  const said = (value: unknown) => {
    const result = settings.safeParse(value);
    return result.success ? undefined : describeValidationError(result.error);
  };

  it("takes decimals in range, the bounds included unless above is asked", () => {
    expect(settings.parse({ share: "0.65", rate: "0.5" })).toEqual({ share: 0.65, rate: 0.5 });
    expect(settings.parse({ share: "0" })).toEqual({ share: 0 });
  });

  it("says what is expected however the value is wrong", () => {
    for (const share of ["x", "-0.1", "1.5"]) {
      expect(said({ share })).toBe("share: must be a number from 0 to 1");
    }
    for (const rate of ["0", "101", "fast"]) {
      expect(said({ rate })).toBe("rate: must be a number above 0 and at most 100");
    }
  });
});

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
