import { describe, expect, it } from "vitest";
import { createEdgeViewerAddressOf } from "./edgeViewerAddress.ts";

const SECRET = "s".repeat(40);

describe("the viewer's address behind CloudFront", () => {
  const viewerAddressOf = createEdgeViewerAddressOf(SECRET);

  it("is believed when the request carries the stage's secret", () => {
    expect(viewerAddressOf({ "x-origin-verify": SECRET, "x-viewer-address": "198.51.100.7" })).toBe(
      "198.51.100.7",
    );
    expect(viewerAddressOf({ "x-origin-verify": SECRET, "x-viewer-address": "2001:db8::7" })).toBe(
      "2001:db8::7",
    );
  });

  it("is not believed with a wrong, shorter or missing secret: the request came around CloudFront", () => {
    for (const verify of [`${SECRET.slice(1)}x`, SECRET.slice(1), undefined]) {
      expect(
        viewerAddressOf({ "x-origin-verify": verify, "x-viewer-address": "198.51.100.7" }),
      ).toBe(undefined);
    }
  });

  it("is not believed when the header is not an address", () => {
    expect(
      viewerAddressOf({ "x-origin-verify": SECRET, "x-viewer-address": "198.51.100.7, 10.0.0.1" }),
    ).toBe(undefined);
    expect(viewerAddressOf({ "x-origin-verify": SECRET })).toBe(undefined);
  });

  it("believes nothing where no secret is configured (the local server)", () => {
    expect(
      createEdgeViewerAddressOf(undefined)({
        "x-origin-verify": "",
        "x-viewer-address": "1.2.3.4",
      }),
    ).toBe(undefined);
  });
});
