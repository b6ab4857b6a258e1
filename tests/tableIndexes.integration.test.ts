/**
 * A local data directory made before an index was added keeps its tables, and dynalite cannot
 * add an index to one: local start makes such a table anew with its items.
 */
import { existsSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  CreateTableCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
} from "@aws-sdk/client-dynamodb";
import { describe, expect, it } from "vitest";
import { backfillBookedByStart } from "../functions/adapters/dynamodb/dynamoContactStore.ts";
import { missingIndexes, rebuildTable } from "../functions/adapters/dynamodb/ensureTables.ts";
import { createTableInput, TABLES } from "../functions/adapters/dynamodb/tables.ts";
import { useEmbeddedTables } from "./support/embeddedTables.ts";

const tables = useEmbeddedTables("idx-");

/** The appointments table as it was before its `bookedByStart` index, with every other table. */
async function tablesFromBefore(prefix: string) {
  const { client } = tables.clients();
  const old = {
    ...TABLES.appointments,
    globalSecondaryIndexes: TABLES.appointments.globalSecondaryIndexes.filter(
      (g) => g.indexName !== "bookedByStart",
    ),
  };
  for (const id of Object.keys(TABLES) as (keyof typeof TABLES)[]) {
    const def = id === "appointments" ? old : TABLES[id];
    await client.send(new CreateTableCommand(createTableInput(def, `${prefix}${id}`)));
  }
}

describe("tables from before an index was added", () => {
  it("finds none missing in tables made from today's definition", async () => {
    expect(await missingIndexes(tables.clients().client, "idx-")).toEqual({});
  });

  it("names the appointments index a table from before it lacks", async () => {
    await tablesFromBefore("old-");
    expect(await missingIndexes(tables.clients().client, "old-")).toEqual({
      appointments: ["bookedByStart"],
    });
  });

  it("makes the table anew with the index and every item it held, and leaves no backup behind", async () => {
    // Prepare: 60 items (more than one batch of writes) in the table from before.
    const { client } = tables.clients();
    await tablesFromBefore("mig-");
    const name = "mig-appointments";
    for (let i = 0; i < 60; i++) {
      await client.send(
        new PutItemCommand({
          TableName: name,
          Item: {
            [TABLES.appointments.partitionKey.name]: { S: `AV-${String(i).padStart(4, "0")}` },
            status: { S: "booked" },
          },
        }),
      );
    }
    const dir = await mkdtemp(join(tmpdir(), "rebuild-"));
    const backup = join(dir, "appointments-rebuild.json");

    // Act
    const kept = await rebuildTable(client, "mig-", "appointments", backup);

    // Assess
    expect(kept).toBe(60);
    expect(await missingIndexes(client, "mig-")).toEqual({});
    const scanned = await client.send(new ScanCommand({ TableName: name }));
    expect(scanned.Count).toBe(60);
    expect(existsSync(backup)).toBe(false);
    // The index answers queries (it failed before), holding none of the items from before it.
    const index = TABLES.appointments.globalSecondaryIndexes.find(
      (g) => g.indexName === "bookedByStart",
    );
    const hashName = index?.partitionKey.name ?? "";
    const queried = await client.send(
      new QueryCommand({
        TableName: name,
        IndexName: "bookedByStart",
        KeyConditionExpression: "#k = :v",
        ExpressionAttributeNames: { "#k": hashName },
        ExpressionAttributeValues: { ":v": { S: "fi" } },
      }),
    );
    expect(queried.Count).toBe(0);
  });

  it("puts the booked appointments from before the index in the advisors' list, once, and no cancelled one", async () => {
    // Prepare: as stored before the index: no bookedLang or startRef.
    const { client, doc } = tables.clients();
    const name = "idx-appointments";
    const stored = (reference: string, status: string, lang: string) =>
      client.send(
        new PutItemCommand({
          TableName: name,
          Item: {
            reference: { S: reference },
            status: { S: status },
            lang: { S: lang },
            start: { S: "2026-12-08T08:30:00.000Z" },
          },
        }),
      );
    await stored("AV-OLD1", "booked", "sv");
    await stored("AV-OLD2", "cancelled", "sv");

    // Act
    const first = await backfillBookedByStart(doc, name);
    const again = await backfillBookedByStart(doc, name);

    // Assess
    expect([first, again]).toEqual([1, 0]);
    const listed = await client.send(
      new QueryCommand({
        TableName: name,
        IndexName: "bookedByStart",
        KeyConditionExpression: "bookedLang = :sv",
        ExpressionAttributeValues: { ":sv": { S: "sv" } },
      }),
    );
    expect(listed.Items?.map((i) => [i.reference?.S, i.startRef?.S])).toEqual([
      ["AV-OLD1", "2026-12-08T08:30:00.000Z#AV-OLD1"],
    ]);
  });
});
