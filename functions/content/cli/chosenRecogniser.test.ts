import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { LexRuntimeV2Client, RecognizeTextCommand } from "@aws-sdk/client-lex-runtime-v2";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, describe, expect, it } from "vitest";
import { LexRecogniser } from "../../adapters/recogniser/lexRecogniser.ts";
import { loadBotContent } from "../loadContent.ts";
import { evaluate, loadTestCases } from "../testSet.ts";
import {
  chooseRecogniser,
  intentAtThreshold,
  RecogniserUnavailableError,
  recogniseAll,
} from "./chosenRecogniser.ts";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../../..");
const lex = mockClient(LexRuntimeV2Client);
const content = loadBotContent();
const LEX_ENV = {
  LEX_BOT_ID: "BOTID12345",
  LEX_BOT_ALIAS_ID: "ALIASID123",
  AWS_REGION: "eu-central-1",
};

function clientWith(credentials: "valid" | "none"): LexRuntimeV2Client {
  return new LexRuntimeV2Client({
    region: "eu-central-1",
    credentials:
      credentials === "valid"
        ? { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" }
        : async () => {
            throw new Error("Could not load credentials from any providers");
          },
  });
}

afterEach(() => lex.reset());

describe("content:test --recogniser lex", () => {
  it("scores the test split through RecognizeText with the embedded run's scoring", async () => {
    // Prepare: Lex gets every message right but the first two, which it answers FallbackIntent.
    const cases = loadTestCases(join(ROOT, "bot-content"), "sv").slice(0, 40);
    const wrong = new Set(cases.slice(0, 2).map((c) => c.text));
    lex.on(RecognizeTextCommand).callsFake((input: { text: string }) => {
      const expected = cases.find((c) => c.text === input.text)?.intent ?? "none";
      const name = wrong.has(input.text) || expected === "none" ? "FallbackIntent" : expected;
      return {
        interpretations: [
          name === "FallbackIntent"
            ? { intent: { name } }
            : { intent: { name }, nluConfidence: { score: 0.9 } },
        ],
      };
    });

    // Act
    const recogniser = await chooseRecogniser("lex", content, {
      env: LEX_ENV,
      lexClient: clientWith("valid"),
    });
    const recognised = await recogniseAll(
      recogniser,
      cases.map((c) => c.text),
      "sv",
    );
    const result = evaluate(cases, (text) => recognised.get(text) ?? { intent: "", confidence: 0 });

    // Assess
    expect(recogniser).toBeInstanceOf(LexRecogniser);
    const calls = lex.commandCalls(RecognizeTextCommand);
    expect(calls).toHaveLength(new Set(cases.map((c) => c.text)).size);
    expect(calls[0]?.args[0].input).toMatchObject({
      botId: "BOTID12345",
      botAliasId: "ALIASID123",
      localeId: "sv_SE",
    });
    const topicsWrong = cases.slice(0, 2).filter((c) => c.intent !== "none").length;
    expect(result.mistakes).toHaveLength(topicsWrong);
    expect(result.accuracy).toBeCloseTo((cases.length - topicsWrong) / cases.length, 5);
  });

  it("names every setting it lacks and sends nothing", async () => {
    const error = await chooseRecogniser("lex", content, {
      env: { AWS_REGION: "eu-central-1" },
    }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(RecogniserUnavailableError);
    expect((error as Error).message).toMatch(/LEX_BOT_ID: .*\n {2}LEX_BOT_ALIAS_ID: /);
    expect((error as Error).message).not.toContain("AWS_REGION");
    expect(lex.commandCalls(RecognizeTextCommand)).toHaveLength(0);
  });

  it("says it needs AWS credentials when none can be found", async () => {
    const error = await chooseRecogniser("lex", content, {
      env: LEX_ENV,
      lexClient: clientWith("none"),
    }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(RecogniserUnavailableError);
    expect((error as Error).message).toContain("AWS credentials");
  });

  it("refuses a recogniser it does not know, naming the choices", async () => {
    await expect(chooseRecogniser("nlpjs", content)).rejects.toThrow(
      /"nlpjs"; expected one of embedded, lex/,
    );
  });

  it("exits non-zero with what it needs and no stack trace when run without AWS", () => {
    // A clean environment: no credentials, no profile, no instance metadata to wait for.
    const result = spawnSync(
      join(ROOT, "node_modules/.bin/tsx"),
      [join(ROOT, "functions/content/cli/testContent.ts"), "--recogniser", "lex"],
      {
        cwd: ROOT,
        encoding: "utf8",
        timeout: 120_000,
        env: {
          PATH: process.env.PATH,
          HOME: join(tmpdir(), "no-aws-home"),
          AWS_EC2_METADATA_DISABLED: "true",
        },
      },
    );

    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--recogniser lex sends the messages to the deployed Lex bot");
    expect(result.stderr).toContain("LEX_BOT_ID");
    expect(`${result.stdout}${result.stderr}`).not.toMatch(/^\s+at /m);
  }, 120_000);
});

describe("scores at a higher confidence threshold", () => {
  it("turns a topic under the threshold into none and leaves none and sure topics alone", () => {
    const base = { detectedLang: "fi" as const, alternatives: [] };
    expect(intentAtThreshold({ ...base, intent: "tax-card", confidence: 0.55 }, 0.6)).toBe("none");
    expect(intentAtThreshold({ ...base, intent: "tax-card", confidence: 0.6 }, 0.6)).toBe(
      "tax-card",
    );
    expect(intentAtThreshold({ ...base, intent: "none", confidence: 0.2 }, 0.6)).toBe("none");
  });
});
