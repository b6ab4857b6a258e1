/**
 * One Lambda function of the HTTP API with the project's defaults: runtime, architecture,
 * bundling, logging, tracing and least-privilege table access. Every function goes through
 * here so a default changes in one place.
 */
import { join } from "node:path";
import { type Duration, Validations } from "aws-cdk-lib";
import { Role, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import { Architecture, Runtime, Tracing } from "aws-cdk-lib/aws-lambda";
import { NodejsFunction, OutputFormat } from "aws-cdk-lib/aws-lambda-nodejs";
import { LogGroup } from "aws-cdk-lib/aws-logs";
import { Construct } from "constructs";
import type { StageConfig } from "../stage.ts";
import { OPENING_HOURS_IN_BUNDLE, writeOpeningHoursSnapshot } from "./openingHoursSnapshot.ts";
import { countRateLimited } from "./rateLimitedMetric.ts";
import { grantTableAccess, type TableAccess } from "./tableGrants.ts";

export type { TableAccess } from "./tableGrants.ts";

/** Node.js major of the Lambda runtime (the active LTS); the bundle targets the same version. */
export const LAMBDA_RUNTIME = Runtime.NODEJS_24_X;
export const ESBUILD_TARGET = "node24";

// Some dependencies are CommonJS and call require(); in an ESM bundle that needs a real
// require. ESM (not CJS) keeps import.meta.url working in our sources.
export const ESM_REQUIRE_BANNER =
  "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

/**
 * Modules left out of the bundle: none. The AWS SDK is bundled rather than taken from the
 * runtime, as AWS recommends: the version is the one package-lock.json pins and tests ran
 * against, and esbuild's tree-shaken, minified copy loads faster than the runtime's
 * node_modules (one file read instead of hundreds of module resolutions).
 */
export const EXTERNAL_MODULES: readonly string[] = [];

/**
 * Imports the bundles resolve elsewhere (esbuild `alias`; paths relative to the project
 * root): the SDK's default credential chain becomes its first link, the environment, which
 * is where Lambda puts a function's credentials (functions/lambda/envCredentials.ts says why).
 * Measured: about 130 kB less per bundle and 10-20 ms less cold init.
 */
export function esbuildAliases(projectRoot: string): Record<string, string> {
  return {
    "@aws-sdk/credential-provider-node": join(projectRoot, "functions/lambda/envCredentials.ts"),
  };
}

export interface ApiFunctionProps {
  /** Absolute path of the handler module (exports `handler`). */
  entry: string;
  /** Repository root: where package-lock.json and tsconfig.json are. */
  projectRoot: string;
  stage: StageConfig;
  description?: string;
  /** Exactly the tables the handler uses; nothing else is granted. */
  tables: readonly TableAccess[];
  environment?: Record<string, string>;
  /** Files copied next to the bundle (absolute source path -> file name in /var/task). */
  bundledFiles?: Record<string, string>;
  /** Memory in MB when the stage default does not fit (the fulfillment hook). */
  memoryMb?: number;
  /** When the stage's default (seconds, for a request) does not fit: the content publisher. */
  timeout?: Duration;
}

export class ApiFunction extends Construct {
  readonly function: NodejsFunction;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: ApiFunctionProps) {
    super(scope, id);
    const { stage } = props;
    const openingHours = writeOpeningHoursSnapshot(this);

    this.logGroup = new LogGroup(this, "Logs", {
      retention: stage.logRetention,
      removalPolicy: stage.logRemovalPolicy,
    });

    // Our own role instead of AWSLambdaBasicExecutionRole: writes to its own log group only.
    const role = new Role(this, "Role", {
      assumedBy: new ServicePrincipal("lambda.amazonaws.com"),
      description: `Runtime role of ${id}`,
    });
    this.logGroup.grantWrite(role);
    countRateLimited(this, this.logGroup);

    this.function = new NodejsFunction(this, "Function", {
      role,
      entry: props.entry,
      handler: "handler",
      projectRoot: props.projectRoot,
      depsLockFilePath: `${props.projectRoot}/package-lock.json`,
      description: props.description,
      runtime: LAMBDA_RUNTIME,
      architecture: Architecture.ARM_64,
      memorySize: props.memoryMb ?? stage.functionMemoryMb,
      timeout: props.timeout ?? stage.functionTimeout,
      tracing: Tracing.ACTIVE,
      logGroup: this.logGroup,
      environment: {
        TABLE_PREFIX: stage.tablePrefix,
        NODE_ENV: "production",
        LOG_LEVEL: stage.logLevel,
        // The `service` key of every Powertools log entry (functions/observability/lambdaLogger.ts).
        POWERTOOLS_SERVICE_NAME: `asiointi-${stage.name}`,
        // Stack traces through the source map; the bundles are small enough that the
        // cost is negligible.
        NODE_OPTIONS: "--enable-source-maps",
        OPENING_HOURS_FILE: OPENING_HOURS_IN_BUNDLE,
        // The snapshot's schema check ran at synth; a cold start checks only that the file is
        // that one (functions/domain/openingHours/snapshot.ts).
        OPENING_HOURS_SHA256: openingHours.sha256,
        ...props.environment,
      },
      bundling: {
        format: OutputFormat.ESM,
        target: ESBUILD_TARGET,
        mainFields: ["module", "main"],
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        banner: ESM_REQUIRE_BANNER,
        externalModules: [...EXTERNAL_MODULES],
        esbuildArgs: {
          "--alias": Object.entries(esbuildAliases(props.projectRoot)).map(
            ([from, to]) => `${from}=${to}`,
          ),
        },
        forceDockerBundling: false,
        // A bundle has no repository layout: the opening-hours snapshot travels beside it.
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (_inputDir: string, outputDir: string) => [
            `cp "${openingHours.file}" "${outputDir}/opening-hours.json"`,
            ...Object.entries(props.bundledFiles ?? {}).map(
              ([source, name]) => `cp "${source}" "${outputDir}/${name}"`,
            ),
          ],
        },
      },
    });

    for (const access of props.tables) grantTableAccess(this.function, access);
    Validations.of(role).acknowledge({
      id: "AwsSolutions-IAM5[Resource::*]",
      reason:
        "X-Ray tracing: xray:PutTraceSegments and PutTelemetryRecords support no resource-level permissions.",
    });
  }
}
