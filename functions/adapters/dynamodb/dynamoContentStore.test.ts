import { CreateTableCommand } from "@aws-sdk/client-dynamodb";
import { describe, expect, it } from "vitest";
import { useEmbeddedTables } from "../../../tests/support/embeddedTables.ts";
import type { ContentBundle } from "../../domain/content/bundle.ts";
import {
  describeContentStoreContract,
  sampleBundle,
} from "../../domain/content/contentStoreContract.ts";
import { createDynamoContentStore } from "./dynamoContentStore.ts";
import { createTableInput, TABLES } from "./tables.ts";

const tables = useEmbeddedTables("content-contract-");
let n = 0;

// A table of its own per test, so each starts empty as the contract expects.
describeContentStoreContract("DynamoDB", async () => {
  const name = `content-contract-${++n}`;
  const { client, doc } = tables.clients();
  await client.send(new CreateTableCommand(createTableInput(TABLES.content, name)));
  return createDynamoContentStore(doc, name);
});

describe("the DynamoDB content store across processes", () => {
  it("gives each process the draft another process changed, though it keeps one in memory", async () => {
    const name = "content-contract-shared";
    const { client, doc } = tables.clients();
    await client.send(new CreateTableCommand(createTableInput(TABLES.content, name)));
    const mine = createDynamoContentStore(doc, name);
    const theirs = createDynamoContentStore(doc, name);
    const who = { updatedBy: "u", updatedByName: "U", updatedAt: "t", retired: false };
    await mine.replaceDraft(sampleBundle(["tax-card", "payment"]), who);
    expect((await mine.draft())?.bundle.topics.map((t) => t.id)).toEqual(["payment", "tax-card"]);

    const topic = sampleBundle(["vat"]).topics[0] as ContentBundle["topics"][number];
    await theirs.putDraftTopic({
      topic,
      tests: { fi: [], sv: [] },
      dev: { fi: [], sv: [] },
      meta: who,
    });
    expect((await mine.draft())?.bundle.topics.map((t) => t.id)).toEqual([
      "payment",
      "tax-card",
      "vat",
    ]);

    await theirs.replaceDraft(sampleBundle(["tax-card"]), who);
    expect((await mine.draft())?.bundle.topics.map((t) => t.id)).toEqual(["tax-card"]);
    // A copy each time: changing what one caller got does not change the next one's.
    const got = await mine.draft();
    got?.bundle.topics.splice(0);
    expect((await mine.draft())?.bundle.topics).toHaveLength(1);
  });
});
