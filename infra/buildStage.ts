/**
 * Composition root of the CDK app: reads the context, builds a stage's stacks and wires the
 * stateful one into the stateless one. Tests call it with their own App.
 */
import { type App, Tags } from "aws-cdk-lib";
import { ApiStack } from "./stacks/apiStack.ts";
import { DataStack } from "./stacks/dataStack.ts";
import { allowedOrigins, stageConfig } from "./stage.ts";

/** Region of the deployment unless `-c region=...` says otherwise: data stays in the EU. */
export const DEFAULT_REGION = "eu-north-1";

export interface StageStacks {
  data: DataStack;
  api: ApiStack;
}

/** The stacks of the stage named by the app's context; fails fast on bad context values. */
export function buildStage(app: App): StageStacks {
  const stage = stageConfig(app.node.tryGetContext("stage"));
  const origins = allowedOrigins(app.node.tryGetContext("allowedOrigins"), stage);
  // Account from the CLI's credentials when deploying; left open for an offline synth.
  // No lookups anywhere, so the synth never needs AWS.
  const env = {
    account: process.env.CDK_DEFAULT_ACCOUNT,
    region: (app.node.tryGetContext("region") as string | undefined) ?? DEFAULT_REGION,
  };
  const prefix = `asiointi-${stage.name}`;

  const data = new DataStack(app, `${prefix}-data`, {
    env,
    stage,
    description: "Asiointi chat: DynamoDB tables (stateful; retained in prod)",
    terminationProtection: stage.terminationProtection,
  });
  const api = new ApiStack(app, `${prefix}-api`, {
    env,
    stage,
    tables: data.tables,
    allowedOrigins: origins,
    description: "Asiointi chat: HTTP API and its Lambda functions (stateless)",
    terminationProtection: stage.terminationProtection,
  });
  for (const stack of [data, api]) {
    Tags.of(stack).add("project", "asiointi");
    Tags.of(stack).add("stage", stage.name);
  }
  return { data, api };
}
