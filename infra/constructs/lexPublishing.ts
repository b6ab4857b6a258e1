/**
 * What a function needs to publish content versions to the Lex bot at run time
 * (functions/adapters/lex/lexPublisher.ts): the Lex model actions on this one bot and its
 * live alias, and where they are (LEX_BOT_ID, LEX_BOT_ALIAS_ID). Nothing else in Lex.
 */
import { Stack } from "aws-cdk-lib";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import type { Function as LambdaFunction } from "aws-cdk-lib/aws-lambda";

/** The bot and alias publishing changes; BotStack.publishTarget. */
export interface LexPublishTarget {
  botId: string;
  /** The alias the gateway calls (`live`): the only alias publishing moves. */
  botAliasId: string;
}

/** On the bot: sync the DRAFT's intents, build its locales, cut and read versions. */
export const LEX_PUBLISH_BOT_ACTIONS = [
  "lex:BuildBotLocale",
  "lex:CreateBotVersion",
  "lex:CreateIntent",
  "lex:DeleteIntent",
  "lex:DescribeBotLocale",
  "lex:DescribeBotVersion",
  "lex:DescribeIntent",
  "lex:ListIntents",
  "lex:UpdateIntent",
] as const;

/** On the live alias only: read its settings and point it at the new version. */
export const LEX_PUBLISH_ALIAS_ACTIONS = ["lex:DescribeBotAlias", "lex:UpdateBotAlias"] as const;

/**
 * Lets `fn` run the Lex publisher against `target`: the actions above on the bot's ARN and
 * on its live alias, no wildcard, and LEX_BOT_ID / LEX_BOT_ALIAS_ID in its environment.
 * Lex builds take minutes, so `fn` should be invoked asynchronously, with a timeout above
 * the publisher's (docs/deploy.md, "How content reaches production").
 */
export function grantLexPublishing(fn: LambdaFunction, target: LexPublishTarget): void {
  const stack = Stack.of(fn);
  const lexArn = (resource: string, resourceName: string) =>
    stack.formatArn({ service: "lex", resource, resourceName });
  fn.addToRolePolicy(
    new PolicyStatement({
      actions: [...LEX_PUBLISH_BOT_ACTIONS],
      resources: [lexArn("bot", target.botId)],
    }),
  );
  fn.addToRolePolicy(
    new PolicyStatement({
      actions: [...LEX_PUBLISH_ALIAS_ACTIONS],
      resources: [lexArn("bot-alias", `${target.botId}/${target.botAliasId}`)],
    }),
  );
  fn.addEnvironment("LEX_BOT_ID", target.botId);
  fn.addEnvironment("LEX_BOT_ALIAS_ID", target.botAliasId);
}
