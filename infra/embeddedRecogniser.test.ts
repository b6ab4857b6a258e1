import { describe, expect, it } from "vitest";
import { InfraConfigError, recogniserChoice } from "./stage.ts";
import { synthStage } from "./synthForTests.ts";

type Container = { Environment: { Name: string; Value: unknown }[] };

describe("-c recogniser=embedded: the stage without Lex", () => {
  const stage = synthStage({ recogniser: "embedded" });

  it("deploys no Lex bot and no content publisher", () => {
    expect(stage.bot).toBeUndefined();
    expect(stage.app.node.tryFindChild("asiointi-dev-bot")).toBeUndefined();
    expect(stage.api.contentPublisher).toBeUndefined();
    for (const template of [stage.apiTemplate, stage.gatewayTemplate]) {
      expect(JSON.stringify(template.toJSON())).not.toMatch(/lex:/);
    }
  });

  it("has the gateway recognise in its tasks, from the live content version", () => {
    const [task] = Object.values(stage.gatewayTemplate.findResources("AWS::ECS::TaskDefinition"));
    const [container] = (task as { Properties: { ContainerDefinitions: Container[] } }).Properties
      .ContainerDefinitions;
    const env = Object.fromEntries((container?.Environment ?? []).map((e) => [e.Name, e.Value]));
    expect(env).toMatchObject({ RECOGNISER: "embedded", BOT_CONTENT_DIR: "/app/bot-content" });
    expect(env.LEX_BOT_ID).toBeUndefined();
    const policies = JSON.stringify(stage.gatewayTemplate.findResources("AWS::IAM::Policy"));
    expect(policies).toContain("dynamodb:GetItem");
  });

  it("refuses a recogniser it does not know, naming the context value", () => {
    expect(() => recogniserChoice("watson")).toThrow(InfraConfigError);
    expect(() => recogniserChoice("watson")).toThrow(
      /"recogniser" is "watson"; expected one of lex, embedded/,
    );
    expect(recogniserChoice(undefined)).toBe("lex");
  });
  // A whole-app synth: slow on a busy two-core machine.
}, 180_000);
