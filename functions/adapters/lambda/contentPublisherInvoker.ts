/**
 * Hands a content version's go-live to the publisher function: an asynchronous Lambda
 * invocation (InvocationType "Event"), so the approving request answers at once while the
 * Lex build runs for minutes in the publisher (docs/deploy.md, "How content reaches
 * production").
 */
import { InvokeCommand, LambdaClient } from "@aws-sdk/client-lambda";
import type { ContentPublishEvent } from "../../contracts/contentPublish.ts";

/** Lambda did not queue the publish; the message says what it answered. */
export class PublisherInvokeError extends Error {
  override name = "PublisherInvokeError";
}

export interface ContentPublisherInvokerDeps {
  /** Name or ARN of the publisher function (CONTENT_PUBLISHER_FUNCTION). */
  functionName: string;
  /** Injected in tests; by default a client for the function's own region, made on first use. */
  client?: LambdaClient;
}

/**
 * `deferGoLive` for the content workflow: queues `{ version }` for the publisher and
 * resolves once Lambda accepted it (202). Throws PublisherInvokeError otherwise.
 */
export function createContentPublisherInvoker(
  deps: ContentPublisherInvokerDeps,
): (version: number) => Promise<void> {
  let client = deps.client;
  return async (version) => {
    // Made on first use: a cold start of the content API that publishes nothing does not pay for it.
    client ??= new LambdaClient({});
    const event: ContentPublishEvent = { version };
    const response = await client.send(
      new InvokeCommand({
        FunctionName: deps.functionName,
        InvocationType: "Event",
        Payload: JSON.stringify(event),
      }),
    );
    if (response.StatusCode !== 202) {
      throw new PublisherInvokeError(
        `the publisher function did not accept version ${version} (status ${String(response.StatusCode)})`,
      );
    }
  };
}
