import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The layer rule lives in biome.json (see README, "Layers"); this runs the real linter with
// that file over probe sources laid out like the repository, so a rule that stops matching
// (a renamed folder, a glob that misses a depth) fails here rather than going quiet.

const repo = join(dirname(fileURLToPath(import.meta.url)), "..");
const biome = join(repo, "node_modules", ".bin", "biome");

const probes: Record<string, string> = {
  "functions/domain/chat/socket.ts": 'import { Server } from "socket.io";',
  "functions/domain/chat/aws.ts": 'import { DynamoDBClient } from "@aws-sdk/client-dynamodb";',
  "functions/domain/chat/lambdaTypes.ts": 'import type { Context } from "aws-lambda";',
  "functions/domain/chat/redis.ts": 'import { createClient } from "redis";',
  "functions/domain/chat/middy.ts": 'import middy from "@middy/core";',
  "functions/domain/chat/content.ts":
    'import { loadBotContent } from "../../content/loadContent.ts";',
  "functions/domain/chat/adapter.ts":
    'import { tableNames } from "../../adapters/dynamodb/tables.ts";',
  "functions/domain/topLevel.ts": 'import { loadBotContent } from "../content/loadContent.ts";',
  // Allowed: the domain's own folders (domain/content is not functions/content), contracts,
  // plain libraries; adapters and their tests may use anything.
  "functions/domain/chat/ownContent.ts": 'import { x } from "../content/contentStore.ts";',
  "functions/domain/chat/contracts.ts": 'import { LANGS } from "../../contracts/lang.ts";',
  "functions/domain/chat/luxon.ts": 'import { DateTime } from "luxon";',
  "functions/domain/chat/wired.test.ts":
    'import { tableNames } from "../../adapters/dynamodb/tables.ts";',
  "functions/gateway/socket.ts": 'import { Server } from "socket.io";',
  "functions/contracts/fromDomain.ts": 'import { phrase } from "../domain/dialogue/phrases.ts";',
  "functions/contracts/aws.ts": 'import type { Context } from "aws-lambda";',
  "functions/contracts/sibling.ts": 'import { LANGS } from "./lang.ts";',
};

let dir: string;
let flagged: Set<string>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "layers-"));
  copyFileSync(join(repo, "biome.json"), join(dir, "biome.json"));
  for (const [path, line] of Object.entries(probes)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), `${line}\n\nexport const probe = 1;\n`);
  }
  const { stdout } = await promisify(execFile)(
    biome,
    ["lint", "--vcs-enabled=false", "--reporter=json", "--max-diagnostics=none", "functions"],
    { cwd: dir },
  ).catch((failed: { stdout: string }) => failed);
  const report = JSON.parse(stdout) as {
    diagnostics: { category: string; location: { path: string } }[];
  };
  flagged = new Set(
    report.diagnostics
      .filter((d) => d.category === "lint/style/noRestrictedImports")
      .map((d) => d.location.path),
  );
}, 30_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the layer rule (biome.json)", () => {
  it.each([
    "socket.ts",
    "aws.ts",
    "lambdaTypes.ts",
    "redis.ts",
    "middy.ts",
    "content.ts",
    "adapter.ts",
  ])("refuses functions/domain/chat/%s", (file) => {
    expect(flagged).toContain(`functions/domain/chat/${file}`);
  });

  it("refuses functions/content from a file at the domain's top level", () => {
    expect(flagged).toContain("functions/domain/topLevel.ts");
  });

  it.each(["functions/contracts/fromDomain.ts", "functions/contracts/aws.ts"])(
    "refuses %s: contracts import only zod and each other",
    (path) => {
      expect(flagged).toContain(path);
    },
  );

  it.each([
    "functions/contracts/sibling.ts",
    "functions/domain/chat/ownContent.ts",
    "functions/domain/chat/contracts.ts",
    "functions/domain/chat/luxon.ts",
    "functions/domain/chat/wired.test.ts",
    "functions/gateway/socket.ts",
  ])("allows %s", (path) => {
    expect(flagged).not.toContain(path);
  });
});
