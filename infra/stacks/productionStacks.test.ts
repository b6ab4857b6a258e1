import { Match, type Template } from "aws-cdk-lib/assertions";
import { CachePolicy, OriginRequestPolicy } from "aws-cdk-lib/aws-cloudfront";
import { AwsSolutionsChecks } from "cdk-nag";
import { describe, expect, it } from "vitest";
import { HTTP_ROUTES } from "../../functions/http/routes.ts";
import { referencedTableName, synthStage } from "../synthForTests.ts";
import { isStaffRoute } from "./apiStack.ts";
import { CLOUDFRONT_WAF_REGION } from "./edgeWafStack.ts";
import { CACHE_PORT, GATEWAY_PORT, perTaskLimits } from "./gatewayStack.ts";

type Statement = { Action: string | string[]; Resource: unknown };

const PROD = {
  stage: "prod",
  allowedOrigins: "https://asiointi.example.fi",
  certificateArn: "arn:aws:acm:eu-central-1:123456789012:certificate/0000",
  alarmEmail: "ops@example.fi",
};

/** Names and statements of a web ACL's rules: what must match between entry points. */
interface AclRule {
  Name: string;
  Priority: number;
  Statement: unknown;
}
function ruleSet(template: Template): AclRule[] {
  const acl = only(template, "AWS::WAFv2::WebACL") as { Rules: AclRule[] };
  return acl.Rules.map(({ Name, Priority, Statement }) => ({ Name, Priority, Statement }));
}

/** The value a Fn::GetStackOutput reference reads from the producing stack's template. */
function stackOutputValue(ref: unknown, producer: Template): unknown {
  const { OutputName } = (ref as { "Fn::GetStackOutput": { OutputName: string } })[
    "Fn::GetStackOutput"
  ];
  const outputs = (producer.toJSON() as { Outputs: Record<string, { Value: unknown }> }).Outputs;
  return outputs[OutputName]?.Value;
}

function only(template: Template, type: string): Record<string, unknown> {
  const all = Object.values(template.findResources(type));
  expect(all).toHaveLength(1);
  return (all[0] as { Properties: Record<string, unknown> }).Properties;
}

describe("production stacks (dev stage)", () => {
  const dev = synthStage();
  const botTemplate = (): Template => {
    if (!dev.botTemplate) throw new Error("the dev stage deploys the Lex bot by default");
    return dev.botTemplate;
  };

  describe("Lex bot", () => {
    it("has fi_FI and sv_SE locales, each with FallbackIntent and the hook on every intent", () => {
      const bot = only(botTemplate(), "AWS::Lex::Bot") as {
        BotLocales: {
          LocaleId: string;
          NluConfidenceThreshold: number;
          Intents: { Name: string; FulfillmentCodeHook: unknown }[];
        }[];
      };
      expect(bot.BotLocales.map((l) => l.LocaleId)).toEqual(["fi_FI", "sv_SE"]);
      for (const locale of bot.BotLocales) {
        expect(locale.Intents.map((i) => i.Name)).toContain("FallbackIntent");
        // What is not ours is taught, not left to the threshold alone.
        expect(locale.Intents.map((i) => i.Name)).toContain("OutOfScope");
        expect(locale.NluConfidenceThreshold).toBe(0.5);
        expect(locale.Intents.map((i) => i.Name)).toContain("tax-card");
        for (const intent of locale.Intents)
          expect(intent.FulfillmentCodeHook).toEqual({ Enabled: true });
      }
    });

    it("declares the bot not child-directed, in CloudFormation's spelling, and builds locales", () => {
      botTemplate().hasResourceProperties("AWS::Lex::Bot", {
        DataPrivacy: { ChildDirected: false },
        AutoBuildBotLocales: true,
        IdleSessionTTLInSeconds: Match.anyValue(),
      });
    });

    it("cuts a version from the draft and points the live alias at it with the fulfillment hook", () => {
      const version = Object.keys(botTemplate().findResources("AWS::Lex::BotVersion"));
      expect(version).toHaveLength(1);
      botTemplate().hasResourceProperties("AWS::Lex::BotAlias", {
        BotAliasName: "live",
        BotVersion: { "Fn::GetAtt": [version[0], "BotVersion"] },
        BotAliasLocaleSettings: Match.arrayWith([
          Match.objectLike({
            LocaleId: "fi_FI",
            BotAliasLocaleSetting: {
              Enabled: true,
              CodeHookSpecification: {
                LambdaCodeHook: { CodeHookInterfaceVersion: "1.0", LambdaArn: Match.anyValue() },
              },
            },
          }),
        ]),
      });
    });

    it("lets only Lex invoke the fulfillment function, scoped to this bot's aliases", () => {
      botTemplate().hasResourceProperties("AWS::Lambda::Permission", {
        Principal: "lexv2.amazonaws.com",
        Action: "lambda:InvokeFunction",
        SourceArn: Match.anyValue(),
      });
    });

    it("lets the fulfillment function read the live content and customers' data, write nothing", () => {
      const statements = Object.values(botTemplate().findResources("AWS::IAM::Policy"))
        .flatMap(
          (p) =>
            (p as { Properties: { PolicyDocument: { Statement: Statement[] } } }).Properties
              .PolicyDocument.Statement,
        )
        .filter((s) => [s.Action].flat().some((a) => a.startsWith("dynamodb:")));
      const tables = (action: string) =>
        statements
          .filter((s) => [s.Action].flat().includes(action))
          .flatMap((s) => [s.Resource].flat())
          .map((r) => referencedTableName(r, dev.dataTemplate))
          .sort();
      expect(tables("dynamodb:GetItem")).toEqual([
        "asiointi-dev-content",
        "asiointi-dev-customers",
      ]);
      expect(tables("dynamodb:Query")).toEqual(["asiointi-dev-content", "asiointi-dev-customers"]);
      expect(tables("dynamodb:PutItem")).toEqual([]);
      botTemplate().hasResourceProperties("AWS::Lambda::Function", {
        Environment: { Variables: Match.objectLike({ TABLE_PREFIX: "asiointi-dev-" }) },
      });
    });

    it("runs the fulfillment function on arm64 Node.js 24 with tracing and the content snapshot", () => {
      botTemplate().hasResourceProperties("AWS::Lambda::Function", {
        Architectures: ["arm64"],
        Runtime: "nodejs24.x",
        TracingConfig: { Mode: "Active" },
        Environment: {
          Variables: Match.objectLike({
            BOT_CONTENT_FILE: "/var/task/bot-content.json",
            POWERTOOLS_SERVICE_NAME: "asiointi-dev",
          }),
        },
      });
    });
  });

  describe("identity", () => {
    it("has a staff pool with MFA, no self sign-up and threat protection", () => {
      dev.identityTemplate.hasResourceProperties("AWS::Cognito::UserPool", {
        MfaConfiguration: "ON",
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        UserPoolAddOns: { AdvancedSecurityMode: "ENFORCED" },
      });
    });

    it.each(["advisor", "supervisor", "content-owner", "content-reviewer"])(
      "has the %s group",
      (group) => {
        dev.identityTemplate.hasResourceProperties("AWS::Cognito::UserPoolGroup", {
          GroupName: group,
          Description: Match.stringLikeRegexp("."),
        });
      },
    );

    it("keeps the advisor and supervisor groups where they were (no replacement)", () => {
      const ids = Object.keys(dev.identityTemplate.findResources("AWS::Cognito::UserPoolGroup"));
      expect(ids.filter((id) => /^StaffPool(advisor|supervisor)Group/.test(id))).toHaveLength(2);
    });
  });

  describe("HTTP API", () => {
    it("puts every staff route behind the JWT authorizer and no customer route", () => {
      const routes = Object.values(dev.apiTemplate.findResources("AWS::ApiGatewayV2::Route")).map(
        (r) => (r as { Properties: { RouteKey: string; AuthorizationType?: string } }).Properties,
      );
      for (const route of HTTP_ROUTES) {
        const deployed = routes.find((r) => r.RouteKey === `${route.method} ${route.path}`);
        expect(deployed?.AuthorizationType ?? "NONE").toBe(isStaffRoute(route) ? "JWT" : "NONE");
      }
    });

    it("treats the supervisor reports as a staff route, as the route declares", () => {
      expect(isStaffRoute({ id: "r", path: "/api/reports/summary", auth: "staff" })).toBe(true);
      expect(isStaffRoute({ id: "s", path: "/api/surveys", auth: "public" })).toBe(false);
    });

    it("refuses a route under a staff path that does not declare staff auth", () => {
      expect(() => isStaffRoute({ id: "r", path: "/api/reports/x", auth: "public" })).toThrow(
        /declares auth "public"/,
      );
    });

    it("has a JWT authorizer on the staff pool's issuer with the console's audience", () => {
      dev.apiTemplate.hasResourceProperties("AWS::ApiGatewayV2::Authorizer", {
        AuthorizerType: "JWT",
        JwtConfiguration: { Audience: [Match.anyValue()], Issuer: Match.anyValue() },
      });
    });

    it("grants no DynamoDB index wildcard and no Scan to any function", () => {
      const text = JSON.stringify(dev.apiTemplate.findResources("AWS::IAM::Policy"));
      expect(text).not.toContain("/index/*");
      expect(text).not.toContain("dynamodb:Scan");
    });
  });

  describe("gateway", () => {
    it("runs several arm64 Fargate tasks in private subnets with rollback on failed deploys", () => {
      dev.gatewayTemplate.hasResourceProperties("AWS::ECS::Service", {
        LaunchType: "FARGATE",
        DesiredCount: 2,
        DeploymentConfiguration: Match.objectLike({
          DeploymentCircuitBreaker: { Enable: true, Rollback: true },
          MinimumHealthyPercent: 100,
        }),
        NetworkConfiguration: {
          AwsvpcConfiguration: Match.objectLike({ AssignPublicIp: "DISABLED" }),
        },
      });
      dev.gatewayTemplate.hasResourceProperties("AWS::ECS::TaskDefinition", {
        RuntimePlatform: { CpuArchitecture: "ARM64", OperatingSystemFamily: "LINUX" },
      });
    });

    it("gives the container the Lex alias, Valkey over TLS and the issuers", () => {
      const task = only(dev.gatewayTemplate, "AWS::ECS::TaskDefinition") as {
        ContainerDefinitions: {
          Environment: { Name: string }[];
          ReadonlyRootFilesystem: boolean;
        }[];
      };
      const names = task.ContainerDefinitions[0]?.Environment.map((e) => e.Name);
      expect(names).toEqual(
        expect.arrayContaining([
          "REDIS_URL",
          "LEX_BOT_ID",
          "LEX_BOT_ALIAS_ID",
          "OIDC_ISSUER",
          "OIDC_JWKS_URL",
          "STAFF_ISSUER",
          "STAFF_AUDIENCE",
          "TABLE_PREFIX",
        ]),
      );
      expect(JSON.stringify(task)).toContain("rediss://");
      expect(task.ContainerDefinitions[0]?.ReadonlyRootFilesystem).toBe(true);
    });

    it("uses sticky sessions and /healthz on the target group", () => {
      dev.gatewayTemplate.hasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", {
        Port: GATEWAY_PORT,
        TargetType: "ip",
        HealthCheckPath: "/healthz",
        TargetGroupAttributes: Match.arrayWith([
          { Key: "stickiness.enabled", Value: "true" },
          { Key: "stickiness.type", Value: "lb_cookie" },
        ]),
      });
    });

    it("scales tasks on CPU and on requests per target", () => {
      dev.gatewayTemplate.hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", {
        MinCapacity: 2,
        MaxCapacity: 4,
      });
      const metrics = Object.values(
        dev.gatewayTemplate.findResources("AWS::ApplicationAutoScaling::ScalingPolicy"),
      ).map(
        (p) =>
          (
            p as {
              Properties: {
                TargetTrackingScalingPolicyConfiguration: {
                  PredefinedMetricSpecification: { PredefinedMetricType: string };
                };
              };
            }
          ).Properties.TargetTrackingScalingPolicyConfiguration.PredefinedMetricSpecification
            .PredefinedMetricType,
      );
      expect(metrics.sort()).toEqual([
        "ALBRequestCountPerTarget",
        "ECSServiceAverageCPUUtilization",
      ]);
    });

    it("runs Valkey encrypted in transit and at rest on a non-default port", () => {
      dev.gatewayTemplate.hasResourceProperties("AWS::ElastiCache::ReplicationGroup", {
        Engine: "valkey",
        TransitEncryptionEnabled: true,
        AtRestEncryptionEnabled: true,
        Port: CACHE_PORT,
      });
    });

    it("lets the tasks add to the report counters the chat records", () => {
      const text = JSON.stringify(dev.gatewayTemplate.findResources("AWS::IAM::Policy"));
      expect(text).toMatch(/ReportCounters/i);
    });

    it("lets the tasks call only RecognizeText on the live alias", () => {
      const text = JSON.stringify(dev.gatewayTemplate.findResources("AWS::IAM::Policy"));
      expect(text).toContain("lex:RecognizeText");
      expect(text).not.toMatch(/"lex:\*"/);
    });

    it("protects the load balancer and the staff pool with a WAF web ACL", () => {
      dev.gatewayTemplate.hasResourceProperties("AWS::WAFv2::WebACL", {
        Scope: "REGIONAL",
        Rules: Match.arrayWith([
          Match.objectLike({ Name: "RatePerIp" }),
          Match.objectLike({ Name: "AWSManagedRulesCommonRuleSet" }),
        ]),
      });
      dev.gatewayTemplate.resourceCountIs("AWS::WAFv2::WebACLAssociation", 2);
    });

    it("serves plain HTTP in dev when no certificate is given", () => {
      dev.gatewayTemplate.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", {
        Port: 80,
        Protocol: "HTTP",
      });
    });
  });

  describe("HTTP API edge (CloudFront and WAF)", () => {
    const distribution = () =>
      only(dev.apiEdgeTemplate, "AWS::CloudFront::Distribution").DistributionConfig as {
        Origins: { DomainName: unknown; CustomOriginConfig: { OriginProtocolPolicy: string } }[];
        WebACLId: { "Fn::GetStackOutput": { StackName: string; Region: string } };
        DefaultCacheBehavior: Record<string, unknown>;
        CacheBehaviors: Record<string, unknown>[];
        Logging?: unknown;
      };

    it("keeps the CLOUDFRONT-scope web ACL in us-east-1, the only region that has them", () => {
      expect(dev.edgeWaf.region).toBe(CLOUDFRONT_WAF_REGION);
      expect(CLOUDFRONT_WAF_REGION).toBe("us-east-1");
      dev.edgeWafTemplate.hasResourceProperties("AWS::WAFv2::WebACL", {
        Scope: "CLOUDFRONT",
        DefaultAction: { Allow: {} },
        Rules: Match.arrayWith([
          Match.objectLike({
            Name: "RatePerIp",
            Action: { Block: {} },
            Statement: { RateBasedStatement: { Limit: 1000, AggregateKeyType: "IP" } },
          }),
        ]),
      });
    });

    it("gives the API's ACL the same rules as the gateway's (one definition)", () => {
      const edge = ruleSet(dev.edgeWafTemplate);
      const gateway = ruleSet(dev.gatewayTemplate);
      const withoutRate = (rules: AclRule[]) =>
        rules.filter((r) => !JSON.stringify(r.Statement).includes("RateBasedStatement"));
      expect(withoutRate(edge)).toEqual(withoutRate(gateway));
      expect(edge.map((r) => r.Name)).toEqual([
        "RatePerIp",
        "PublicWritesPerIp",
        "AWSManagedRulesAmazonIpReputationList",
        "AWSManagedRulesCommonRuleSet",
        "AWSManagedRulesKnownBadInputsRuleSet",
      ]);
    });

    it("limits public writes per IP at the edge and new socket.io sessions at the gateway", () => {
      const rule = (rules: AclRule[], name: string) =>
        JSON.stringify(rules.find((r) => r.Name === name)?.Statement ?? null);
      const writes = rule(ruleSet(dev.edgeWafTemplate), "PublicWritesPerIp");
      expect(writes).toContain('"Limit":100');
      for (const path of ["/api/callbacks", "/api/appointments", "/api/surveys"]) {
        expect(writes).toContain(path);
      }
      const sessions = rule(ruleSet(dev.gatewayTemplate), "NewSessionsPerIp");
      expect(sessions).toContain('"Limit":300');
      expect(sessions).toContain("sid=");
    });

    it("attaches that ACL to the distribution by its ARN, read from us-east-1", () => {
      const { WebACLId } = distribution();
      expect(WebACLId["Fn::GetStackOutput"]).toMatchObject({
        StackName: dev.edgeWaf.stackName,
        Region: CLOUDFRONT_WAF_REGION,
      });
      const acl = Object.keys(dev.edgeWafTemplate.findResources("AWS::WAFv2::WebACL"));
      expect(stackOutputValue(WebACLId, dev.edgeWafTemplate)).toEqual({
        "Fn::GetAtt": [acl[0], "Arn"],
      });
    });

    it("sends requests to the HTTP API's endpoint over HTTPS only", () => {
      const { Origins } = distribution();
      expect(Origins).toHaveLength(1);
      const origin = Origins[0] as (typeof Origins)[number];
      expect(origin.CustomOriginConfig.OriginProtocolPolicy).toBe("https-only");
      expect(JSON.stringify(origin.DomainName)).toContain(`"StackName":"${dev.api.stackName}"`);
      // Fn::Select 2 of Fn::Split "/" of the API stack's endpoint output: the host name.
      const select = (origin.DomainName as { "Fn::Select": [number, { "Fn::Split": unknown[] }] })[
        "Fn::Select"
      ];
      expect(select[0]).toBe(2);
      const httpApi = Object.keys(dev.apiTemplate.findResources("AWS::ApiGatewayV2::Api"));
      expect(stackOutputValue(select[1]["Fn::Split"][1], dev.apiTemplate)).toEqual({
        "Fn::GetAtt": [httpApi[0], "ApiEndpoint"],
      });
    });

    it("caches nothing under /api/* and forwards every viewer header but Host", () => {
      const api = distribution().CacheBehaviors.find((b) => b.PathPattern === "/api/*");
      expect(api).toMatchObject({
        CachePolicyId: CachePolicy.CACHING_DISABLED.cachePolicyId,
        OriginRequestPolicyId:
          OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.originRequestPolicyId,
        ViewerProtocolPolicy: "https-only",
        AllowedMethods: expect.arrayContaining(["GET", "POST", "PUT", "DELETE", "OPTIONS"]),
      });
      expect(distribution().DefaultCacheBehavior).toMatchObject({
        CachePolicyId: CachePolicy.CACHING_DISABLED.cachePolicyId,
        ViewerProtocolPolicy: "https-only",
      });
    });

    it("vouches for the viewer's address with a secret only CloudFront and the functions share", () => {
      const origin = distribution().Origins[0] as unknown as {
        OriginCustomHeaders: { HeaderName: string; HeaderValue: unknown }[];
      };
      const verify = origin.OriginCustomHeaders.find((h) => h.HeaderName === "x-origin-verify");
      const secret = Object.keys(dev.apiTemplate.findResources("AWS::SecretsManager::Secret"));
      expect(secret).toHaveLength(1);
      // A dynamic reference to the API stack's secret, resolved by CloudFormation at deploy.
      expect(JSON.stringify(verify?.HeaderValue)).toContain("resolve:secretsmanager:");
      expect(JSON.stringify(verify?.HeaderValue)).toContain(`"StackName":"${dev.api.stackName}"`);
      const fns = Object.values(dev.apiTemplate.findResources("AWS::Lambda::Function")) as {
        Properties: { Environment?: { Variables?: Record<string, unknown> } };
      }[];
      const limited = fns.filter((f) => f.Properties.Environment?.Variables?.EDGE_ORIGIN_SECRET);
      expect(limited.length).toBeGreaterThanOrEqual(3);
      expect(
        JSON.stringify(limited[0]?.Properties.Environment?.Variables?.EDGE_ORIGIN_SECRET),
      ).toContain(secret[0]);
      // The viewer's address is set at the edge on every behaviour, over whatever a viewer sent.
      const fn = only(dev.apiEdgeTemplate, "AWS::CloudFront::Function") as {
        FunctionCode: string;
        FunctionConfig: { Runtime: string };
      };
      expect(fn.FunctionCode).toContain('headers["x-viewer-address"] = { value: event.viewer.ip }');
      for (const behavior of [
        distribution().DefaultCacheBehavior,
        ...distribution().CacheBehaviors,
      ]) {
        expect(behavior.FunctionAssociations).toEqual([
          { EventType: "viewer-request", FunctionARN: expect.anything() },
        ]);
      }
    });

    it("writes access logs to a bucket in the stage's region", () => {
      expect(distribution().Logging).toMatchObject({ Bucket: expect.anything() });
      expect(dev.apiEdge.region).toBe(dev.api.region);
      dev.apiEdgeTemplate.resourceCountIs("AWS::S3::Bucket", 1);
    });
  });

  describe("monitoring", () => {
    it.each([
      "ApiErrorRate",
      "ApiLatencyP99",
      "GatewayErrorRate",
      "GatewayUnhealthyTasks",
      "QueueWaitP90",
      "CallbacksWaiting",
      "SatisfactionLow",
      "lexFulfillmentErrorRate",
      "contentPublisherErrorRate",
    ])("has the %s alarm, notifying the alarm topic", (name) => {
      dev.monitoringTemplate.hasResourceProperties("AWS::CloudWatch::Alarm", {
        AlarmName: `asiointi-dev-${name}`,
        AlarmActions: [Match.anyValue()],
      });
    });

    it("has one dashboard", () => {
      dev.monitoringTemplate.resourceCountIs("AWS::CloudWatch::Dashboard", 1);
    });

    it("alarms on the edge in us-east-1, where CloudFront and its WAF publish metrics", () => {
      expect(dev.edgeMonitoring.region).toBe(CLOUDFRONT_WAF_REGION);
      const topic = Object.keys(dev.edgeMonitoringTemplate.findResources("AWS::SNS::Topic"));
      expect(topic).toHaveLength(1);
      dev.edgeMonitoringTemplate.hasResourceProperties("AWS::CloudWatch::Alarm", {
        AlarmName: "asiointi-dev-EdgeWafBlocked",
        Namespace: "AWS/WAFV2",
        MetricName: "BlockedRequests",
        Dimensions: [
          { Name: "Rule", Value: "ALL" },
          { Name: "WebACL", Value: "asiointi-dev-api-edge" },
        ],
        Statistic: "Sum",
        AlarmActions: [{ Ref: topic[0] }],
        OKActions: [{ Ref: topic[0] }],
      });
      dev.edgeMonitoringTemplate.hasResourceProperties("AWS::CloudWatch::Alarm", {
        AlarmName: "asiointi-dev-EdgeCloudFront5xxRate",
        Namespace: "AWS/CloudFront",
        MetricName: "5xxErrorRate",
        Dimensions: [
          { Name: "DistributionId", Value: Match.anyValue() },
          { Name: "Region", Value: "Global" },
        ],
        Statistic: "Average",
        Threshold: 1,
        AlarmActions: [{ Ref: topic[0] }],
      });
    });

    it("names the WAF ACL the edge alarm watches", () => {
      dev.edgeWafTemplate.hasResourceProperties("AWS::WAFv2::WebACL", {
        Name: "asiointi-dev-api-edge",
        Scope: "CLOUDFRONT",
      });
    });

    it("shows the edge's us-east-1 metrics on the stage's dashboard", () => {
      const [dashboard] = Object.values(
        dev.monitoringTemplate.findResources("AWS::CloudWatch::Dashboard"),
      );
      const body = JSON.stringify(dashboard?.Properties?.DashboardBody);
      for (const metric of ["5xxErrorRate", "BlockedRequests", "AllowedRequests"]) {
        expect(body).toContain(metric);
      }
      expect(body).toContain(`\\"region\\":\\"${CLOUDFRONT_WAF_REGION}\\"`);
    });
  });

  it("passes the cdk-nag AwsSolutions checks (each exception acknowledged with a reason)", () => {
    const result = new AwsSolutionsChecks(dev.app).validateScope(dev.app);
    expect(
      result.violations.map((v) => `${v.ruleName}: ${v.violatingResources[0]?.constructPath}`),
    ).toEqual([]);
  });
  describe("limits against abuse", () => {
    it("counts the service's refusals from the gateway's and the functions' logs, and alarms", () => {
      const filter = {
        FilterPattern: '{ $.message = "rate limited" }',
        MetricTransformations: [
          Match.objectLike({ MetricNamespace: "Asiointi", MetricName: "RateLimited" }),
        ],
      };
      dev.gatewayTemplate.hasResourceProperties("AWS::Logs::MetricFilter", filter);
      dev.apiTemplate.hasResourceProperties("AWS::Logs::MetricFilter", filter);
      dev.monitoringTemplate.hasResourceProperties("AWS::CloudWatch::Alarm", {
        MetricName: "RateLimited",
        Namespace: "Asiointi",
        Threshold: 100,
      });
    });

    it("alarms on the gateway's failed storage probes while the target group checks /healthz", () => {
      dev.gatewayTemplate.hasResourceProperties("AWS::Logs::MetricFilter", {
        FilterPattern: '{ $.message = "storage not ready" }',
        MetricTransformations: [
          Match.objectLike({ MetricNamespace: "Asiointi", MetricName: "StorageNotReady" }),
        ],
      });
      dev.monitoringTemplate.hasResourceProperties("AWS::CloudWatch::Alarm", {
        AlarmName: "asiointi-dev-StorageNotReady",
        MetricName: "StorageNotReady",
        Namespace: "Asiointi",
        Threshold: 2,
        AlarmActions: Match.anyValue(),
      });
      // Tasks are not replaced for a storage outage: liveness stays on /healthz.
      dev.gatewayTemplate.hasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", {
        HealthCheckPath: "/healthz",
      });
    });

    it("divides the overall limits the gateway counts among its minimum number of tasks", () => {
      const task = only(dev.gatewayTemplate, "AWS::ECS::TaskDefinition") as {
        ContainerDefinitions: { Environment: { Name: string; Value: unknown }[] }[];
      };
      const env = Object.fromEntries(
        (task.ContainerDefinitions[0]?.Environment ?? []).map((e) => [e.Name, e.Value]),
      );
      // dev runs at least 2 tasks; the process defaults are 20/2000, 6/600 and 10/2000.
      expect(env).toMatchObject({
        LIMIT_CHAT_STARTS: "20/1000",
        LIMIT_HANDOFFS: "6/300",
        LIMIT_SURVEYS: "10/1000",
      });
      expect(perTaskLimits(3).LIMIT_HANDOFFS).toBe("6/200");
    });

    it("believes X-Forwarded-For in the gateway only from the load balancer's VPC", () => {
      const task = only(dev.gatewayTemplate, "AWS::ECS::TaskDefinition") as {
        ContainerDefinitions: { Environment: { Name: string; Value: unknown }[] }[];
      };
      const trusted = task.ContainerDefinitions[0]?.Environment.find(
        (e) => e.Name === "TRUSTED_PROXIES",
      );
      expect(JSON.stringify(trusted?.Value)).toContain("CidrBlock");
    });
  });
});

describe("production stacks (prod stage)", () => {
  const prod = synthStage(PROD);

  it("serves HTTPS with a modern TLS policy and redirects HTTP", () => {
    prod.gatewayTemplate.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", {
      Port: 443,
      Protocol: "HTTPS",
      SslPolicy: Match.stringLikeRegexp("^ELBSecurityPolicy-TLS13"),
    });
    prod.gatewayTemplate.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", {
      Port: 80,
      DefaultActions: [Match.objectLike({ Type: "redirect" })],
    });
  });

  it("runs at least three gateway tasks, Multi-AZ Valkey and NAT in two AZs", () => {
    prod.gatewayTemplate.hasResourceProperties("AWS::ECS::Service", { DesiredCount: 3 });
    prod.gatewayTemplate.hasResourceProperties("AWS::ElastiCache::ReplicationGroup", {
      MultiAZEnabled: true,
      AutomaticFailoverEnabled: true,
    });
    prod.gatewayTemplate.resourceCountIs("AWS::EC2::NatGateway", 2);
  });

  it("retains the staff pool and protects it from deletion", () => {
    prod.identityTemplate.hasResource("AWS::Cognito::UserPool", {
      DeletionPolicy: "Retain",
      Properties: Match.objectLike({ DeletionProtection: "ACTIVE" }),
    });
  });

  it("mails alarms to the configured address, from both alarm regions", () => {
    for (const template of [prod.monitoringTemplate, prod.edgeMonitoringTemplate]) {
      template.hasResourceProperties("AWS::SNS::Subscription", {
        Protocol: "email",
        Endpoint: "ops@example.fi",
      });
    }
  });

  it("passes the cdk-nag AwsSolutions checks", () => {
    const result = new AwsSolutionsChecks(prod.app).validateScope(prod.app);
    expect(
      result.violations.map((v) => `${v.ruleName}: ${v.violatingResources[0]?.constructPath}`),
    ).toEqual([]);
  });

  it("refuses prod without a certificate", () => {
    expect(() => synthStage({ ...PROD, certificateArn: undefined })).toThrow(
      /certificateArn.*required/,
    );
  });
});
