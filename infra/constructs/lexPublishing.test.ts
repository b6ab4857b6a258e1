import { fileURLToPath } from "node:url";
import { App, Stack } from "aws-cdk-lib";
import { Match, Template } from "aws-cdk-lib/assertions";
import { AwsSolutionsChecks } from "cdk-nag";
import { describe, expect, it } from "vitest";
import { stageConfig } from "../stage.ts";
import { ApiFunction } from "./apiFunction.ts";
import {
  grantLexPublishing,
  LEX_PUBLISH_ALIAS_ACTIONS,
  LEX_PUBLISH_BOT_ACTIONS,
} from "./lexPublishing.ts";

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url)).replace(/\/$/, "");
const TARGET = { botId: "BOTID12345", botAliasId: "ALIASID123" };

type Statement = { Action: string | string[]; Resource: unknown };

/** A content API function, granted as the content routes will be. */
function synth() {
  const app = new App({ context: { "aws:cdk:bundling-stacks": [] } });
  const stack = new Stack(app, "content-api", {
    env: { account: "123456789012", region: "eu-central-1" },
  });
  const fn = new ApiFunction(stack, "approveContentVersion", {
    entry: `${REPO_ROOT}/functions/lambda/submitSurvey.ts`,
    projectRoot: REPO_ROOT,
    stage: stageConfig("dev"),
    tables: [],
  });
  grantLexPublishing(fn.function, TARGET);
  return { app, stack, template: Template.fromStack(stack) };
}

/** An ARN from the template as text, with references as <Name>. */
function arnText(value: unknown): string {
  if (typeof value === "string") return value;
  const v = value as { Ref?: string; "Fn::Join"?: [string, unknown[]] };
  if (v.Ref) return `<${v.Ref}>`;
  if (v["Fn::Join"]) return v["Fn::Join"][1].map(arnText).join(v["Fn::Join"][0]);
  return JSON.stringify(value);
}

describe("granting Lex publishing to a content API function", () => {
  const { app, stack, template } = synth();
  const lexStatements = Object.values(template.findResources("AWS::IAM::Policy"))
    .flatMap(
      (p) =>
        (p as { Properties: { PolicyDocument: { Statement: Statement[] } } }).Properties
          .PolicyDocument.Statement,
    )
    .filter((s) => [s.Action].flat().some((a) => a.startsWith("lex:")));
  const grants = lexStatements.map((s) => ({
    actions: [s.Action].flat().sort(),
    resources: [s.Resource].flat().map(arnText),
  }));

  it("allows the draft, build and version actions on this bot only", () => {
    expect(grants).toContainEqual({
      actions: [...LEX_PUBLISH_BOT_ACTIONS].sort(),
      resources: ["arn:<AWS::Partition>:lex:eu-central-1:123456789012:bot/BOTID12345"],
    });
  });

  it("allows reading and moving the live alias only", () => {
    expect(grants).toContainEqual({
      actions: [...LEX_PUBLISH_ALIAS_ACTIONS].sort(),
      resources: [
        "arn:<AWS::Partition>:lex:eu-central-1:123456789012:bot-alias/BOTID12345/ALIASID123",
      ],
    });
  });

  it("grants nothing else in Lex: no wildcard, no runtime or bot-management actions", () => {
    expect(grants).toHaveLength(2);
    for (const { actions, resources } of grants) {
      expect(resources.join()).not.toContain("*");
      expect(actions).not.toContain("lex:*");
      expect(actions.filter((a) => /Delete(Bot|BotAlias|BotVersion|BotLocale)$/.test(a))).toEqual(
        [],
      );
    }
  });

  it("tells the function which bot and alias to publish to", () => {
    template.hasResourceProperties("AWS::Lambda::Function", {
      Environment: {
        Variables: Match.objectLike({ LEX_BOT_ID: "BOTID12345", LEX_BOT_ALIAS_ID: "ALIASID123" }),
      },
    });
  });

  it("adds no cdk-nag finding to the function", () => {
    const result = new AwsSolutionsChecks(app).validateScope(stack);
    expect(result.violations.map((v) => v.ruleName)).toEqual([]);
  });
});
