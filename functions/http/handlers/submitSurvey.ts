import middy from "@middy/core";
import httpJsonBodyParser from "@middy/http-json-body-parser";
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from "aws-lambda";
import { type SurveySubmission, surveySubmitSchema } from "../../contracts/protocol.ts";
import { type SurveyDeps, submitSurvey } from "../../domain/survey/submitSurvey.ts";
import type { Logger } from "../../observability/logger.ts";
import { jsonErrors } from "../middleware/jsonErrors.ts";
import { validateBody } from "../middleware/validateBody.ts";

type Event = Omit<APIGatewayProxyEventV2, "body"> & { body: SurveySubmission };

/** POST /api/surveys: the end-of-chat survey without a socket connection. */
export function createSubmitSurveyHandler(deps: SurveyDeps & { logger: Logger }) {
  return middy<Event, APIGatewayProxyResultV2>()
    .use(jsonErrors(deps.logger))
    .use(httpJsonBodyParser())
    .use(validateBody(surveySubmitSchema))
    .handler(async (event) => {
      await submitSurvey(deps, event.body);
      return {
        statusCode: 201,
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ ok: true }),
      };
    });
}
