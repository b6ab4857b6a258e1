/**
 * Composition root of the CDK app: reads the context, builds a stage's stacks and wires the
 * stateful ones into the stateless ones. Tests call it with their own App.
 */
import { type App, Tags } from "aws-cdk-lib";
import { ApiEdgeStack } from "./stacks/apiEdgeStack.ts";
import { ApiStack } from "./stacks/apiStack.ts";
import { BotStack } from "./stacks/botStack.ts";
import { DataStack } from "./stacks/dataStack.ts";
import { EdgeMonitoringStack } from "./stacks/edgeMonitoringStack.ts";
import { CLOUDFRONT_WAF_REGION, EdgeWafStack, edgeWebAclName } from "./stacks/edgeWafStack.ts";
import { GatewayStack } from "./stacks/gatewayStack.ts";
import { IdentityStack, type TokenIssuer } from "./stacks/identityStack.ts";
import { MonitoringStack } from "./stacks/monitoringStack.ts";
import {
  allowedOrigins,
  customerIssuer,
  InfraConfigError,
  optionalContext,
  recogniserChoice,
  stageConfig,
} from "./stage.ts";

/**
 * Region of the deployment unless `-c region=...` says otherwise. Amazon Lex V2 is not
 * offered in eu-north-1 (Stockholm), and the bot, its code hook and the data belong in one
 * region, so the stage runs in Frankfurt: data stays in the EU.
 */
export const DEFAULT_REGION = "eu-central-1";
/** EU regions that offer Amazon Lex V2 (the bot decides where the stage can run). */
export const LEX_V2_EU_REGIONS = ["eu-central-1", "eu-west-1", "eu-west-2"] as const;

export interface StageStacks {
  data: DataStack;
  identity: IdentityStack;
  /** Absent with `-c recogniser=embedded`: the gateway recognises in its own tasks. */
  bot?: BotStack;
  api: ApiStack;
  edgeWaf: EdgeWafStack;
  apiEdge: ApiEdgeStack;
  gateway: GatewayStack;
  monitoring: MonitoringStack;
  edgeMonitoring: EdgeMonitoringStack;
}

/** The stacks of the stage named by the app's context; fails fast on bad context values. */
export function buildStage(app: App): StageStacks {
  const ctx = (key: string): unknown => app.node.tryGetContext(key);
  const stage = stageConfig(ctx("stage"), ctx("lexConfidenceThreshold"));
  const origins = allowedOrigins(ctx("allowedOrigins"), stage);
  // Account from the CLI's credentials when deploying; left open for an offline synth.
  // No lookups anywhere, so the synth never needs AWS.
  const region = (ctx("region") as string | undefined) ?? DEFAULT_REGION;
  if (!(LEX_V2_EU_REGIONS as readonly string[]).includes(region)) {
    throw new InfraConfigError(
      `Context value "region" is ${JSON.stringify(region)}; expected an EU region with Amazon Lex V2: ${LEX_V2_EU_REGIONS.join(", ")}`,
    );
  }
  const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region };
  const prefix = `asiointi-${stage.name}`;
  const common = { env, terminationProtection: stage.terminationProtection };

  const data = new DataStack(app, `${prefix}-data`, {
    ...common,
    stage,
    description: "Asiointi chat: DynamoDB tables (stateful; retained in prod)",
  });
  const identity = new IdentityStack(app, `${prefix}-identity`, {
    ...common,
    stage,
    description: "Asiointi chat: Cognito user pool for advisors and supervisors (stateful)",
  });
  const bot =
    recogniserChoice(ctx("recogniser")) === "lex"
      ? new BotStack(app, `${prefix}-bot`, {
          ...common,
          stage,
          tables: data.tables,
          description: "Asiointi chat: Lex V2 bot (fi_FI, sv_SE) and its fulfillment function",
        })
      : undefined;
  const customers: TokenIssuer =
    customerIssuer(ctx("customerIssuer"), ctx("customerJwksUrl"), ctx("customerAudience")) ??
    identity.poolCustomerIssuer;
  const identityEnvironment = {
    OIDC_ISSUER: customers.issuer,
    OIDC_JWKS_URL: customers.jwksUrl,
    OIDC_AUDIENCE: customers.audience,
    STAFF_ISSUER: identity.staffIssuer.issuer,
    STAFF_JWKS_URL: identity.staffIssuer.jwksUrl,
    STAFF_AUDIENCE: identity.staffIssuer.audience,
  };
  const api = new ApiStack(app, `${prefix}-api`, {
    ...common,
    stage,
    tables: data.tables,
    allowedOrigins: origins,
    staffIssuer: identity.staffIssuer,
    identityEnvironment,
    ...(bot ? { lexPublishTarget: bot.publishTarget } : {}),
    description: "Asiointi chat: HTTP API and its Lambda functions (stateless)",
  });
  // WAF for CloudFront exists only in us-east-1; the distribution stays in the stage's region
  // (its access logs with it) and reads the ACL's ARN across regions.
  const edgeWaf = new EdgeWafStack(app, `${prefix}-edge-waf`, {
    ...common,
    env: { ...env, region: CLOUDFRONT_WAF_REGION },
    stage,
    crossRegionReferences: true,
    description: "Asiointi chat: WAF web ACL of the API's CloudFront distribution (us-east-1)",
  });
  const apiEdge = new ApiEdgeStack(app, `${prefix}-api-edge`, {
    ...common,
    stage,
    httpApi: api.api,
    webAclArn: edgeWaf.webAclArn,
    originSecret: api.edgeOriginSecret,
    crossRegionReferences: true,
    description: "Asiointi chat: CloudFront with WAF in front of the HTTP API",
  });
  const gateway = new GatewayStack(app, `${prefix}-gateway`, {
    ...common,
    stage,
    tables: data.tables,
    ...(bot ? { bot } : {}),
    customerIssuer: customers,
    staffIssuer: identity.staffIssuer,
    allowedOrigins: origins,
    certificateArn: optionalContext(
      ctx("certificateArn"),
      "certificateArn",
      /^arn:aws[a-z-]*:acm:/,
    ),
    wafAlsoProtects: [identity.userPool.userPoolArn],
    description: "Asiointi chat: socket.io gateway on Fargate behind ALB and WAF, Valkey",
  });
  const alarmEmail = optionalContext(ctx("alarmEmail"), "alarmEmail", /^[^@\s]+@[^@\s]+$/);
  const monitoring = new MonitoringStack(app, `${prefix}-monitoring`, {
    ...common,
    stage,
    httpApi: api.api,
    functions: {
      ...Object.fromEntries(Object.entries(api.functions).map(([k, f]) => [k, f.function])),
      ...(bot ? { lexFulfillment: bot.fulfillment.function } : {}),
      ...(api.contentPublisher ? { contentPublisher: api.contentPublisher.function } : {}),
    },
    gateway,
    edge: {
      distributionId: apiEdge.distribution.distributionId,
      webAclName: edgeWebAclName(stage),
    },
    alarmEmail,
    description: "Asiointi chat: alarms and the operations dashboard",
  });
  // CloudFront and CLOUDFRONT-scope WAF metrics exist only in us-east-1, and an alarm must
  // be in its metric's region: the edge's alarms (and their topic) live there.
  const edgeMonitoring = new EdgeMonitoringStack(app, `${prefix}-edge-monitoring`, {
    ...common,
    env: { ...env, region: CLOUDFRONT_WAF_REGION },
    stage,
    distributionId: apiEdge.distribution.distributionId,
    webAclName: edgeWebAclName(stage),
    alarmEmail,
    crossRegionReferences: true,
    description: "Asiointi chat: alarms on the API's CloudFront entry and its WAF (us-east-1)",
  });
  const stacks = {
    data,
    identity,
    bot,
    api,
    edgeWaf,
    apiEdge,
    gateway,
    monitoring,
    edgeMonitoring,
  };
  for (const stack of Object.values(stacks).filter((s) => s !== undefined)) {
    Tags.of(stack).add("project", "asiointi");
    Tags.of(stack).add("stage", stage.name);
  }
  return stacks;
}
