import type { LocalServer } from "../../../functions/local/localServer.ts";
import { startTestStack } from "../../support/localStack.ts";

/** A Tuesday at 10:00 in Helsinki: the service is open and advisors can be reached. */
export const OPEN_HOUR = "2026-11-24T10:00:00+02:00";

/** The real local stack in memory on a free port, its clock at an open hour. */
export function startOpenStack(): Promise<LocalServer> {
  return startTestStack({ env: { FAKE_TIME: OPEN_HOUR } });
}
