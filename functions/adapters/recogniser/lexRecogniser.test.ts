import { LexRuntimeV2Client, RecognizeTextCommand } from "@aws-sdk/client-lex-runtime-v2";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, describe, expect, it } from "vitest";
import { intentIdOf, LexRecogniser } from "./lexRecogniser.ts";

const lex = mockClient(LexRuntimeV2Client);

function recogniser() {
  return new LexRecogniser({
    botId: "BOT",
    botAliasId: "ALIAS",
    client: new LexRuntimeV2Client({ region: "eu-west-1" }),
    sessionId: () => "session-1",
  });
}

afterEach(() => lex.reset());

describe("LexRecogniser", () => {
  it("asks the Swedish locale and maps interpretations to topics", async () => {
    lex.on(RecognizeTextCommand).resolves({
      interpretations: [
        { intent: { name: "tax-refund" }, nluConfidence: { score: 0.91 } },
        { intent: { name: "FallbackIntent" } },
        { intent: { name: "residual-tax" }, nluConfidence: { score: 0.05 } },
        { intent: { name: "tax-card" }, nluConfidence: { score: 0.02 } },
      ],
    });

    const result = await recogniser().recognise("när kommer återbäringen", "sv");

    expect(lex.commandCalls(RecognizeTextCommand)[0]?.args[0].input).toEqual({
      botId: "BOT",
      botAliasId: "ALIAS",
      localeId: "sv_SE",
      sessionId: "session-1",
      text: "när kommer återbäringen",
    });
    expect(result.intent).toBe("tax-refund");
    expect(result.confidence).toBe(0.91);
    expect(result.detectedLang).toBe("sv");
    expect(result.alternatives.map((a) => a.intent)).toEqual([
      "tax-refund",
      "none",
      "residual-tax",
    ]);
  });

  it("answers none when Lex falls back", async () => {
    lex.on(RecognizeTextCommand).resolves({
      interpretations: [
        { intent: { name: "FallbackIntent" } },
        { intent: { name: "tax-card" }, nluConfidence: { score: 0.3 } },
      ],
    });

    const result = await recogniser().recognise("millainen sää huomenna", "fi");

    expect(lex.commandCalls(RecognizeTextCommand)[0]?.args[0].input.localeId).toBe("fi_FI");
    expect(result).toMatchObject({ intent: "none", confidence: 0.7 });
  });

  it("answers the OutOfScope intent, taught with out-of-scope examples, as none", async () => {
    lex.on(RecognizeTextCommand).resolves({
      interpretations: [
        { intent: { name: "OutOfScope" }, nluConfidence: { score: 0.82 } },
        { intent: { name: "tax-card" }, nluConfidence: { score: 0.1 } },
      ],
    });

    const result = await recogniser().recognise("mihin aikaan alko aukeaa", "fi");

    expect(result).toMatchObject({ intent: "none", confidence: 0.82 });
    expect(result.referral).toBeUndefined();
    expect(intentIdOf("OutOfScope")).toBe("none");
  });

  it("answers a referral group's intent as none with the group named", async () => {
    lex.on(RecognizeTextCommand).resolves({
      interpretations: [
        { intent: { name: "Referral_traficom" }, nluConfidence: { score: 0.88 } },
        { intent: { name: "FallbackIntent" } },
        { intent: { name: "payment" }, nluConfidence: { score: 0.06 } },
      ],
    });

    const result = await recogniser().recognise(
      "Ajoneuvovero on erääntynyt, mihin sen maksan?",
      "fi",
    );

    expect(result).toMatchObject({ intent: "none", confidence: 0.88, referral: "traficom" });
    expect(result.alternatives.map((a) => a.intent)).toEqual(["none", "payment"]);
    // A referral intent never reads as a topic, whatever its spelling would make of it.
    expect(intentIdOf("Referral_small-talk")).toBe("none");
  });

  it("answers none when Lex returns no interpretations", async () => {
    lex.on(RecognizeTextCommand).resolves({});

    const result = await recogniser().recognise("", "fi");

    expect(result).toMatchObject({ intent: "none", alternatives: [] });
  });

  it("propagates Lex errors to the caller", async () => {
    lex.on(RecognizeTextCommand).rejects(new Error("throttled"));

    await expect(recogniser().recognise("hei", "fi")).rejects.toThrow("throttled");
  });
});

describe("intentIdOf", () => {
  it.each([
    ["tax-card", "tax-card"],
    ["tax_card", "tax-card"],
    ["TaxCard", "tax-card"],
    ["FallbackIntent", "none"],
    ["CapitalGains", "capital-gains"],
    ["Something__Else", "none"],
    [undefined, "none"],
  ])("maps %s to %s", (name, id) => {
    expect(intentIdOf(name)).toBe(id);
  });
});
