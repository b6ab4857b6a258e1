/**
 * CDK entry point (cdk.json runs it). Builds one stage's stacks:
 *   asiointi-<stage>-data  stateful: DynamoDB tables
 *   asiointi-<stage>-api   stateless: Lambda functions and the HTTP API
 * Context: stage=dev|prod (default dev), allowedOrigins=<comma-separated origins>, region.
 */
import { App } from "aws-cdk-lib";
import { buildStage } from "./buildStage.ts";

const app = new App();
buildStage(app);
app.synth();
