import { contentPublishEventSchema } from "../contracts/contentPublish.ts";
import { describeValidationError, PARSE_ONCE } from "../contracts/validation.ts";
import type { ContentWorkflow } from "../domain/content/contentWorkflow.ts";
import { ContentWorkflowError } from "../domain/content/errors.ts";
import type { Logger } from "../observability/logger.ts";

/** The publisher was invoked with something other than `{ version }`: a wiring mistake. */
export class InvalidPublishEventError extends Error {
  override name = "InvalidPublishEventError";
}

/** How a go-live ended: live, or refused or failed with the reason the studio also shows. */
export type PublishOutcome =
  | { version: number; state: "live" }
  | { version: number; refused: string };

/**
 * The publisher function's handler: finishes the go-live the content API handed over
 * (`workflow.completeGoLive`). A failed build or a version no longer building is an outcome
 * the workflow has already recorded, so it is logged and returned, not thrown: Lambda does
 * not retry it and the error metric keeps meaning "the publisher broke".
 */
export function createContentPublisherHandler(deps: {
  workflow: Pick<ContentWorkflow, "completeGoLive">;
  logger: Logger;
}): (event: unknown) => Promise<PublishOutcome> {
  return async (event) => {
    const parsed = contentPublishEventSchema.safeParse(event, PARSE_ONCE);
    if (!parsed.success) {
      throw new InvalidPublishEventError(describeValidationError(parsed.error));
    }
    const { version } = parsed.data;
    try {
      await deps.workflow.completeGoLive(version);
      deps.logger.info("content version live", { version });
      return { version, state: "live" };
    } catch (error) {
      if (!(error instanceof ContentWorkflowError)) throw error;
      deps.logger.warn("content version not made live", { version, reason: error.message });
      return { version, refused: error.message };
    }
  };
}
