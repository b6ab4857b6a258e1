import type { LocalServer } from "../../../functions/local/localServer.ts";
import { OPEN_HOUR_ISO, startTestStack } from "../../support/localStack.ts";

/**
 * The real local stack in memory on a free port, its clock at an open hour. Warnings and
 * errors go to the test's output: a browser test that fails on a loaded machine then says
 * what the service refused, and why.
 */
export function startOpenStack(): Promise<LocalServer> {
  return startTestStack({ env: { FAKE_TIME: OPEN_HOUR_ISO, LOG_LEVEL: "warn" } });
}
