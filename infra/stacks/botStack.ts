/**
 * The Lex V2 bot (fi_FI and sv_SE) generated from bot-content/, a version per content
 * change, the `live` alias the gateway calls, and the fulfillment Lambda as the alias's code
 * hook. The bot holds no data: redeploying it from the repository rebuilds it exactly.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Annotations, CfnOutput, Stack, type StackProps, Stage } from "aws-cdk-lib";
import { Role, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import { CfnBot, CfnBotAlias, CfnBotVersion } from "aws-cdk-lib/aws-lex";
import type { Construct } from "constructs";
import { lexBotDefinition } from "../../functions/adapters/lex/lexBotDefinition.ts";
import { botContentToJson } from "../../functions/content/contentSnapshot.ts";
import { type BotContent, loadBotContent } from "../../functions/content/loadContent.ts";
import { ApiFunction } from "../constructs/apiFunction.ts";
import type { LexPublishTarget } from "../constructs/lexPublishing.ts";
import type { StageConfig } from "../stage.ts";
import type { DeployedTables } from "./dataStack.ts";

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url)).replace(/\/$/, "");
/** Where the fulfillment function finds the content snapshot inside its bundle. */
const CONTENT_IN_BUNDLE = "bot-content.json";

export interface BotStackProps extends StackProps {
  stage: StageConfig;
  tables: DeployedTables;
  /** Defaults to bot-content/ of this repository (tests pass their own). */
  content?: BotContent;
}

export class BotStack extends Stack {
  readonly bot: CfnBot;
  readonly version: CfnBotVersion;
  readonly alias: CfnBotAlias;
  readonly fulfillment: ApiFunction;
  /** What publishing from the content studio changes (infra/constructs/lexPublishing.ts). */
  readonly publishTarget: LexPublishTarget;

  constructor(scope: Construct, id: string, props: BotStackProps) {
    super(scope, id, props);
    const { stage } = props;
    const content = props.content ?? loadBotContent();
    const definition = lexBotDefinition(content, {
      confidenceThreshold: stage.lexConfidenceThreshold,
    });
    for (const warning of definition.warnings) Annotations.of(this).addWarning(warning);

    // The snapshot the function answers from until it can read the live version from the
    // content table, written into the cloud assembly and copied into the bundle after esbuild.
    const snapshotDir = join(Stage.of(this)?.outdir ?? "cdk.out", "bot-content");
    mkdirSync(snapshotDir, { recursive: true });
    const snapshot = join(snapshotDir, `${definition.fingerprint}.json`);
    writeFileSync(snapshot, botContentToJson(content));

    this.fulfillment = new ApiFunction(this, "Fulfillment", {
      entry: `${REPO_ROOT}/functions/lambda/lexFulfillment.ts`,
      projectRoot: REPO_ROOT,
      stage,
      description: "Lex V2 fulfillment code hook: answers from the live bot content",
      // Answers come from the live content version; personalised ones read the customer's
      // own data. Nothing else, and neither is written.
      tables: [
        { table: props.tables.content, read: true, write: false },
        { table: props.tables.customers, read: true, write: false },
      ],
      bundledFiles: { [snapshot]: CONTENT_IN_BUNDLE },
      environment: { BOT_CONTENT_FILE: `/var/task/${CONTENT_IN_BUNDLE}` },
    });

    // Text only: Lex needs a role it can assume, but no permissions (no Polly, no logs).
    const role = new Role(this, "BotRole", {
      assumedBy: new ServicePrincipal("lexv2.amazonaws.com"),
      description: "Runtime role of the Lex V2 bot (text chat: needs no permissions)",
    });

    this.bot = new CfnBot(this, "Bot", {
      name: `asiointi-${stage.name}`,
      description:
        "Asiointi chat: recognises the customer's topic; answers come from the code hook",
      roleArn: role.roleArn,
      // Passed to CloudFormation verbatim, so the key must be written as CloudFormation spells it.
      dataPrivacy: { ChildDirected: false },
      // Long enough to cover a customer reading an answer; the chat's own state is in DynamoDB.
      idleSessionTtlInSeconds: 900,
      autoBuildBotLocales: true,
      botLocales: definition.locales,
      // The draft's test alias calls the same hook, so the console's test window answers too.
      testBotAliasSettings: {
        botAliasLocaleSettings: definition.locales.map((l) => ({
          localeId: l.localeId,
          botAliasLocaleSetting: this.codeHook(),
        })),
      },
    });

    // A version is immutable: a new logical id per content fingerprint cuts a new one, and
    // the alias moves to it in the same deployment (the old one is removed afterwards).
    this.version = new CfnBotVersion(this, `BotVersion${definition.fingerprint}`, {
      botId: this.bot.attrId,
      description: `Bot content ${definition.fingerprint}`,
      botVersionLocaleSpecification: definition.locales.map((l) => ({
        localeId: l.localeId,
        botVersionLocaleDetails: { sourceBotVersion: "DRAFT" },
      })),
    });

    this.alias = new CfnBotAlias(this, "LiveAlias", {
      botId: this.bot.attrId,
      botAliasName: "live",
      botVersion: this.version.attrBotVersion,
      description: "What the gateway calls; moves to each new bot version on deploy",
      botAliasLocaleSettings: definition.locales.map((l) => ({
        localeId: l.localeId,
        botAliasLocaleSetting: this.codeHook(),
      })),
      // No conversation logs: message text may contain personal data the customer typed.
      sentimentAnalysisSettings: { DetectSentiment: false },
    });

    // Only this bot's aliases may invoke the hook.
    this.fulfillment.function.addPermission("LexInvoke", {
      principal: new ServicePrincipal("lexv2.amazonaws.com"),
      sourceArn: Stack.of(this).formatArn({
        service: "lex",
        resource: "bot-alias",
        resourceName: `${this.bot.attrId}/*`,
      }),
    });

    this.publishTarget = { botId: this.bot.attrId, botAliasId: this.alias.attrBotAliasId };

    new CfnOutput(this, "BotId", { value: this.bot.attrId });
    new CfnOutput(this, "BotAliasId", { value: this.alias.attrBotAliasId });
  }

  private codeHook(): CfnBot.BotAliasLocaleSettingsProperty {
    return {
      enabled: true,
      codeHookSpecification: {
        lambdaCodeHook: {
          lambdaArn: this.fulfillment.function.functionArn,
          codeHookInterfaceVersion: "1.0",
        },
      },
    };
  }
}
