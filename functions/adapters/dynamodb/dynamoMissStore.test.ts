import { createTable, useEmbeddedTables } from "../../../tests/support/embeddedTables.ts";
import { describeMissStoreContract } from "../../domain/inbox/missStoreContract.ts";
import { createDynamoMissStore } from "./dynamoMissStore.ts";
import { TABLES } from "./tables.ts";

const tables = useEmbeddedTables("misses-contract-");
let n = 0;

// A table of its own per test, so each starts empty as the contract expects.
describeMissStoreContract("DynamoDB", async () => {
  const name = `misses-contract-${++n}`;
  const { client, doc } = tables.clients();
  await createTable(client, TABLES.misses, name);
  return createDynamoMissStore(doc, name);
});
