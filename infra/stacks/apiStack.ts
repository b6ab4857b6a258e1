/**
 * The stateless stack: one Lambda function per HTTP route and the HTTP API in front of them.
 * Routes and their table access come from functions/http/routes.ts; nothing is declared twice.
 */
import { fileURLToPath } from "node:url";
import { CfnOutput, Duration, Stack, type StackProps } from "aws-cdk-lib";
import { AccessLogFormat } from "aws-cdk-lib/aws-apigateway";
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpStage,
  LogGroupLogDestination,
} from "aws-cdk-lib/aws-apigatewayv2";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import { LogGroup } from "aws-cdk-lib/aws-logs";
import type { Construct } from "constructs";
import { TABLE_IDS, type TableId } from "../../functions/adapters/dynamodb/tables.ts";
import { HTTP_ROUTES, type HttpRoute } from "../../functions/http/routes.ts";
import { ApiFunction, type TableAccess } from "../constructs/apiFunction.ts";
import { InfraConfigError, type StageConfig } from "../stage.ts";
import type { DeployedTables } from "./dataStack.ts";

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url)).replace(/\/$/, "");

export interface ApiStackProps extends StackProps {
  stage: StageConfig;
  tables: DeployedTables;
  /** Origins allowed by CORS; nothing else may call the API from a browser. */
  allowedOrigins: readonly string[];
  /** The routes to deploy; defaults to HTTP_ROUTES (tests pass others). */
  routes?: readonly HttpRoute[];
}

export class ApiStack extends Stack {
  readonly api: HttpApi;
  readonly functions: Record<string, ApiFunction> = {};

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { stage } = props;

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
        allowHeaders: ["content-type", "authorization"],
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

    new CfnOutput(this, "ApiUrl", { value: this.api.apiEndpoint });
  }

  private addRoute(route: HttpRoute, props: ApiStackProps): void {
    if (!route.path.startsWith("/api/") || route.path.includes("/dev/")) {
      // Development helpers (fake clock and the like) exist only in the local server.
      throw new InfraConfigError(
        `Route ${route.id} (${route.path}) is not deployable: only /api/ routes outside /dev/ are`,
      );
    }
    const fn = new ApiFunction(this, route.id, {
      entry: `${REPO_ROOT}/functions/lambda/${route.id}.ts`,
      projectRoot: REPO_ROOT,
      stage: props.stage,
      description: `${route.method} ${route.path}`,
      tables: tableAccess(route, props.tables),
    });
    this.functions[route.id] = fn;
    this.api.addRoutes({
      path: route.path,
      methods: [HttpMethod[route.method]],
      integration: new HttpLambdaIntegration(`${route.id}Integration`, fn.function),
    });
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
    return { table: tables[id as TableId], read: read.has(id), write: write.has(id) };
  });
}
