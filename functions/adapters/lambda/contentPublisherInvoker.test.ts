import "aws-sdk-client-mock-vitest/extend";
import { InvokeCommand, LambdaClient, TooManyRequestsException } from "@aws-sdk/client-lambda";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, describe, expect, it } from "vitest";
import { contentPublishEventSchema } from "../../contracts/contentPublish.ts";
import { createContentPublisherInvoker, PublisherInvokeError } from "./contentPublisherInvoker.ts";

const lambda = mockClient(LambdaClient);
afterEach(() => lambda.reset());

const FUNCTION = "asiointi-dev-api-ContentPublisherFunction";

function invoker() {
  return createContentPublisherInvoker({
    functionName: FUNCTION,
    client: new LambdaClient({ region: "eu-central-1" }),
  });
}

describe("handing a go-live to the publisher function", () => {
  it("queues the version as an asynchronous invocation of the publisher", async () => {
    // Prepare
    lambda.on(InvokeCommand).resolves({ StatusCode: 202 });
    // Act
    await invoker()(7);
    // Assess
    expect(lambda).toHaveReceivedCommandTimes(InvokeCommand, 1);
    expect(lambda).toHaveReceivedCommandWith(InvokeCommand, {
      FunctionName: FUNCTION,
      InvocationType: "Event",
    });
    const payload = lambda.commandCalls(InvokeCommand)[0]?.args[0].input.Payload;
    // What the publisher's own schema accepts.
    expect(contentPublishEventSchema.parse(JSON.parse(String(payload)))).toEqual({ version: 7 });
  });

  it("fails when Lambda does not accept the event, naming the version", async () => {
    lambda.on(InvokeCommand).resolves({ StatusCode: 200 });
    const invoking = invoker()(7);
    await expect(invoking).rejects.toBeInstanceOf(PublisherInvokeError);
    await expect(invoking).rejects.toThrow(/version 7 \(status 200\)/);
  });

  it("passes Lambda's own refusal on, for the workflow to record", async () => {
    lambda
      .on(InvokeCommand)
      .rejects(new TooManyRequestsException({ message: "Rate exceeded", $metadata: {} }));
    await expect(invoker()(7)).rejects.toThrow("Rate exceeded");
  });
});
