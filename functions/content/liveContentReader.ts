import type { BotContent } from "../contracts/content.ts";
import { type ContentBundle, contentOf } from "../domain/content/bundle.ts";
import type { Logger } from "../observability/logger.ts";

/**
 * What a short-lived process (the fulfillment Lambda) answers from: the live content version,
 * looked up at most every `maxAgeMs`, each version built into `T` once. Until a version can
 * be read (a new table, DynamoDB unreachable) it answers from `fallback`, the content the
 * deployment shipped; a failed look-up keeps what it had.
 */
export function createLiveContentReader<T>(deps: {
  live: () => Promise<{ version: number } | undefined>;
  bundle: (version: number) => Promise<ContentBundle | undefined>;
  /** Builds what answers from `content`; `version` is absent for the fallback. */
  build: (content: BotContent, version?: number) => T;
  fallback: BotContent;
  maxAgeMs: number;
  now?: () => number;
  logger: Logger;
}) {
  const now = deps.now ?? Date.now;
  let current: { version?: number; value: T } = { value: deps.build(deps.fallback) };
  let checkedAt = Number.NEGATIVE_INFINITY;
  let checking: Promise<void> | undefined;

  async function check(): Promise<void> {
    try {
      const pointer = await deps.live();
      if (!pointer || pointer.version === current.version) return;
      const bundle = await deps.bundle(pointer.version);
      if (!bundle) return;
      current = { version: pointer.version, value: deps.build(contentOf(bundle), pointer.version) };
      deps.logger.info("content version loaded", { version: pointer.version });
    } catch (error) {
      deps.logger.warn("reading the live content version failed; keeping the one in use", {
        error: error as Error,
      });
    } finally {
      checkedAt = now();
    }
  }

  return {
    /** The value for the live version, refreshed when the last look-up is older than maxAgeMs. */
    async current(): Promise<T> {
      if (now() - checkedAt >= deps.maxAgeMs) {
        checking ??= check().finally(() => {
          checking = undefined;
        });
        await checking;
      }
      return current.value;
    },
    version: () => current.version,
  };
}
