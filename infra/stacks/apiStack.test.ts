import { App } from "aws-cdk-lib";
import { Match, Template } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { HTTP_ROUTES, type HttpRoute } from "../../functions/http/routes.ts";
import { LEX_PUBLISH_ALIAS_ACTIONS, LEX_PUBLISH_BOT_ACTIONS } from "../constructs/lexPublishing.ts";
import { stageConfig } from "../stage.ts";
import { logicalId, referencedTableName, synthStage } from "../synthForTests.ts";
import {
  ApiStack,
  CONTENT_PUBLISHER_MAX_EVENT_AGE,
  CONTENT_PUBLISHER_MEMORY_MB,
} from "./apiStack.ts";
import { DataStack } from "./dataStack.ts";

type Statement = { Action: string | string[]; Resource: unknown; Effect?: string };

const READ_ACTION = "dynamodb:GetItem";
const WRITE_ACTION = "dynamodb:PutItem";

const asList = <T>(x: T | T[]): T[] => (Array.isArray(x) ? x : [x]);

describe("API stack (dev)", () => {
  const stage = synthStage({ allowedOrigins: "https://asiointi.example.fi,http://localhost:5173" });
  const { api, apiTemplate, dataTemplate } = stage;

  function functionOf(routeId: string) {
    const fn = api.functions[routeId];
    if (!fn) throw new Error(`no function for route ${routeId}`);
    return fn.function;
  }

  /** Every IAM statement attached to the role of a route's function. */
  function statementsOf(routeId: string): Statement[] {
    const role = functionOf(routeId).role;
    if (!role) throw new Error(`function ${routeId} has no role`);
    const roleId = logicalId(api, role);
    const policies = apiTemplate.findResources("AWS::IAM::Policy", {
      Properties: { Roles: Match.arrayWith([{ Ref: roleId }]) },
    });
    return Object.values(policies).flatMap(
      (p) =>
        (p as { Properties: { PolicyDocument: { Statement: Statement[] } } }).Properties
          .PolicyDocument.Statement,
    );
  }

  it("creates one function per HTTP route, and the content publisher", () => {
    apiTemplate.resourceCountIs("AWS::Lambda::Function", HTTP_ROUTES.length + 1);
  });

  it.each(HTTP_ROUTES)(
    "runs $id on arm64 Node.js 24 with tracing and the stage's tables",
    (route) => {
      const fnId = logicalId(api, functionOf(route.id));
      const fn = apiTemplate.findResources("AWS::Lambda::Function")[fnId];
      expect(fn?.Properties).toMatchObject({
        Architectures: ["arm64"],
        Runtime: "nodejs24.x",
        Handler: "index.handler",
        TracingConfig: { Mode: "Active" },
        Environment: {
          Variables: {
            TABLE_PREFIX: "asiointi-dev-",
            NODE_ENV: "production",
            LOG_LEVEL: "debug",
            POWERTOOLS_SERVICE_NAME: "asiointi-dev",
            OPENING_HOURS_FILE: "/var/task/opening-hours.json",
            // The snapshot the synth validated; a cold start refuses any other text.
            OPENING_HOURS_SHA256: expect.stringMatching(/^[0-9a-f]{64}$/),
          },
        },
      });
    },
  );

  it("gives every function its own log group with a retention period", () => {
    apiTemplate.allResourcesProperties("AWS::Lambda::Function", {
      LoggingConfig: { LogGroup: { Ref: Match.anyValue() } },
    });
    apiTemplate.allResourcesProperties("AWS::Logs::LogGroup", {
      RetentionInDays: Match.anyValue(),
    });
  });

  it.each(HTTP_ROUTES)("exposes $method $path as an API route", (route) => {
    apiTemplate.hasResourceProperties("AWS::ApiGatewayV2::Route", {
      RouteKey: `${route.method} ${route.path}`,
    });
  });

  it("exposes no route beyond HTTP_ROUTES and none under /dev/", () => {
    const keys = Object.values(apiTemplate.findResources("AWS::ApiGatewayV2::Route")).map(
      (r) => (r as { Properties: { RouteKey: string } }).Properties.RouteKey,
    );
    expect(keys.sort()).toEqual(HTTP_ROUTES.map((r) => `${r.method} ${r.path}`).sort());
    expect(keys.filter((k) => k.includes("/dev/"))).toEqual([]);
  });

  it.each(HTTP_ROUTES)("grants $id only the tables it declares, as declared", (route) => {
    // Prepare
    const declared = route.tables as HttpRoute["tables"];
    const dynamo = statementsOf(route.id).filter((s) =>
      asList(s.Action).some((a) => a.startsWith("dynamodb:")),
    );
    const tablesWith = (action: string) =>
      new Set(
        dynamo
          .filter((s) => asList(s.Action).includes(action))
          .flatMap((s) => asList(s.Resource))
          .map((r) => referencedTableName(r, dataTemplate)),
      );

    // Assess: no wildcard, every resource is one of our tables
    for (const s of dynamo) {
      for (const resource of asList(s.Resource)) {
        expect(resource).not.toBe("*");
        expect(referencedTableName(resource, dataTemplate)).toMatch(/^asiointi-dev-/);
      }
    }
    expect([...tablesWith(READ_ACTION)].sort()).toEqual(
      (declared.read ?? []).map((id) => `asiointi-dev-${id}`).sort(),
    );
    expect([...tablesWith(WRITE_ACTION)].sort()).toEqual(
      (declared.write ?? []).map((id) => `asiointi-dev-${id}`).sort(),
    );
  });

  it("allows CORS only from the configured origins", () => {
    apiTemplate.hasResourceProperties("AWS::ApiGatewayV2::Api", {
      ProtocolType: "HTTP",
      CorsConfiguration: Match.objectLike({
        AllowOrigins: ["https://asiointi.example.fi", "http://localhost:5173"],
        // The studio's conditional saves: without these a browser refuses them cross-origin.
        AllowHeaders: Match.arrayWith(["if-match", "if-none-match"]),
        ExposeHeaders: ["etag"],
      }),
    });
  });

  describe("content publisher", () => {
    const publisher = api.contentPublisher?.function;
    if (!publisher) throw new Error("the dev stage has no content publisher");
    const publisherId = logicalId(api, publisher);
    const publisherRoleId = publisher.role ? logicalId(api, publisher.role) : "";

    function statementsOfRole(roleId: string): Statement[] {
      const policies = apiTemplate.findResources("AWS::IAM::Policy", {
        Properties: { Roles: Match.arrayWith([{ Ref: roleId }]) },
      });
      return Object.values(policies).flatMap(
        (p) =>
          (p as { Properties: { PolicyDocument: { Statement: Statement[] } } }).Properties
            .PolicyDocument.Statement,
      );
    }

    const fromBotStack = {
      "Fn::GetStackOutput": expect.objectContaining({ StackName: "asiointi-dev-bot" }),
    };

    it("runs for Lambda's full 15 minutes with a full vCPU to train", () => {
      const fn = apiTemplate.findResources("AWS::Lambda::Function")[publisherId];
      expect(fn?.Properties).toMatchObject({
        Timeout: 900,
        MemorySize: CONTENT_PUBLISHER_MEMORY_MB,
        Architectures: ["arm64"],
        Runtime: "nodejs24.x",
        Environment: {
          Variables: {
            TABLE_PREFIX: "asiointi-dev-",
            // The bot stack's bot and live alias, passed through buildStage.
            LEX_BOT_ID: fromBotStack,
            LEX_BOT_ALIAS_ID: fromBotStack,
          },
        },
      });
    });

    it("is not retried: a failed build is recorded on the version, not run again", () => {
      apiTemplate.hasResourceProperties("AWS::Lambda::EventInvokeConfig", {
        FunctionName: { Ref: publisherId },
        Qualifier: "$LATEST",
        MaximumRetryAttempts: 0,
        MaximumEventAgeInSeconds: CONTENT_PUBLISHER_MAX_EVENT_AGE.toSeconds(),
      });
    });

    it("ships the repository's content with the content API, to seed a new table", () => {
      const contentApi =
        apiTemplate.findResources("AWS::Lambda::Function")[
          logicalId(api, functionOf("contentApi"))
        ];
      expect(contentApi?.Properties.Environment.Variables.CONTENT_BUNDLE_FILE).toBe(
        "/var/task/content-bundle.json",
      );
    });

    it("is invoked by the content API, which is told its name, and by no other function", () => {
      const contentApi =
        apiTemplate.findResources("AWS::Lambda::Function")[
          logicalId(api, functionOf("contentApi"))
        ];
      expect(contentApi?.Properties.Environment.Variables.CONTENT_PUBLISHER_FUNCTION).toEqual({
        Ref: publisherId,
      });
      expect(
        statementsOf("contentApi").filter((s) =>
          asList(s.Action).includes("lambda:InvokeFunction"),
        ),
      ).toEqual([
        expect.objectContaining({
          Effect: "Allow",
          Resource: { "Fn::GetAtt": [publisherId, "Arn"] },
        }),
      ]);
      for (const route of HTTP_ROUTES.filter((r) => r.id !== "contentApi")) {
        const invokes = statementsOf(route.id).filter((s) =>
          asList(s.Action).some((a) => a.startsWith("lambda:")),
        );
        expect(invokes).toEqual([]);
      }
    });

    it("reads and writes the content table and no other", () => {
      const dynamo = statementsOfRole(publisherRoleId).filter((s) =>
        asList(s.Action).some((a) => a.startsWith("dynamodb:")),
      );
      const tables = (action: string) =>
        dynamo
          .filter((s) => asList(s.Action).includes(action))
          .flatMap((s) => asList(s.Resource))
          .map((r) => referencedTableName(r, dataTemplate));
      expect(tables(READ_ACTION)).toEqual(["asiointi-dev-content"]);
      expect(tables(WRITE_ACTION)).toEqual(["asiointi-dev-content"]);
    });

    it("may publish to the stage's Lex bot and move its live alias, nothing else in Lex", () => {
      const lex = statementsOfRole(publisherRoleId).filter((s) =>
        asList(s.Action).some((a) => a.startsWith("lex:")),
      );
      expect(lex.map((s) => asList(s.Action).sort())).toEqual([
        [...LEX_PUBLISH_BOT_ACTIONS].sort(),
        [...LEX_PUBLISH_ALIAS_ACTIONS].sort(),
      ]);
      expect(JSON.stringify(lex)).not.toContain('"*"');
    });
  });

  it("throttles the default stage and writes access logs", () => {
    apiTemplate.hasResourceProperties("AWS::ApiGatewayV2::Stage", {
      StageName: "$default",
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.anyValue() },
    });
  });
});

describe("API stack guards", () => {
  function build(routes: HttpRoute[]) {
    const app = new App({ context: { "aws:cdk:bundling-stacks": [] } });
    const stage = stageConfig("dev");
    const data = new DataStack(app, "data", { stage });
    return () =>
      new ApiStack(app, "api", {
        stage,
        tables: data.tables,
        allowedOrigins: ["https://asiointi.example.fi"],
        routes,
      });
  }

  it("refuses to deploy a development-only route", () => {
    const route: HttpRoute = {
      id: "submitSurvey",
      method: "POST",
      path: "/api/dev/clock",
      auth: "public",
      tables: {},
    };
    expect(build([route])).toThrow(/not deployable/);
  });

  it("refuses a route that names a table the data stack does not have", () => {
    const route: HttpRoute = {
      id: "submitSurvey",
      method: "POST",
      path: "/api/surveys",
      auth: "public",
      tables: { write: ["nosuchtable"] },
    };
    expect(build([route])).toThrow(/names table "nosuchtable"/);
  });

  it("refuses a route under a staff path that is declared public", () => {
    const route: HttpRoute = {
      id: "reportSummary",
      method: "GET",
      path: "/api/reports/summary",
      auth: "public",
      tables: { read: ["reportCounters"] },
    };
    expect(build([route])).toThrow(/declares auth "public"/);
  });

  it("refuses to publish content to Lex without a content API to hand approvals over", () => {
    const app = new App({ context: { "aws:cdk:bundling-stacks": [] } });
    const stage = stageConfig("dev");
    const data = new DataStack(app, "data", { stage });
    const build = () =>
      new ApiStack(app, "api", {
        stage,
        tables: data.tables,
        allowedOrigins: ["https://asiointi.example.fi"],
        routes: [],
        lexPublishTarget: { botId: "BOTID12345", botAliasId: "ALIASID123" },
      });
    expect(build).toThrow(/no contentApi route/);
  });

  it("grants read and write together when a route declares both on one table", () => {
    const route: HttpRoute = {
      id: "submitSurvey",
      method: "POST",
      path: "/api/surveys",
      auth: "public",
      tables: { read: ["surveys"], write: ["surveys"] },
    };
    const api = build([route])();
    const statements = Object.values(
      Template.fromStack(api).findResources("AWS::IAM::Policy"),
    ).flatMap(
      (p) =>
        (p as { Properties: { PolicyDocument: { Statement: Statement[] } } }).Properties
          .PolicyDocument.Statement,
    );
    const both = statements.filter(
      (s) => asList(s.Action).includes(READ_ACTION) && asList(s.Action).includes(WRITE_ACTION),
    );
    expect(both).toHaveLength(1);
  });
});
