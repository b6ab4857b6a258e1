import "aws-sdk-client-mock-vitest/extend";
import {
  BuildBotLocaleCommand,
  CreateBotVersionCommand,
  CreateIntentCommand,
  DeleteIntentCommand,
  DescribeBotAliasCommand,
  DescribeBotLocaleCommand,
  DescribeBotVersionCommand,
  DescribeIntentCommand,
  LexModelsV2Client,
  ListIntentsCommand,
  ServiceQuotaExceededException,
  UpdateBotAliasCommand,
  UpdateIntentCommand,
  ValidationException,
} from "@aws-sdk/client-lex-models-v2";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { BotContent, Topic } from "../../content/loadContent.ts";
import type { Lang } from "../../contracts/lang.ts";
import { manualClock } from "../../domain/clock.ts";
import { lexIntents } from "./lexBotDefinition.ts";
import { LexPublishError, publishLexVersion } from "./lexPublisher.ts";

const lex = mockClient(LexModelsV2Client);
const BOT = "BOTID12345";
const ALIAS = "ALIASID123";
const BUILD_SUBMITTED = new Date("2026-11-23T10:00:00Z");

afterEach(() => lex.reset());

// --- content and the bot's draft ------------------------------------------------------------

function sentences(prefix: string): string[] {
  return Array.from({ length: 20 }, (_, i) => `${prefix} kysymys ${i + 1}`);
}

function topic(id: Topic["id"], fi: string[], sv: string[] = fi.map((s) => `${s} sv`)): Topic {
  const locale = (title: string, utterances: string[]) => ({
    title,
    utterances,
    answer: `${title}: vastaus.`,
  });
  return { id, fi: locale(`${id} fi`, fi), sv: locale(`${id} sv`, sv) };
}

/**
 * vat as it is live, payment with new sentences, omavero new; property-tax was retired; the
 * traficom referral group is new.
 */
const content: BotContent = {
  topics: new Map([
    ["vat", topic("vat", sentences("alv"))],
    ["payment", topic("payment", sentences("maksu uusi"))],
    ["omavero", topic("omavero", sentences("omavero"))],
  ]) as BotContent["topics"],
  outOfScope: { fi: ["sää huomenna"], sv: ["vädret i morgon"] },
  referrals: [
    {
      id: "traficom",
      fi: {
        title: "Ajoneuvovero ja Traficom",
        answer: "Ajoneuvovero on Traficomin asia.",
        link: { label: "Traficom", url: "https://www.traficom.fi/fi" },
        sentences: ["ajoneuvovero erääntyi", "ajoneuvoveron eräpäivä", "auton vero"],
      },
      sv: {
        title: "Fordonsskatt och Traficom",
        answer: "Fordonsskatten sköts av Traficom.",
        link: { label: "Traficom", url: "https://www.traficom.fi/sv" },
        sentences: ["fordonsskatten förföll", "fordonsskattens förfallodag", "bilskatt"],
      },
    },
  ],
};
const wanted = lexIntents(content).intents;

interface DraftIntent {
  intentId: string;
  intentName: string;
  parentIntentSignature?: string;
  description?: string;
  utterances?: string[];
}

/** The intent exactly as the definition wants it, so the publisher leaves it alone. */
function asWanted(lang: Lang, intentName: string, intentId: string): DraftIntent {
  const intent = wanted[lang].find((i) => i.name === intentName);
  if (!intent) throw new Error(`no ${intentName} in the definition`);
  return {
    intentId,
    intentName,
    parentIntentSignature: intent.parentIntentSignature,
    description: intent.description,
    utterances: intent.sampleUtterances?.map((u) => u.utterance),
  };
}

function givenDraft(localeId: string, intents: DraftIntent[]): void {
  lex.on(ListIntentsCommand, { localeId }).resolves({
    intentSummaries: intents.map(({ intentId, intentName, parentIntentSignature }) => ({
      intentId,
      intentName,
      parentIntentSignature,
    })),
  });
  for (const intent of intents) {
    lex.on(DescribeIntentCommand, { localeId, intentId: intent.intentId }).resolves({
      intentId: intent.intentId,
      intentName: intent.intentName,
      description: intent.description,
      parentIntentSignature: intent.parentIntentSignature,
      sampleUtterances: intent.utterances?.map((utterance) => ({ utterance })),
      fulfillmentCodeHook: { enabled: true, active: true },
    });
  }
}

/** The live bot: version 7 of both locales, the same content but payment's old sentences. */
function givenLiveBot(): void {
  for (const [lang, localeId, prefix] of [
    ["fi", "fi_FI", "F"],
    ["sv", "sv_SE", "S"],
  ] as const) {
    givenDraft(localeId, [
      asWanted(lang, "FallbackIntent", `${prefix}FALLBACK`),
      asWanted(lang, "vat", `${prefix}VAT`),
      { ...asWanted(lang, "payment", `${prefix}PAYMENT`), utterances: sentences("maksu vanha") },
      {
        intentId: `${prefix}PROPERTY`,
        intentName: "property-tax",
        description: "Kiinteistövero",
        utterances: sentences("kiinteistö"),
      },
    ]);
  }
  lex.on(DescribeBotAliasCommand).resolves({
    botId: BOT,
    botAliasId: ALIAS,
    botAliasName: "live",
    description: "What the gateway calls",
    botVersion: "7",
    botAliasLocaleSettings: {
      fi_FI: { enabled: true, codeHookSpecification: { lambdaCodeHook: hook() } },
      sv_SE: { enabled: true, codeHookSpecification: { lambdaCodeHook: hook() } },
    },
    sentimentAnalysisSettings: { detectSentiment: false },
  });
  // Cut by cdk deploy, which names the content's fingerprint, not the intents.
  lex
    .on(DescribeBotVersionCommand, { botVersion: "7" })
    .resolves({ botVersion: "7", botStatus: "Available", description: "Bot content 0123456789ab" });
}

function hook() {
  return {
    lambdaARN: "arn:aws:lambda:eu-central-1:123456789012:function:fulfillment",
    codeHookInterfaceVersion: "1.0",
  };
}

/** Lex accepts everything: builds take one poll, the version one more. */
function givenLexBuildsAndVersions(): void {
  lex.on(CreateIntentCommand).resolves({});
  lex.on(UpdateIntentCommand).resolves({});
  lex.on(DeleteIntentCommand).resolves({});
  lex.on(BuildBotLocaleCommand).resolves({
    botLocaleStatus: "Building",
    lastBuildSubmittedDateTime: BUILD_SUBMITTED,
  });
  for (const localeId of ["fi_FI", "sv_SE"]) {
    lex
      .on(DescribeBotLocaleCommand, { localeId })
      .resolvesOnce({ botLocaleStatus: "Building", lastBuildSubmittedDateTime: BUILD_SUBMITTED })
      .resolves({ botLocaleStatus: "Built", lastBuildSubmittedDateTime: BUILD_SUBMITTED });
  }
  lex.on(CreateBotVersionCommand).resolves({ botVersion: "8", botStatus: "Versioning" });
  lex
    .on(DescribeBotVersionCommand)
    .resolvesOnce({ botVersion: "8", botStatus: "Versioning" })
    .resolves({ botVersion: "8", botStatus: "Available" });
  lex.on(UpdateBotAliasCommand).resolves({ botAliasStatus: "Available" });
}

// --- the publisher with a clock that moves only when it sleeps --------------------------------

let clock: ReturnType<typeof manualClock>;
let sleep: ReturnType<typeof vi.fn<(ms: number) => Promise<void>>>;

beforeEach(() => {
  clock = manualClock(BUILD_SUBMITTED);
  sleep = vi.fn(async (ms: number) => clock.advance(ms));
});

function publish(timeoutMs?: number) {
  return publishLexVersion(
    {
      client: new LexModelsV2Client({ region: "eu-central-1" }),
      botId: BOT,
      aliasId: ALIAS,
      clock,
      sleep,
      pollIntervalMs: 5_000,
    },
    content,
    { contentVersion: 12, ...(timeoutMs ? { timeoutMs } : {}) },
  );
}

async function publishError(): Promise<LexPublishError> {
  const error = await publish(60_000).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(LexPublishError);
  return error as LexPublishError;
}

function callNames(): string[] {
  return lex.calls().map((call) => (call.args[0] as object).constructor.name);
}

describe("publishing content to the Lex bot", () => {
  it("syncs each locale's draft: creates new topics, updates changed ones, deletes retired ones", async () => {
    // Prepare
    givenLiveBot();
    givenLexBuildsAndVersions();

    // Act
    const result = await publish();

    // Assess
    for (const [lang, localeId, prefix] of [
      ["fi", "fi_FI", "F"],
      ["sv", "sv_SE", "S"],
    ] as const) {
      const omavero = wanted[lang].find((i) => i.name === "omavero");
      const payment = wanted[lang].find((i) => i.name === "payment");
      expect(lex).toHaveReceivedCommandWith(CreateIntentCommand, {
        botId: BOT,
        botVersion: "DRAFT",
        localeId,
        intentName: "omavero",
        description: `omavero ${lang}`,
        sampleUtterances: omavero?.sampleUtterances,
        fulfillmentCodeHook: { enabled: true },
      });
      expect(lex).toHaveReceivedCommandWith(UpdateIntentCommand, {
        botId: BOT,
        botVersion: "DRAFT",
        localeId,
        intentId: `${prefix}PAYMENT`,
        intentName: "payment",
        sampleUtterances: payment?.sampleUtterances,
        fulfillmentCodeHook: { enabled: true },
      });
      expect(lex).toHaveReceivedCommandWith(DeleteIntentCommand, {
        botId: BOT,
        botVersion: "DRAFT",
        localeId,
        intentId: `${prefix}PROPERTY`,
      });
      // A referral group is an intent of its own, named apart from every topic.
      expect(lex).toHaveReceivedCommandWith(CreateIntentCommand, {
        botId: BOT,
        botVersion: "DRAFT",
        localeId,
        intentName: "Referral_traficom",
        description: lang === "fi" ? "Ajoneuvovero ja Traficom" : "Fordonsskatt och Traficom",
        sampleUtterances: wanted[lang].find((i) => i.name === "Referral_traficom")
          ?.sampleUtterances,
        fulfillmentCodeHook: { enabled: true },
      });
      // A bot deployed before out-of-scope examples were taught gets them on the next publish.
      expect(lex).toHaveReceivedCommandWith(CreateIntentCommand, {
        localeId,
        intentName: "OutOfScope",
        sampleUtterances: wanted[lang].find((i) => i.name === "OutOfScope")?.sampleUtterances,
        fulfillmentCodeHook: { enabled: true },
      });
    }
    // Unchanged intents and the fallback intent are left alone.
    expect(lex).toHaveReceivedCommandTimes(CreateIntentCommand, 6);
    expect(lex).toHaveReceivedCommandTimes(UpdateIntentCommand, 2);
    expect(lex).toHaveReceivedCommandTimes(DeleteIntentCommand, 2);
    expect(result.changes).toEqual({
      fi_FI: {
        created: ["omavero", "Referral_traficom", "OutOfScope"],
        updated: ["payment"],
        deleted: ["property-tax"],
      },
      sv_SE: {
        created: ["omavero", "Referral_traficom", "OutOfScope"],
        updated: ["payment"],
        deleted: ["property-tax"],
      },
    });
  });

  it("builds both locales, cuts a version of content version N and moves the alias last", async () => {
    // Prepare
    givenLiveBot();
    givenLexBuildsAndVersions();

    // Act
    const result = await publish();

    // Assess
    expect(result).toMatchObject({ botVersion: "8", previousBotVersion: "7" });
    expect(lex).toHaveReceivedCommandWith(BuildBotLocaleCommand, {
      botId: BOT,
      botVersion: "DRAFT",
      localeId: "fi_FI",
    });
    expect(lex).toHaveReceivedCommandWith(BuildBotLocaleCommand, { localeId: "sv_SE" });
    // Polled until Built: one Building and one Built read per locale, one sleep between.
    expect(lex).toHaveReceivedCommandTimes(DescribeBotLocaleCommand, 4);
    expect(lex).toHaveReceivedCommandWith(CreateBotVersionCommand, {
      botId: BOT,
      description: expect.stringContaining("Content version 12"),
      botVersionLocaleSpecification: {
        fi_FI: { sourceBotVersion: "DRAFT" },
        sv_SE: { sourceBotVersion: "DRAFT" },
      },
    });
    // The alias keeps its own settings (the code hook) and gets only the new version.
    expect(lex).toHaveReceivedCommandExactlyOnceWith(UpdateBotAliasCommand, {
      botId: BOT,
      botAliasId: ALIAS,
      botAliasName: "live",
      description: "What the gateway calls",
      botVersion: "8",
      botAliasLocaleSettings: {
        fi_FI: { enabled: true, codeHookSpecification: { lambdaCodeHook: hook() } },
        sv_SE: { enabled: true, codeHookSpecification: { lambdaCodeHook: hook() } },
      },
      sentimentAnalysisSettings: { detectSentiment: false },
    });
    const calls = callNames();
    expect(calls.at(-1)).toBe("UpdateBotAliasCommand");
    expect(calls.lastIndexOf("DescribeBotVersionCommand")).toBeLessThan(
      calls.indexOf("UpdateBotAliasCommand"),
    );
    expect(calls.lastIndexOf("DescribeBotLocaleCommand")).toBeLessThan(
      calls.indexOf("CreateBotVersionCommand"),
    );
    expect(calls.lastIndexOf("CreateIntentCommand")).toBeLessThan(
      calls.indexOf("BuildBotLocaleCommand"),
    );
  });

  it("cuts each version naming its intents, and leaves Lex alone for a version with the same intents", async () => {
    // Prepare: version 8 cut from this content; the alias then points at it.
    givenLiveBot();
    givenLexBuildsAndVersions();
    await publish();
    const cut = lex.commandCalls(CreateBotVersionCommand)[0]?.args[0].input.description ?? "";
    expect(cut).toMatch(
      /^Content version 12, published from the content studio \(intents [0-9a-f]{16}\)$/,
    );
    lex.reset();
    lex.on(DescribeBotAliasCommand).resolves({ botVersion: "8" });
    lex
      .on(DescribeBotVersionCommand, { botVersion: "8" })
      .resolves({ botVersion: "8", botStatus: "Available", description: cut });

    // Act: the next content version changes only answers and review dates.
    const result = await publish();

    // Assess: two reads, nothing synced, built, cut or moved.
    expect(result).toEqual({
      botVersion: "8",
      previousBotVersion: "8",
      changes: {},
      unchanged: true,
    });
    expect(callNames()).toEqual(["DescribeBotAliasCommand", "DescribeBotVersionCommand"]);
  });

  it("publishes in full when the live bot version was cut from other intents or cannot be read", async () => {
    for (const readable of [true, false]) {
      lex.reset();
      givenLiveBot();
      givenLexBuildsAndVersions();
      if (!readable) {
        lex.on(DescribeBotVersionCommand, { botVersion: "7" }).rejects(new Error("AccessDenied"));
      }

      const result = await publish();

      expect(result).toMatchObject({ botVersion: "8", previousBotVersion: "7" });
      expect(result.unchanged).toBeUndefined();
      expect(lex).toHaveReceivedCommandTimes(BuildBotLocaleCommand, 2);
    }
  });

  it("does not take the previous build's Built status for this one", async () => {
    // Prepare: the first read still shows the build before ours.
    givenLiveBot();
    givenLexBuildsAndVersions();
    const earlier = new Date(BUILD_SUBMITTED.getTime() - 3_600_000);
    lex
      .on(DescribeBotLocaleCommand, { localeId: "fi_FI" })
      .resolvesOnce({ botLocaleStatus: "Built", lastBuildSubmittedDateTime: earlier })
      .resolves({ botLocaleStatus: "Built", lastBuildSubmittedDateTime: BUILD_SUBMITTED });

    // Act
    await publish();

    // Assess: fi_FI was asked again after a wait before the version was cut.
    expect(lex.commandCalls(DescribeBotLocaleCommand, { localeId: "fi_FI" })).toHaveLength(2);
    expect(sleep).toHaveBeenCalled();
  });

  it("leaves the alias alone and names the locale and Lex's reasons when a build fails", async () => {
    // Prepare
    givenLiveBot();
    givenLexBuildsAndVersions();
    lex.on(DescribeBotLocaleCommand, { localeId: "sv_SE" }).resolves({
      botLocaleStatus: "Failed",
      failureReasons: ["Intent payment: sample utterance 'maksu' is also in intent vat"],
    });

    // Act
    const error = await publishError();

    // Assess
    expect(error).toMatchObject({ name: "LexPublishError", step: "build", localeId: "sv_SE" });
    expect(error.message).toContain("Lex could not build sv_SE");
    expect(error.message).toContain("sample utterance 'maksu' is also in intent vat");
    expect(error.message).toContain("still answers with the previous version");
    expect(lex).not.toHaveReceivedCommand(CreateBotVersionCommand);
    expect(lex).not.toHaveReceivedCommand(UpdateBotAliasCommand);
  });

  it("leaves the alias alone when Lex refuses to create the version", async () => {
    // Prepare
    givenLiveBot();
    givenLexBuildsAndVersions();
    lex.on(CreateBotVersionCommand).rejects(
      new ServiceQuotaExceededException({
        message: "The bot has the maximum number of versions (100).",
        $metadata: {},
      }),
    );

    // Act
    const error = await publishError();

    // Assess
    expect(error).toMatchObject({ step: "version", localeId: undefined });
    expect(error.message).toBe(
      "Could not create a bot version: The bot has the maximum number of versions (100). The live bot still answers with the previous version.",
    );
    expect(error.cause).toBeInstanceOf(ServiceQuotaExceededException);
    expect(lex).not.toHaveReceivedCommand(UpdateBotAliasCommand);
  });

  it("leaves the alias alone when the new version ends up Failed", async () => {
    // Prepare
    givenLiveBot();
    givenLexBuildsAndVersions();
    lex.on(DescribeBotVersionCommand).resolves({
      botVersion: "8",
      botStatus: "Failed",
      failureReasons: ["Locale sv_SE is not built"],
    });

    // Act
    const error = await publishError();

    // Assess
    expect(error).toMatchObject({ step: "version" });
    expect(error.message).toContain("Lex could not create bot version 8 (Failed)");
    expect(error.message).toContain("Locale sv_SE is not built");
    expect(lex).not.toHaveReceivedCommand(UpdateBotAliasCommand);
  });

  it("gives up at the time limit while a locale is still building, without touching the alias", async () => {
    // Prepare: Finnish never finishes.
    givenLiveBot();
    givenLexBuildsAndVersions();
    lex.on(DescribeBotLocaleCommand, { localeId: "fi_FI" }).resolves({
      botLocaleStatus: "Building",
      lastBuildSubmittedDateTime: BUILD_SUBMITTED,
    });

    // Act
    const error = await publishError();

    // Assess
    expect(error).toMatchObject({ step: "build", localeId: "fi_FI" });
    expect(error.message).toBe(
      "Lex did not finish building fi_FI within 60 s. The live bot still answers with the previous version.",
    );
    // Polled every 5 s up to the limit, never past it.
    expect(sleep).toHaveBeenCalledTimes(12);
    expect(clock.now().getTime() - BUILD_SUBMITTED.getTime()).toBeLessThanOrEqual(60_000);
    expect(lex).not.toHaveReceivedCommand(CreateBotVersionCommand);
    expect(lex).not.toHaveReceivedCommand(UpdateBotAliasCommand);
  });

  it("stops before building when Lex refuses a draft change, naming the locale and intent", async () => {
    // Prepare
    givenLiveBot();
    givenLexBuildsAndVersions();
    lex.on(UpdateIntentCommand, { localeId: "fi_FI" }).rejects(
      new ValidationException({
        message: "Sample utterance 'maksu {x}' contains an unknown slot.",
        $metadata: {},
      }),
    );

    // Act
    const error = await publishError();

    // Assess
    expect(error).toMatchObject({ step: "sync", localeId: "fi_FI" });
    expect(error.message).toContain('Could not update intent "payment" in fi_FI');
    expect(error.message).toContain("unknown slot");
    expect(lex).not.toHaveReceivedCommand(BuildBotLocaleCommand);
    expect(lex).not.toHaveReceivedCommand(UpdateBotAliasCommand);
  });

  it("refuses content over a Lex quota before calling Lex", async () => {
    // Prepare: one topic whose Finnish sentences exceed the locale's 200,000 characters.
    const huge = Array.from({ length: 2100 }, (_, i) => `${"a".repeat(95)} ${i}`);
    const over: BotContent = {
      ...content,
      topics: new Map([["vat", topic("vat", huge)]]) as BotContent["topics"],
    };

    // Act
    const error = await publishLexVersion(
      { client: new LexModelsV2Client({ region: "eu-central-1" }), botId: BOT, aliasId: ALIAS },
      over,
      { contentVersion: 13 },
    ).catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(LexPublishError);
    expect(error).toMatchObject({ step: "check" });
    expect((error as Error).message).toMatch(/fi_FI has \d+ utterance characters/);
    expect(lex.calls()).toHaveLength(0);
  });
});
