import { describe, expect, it } from "vitest";
import type { Chat } from "./model.ts";
import { signInValid, withCurrentSignIn } from "./signIn.ts";

const NOW = new Date("2026-11-24T08:00:00.000Z");
const signedIn: Chat = {
  chatId: "c1",
  lang: "fi",
  state: "bot",
  startedAt: "2026-11-24T07:00:00.000Z",
  resumeSecretHash: "x",
  topics: [],
  missesInRow: 0,
  handledBy: "bot",
  authenticated: true,
  subject: "subject-1",
  customerName: "Aino Virtanen",
  assurance: "high",
  signInExpiresAt: "2026-11-24T08:00:01.000Z",
};

describe("sign-in expiry", () => {
  it("keeps a sign-in until its expiry and not at it", () => {
    expect(signInValid(signedIn, NOW)).toBe(true);
    expect(withCurrentSignIn(signedIn, NOW)).toBe(signedIn);
    expect(signInValid(signedIn, new Date("2026-11-24T08:00:01.000Z"))).toBe(false);
  });

  it("serves an expired or expiry-less sign-in as anonymous, with no trace of the person", () => {
    const later = new Date("2026-11-24T09:00:00.000Z");
    const { signInExpiresAt: _none, ...withoutExpiry } = signedIn;
    for (const view of [
      withCurrentSignIn(signedIn, later),
      withCurrentSignIn(withoutExpiry, NOW),
    ]) {
      expect(view.authenticated).toBe(false);
      expect(view).not.toHaveProperty("subject");
      expect(view).not.toHaveProperty("customerName");
      expect(view).not.toHaveProperty("assurance");
      expect(view.chatId).toBe("c1");
    }
  });
});
