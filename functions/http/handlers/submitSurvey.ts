import middy from "@middy/core";
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from "aws-lambda";
import { type SurveySubmission, surveySubmitSchema } from "../../contracts/protocol.ts";
import { type SurveyDeps, submitSurvey } from "../../domain/survey/submitSurvey.ts";
import type { Logger } from "../../observability/logger.ts";
import { jsonBody } from "../middleware/jsonBody.ts";
import { jsonErrors } from "../middleware/jsonErrors.ts";
import { limitRequests, type RequestLimitDeps } from "../middleware/limitRequests.ts";

type Event = Omit<APIGatewayProxyEventV2, "body"> & { body: SurveySubmission };

/** POST /api/surveys: the end-of-chat survey without a socket connection. */
export function createSubmitSurveyHandler(
  deps: SurveyDeps & RequestLimitDeps & { logger: Logger },
) {
  return middy<Event, APIGatewayProxyResultV2>()
    .use(jsonErrors(deps.logger))
    .use(jsonBody(surveySubmitSchema))
    .use(limitRequests<Event>(deps, "survey"))
    .handler(async (event) => {
      await submitSurvey(deps, event.body);
      return {
        statusCode: 201,
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ ok: true }),
      };
    });
}
