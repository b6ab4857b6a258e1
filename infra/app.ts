/**
 * CDK entry point (cdk.json runs it). Builds one stage's stacks:
 *   asiointi-<stage>-data        stateful: DynamoDB tables
 *   asiointi-<stage>-identity    stateful: Cognito user pool for advisors and supervisors
 *   asiointi-<stage>-bot         Lex V2 bot from bot-content/ and its fulfillment function
 *   asiointi-<stage>-api         stateless: Lambda functions and the HTTP API
 *   asiointi-<stage>-edge-waf    us-east-1: WAF web ACL (CLOUDFRONT scope) for the API's edge
 *   asiointi-<stage>-api-edge    CloudFront with that ACL in front of the HTTP API
 *   asiointi-<stage>-gateway     stateless: socket.io gateway on Fargate, ALB, WAF, Valkey
 *   asiointi-<stage>-monitoring  alarms and the dashboard
 *   asiointi-<stage>-edge-monitoring  us-east-1: alarms on the API's CloudFront and its WAF
 * Context values (stage, allowedOrigins, region, certificateArn, customerIssuer, ...) are
 * documented in docs/deploy.md.
 */
import { App } from "aws-cdk-lib";
import { buildStage } from "./buildStage.ts";

const app = new App();
buildStage(app);
app.synth();
