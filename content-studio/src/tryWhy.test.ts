import { describe, expect, it } from "vitest";
import type { TryOutcome } from "./api.ts";
import { UI } from "./i18n.ts";
import { whyLine } from "./tryWhy.ts";

const why = { answersFrom: 0.6, closeFrom: 0.56, offeredFrom: 0.15 };
const top = (...scores: [string, number][]) =>
  scores.map(([intent, confidence]) => ({ intent, confidence }));

function line(outcome: Pick<TryOutcome, "top" | "why">, lang: "fi" | "sv" = "fi"): string {
  return whyLine(outcome, UI[lang]).replace(/\u00a0/g, " ");
}

describe("why the chat replied so, in the content owner's words", () => {
  it("an answer names the best topic's confidence against the answering one", () => {
    expect(
      line({ top: top(["vat", 0.87], ["tax-card", 0.05]), why: { ...why, kind: "answer" } }),
    ).toBe(
      "Vastaa aiheella: sen varmuus 87 % on vähintään 60 %, eikä toiseksi todennäköisin ole lähellä.",
    );
  });

  it("a which-one question says whether the best was unsure or the second close", () => {
    expect(
      line({ top: top(["vat", 0.55], ["tax-card", 0.2]), why: { ...why, kind: "clarify" } }),
    ).toContain("paras aihe on vain 55 % varma");
    expect(
      line({ top: top(["vat", 0.8], ["tax-card", 0.6]), why: { ...why, kind: "clarify" } }, "sv"),
    ).toContain("det näst mest sannolika ämnet (60 %) ligger nära det bästa");
  });

  it("a referral names the group that answered, small talk as any other", () => {
    const outcome = {
      top: top(["small-talk", 0.92], ["vat", 0.03]),
      why: { ...why, kind: "referral" as const },
      answer: { referral: "small-talk" },
    };
    const name = (id: string) => (id === "small-talk" ? "Pientä juttelua (small-talk)" : id);
    expect(whyLine(outcome, UI.fi, name)).toBe(
      "Vastaa ohjausryhmän Pientä juttelua (small-talk) vastauksella: viesti on lähimpänä sen lauseita, ei minkään aiheen.",
    );
    expect(whyLine(outcome, UI.sv)).toContain("Svarar med hänvisningsgruppen small-talk");
  });

  it("no answer tells a message outside the topics from one no topic is sure enough of", () => {
    expect(line({ top: top(["none", 0.9], ["vat", 0.05]), why: { ...why, kind: "none" } })).toBe(
      "Ei vastausta: viesti ei kuulu botin aiheisiin.",
    );
    expect(
      line({ top: top(["vat", 0.3], ["tax-card", 0.1]), why: { ...why, kind: "none" } }),
    ).toContain(
      "mikään aihe ei ole tarpeeksi varma (vastaus varmuudesta 60 %, valinnaksi tarjotaan varmuudesta 15 %)",
    );
  });
});
