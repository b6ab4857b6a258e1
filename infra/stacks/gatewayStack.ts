/**
 * The socket.io gateway, the same code as local mode, on ECS Fargate behind an Application
 * Load Balancer with WAF. Tasks share rooms, broadcasts and connection-state recovery through
 * @socket.io/redis-streams-adapter on ElastiCache (Valkey), so a customer on one task and an
 * advisor on another talk as if on one server.
 */
import { fileURLToPath } from "node:url";
import {
  CfnOutput,
  Duration,
  RemovalPolicy,
  Stack,
  type StackProps,
  Validations,
} from "aws-cdk-lib";
import {
  FlowLogDestination,
  FlowLogTrafficType,
  Peer,
  Port,
  SecurityGroup,
  SubnetType,
  Vpc,
} from "aws-cdk-lib/aws-ec2";
import { Platform } from "aws-cdk-lib/aws-ecr-assets";
import {
  Cluster,
  ContainerImage,
  ContainerInsights,
  CpuArchitecture,
  FargateService,
  FargateTaskDefinition,
  LogDrivers,
  OperatingSystemFamily,
} from "aws-cdk-lib/aws-ecs";
import { CfnReplicationGroup, CfnSubnetGroup } from "aws-cdk-lib/aws-elasticache";
import {
  ApplicationLoadBalancer,
  ApplicationProtocol,
  ApplicationTargetGroup,
  ListenerAction,
  ListenerCertificate,
  SslPolicy,
  TargetType,
} from "aws-cdk-lib/aws-elasticloadbalancingv2";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import { LogGroup } from "aws-cdk-lib/aws-logs";
import { BlockPublicAccess, Bucket, BucketEncryption } from "aws-cdk-lib/aws-s3";
import type { Construct } from "constructs";
import type { TableId } from "../../functions/adapters/dynamodb/tables.ts";
import { LIMIT_DEFAULTS, type LimitVariable } from "../../functions/config.ts";
import { countRateLimited, countStorageNotReady } from "../constructs/rateLimitedMetric.ts";
import { grantTableAccess, indexNamesOf } from "../constructs/tableGrants.ts";
import { byteMatch, WebAcl } from "../constructs/webAcl.ts";
import { InfraConfigError, type StageConfig } from "../stage.ts";
import type { BotStack } from "./botStack.ts";
import type { DeployedTables } from "./dataStack.ts";
import type { TokenIssuer } from "./identityStack.ts";

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url)).replace(/\/$/, "");
/** The gateway's HTTP and socket.io port inside the task. */
export const GATEWAY_PORT = 3000;
/** Valkey on a non-default port: scanners that probe 6379 find nothing. */
export const CACHE_PORT = 6380;
/**
 * Tables the chat service, surveys and the advisor console read and write; the report
 * counters too, which the chat adds to as it goes (answers, votes, handoffs, endings).
 */
export const GATEWAY_TABLES: readonly TableId[] = [
  "chats",
  "messages",
  "surveys",
  "callbacks",
  "appointments",
  "appointmentSlots",
  // Moving and cancelling appointments in the chat, closing callbacks in the console.
  "contactGuards",
  "reportCounters",
  // The missed-question inbox: questions kept as chats go, their outcomes.
  "misses",
];

export interface GatewayStackProps extends StackProps {
  stage: StageConfig;
  tables: DeployedTables;
  /** The Lex bot the gateway asks; without it the tasks run the embedded recogniser. */
  bot?: Pick<BotStack, "bot" | "alias">;
  customerIssuer: TokenIssuer;
  staffIssuer: TokenIssuer;
  /** ACM certificate of the public host name; required in prod (HTTPS only). */
  certificateArn?: string;
  /** Extra resources the web ACL protects (the staff user pool). */
  wafAlsoProtects?: readonly string[];
  /** Browser origins whose pages may open socket.io sessions (the API's CORS origins). */
  allowedOrigins?: readonly string[];
}

export class GatewayStack extends Stack {
  readonly service: FargateService;
  readonly loadBalancer: ApplicationLoadBalancer;
  readonly targetGroup: ApplicationTargetGroup;
  readonly cache: CfnReplicationGroup;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: GatewayStackProps) {
    super(scope, id, props);
    const { stage } = props;
    if (stage.name === "prod" && !props.certificateArn) {
      throw new InfraConfigError(
        'Context value "certificateArn" is required for stage prod: the gateway serves HTTPS only (e.g. -c certificateArn=arn:aws:acm:eu-central-1:123456789012:certificate/...)',
      );
    }

    const vpc = new Vpc(this, "Vpc", {
      maxAzs: stage.name === "prod" ? 3 : 2,
      natGateways: stage.natGateways,
      subnetConfiguration: [
        { name: "public", subnetType: SubnetType.PUBLIC, cidrMask: 24 },
        { name: "app", subnetType: SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 22 },
        { name: "cache", subnetType: SubnetType.PRIVATE_ISOLATED, cidrMask: 26 },
      ],
    });
    vpc.addFlowLog("FlowLogs", {
      trafficType: FlowLogTrafficType.REJECT,
      destination: FlowLogDestination.toCloudWatchLogs(
        new LogGroup(this, "FlowLogGroup", {
          retention: stage.logRetention,
          removalPolicy: stage.logRemovalPolicy,
        }),
      ),
    });

    // --- ElastiCache (Valkey): the socket.io adapter's streams and pub/sub -----------------
    const cacheSg = new SecurityGroup(this, "CacheSg", {
      vpc,
      description: "Valkey: reachable only from the gateway tasks",
      allowAllOutbound: false,
    });
    const cacheSubnets = new CfnSubnetGroup(this, "CacheSubnets", {
      description: "Isolated subnets of the gateway's Valkey",
      subnetIds: vpc.isolatedSubnets.map((s) => s.subnetId),
    });
    this.cache = new CfnReplicationGroup(this, "Cache", {
      replicationGroupDescription: `asiointi-${stage.name} socket.io adapter`,
      engine: "valkey",
      engineVersion: "8.0",
      cacheNodeType: stage.cache.nodeType,
      port: CACHE_PORT,
      numNodeGroups: 1,
      replicasPerNodeGroup: stage.cache.replicas,
      automaticFailoverEnabled: stage.cache.replicas > 0,
      multiAzEnabled: stage.cache.replicas > 0,
      transitEncryptionEnabled: true,
      transitEncryptionMode: "required",
      atRestEncryptionEnabled: true,
      cacheSubnetGroupName: cacheSubnets.ref,
      securityGroupIds: [cacheSg.securityGroupId],
      // Events in flight only; nothing here needs a backup.
      snapshotRetentionLimit: 0,
    });
    this.cache.applyRemovalPolicy(RemovalPolicy.DESTROY);
    Validations.of(this.cache).acknowledge({
      id: "AwsSolutions-AEC6",
      reason:
        "TLS is required and only the gateway tasks' security group reaches the isolated subnets; the cache holds only transient socket.io events. Valkey RBAC/IAM auth is a follow-up (docs/deploy.md).",
    });

    // --- Fargate service ----------------------------------------------------------------
    const cluster = new Cluster(this, "Cluster", {
      vpc,
      containerInsightsV2: ContainerInsights.ENHANCED,
    });
    this.logGroup = new LogGroup(this, "GatewayLogs", {
      retention: stage.logRetention,
      removalPolicy: stage.logRemovalPolicy,
    });
    countRateLimited(this, this.logGroup);
    countStorageNotReady(this, this.logGroup);
    const task = new FargateTaskDefinition(this, "Task", {
      cpu: stage.gateway.cpu,
      memoryLimitMiB: stage.gateway.memoryMiB,
      runtimePlatform: {
        cpuArchitecture: CpuArchitecture.ARM64,
        operatingSystemFamily: OperatingSystemFamily.LINUX,
      },
    });
    task.addContainer("gateway", {
      // Built by `cdk deploy` (needs Docker then); synth only stages the sources.
      image: ContainerImage.fromAsset(REPO_ROOT, {
        file: "functions/gateway/server/Dockerfile",
        platform: Platform.LINUX_ARM64,
        exclude: GATEWAY_IMAGE_EXCLUDES,
      }),
      portMappings: [{ containerPort: GATEWAY_PORT }],
      logging: LogDrivers.awsLogs({ streamPrefix: "gateway", logGroup: this.logGroup }),
      readonlyRootFilesystem: true,
      environment: {
        NODE_ENV: "production",
        HOST: "0.0.0.0",
        // Only the load balancer's X-Forwarded-For is believed: it sits in this VPC.
        TRUSTED_PROXIES: vpc.vpcCidrBlock,
        PORT: String(GATEWAY_PORT),
        AWS_REGION: this.region,
        TABLE_PREFIX: stage.tablePrefix,
        LOG_LEVEL: stage.logLevel,
        REDIS_URL: `rediss://${this.cache.attrPrimaryEndPointAddress}:${CACHE_PORT}`,
        ...(props.bot
          ? {
              RECOGNISER: "lex",
              LEX_BOT_ID: props.bot.bot.attrId,
              LEX_BOT_ALIAS_ID: props.bot.alias.attrBotAliasId,
            }
          : { RECOGNISER: "embedded", BOT_CONTENT_DIR: "/app/bot-content" }),
        OIDC_ISSUER: props.customerIssuer.issuer,
        OIDC_JWKS_URL: props.customerIssuer.jwksUrl,
        OIDC_AUDIENCE: props.customerIssuer.audience,
        STAFF_ISSUER: props.staffIssuer.issuer,
        STAFF_JWKS_URL: props.staffIssuer.jwksUrl,
        STAFF_AUDIENCE: props.staffIssuer.audience,
        ALLOWED_ORIGINS: (props.allowedOrigins ?? []).join(","),
        ...perTaskLimits(stage.gateway.minTasks),
      },
    });
    for (const tableId of GATEWAY_TABLES) {
      grantTableAccess(task.taskRole, {
        table: props.tables[tableId],
        indexes: indexNamesOf(tableId),
        read: true,
        write: true,
      });
    }
    Validations.of(task).acknowledge({
      id: "AwsSolutions-ECS2",
      reason:
        "The environment holds resource ids, endpoints and issuer URLs, no secrets; tokens are verified against public JWKS.",
    });
    if (task.executionRole) {
      Validations.of(task.executionRole).acknowledge({
        id: "AwsSolutions-IAM5[Resource::*]",
        reason:
          "ecr:GetAuthorizationToken supports no resource-level permissions (CDK's execution role).",
      });
    }
    if (props.bot) {
      task.taskRole.addToPrincipalPolicy(
        new PolicyStatement({
          actions: ["lex:RecognizeText"],
          resources: [
            Stack.of(this).formatArn({
              service: "lex",
              resource: "bot-alias",
              resourceName: `${props.bot.bot.attrId}/${props.bot.alias.attrBotAliasId}`,
            }),
          ],
        }),
      );
    } else {
      // The embedded recogniser answers from the live content version (seeding version 1 into
      // an empty table, as the content API would) and reads customers' own data for personal
      // answers, which the fulfillment function does when Lex is deployed.
      grantTableAccess(task.taskRole, {
        table: props.tables.content,
        indexes: indexNamesOf("content"),
        read: true,
        write: true,
      });
      grantTableAccess(task.taskRole, {
        table: props.tables.customers,
        indexes: indexNamesOf("customers"),
        read: true,
        write: false,
      });
    }

    const serviceSg = new SecurityGroup(this, "ServiceSg", {
      vpc,
      description: "Gateway tasks: HTTP from the load balancer only",
    });
    cacheSg.addIngressRule(serviceSg, Port.tcp(CACHE_PORT), "gateway tasks to Valkey");

    this.service = new FargateService(this, "Service", {
      cluster,
      taskDefinition: task,
      desiredCount: stage.gateway.minTasks,
      minHealthyPercent: 100,
      maxHealthyPercent: 200,
      circuitBreaker: { enable: true, rollback: true },
      securityGroups: [serviceSg],
      vpcSubnets: { subnetType: SubnetType.PRIVATE_WITH_EGRESS },
      assignPublicIp: false,
    });

    // --- Load balancer ------------------------------------------------------------------
    const accessLogs = new Bucket(this, "AlbAccessLogs", {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      lifecycleRules: [{ expiration: Duration.days(stage.name === "prod" ? 365 : 14) }],
      removalPolicy: stage.logRemovalPolicy,
      autoDeleteObjects: false,
    });
    Validations.of(accessLogs).acknowledge({
      id: "AwsSolutions-S1",
      reason: "This bucket is the access log destination itself; logging it again would recurse.",
    });
    const albSg = new SecurityGroup(this, "AlbSg", {
      vpc,
      description: "Public entry of the chat gateway (behind WAF)",
      allowAllOutbound: false,
    });
    Validations.of(albSg).acknowledge({
      id: "AwsSolutions-EC23",
      reason:
        "The public entry of the customer chat: open to the internet on 80/443, filtered by WAF.",
    });
    this.loadBalancer = new ApplicationLoadBalancer(this, "Alb", {
      vpc,
      internetFacing: true,
      securityGroup: albSg,
      vpcSubnets: { subnetType: SubnetType.PUBLIC },
      // Long-polling requests wait up to pingInterval (20 s); WebSockets idle between pings.
      idleTimeout: Duration.seconds(60),
      dropInvalidHeaderFields: true,
    });
    this.loadBalancer.logAccessLogs(accessLogs, "alb");
    albSg.addEgressRule(serviceSg, Port.tcp(GATEWAY_PORT), "to the gateway tasks");
    serviceSg.addIngressRule(albSg, Port.tcp(GATEWAY_PORT), "from the load balancer");

    this.targetGroup = new ApplicationTargetGroup(this, "Targets", {
      vpc,
      port: GATEWAY_PORT,
      protocol: ApplicationProtocol.HTTP,
      targetType: TargetType.IP,
      targets: [this.service],
      // socket.io long-polling sends each request of a session to the task that holds it.
      stickinessCookieDuration: Duration.days(1),
      deregistrationDelay: Duration.seconds(30),
      healthCheck: {
        path: "/healthz",
        healthyHttpCodes: "200",
        interval: Duration.seconds(15),
        healthyThresholdCount: 2,
        unhealthyThresholdCount: 3,
      },
    });

    if (props.certificateArn) {
      albSg.addIngressRule(Peer.anyIpv4(), Port.tcp(443), "HTTPS from anywhere");
      albSg.addIngressRule(Peer.anyIpv4(), Port.tcp(80), "HTTP, redirected to HTTPS");
      this.loadBalancer.addListener("Https", {
        port: 443,
        protocol: ApplicationProtocol.HTTPS,
        sslPolicy: SslPolicy.RECOMMENDED_TLS,
        certificates: [ListenerCertificate.fromArn(props.certificateArn)],
        defaultTargetGroups: [this.targetGroup],
        open: false,
      });
      this.loadBalancer.addListener("HttpRedirect", {
        port: 80,
        open: false,
        defaultAction: ListenerAction.redirect({ protocol: "HTTPS", port: "443", permanent: true }),
      });
    } else {
      // dev without a certificate: plain HTTP, for trying the stack out only.
      albSg.addIngressRule(Peer.anyIpv4(), Port.tcp(80), "HTTP (dev only, no certificate)");
      this.loadBalancer.addListener("Http", {
        port: 80,
        open: false,
        defaultTargetGroups: [this.targetGroup],
      });
    }

    const scaling = this.service.autoScaleTaskCount({
      minCapacity: stage.gateway.minTasks,
      maxCapacity: stage.gateway.maxTasks,
    });
    scaling.scaleOnCpuUtilization("Cpu", {
      targetUtilizationPercent: stage.gateway.targetCpuPercent,
      scaleOutCooldown: Duration.minutes(1),
      scaleInCooldown: Duration.minutes(5),
    });
    scaling.scaleOnRequestCount("Requests", {
      requestsPerTarget: stage.gateway.targetRequestsPerTask,
      targetGroup: this.targetGroup,
      scaleOutCooldown: Duration.minutes(1),
      scaleInCooldown: Duration.minutes(5),
    });

    new WebAcl(this, "Waf", {
      name: `asiointi-${stage.name}-gateway`,
      scope: "REGIONAL",
      associate: [this.loadBalancer.loadBalancerArn, ...(props.wafAlsoProtects ?? [])],
      ratePer5Min: 3000,
      // New socket.io sessions (a handshake carries no sid yet): one client opening many
      // connections is what filled the queue. Reconnects and long-polling carry a sid.
      scopedRates: [
        {
          name: "NewSessionsPerIp",
          limit: 300,
          scopeDown: {
            andStatement: {
              statements: [
                byteMatch("URI_PATH", "STARTS_WITH", "/socket.io/"),
                { notStatement: { statement: byteMatch("QUERY_STRING", "CONTAINS", "sid=") } },
              ],
            },
          },
        },
      ],
    });

    new CfnOutput(this, "GatewayUrl", {
      value: `${props.certificateArn ? "https" : "http"}://${this.loadBalancer.loadBalancerDnsName}`,
    });
  }
}

/** The limits the gateway counts itself: new chats, requests for a person, surveys. */
const GATEWAY_LIMITS: readonly LimitVariable[] = [
  "LIMIT_CHAT_STARTS",
  "LIMIT_HANDOFFS",
  "LIMIT_SURVEYS",
];

/**
 * Each task counts on its own, and the load balancer spreads customers over the tasks, so
 * each task gets a share of the service's overall allowance: the default divided by the
 * least number of tasks, so that at the minimum the tasks together allow what one process
 * would, and scaled out they allow proportionally more (as they carry more customers). The
 * per-address allowances stay as they are: a client's session sticks to one task.
 */
export function perTaskLimits(minTasks: number): Record<string, string> {
  return Object.fromEntries(
    GATEWAY_LIMITS.map((name) => {
      const { perAddress, overall } = LIMIT_DEFAULTS[name];
      return [name, `${perAddress}/${Math.ceil(overall / Math.max(1, minTasks))}`];
    }),
  );
}

/**
 * The image's build context: an allow-list (package files, functions/, config/) so the asset
 * stays small (<1 MB) and its hash changes only when the gateway's inputs do.
 */
export const GATEWAY_IMAGE_EXCLUDES = [
  "*",
  ".*",
  "!package.json",
  "!package-lock.json",
  "!tsconfig.json",
  "!functions",
  "!functions/**",
  "!config",
  "!config/**",
  // Version 1 of an empty content table when the gateway runs the embedded recogniser.
  "!bot-content",
  "!bot-content/**",
  "**/*.test.ts",
  "**/fixtures",
];
