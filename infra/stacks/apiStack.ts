/**
 * The stateless stack: one Lambda function per HTTP route and the HTTP API in front of them,
 * and the content publisher the content API hands approved versions to. Routes and their
 * table access come from functions/http/routes.ts; nothing is declared twice.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  CfnOutput,
  Duration,
  type SecretValue,
  Stack,
  type StackProps,
  Stage,
  Validations,
} from "aws-cdk-lib";
import { AccessLogFormat } from "aws-cdk-lib/aws-apigateway";
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpStage,
  LogGroupLogDestination,
} from "aws-cdk-lib/aws-apigatewayv2";
import { HttpJwtAuthorizer } from "aws-cdk-lib/aws-apigatewayv2-authorizers";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import { LogGroup } from "aws-cdk-lib/aws-logs";
import { Secret } from "aws-cdk-lib/aws-secretsmanager";
import type { Construct } from "constructs";
import { TABLE_IDS, type TableId } from "../../functions/adapters/dynamodb/tables.ts";
import { loadContentBundle } from "../../functions/content/loadContent.ts";
import { HTTP_ROUTES, type HttpRoute } from "../../functions/http/routes.ts";
import { ApiFunction, type TableAccess } from "../constructs/apiFunction.ts";
import { grantLexPublishing, type LexPublishTarget } from "../constructs/lexPublishing.ts";
import { indexNamesOf } from "../constructs/tableGrants.ts";
import { InfraConfigError, type StageConfig } from "../stage.ts";
import type { DeployedTables } from "./dataStack.ts";
import type { TokenIssuer } from "./identityStack.ts";

/**
 * Path prefixes that belong to the advisor console and supervisors: a route under one of them
 * that does not declare `auth: "staff"` is a mistake the synth refuses, so a forgotten
 * declaration cannot open a staff route to the internet.
 */
export const STAFF_PATH_PREFIXES = [
  "/api/advisor/",
  "/api/supervisor/",
  "/api/staff/",
  "/api/reports/",
] as const;

/** True for a route of the advisor console or supervisor reports, as the route declares. */
export function isStaffRoute(route: Pick<HttpRoute, "id" | "path" | "auth">): boolean {
  if (route.auth !== "staff" && STAFF_PATH_PREFIXES.some((p) => route.path.startsWith(p))) {
    throw new InfraConfigError(
      `Route ${route.id} (${route.path}) is under a staff path but declares auth "${route.auth}"`,
    );
  }
  return route.auth === "staff";
}

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url)).replace(/\/$/, "");

/** Where the content API finds the repository's content inside its bundle. */
const CONTENT_BUNDLE_IN_FUNCTION = "content-bundle.json";

export interface ApiStackProps extends StackProps {
  stage: StageConfig;
  tables: DeployedTables;
  /** Origins allowed by CORS; nothing else may call the API from a browser. */
  allowedOrigins: readonly string[];
  /** The routes to deploy; defaults to HTTP_ROUTES (tests pass others). */
  routes?: readonly HttpRoute[];
  /** Issuer of staff tokens (the Cognito pool); required once any staff route exists. */
  staffIssuer?: TokenIssuer;
  /** OIDC_* and STAFF_* for handlers that verify tokens themselves (functions/config.ts). */
  identityEnvironment?: Record<string, string>;
  /**
   * The Lex bot and alias approved content versions are built into (BotStack.publishTarget):
   * with it, the content API hands each go-live to a publisher function.
   */
  lexPublishTarget?: LexPublishTarget;
}

/**
 * Memory of the content publisher. It trains the embedded recogniser on the version (the
 * same check as the content API's gate) before the Lex build, and training is CPU-bound:
 * at 1769 MB a Lambda function has one full vCPU.
 */
export const CONTENT_PUBLISHER_MEMORY_MB = 1769;
/**
 * How long an asynchronous publish may wait in Lambda's queue before it is dropped. With the
 * function's 15 minutes this stays under ABANDONED_BUILD_MS, after which the workflow
 * treats a version still building as abandoned.
 */
export const CONTENT_PUBLISHER_MAX_EVENT_AGE = Duration.minutes(5);

export class ApiStack extends Stack {
  readonly api: HttpApi;
  readonly functions: Record<string, ApiFunction> = {};
  /**
   * What CloudFront sends in x-origin-verify (ApiEdgeStack), so that the functions believe the
   * viewer's address it sends beside it; a request straight to the API's endpoint lacks it.
   */
  readonly edgeOriginSecret: SecretValue;
  /** Makes approved content versions live through a Lex build; with `lexPublishTarget`. */
  readonly contentPublisher?: ApiFunction;
  private staffAuthorizer?: HttpJwtAuthorizer;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { stage } = props;

    const edgeSecret = new Secret(this, "EdgeOriginSecret", {
      description: `asiointi-${stage.name}: CloudFront's x-origin-verify for the HTTP API`,
      generateSecretString: { excludePunctuation: true, passwordLength: 48 },
    });
    Validations.of(edgeSecret).acknowledge({
      id: "AwsSolutions-SMG4",
      reason:
        "Rotation would need CloudFront and every function updated at once; a deploy replaces both together (docs/deploy.md says how to rotate). It vouches only for a viewer's address, for rate limits.",
    });
    // Resolved by CloudFormation at deploy; both sides read the same version.
    this.edgeOriginSecret = edgeSecret.secretValue;

    this.api = new HttpApi(this, "HttpApi", {
      apiName: `asiointi-${stage.name}-api`,
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: [...props.allowedOrigins],
        allowMethods: [
          CorsHttpMethod.GET,
          CorsHttpMethod.POST,
          CorsHttpMethod.PUT,
          CorsHttpMethod.DELETE,
        ],
        // The studio saves a topic over the revision it read (If-Match); see revisionHeaders.ts.
        allowHeaders: ["content-type", "authorization", "if-match", "if-none-match"],
        exposeHeaders: ["etag"],
        maxAge: Duration.hours(1),
      },
    });

    const accessLogs = new LogGroup(this, "AccessLogs", {
      retention: stage.logRetention,
      removalPolicy: stage.logRemovalPolicy,
    });
    new HttpStage(this, "DefaultStage", {
      httpApi: this.api,
      stageName: "$default",
      autoDeploy: true,
      throttle: stage.throttle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        // No source IP or user agent: they are personal data and not needed to operate
        // the API; abuse is WAF's job (issue 8).
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: "$context.requestId",
            time: "$context.requestTime",
            routeKey: "$context.routeKey",
            status: "$context.status",
            latencyMs: "$context.responseLatency",
            integrationError: "$context.integrationErrorMessage",
          }),
        ),
      },
    });

    for (const route of props.routes ?? HTTP_ROUTES) this.addRoute(route, props);
    if (props.lexPublishTarget) {
      this.contentPublisher = this.addContentPublisher(props, props.lexPublishTarget);
    }

    new CfnOutput(this, "ApiUrl", { value: this.api.apiEndpoint });
  }

  private addRoute(route: HttpRoute, props: ApiStackProps): void {
    if (!route.path.startsWith("/api/") || route.path.includes("/dev/")) {
      // Development helpers (fake clock and the like) exist only in the local server.
      throw new InfraConfigError(
        `Route ${route.id} (${route.path}) is not deployable: only /api/ routes outside /dev/ are`,
      );
    }
    const shipped = route.id === "contentApi" ? this.contentBundleFile() : undefined;
    const fn = new ApiFunction(this, route.id, {
      entry: `${REPO_ROOT}/functions/lambda/${route.id}.ts`,
      projectRoot: REPO_ROOT,
      stage: props.stage,
      description: `${route.method} ${route.path}`,
      tables: tableAccess(route, props.tables),
      environment: {
        ...props.identityEnvironment,
        EDGE_ORIGIN_SECRET: this.edgeOriginSecret.unsafeUnwrap(),
        ...(shipped ? { CONTENT_BUNDLE_FILE: `/var/task/${CONTENT_BUNDLE_IN_FUNCTION}` } : {}),
      },
      ...(shipped ? { bundledFiles: { [shipped]: CONTENT_BUNDLE_IN_FUNCTION } } : {}),
    });
    const staff = isStaffRoute(route);
    const httpRoutes = this.api.addRoutes({
      path: route.path,
      methods: [HttpMethod[route.method]],
      integration: new HttpLambdaIntegration(`${route.id}Integration`, fn.function),
      ...(staff ? { authorizer: this.staffAuthorizerFor(route, props) } : {}),
    });
    for (const httpRoute of staff ? [] : httpRoutes) {
      Validations.of(httpRoute).acknowledge({
        id: "AwsSolutions-APIG4",
        reason:
          "Customer route: anonymous by design (the chat needs no sign-in); guarded by zod validation, stage throttling and chat/survey tokens in the body.",
      });
    }
    this.functions[route.id] = fn;
  }

  /**
   * The repository's bot-content/ as one JSON file for the content API: on a new content table
   * it becomes version 1 (the same content the Lex bot was deployed from), so the studio has a
   * live version and a draft to start from.
   */
  private contentBundleFile(): string {
    const dir = join(Stage.of(this)?.outdir ?? "cdk.out", "content-bundle");
    mkdirSync(dir, { recursive: true });
    const file = join(dir, "content-bundle.json");
    writeFileSync(file, JSON.stringify(loadContentBundle()));
    return file;
  }

  /**
   * The content publisher (functions/lambda/contentPublisher.ts): the content API invokes it
   * asynchronously with an approved version, and it builds the Lex bot version (minutes,
   * beyond API Gateway's 30 s) and moves the live pointer. Lambda's 15 minutes cover the Lex
   * publisher's 10. No retries: a failed build is recorded on the version, and a second run
   * of the same version would only be refused.
   */
  private addContentPublisher(props: ApiStackProps, target: LexPublishTarget): ApiFunction {
    const contentApi = this.functions.contentApi;
    if (!contentApi) {
      throw new InfraConfigError(
        "The API stack publishes content to Lex but has no contentApi route to hand it over",
      );
    }
    const publisher = new ApiFunction(this, "ContentPublisher", {
      entry: `${REPO_ROOT}/functions/lambda/contentPublisher.ts`,
      projectRoot: REPO_ROOT,
      stage: props.stage,
      description: "Makes approved content versions live: Lex build, then the live pointer",
      tables: [{ table: props.tables.content, read: true, write: true }],
      memoryMb: CONTENT_PUBLISHER_MEMORY_MB,
      timeout: Duration.minutes(15),
    });
    publisher.function.configureAsyncInvoke({
      retryAttempts: 0,
      maxEventAge: CONTENT_PUBLISHER_MAX_EVENT_AGE,
    });
    grantLexPublishing(publisher.function, target);

    // The unqualified function only: no `:*` for versions and aliases, which grantInvoke adds.
    contentApi.function.addToRolePolicy(
      new PolicyStatement({
        actions: ["lambda:InvokeFunction"],
        resources: [publisher.function.functionArn],
      }),
    );
    contentApi.function.addEnvironment(
      "CONTENT_PUBLISHER_FUNCTION",
      publisher.function.functionName,
    );
    return publisher;
  }

  /** One JWT authorizer for every staff route: a valid console token of the staff issuer. */
  private staffAuthorizerFor(route: HttpRoute, props: ApiStackProps): HttpJwtAuthorizer {
    if (!props.staffIssuer) {
      throw new InfraConfigError(
        `Route ${route.id} (${route.path}) is for staff but the API stack has no staff issuer`,
      );
    }
    this.staffAuthorizer ??= new HttpJwtAuthorizer("StaffJwt", props.staffIssuer.issuer, {
      jwtAudience: [props.staffIssuer.audience],
    });
    return this.staffAuthorizer;
  }
}

/** The table access a route declares, refusing tables that do not exist. */
function tableAccess(route: HttpRoute, tables: DeployedTables): TableAccess[] {
  const read = new Set<string>(route.tables.read ?? []);
  const write = new Set<string>(route.tables.write ?? []);
  return [...new Set([...read, ...write])].map((id) => {
    if (!(TABLE_IDS as string[]).includes(id)) {
      throw new InfraConfigError(
        `Route ${route.id} names table "${id}"; known tables are ${TABLE_IDS.join(", ")}`,
      );
    }
    const indexes = indexNamesOf(id as TableId);
    return { table: tables[id as TableId], indexes, read: read.has(id), write: write.has(id) };
  });
}
