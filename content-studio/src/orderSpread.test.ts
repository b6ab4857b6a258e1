import { describe, expect, it } from "vitest";
import { ContentApiError, ServiceUnavailableError } from "./api.ts";
import { UI } from "./i18n.ts";
import { gateStanding, ordersRefusal } from "./orderSpread.ts";

const at = (min: number, max: number, gate?: { min: number } | { max: number }) => ({
  mean: (min + max) / 2,
  min,
  max,
  ...(gate ? { gate } : {}),
});

describe("a figure's range over the training orders against the gate", () => {
  it("is clear, crosses or fails a lower bound by where its ends lie", () => {
    // Finnish none recall today: 90.8-92.9 % against 90 %, and if it slipped.
    expect(gateStanding(at(0.908, 0.929, { min: 0.9 }))).toBe("clear");
    expect(gateStanding(at(0.9, 0.929, { min: 0.9 }))).toBe("clear");
    expect(gateStanding(at(0.889, 0.912, { min: 0.9 }))).toBe("crosses");
    expect(gateStanding(at(0.85, 0.899, { min: 0.9 }))).toBe("fails");
  });

  it("is clear, crosses or fails an upper bound by where its ends lie", () => {
    expect(gateStanding(at(0, 0.05, { max: 0.05 }))).toBe("clear");
    expect(gateStanding(at(0.04, 0.061, { max: 0.05 }))).toBe("crosses");
    expect(gateStanding(at(0.051, 0.08, { max: 0.05 }))).toBe("fails");
  });

  it("stands nowhere for a figure the gate does not hold", () => {
    expect(gateStanding(at(0, 1))).toBe("none");
  });
});

describe("a refused run over several orders", () => {
  it("says another run is under way, or that the deployment cannot train other orders", () => {
    const t = UI.fi;
    expect(ordersRefusal(new ContentApiError(409, "CONFLICT", "already running"), t)).toBe(
      t.ordersBusy,
    );
    expect(
      ordersRefusal(new ServiceUnavailableError(503, "SERVICE_UNAVAILABLE", "inline"), t),
    ).toBe(t.ordersUnavailable);
  });

  it("leaves other failures to the studio's usual words", () => {
    const t = UI.sv;
    expect(ordersRefusal(new ServiceUnavailableError(0, "NO_ANSWER", ""), t)).toBeUndefined();
    expect(ordersRefusal(new ContentApiError(409, "VERSION_STALE", ""), t)).toBeUndefined();
    expect(ordersRefusal(new Error("boom"), t)).toBeUndefined();
  });
});
