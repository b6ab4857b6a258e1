import { describe, expect, it } from "vitest";
import { allowedOrigins, InfraConfigError, stageConfig } from "./stage.ts";
import { synthStage } from "./synthForTests.ts";

describe("stage context", () => {
  it("defaults to the dev stage", () => {
    expect(stageConfig(undefined).name).toBe("dev");
  });

  it("refuses an unknown stage, naming the context value and the choices", () => {
    expect(() => stageConfig("staging")).toThrow(InfraConfigError);
    expect(() => stageConfig("staging")).toThrow(/"stage" is "staging"; expected one of dev, prod/);
  });

  it("takes the Lex confidence threshold from context, and refuses one Lex would not", () => {
    expect(stageConfig("prod").lexConfidenceThreshold).toBe(0.5);
    expect(stageConfig("prod", "0.65").lexConfidenceThreshold).toBe(0.65);
    expect(stageConfig("dev", 0.7).lexConfidenceThreshold).toBe(0.7);
    for (const bad of ["1.5", "-0.1", "0.655", "high", true]) {
      expect(() => stageConfig("dev", bad)).toThrow(/"lexConfidenceThreshold" is/);
    }
  });

  it("splits comma-separated origins from -c", () => {
    expect(
      allowedOrigins("https://a.example.fi, https://b.example.fi", stageConfig("prod")),
    ).toEqual(["https://a.example.fi", "https://b.example.fi"]);
  });

  it("requires allowedOrigins in prod", () => {
    expect(() => allowedOrigins(undefined, stageConfig("prod"))).toThrow(/required for stage prod/);
  });

  it("refuses a region without Amazon Lex V2, such as Stockholm", () => {
    expect(() => synthStage({ region: "eu-north-1" })).toThrow(/"region" is "eu-north-1"/);
  });

  it("allows http://localhost only in dev", () => {
    expect(allowedOrigins(undefined, stageConfig("dev"))).toEqual(["http://localhost:3000"]);
    expect(() => allowedOrigins("http://localhost:3000", stageConfig("prod"))).toThrow(
      InfraConfigError,
    );
  });

  it("refuses values that are not bare origins", () => {
    expect(() => allowedOrigins("https://a.example.fi/chat", stageConfig("dev"))).toThrow(
      /contains "https:\/\/a.example.fi\/chat"/,
    );
    expect(() => allowedOrigins("*", stageConfig("dev"))).toThrow(InfraConfigError);
  });

  it("keeps the functions' TABLE_PREFIX in step with the physical table names", () => {
    const { dataTemplate, apiTemplate } = synthStage({ stage: "dev" });
    const names = Object.values(dataTemplate.findResources("AWS::DynamoDB::GlobalTable")).map(
      (t) => (t as { Properties: { TableName: string } }).Properties.TableName,
    );
    const prefixes = Object.values(apiTemplate.findResources("AWS::Lambda::Function")).map(
      (f) =>
        (f as { Properties: { Environment: { Variables: { TABLE_PREFIX: string } } } }).Properties
          .Environment.Variables.TABLE_PREFIX,
    );
    for (const prefix of prefixes) {
      for (const name of names) expect(name.startsWith(prefix)).toBe(true);
    }
    // A whole-app synth: slow on a busy two-core machine.
  }, 120_000);
});
