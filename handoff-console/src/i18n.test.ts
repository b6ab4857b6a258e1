import { describe, expect, it } from "vitest";
import { TOPIC_IDS } from "../../functions/contracts/topics.ts";
import { UI, WRAPUP_REASONS } from "./i18n.ts";

describe("wrap-up reasons", () => {
  it("offer every topic but the conversation moves, once each, and other last", () => {
    expect(WRAPUP_REASONS.at(-1)).toBe("other");
    expect(new Set(WRAPUP_REASONS).size).toBe(WRAPUP_REASONS.length);
    expect([...WRAPUP_REASONS].sort()).toEqual(
      [...TOPIC_IDS.filter((id) => id !== "greeting" && id !== "goodbye"), "other"].sort(),
    );
  });

  it("each have a name in both languages", () => {
    for (const text of [UI.fi, UI.sv]) {
      for (const id of WRAPUP_REASONS) expect(text.reasons[id]).toMatch(/\S/);
    }
  });
});
