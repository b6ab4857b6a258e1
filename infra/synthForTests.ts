/**
 * Test support: synthesizes a stage the way `cdk synth` does (same cdk.json feature flags),
 * but without bundling, and answers questions about the templates.
 */
import { readFileSync } from "node:fs";
import { App, type CfnElement, type Stack } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import type { IConstruct } from "constructs";
import { buildStage, type StageStacks } from "./buildStage.ts";

const CDK_JSON_CONTEXT = JSON.parse(readFileSync(new URL("../cdk.json", import.meta.url), "utf8"))
  .context as Record<string, unknown>;

export interface SynthesizedStage extends StageStacks {
  app: App;
  dataTemplate: Template;
  apiTemplate: Template;
  edgeWafTemplate: Template;
  apiEdgeTemplate: Template;
  identityTemplate: Template;
  /** Absent with `recogniser: "embedded"`. */
  botTemplate?: Template;
  gatewayTemplate: Template;
  monitoringTemplate: Template;
  edgeMonitoringTemplate: Template;
}

/** Every stack of a stage for the given context values; bundling and asset copies are skipped. */
export function synthStage(context: Record<string, unknown> = {}): SynthesizedStage {
  const app = new App({
    context: {
      ...CDK_JSON_CONTEXT,
      "aws:cdk:bundling-stacks": [],
      // The gateway image's sources are not copied into the test's cloud assembly.
      "aws:cdk:disable-asset-staging": true,
      ...context,
    },
  });
  const stacks = buildStage(app);
  return {
    ...stacks,
    app,
    dataTemplate: Template.fromStack(stacks.data),
    apiTemplate: Template.fromStack(stacks.api),
    edgeWafTemplate: Template.fromStack(stacks.edgeWaf),
    apiEdgeTemplate: Template.fromStack(stacks.apiEdge),
    identityTemplate: Template.fromStack(stacks.identity),
    ...(stacks.bot ? { botTemplate: Template.fromStack(stacks.bot) } : {}),
    gatewayTemplate: Template.fromStack(stacks.gateway),
    monitoringTemplate: Template.fromStack(stacks.monitoring),
    edgeMonitoringTemplate: Template.fromStack(stacks.edgeMonitoring),
  };
}

/** The logical id of a construct's CloudFormation resource in its stack. */
export function logicalId(stack: Stack, construct: IConstruct): string {
  const cfn = (construct.node.defaultChild ?? construct) as CfnElement;
  return stack.resolve(stack.getLogicalId(cfn)) as string;
}

/**
 * The table name a resource in the API stack points at, following the cross-stack reference
 * (Fn::GetStackOutput or Fn::ImportValue) back to the data stack; undefined if it is no table.
 */
export function referencedTableName(resource: unknown, dataTemplate: Template): string | undefined {
  const json = dataTemplate.toJSON() as {
    Resources: Record<string, { Type: string; Properties: { TableName?: string } }>;
    Outputs?: Record<string, { Value: unknown; Export?: { Name: string } }>;
  };
  const outputs = Object.entries(json.Outputs ?? {});
  const outputValue = (ref: unknown): unknown => {
    if (typeof ref !== "object" || ref === null) return undefined;
    const r = ref as Record<string, unknown>;
    if (r["Fn::GetStackOutput"]) {
      const name = (r["Fn::GetStackOutput"] as { OutputName: string }).OutputName;
      return json.Outputs?.[name]?.Value;
    }
    if (typeof r["Fn::ImportValue"] === "string") {
      return outputs.find(([, o]) => o.Export?.Name === r["Fn::ImportValue"])?.[1].Value;
    }
    if (Array.isArray(r["Fn::Join"])) {
      const parts = (r["Fn::Join"] as [string, unknown[]])[1];
      return outputValue(parts[0]);
    }
    return undefined;
  };
  const value = outputValue(resource) as { "Fn::GetAtt"?: [string, string] } | undefined;
  const target = value?.["Fn::GetAtt"]?.[0];
  const table = target ? json.Resources[target] : undefined;
  return table?.Type === "AWS::DynamoDB::GlobalTable" ? table.Properties.TableName : undefined;
}
