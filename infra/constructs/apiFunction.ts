/**
 * One Lambda function of the HTTP API with the project's defaults: runtime, architecture,
 * bundling, logging, tracing and least-privilege table access. Every function goes through
 * here so a default changes in one place.
 */
import type { ITableV2 } from "aws-cdk-lib/aws-dynamodb";
import { Architecture, Runtime, Tracing } from "aws-cdk-lib/aws-lambda";
import { NodejsFunction, OutputFormat } from "aws-cdk-lib/aws-lambda-nodejs";
import { LogGroup } from "aws-cdk-lib/aws-logs";
import { Construct } from "constructs";
import type { StageConfig } from "../stage.ts";

/** Node.js major of the Lambda runtime; the bundle targets the same version. */
export const LAMBDA_RUNTIME = Runtime.NODEJS_22_X;
const ESBUILD_TARGET = "node22";

// Some dependencies are CommonJS and call require(); in an ESM bundle that needs a real
// require. ESM (not CJS) keeps import.meta.url working in our sources.
const ESM_REQUIRE_BANNER =
  "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

export interface TableAccess {
  table: ITableV2;
  read: boolean;
  write: boolean;
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
}

export class ApiFunction extends Construct {
  readonly function: NodejsFunction;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: ApiFunctionProps) {
    super(scope, id);
    const { stage } = props;

    this.logGroup = new LogGroup(this, "Logs", {
      retention: stage.logRetention,
      removalPolicy: stage.logRemovalPolicy,
    });

    this.function = new NodejsFunction(this, "Function", {
      entry: props.entry,
      handler: "handler",
      projectRoot: props.projectRoot,
      depsLockFilePath: `${props.projectRoot}/package-lock.json`,
      description: props.description,
      runtime: LAMBDA_RUNTIME,
      architecture: Architecture.ARM_64,
      memorySize: stage.functionMemoryMb,
      timeout: stage.functionTimeout,
      tracing: Tracing.ACTIVE,
      logGroup: this.logGroup,
      environment: {
        TABLE_PREFIX: stage.tablePrefix,
        NODE_ENV: "production",
        LOG_LEVEL: stage.logLevel,
        // Stack traces through the source map; the bundles are small enough that the
        // cost is negligible.
        NODE_OPTIONS: "--enable-source-maps",
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
        // The runtime provides SDK v3; bundling it would only grow the cold start.
        externalModules: ["@aws-sdk/*"],
        forceDockerBundling: false,
      },
    });

    for (const access of props.tables) this.grant(access);
  }

  private grant({ table, read, write }: TableAccess): void {
    if (read && write) table.grantReadWriteData(this.function);
    else if (read) table.grantReadData(this.function);
    // Conditional writes (attribute_not_exists) need only the write actions.
    else if (write) table.grantWriteData(this.function);
  }
}
