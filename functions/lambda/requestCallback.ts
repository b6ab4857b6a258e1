import { createRequestCallbackHandler } from "../http/handlers/requestCallback.ts";
import { lambdaServices } from "./root.ts";

export const handler = createRequestCallbackHandler(lambdaServices());
