import { describe, expect, expectTypeOf, it } from "vitest";
import { sessionAttributesSchema } from "../../adapters/lex/lexV2.ts";
import type { Chat } from "../chat/model.ts";
import type { DialogueContext } from "../dialogue/answerTurn.ts";
import { ASSURANCE_LEVELS, type Assurance, canSeePersonalData } from "./identity.ts";

// One list of assurance levels: the chat, the dialogue and the Lex session attributes all
// take theirs from it, so a level added or renamed there reaches every one of them.
describe("assurance levels", () => {
  it("are one type wherever a sign-in's level is kept", () => {
    expectTypeOf<NonNullable<Chat["assurance"]>>().toEqualTypeOf<Assurance>();
    expectTypeOf<NonNullable<DialogueContext["assurance"]>>().toEqualTypeOf<Assurance>();
    expectTypeOf<
      NonNullable<ReturnType<typeof sessionAttributesSchema.parse>["assurance"]>
    >().toEqualTypeOf<Assurance>();
  });

  it("are what Lex session attributes accept, and nothing else", () => {
    const base = { chatLang: "fi" };
    for (const assurance of ASSURANCE_LEVELS) {
      expect(sessionAttributesSchema.parse({ ...base, assurance }).assurance).toBe(assurance);
    }
    expect(sessionAttributesSchema.safeParse({ ...base, assurance: "medium" }).success).toBe(false);
  });

  it("unlock personal data from substantial up", () => {
    expect(ASSURANCE_LEVELS.filter((assurance) => canSeePersonalData({ assurance }))).toEqual([
      "substantial",
      "high",
    ]);
  });
});
