/**
 * `npm run bench:reports`: how long GET /api/reports/summary takes over a year of data.
 *
 * A year at peak volume (2.9 million chats) becomes, in the counter table, about 750 items
 * whatever the number of chats (per day and language with each topic's figures inside, per
 * month and language; see dynamoReportCounters.ts). This seeds them into the embedded
 * DynamoDB (dynalite) in the adapter's own layout (`counterItems`), then times
 * the real handler path over HTTP with a supervisor token: one month (baseline, same run),
 * 30 days across two partial months, the whole year, and the year for one topic.
 *
 * Flags: --topics N (default 30), --runs N (default 10), --json (one JSON line at the end).
 */

import { parseArgs } from "node:util";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { BatchWriteCommand, DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { counterItems } from "../functions/adapters/dynamodb/dynamoReportCounters.ts";
import { tableName } from "../functions/adapters/dynamodb/tables.ts";
import { loadConfig } from "../functions/config.ts";
import { COUNTERS, type CounterRow } from "../functions/domain/reports/reportEvents.ts";
import { startTestStack } from "../tests/support/localStack.ts";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
const { values } = parseArgs({
  options: {
    topics: { type: "string", default: "30" },
    runs: { type: "string", default: "10" },
    json: { type: "boolean", default: false },
  },
});
const topics = Number(values.topics);
const runs = Number(values.runs);
const CHATS_PER_YEAR = 2_900_000;

const server = await startTestStack();
const config = loadConfig({});
const doc = DynamoDBDocumentClient.from(
  new DynamoDBClient({
    endpoint: server.dynamoEndpoint,
    region: config.AWS_REGION,
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  }),
);

// Seed: a year of 2025, every topic on every day in both languages; 2.9 M chats spread over it.
const table = tableName(config.TABLE_PREFIX, "reportCounters");
const chatsPerRow = Math.round(CHATS_PER_YEAR / (365 * 2 * topics));
const counts = (chats: number, spread: number) => {
  const c: Record<string, number> = {};
  for (const name of COUNTERS) c[name] = name === "chats" ? chats : spread;
  return c;
};
const seedRows: CounterRow[] = [];
for (let d = 0; d < 365; d++) {
  const day = new Date(Date.UTC(2025, 0, 1 + d)).toISOString().slice(0, 10);
  for (const lang of ["fi", "sv"] as const) {
    for (let t = 0; t < topics; t++) {
      seedRows.push({ day, lang, topic: `topic-${t}`, counts: counts(chatsPerRow, 7) });
    }
  }
}
const rows = counterItems(seedRows);
const seedStart = performance.now();
const batches: Record<string, unknown>[][] = [];
for (let i = 0; i < rows.length; i += 25) batches.push(rows.slice(i, i + 25));
for (let i = 0; i < batches.length; i += 8) {
  await Promise.all(
    batches.slice(i, i + 8).map((batch) =>
      doc.send(
        new BatchWriteCommand({
          RequestItems: { [table]: batch.map((Item) => ({ PutRequest: { Item } })) },
        }),
      ),
    ),
  );
}
const seedMs = performance.now() - seedStart;

const token = (
  (await (await fetch(`${server.url}/dev/token?persona=supervisor`)).json()) as {
    idToken: string;
  }
).idToken;

async function time(query: string): Promise<{ p50: number; max: number; chats: number }> {
  const samples: number[] = [];
  let chats = 0;
  for (let i = 0; i < runs + 1; i++) {
    const start = performance.now();
    const res = await fetch(`${server.url}/api/reports/summary?${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = (await res.json()) as { totals: { chats: number } };
    if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${JSON.stringify(body)}`);
    chats = body.totals.chats;
    if (i > 0) samples.push(performance.now() - start); // the first run warms up
  }
  samples.sort((a, b) => a - b);
  return {
    p50: Math.round(samples[Math.floor(samples.length / 2)] ?? 0),
    max: Math.round(samples.at(-1) ?? 0),
    chats,
  };
}

const month = await time("from=2025-06-01&to=2025-06-30");
const partial = await time("from=2025-06-10&to=2025-07-09");
const year = await time("from=2025-01-01&to=2025-12-31");
const yearFi = await time("from=2025-01-01&to=2025-12-31&lang=fi&topic=topic-3");

console.log(`Report summary over the embedded DynamoDB (dynalite), ${runs} runs each`);
console.log(`seeded ${rows.length} counter rows (${topics} topics) in ${Math.round(seedMs)} ms`);
console.log("period                        chats      p50 ms   max ms");
for (const [name, r] of [
  ["one month (baseline)", month],
  ["30 days over two months", partial],
  ["one year", year],
  ["one year, fi, one topic", yearFi],
] as const) {
  console.log(
    `${name.padEnd(28)} ${String(r.chats).padStart(9)} ${String(r.p50).padStart(9)} ${String(r.max).padStart(8)}`,
  );
}
if (values.json) {
  console.log(
    JSON.stringify({
      rows: rows.length,
      yearChats: year.chats,
      monthP50Ms: month.p50,
      yearP50Ms: year.p50,
      yearMaxMs: year.max,
    }),
  );
}
doc.destroy();
await server.close();
