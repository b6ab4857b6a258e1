import { loadOpeningHoursSnapshot } from "../domain/openingHours/snapshot.ts";
import { createRequestCallbackHandler } from "../http/handlers/requestCallback.ts";
import { lambdaHandler, lambdaServices } from "./root.ts";

export const handler = lambdaHandler(
  createRequestCallbackHandler(lambdaServices(loadOpeningHoursSnapshot)),
);
