import { afterAll, beforeAll } from "vitest";
import type { LocalServer } from "../../functions/local/localServer.ts";
import { devToken } from "./devToken.ts";
import { startTestStack } from "./localStack.ts";

/** The local stack a content API test file works on, with the studio's people and an advisor. */
export interface ContentStack {
  stack: LocalServer;
  owner: string;
  reviewer: string;
  /** An advisor (not a content role): the studio's API refuses them. */
  advisor: string;
}

/**
 * Starts the local stack for the test file from beforeAll to afterAll and hands it, with a
 * token for each person, to `ready` (which keeps them in the file's own variables).
 */
export function useContentStack(ready: (started: ContentStack) => void): void {
  let stack: LocalServer | undefined;
  beforeAll(async () => {
    stack = await startTestStack();
    const url = stack.url;
    const [owner, reviewer, advisor] = await Promise.all([
      devToken(url, "content-owner"),
      devToken(url, "content-reviewer"),
      devToken(url, "advisor-fi"),
    ]);
    ready({ stack, owner, reviewer, advisor });
  }, 60_000);
  afterAll(async () => {
    await stack?.close();
  });
}
