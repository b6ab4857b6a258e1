import { BatchWriteCommand, ScanCommand } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it } from "vitest";
import { useEmbeddedTables } from "../../tests/support/embeddedTables.ts";
import { tableName } from "../adapters/dynamodb/tables.ts";
import { manualClock } from "../domain/clock.ts";
import { sweepExpiredItems } from "./ttlSweeper.ts";

const PREFIX = "test-sweep-";
const tables = useEmbeddedTables(PREFIX);
const NOW = new Date("2026-11-23T12:00:00Z");
const nowSeconds = NOW.getTime() / 1000;

describe("the local TTL sweep", () => {
  it("deletes the expired items over many scan pages and keeps the rest", async () => {
    const { doc } = tables.clients();
    const messages = tableName(PREFIX, "messages");
    // 450 items, every third expired: more than two of the sweep's pages.
    const items = Array.from({ length: 450 }, (_, n) => ({
      chatId: `chat-${n % 7}`,
      sk: `m#${String(n).padStart(4, "0")}`,
      text: "hei",
      expiresAt: n % 3 === 0 ? nowSeconds - 60 : nowSeconds + 86_400,
    }));
    for (let i = 0; i < items.length; i += 25) {
      await doc.send(
        new BatchWriteCommand({
          RequestItems: {
            [messages]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })),
          },
        }),
      );
    }

    const deleted = await sweepExpiredItems(doc, PREFIX, manualClock(NOW));

    expect(deleted).toBe(150);
    const left = await doc.send(new ScanCommand({ TableName: messages }));
    expect(left.Count).toBe(300);
    expect(left.Items?.every((item) => (item.expiresAt as number) > nowSeconds)).toBe(true);
  });
});
