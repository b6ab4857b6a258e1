import { describe, expect, it } from "vitest";
import { etagOf, expectationOf, revisionOf, UNREVISED } from "./revisionHeaders.ts";

describe("draft revisions over HTTP", () => {
  it("reads If-Match as the revision read, and the unrevised stand-in as no revision", () => {
    expect(expectationOf({ "if-match": '"r-1"' })).toEqual({ revision: "r-1" });
    expect(expectationOf({ "If-Match": ' "r-1" ' })).toEqual({ revision: "r-1" });
    // As CloudFront gives it back for a compressed answer.
    expect(expectationOf({ "if-match": 'W/"r-1"' })).toEqual({ revision: "r-1" });
    expect(expectationOf({ "if-match": etagOf(UNREVISED) })).toEqual({ revision: undefined });
    expect(expectationOf({ "if-none-match": "*" })).toEqual({ absent: true });
    expect(expectationOf({ accept: "application/json" })).toBeUndefined();
    expect(expectationOf(undefined)).toBeUndefined();
  });

  it("refuses what is not one revision, naming the header", () => {
    const refusal = (headers: Record<string, string>) => {
      try {
        expectationOf(headers);
      } catch (error) {
        return { status: (error as { statusCode: number }).statusCode, message: String(error) };
      }
      return undefined;
    };
    expect(refusal({ "if-match": "r-1" })).toMatchObject({
      status: 400,
      message: expect.stringContaining("If-Match: must be the one quoted revision"),
    });
    expect(refusal({ "if-match": '"a", "b"' })?.status).toBe(400);
    expect(refusal({ "if-match": "*" })?.status).toBe(400);
    expect(refusal({ "if-none-match": '"r-1"' })?.message).toContain("If-None-Match: must be *");
    expect(refusal({ "if-match": '"r-1"', "if-none-match": "*" })?.message).toContain(
      "If-None-Match: must not be sent with If-Match",
    );
    // A DELETE cannot create: If-None-Match there would only ever fail.
    expect(() => expectationOf({ "if-none-match": "*" }, false)).toThrow(
      /If-None-Match: cannot apply here/,
    );
  });

  it("tells an item's revision, and one written before revisions as the stand-in", () => {
    const meta = { updatedBy: "u", updatedByName: "U", updatedAt: "t", retired: false };
    expect(revisionOf({ ...meta, revision: "r-2" })).toBe("r-2");
    expect(revisionOf(meta)).toBe(UNREVISED);
    expect(revisionOf(undefined)).toBe(UNREVISED);
  });
});
