import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useEmbeddedTables } from "../../tests/support/embeddedTables.ts";
import { tempDir } from "../../tests/support/localStack.ts";
import { loadConfig } from "../config.ts";
import { loadContentBundle } from "../content/loadContent.ts";
import { systemClock } from "../domain/clock.ts";
import { createLogger } from "../observability/logger.ts";
import { lambdaContentServices, seedShippedContent } from "./lambdaContent.ts";

const tables = useEmbeddedTables("seed-test-");

describe("the content shipped with the content API", () => {
  it("becomes version 1 of a new table, once", async () => {
    const dir = tempDir();
    const file = join(dir.path, "content-bundle.json");
    writeFileSync(file, JSON.stringify(loadContentBundle()));
    const endpoint = await tables.clients().client.config.endpoint?.();
    const config = loadConfig({
      NODE_ENV: "test",
      TABLE_PREFIX: "seed-test-",
      DYNAMODB_ENDPOINT: `http://${endpoint?.hostname}:${endpoint?.port}`,
    });
    const services = lambdaContentServices({
      config,
      clock: systemClock,
      logger: createLogger("silent"),
    });
    try {
      await seedShippedContent(services, file);
      expect(await services.store.live()).toMatchObject({ version: 1 });
      const draft = await services.workflow.draft();
      expect(draft.changed).toEqual([]);
      await seedShippedContent(services, file);
      expect((await services.store.listVersions()).map((v) => v.version)).toEqual([1]);
    } finally {
      dir.remove();
    }
  });

  it("trains no other order than the shipped one: the content API answers that it cannot", () => {
    const services = lambdaContentServices({
      config: loadConfig({ NODE_ENV: "test", TABLE_PREFIX: "seed-test-" }),
      clock: systemClock,
      logger: createLogger("silent"),
    });
    // A Lambda trains inline under a short time limit: N orders would outrun it.
    expect(services.live.trainedInOrder).toBeUndefined();
  });
});
