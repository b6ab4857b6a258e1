/**
 * A local data directory made before an index was added keeps its tables, and dynalite cannot
 * add an index to one: the service names what is missing at start instead of failing later.
 */
import { CreateTableCommand } from "@aws-sdk/client-dynamodb";
import { describe, expect, it } from "vitest";
import { missingIndexes } from "../functions/adapters/dynamodb/ensureTables.ts";
import { createTableInput, TABLES } from "../functions/adapters/dynamodb/tables.ts";
import { useEmbeddedTables } from "./support/embeddedTables.ts";

const tables = useEmbeddedTables("idx-");

describe("missingIndexes", () => {
  it("finds none in tables made from today's definition", async () => {
    expect(await missingIndexes(tables.clients().client, "idx-")).toEqual([]);
  });

  it("names the appointments index a table from before it lacks", async () => {
    const { client } = tables.clients();
    const old = {
      ...TABLES.appointments,
      globalSecondaryIndexes: TABLES.appointments.globalSecondaryIndexes.filter(
        (g) => g.indexName !== "bookedByStart",
      ),
    };
    for (const id of Object.keys(TABLES) as (keyof typeof TABLES)[]) {
      const def = id === "appointments" ? old : TABLES[id];
      await client.send(new CreateTableCommand(createTableInput(def, `old-${id}`)));
    }
    expect(await missingIndexes(client, "old-")).toEqual(["old-appointments.bookedByStart"]);
  });
});
