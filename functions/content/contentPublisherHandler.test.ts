import { describe, expect, it } from "vitest";
import { ContentConflictError } from "../domain/content/errors.ts";
import { createLogger } from "../observability/logger.ts";
import {
  createContentPublisherHandler,
  InvalidPublishEventError,
} from "./contentPublisherHandler.ts";

function handlerWith(completeGoLive: (version: number) => Promise<unknown>) {
  const asked: number[] = [];
  const handler = createContentPublisherHandler({
    workflow: {
      completeGoLive: async (version) => {
        asked.push(version);
        await completeGoLive(version);
        return { version, state: "live" };
      },
    },
    logger: createLogger("silent"),
  });
  return { handler, asked };
}

describe("the content publisher's handler", () => {
  it("finishes the go-live of the version in the event", async () => {
    const { handler, asked } = handlerWith(async () => {});
    expect(await handler({ version: 4 })).toEqual({ version: 4, state: "live" });
    expect(asked).toEqual([4]);
  });

  it("returns a failed build or a refusal with its reason instead of throwing (no retry)", async () => {
    const { handler } = handlerWith(async () => {
      throw new ContentConflictError("Version 4 could not be made live; Lex could not build sv_SE");
    });
    expect(await handler({ version: 4 })).toEqual({
      version: 4,
      refused: "Version 4 could not be made live; Lex could not build sv_SE",
    });
  });

  it("lets an unexpected failure through, so Lambda counts it as an error", async () => {
    const { handler } = handlerWith(async () => {
      throw new Error("DynamoDB unreachable");
    });
    await expect(handler({ version: 4 })).rejects.toThrow("DynamoDB unreachable");
  });

  it.each([{}, { version: "4" }, { version: 0 }, { version: 4, extra: true }])(
    "refuses the event %j, naming the field",
    async (event) => {
      const { handler, asked } = handlerWith(async () => {});
      await expect(handler(event)).rejects.toBeInstanceOf(InvalidPublishEventError);
      expect(asked).toEqual([]);
    },
  );
});
