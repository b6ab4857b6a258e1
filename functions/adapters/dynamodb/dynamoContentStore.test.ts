import { CreateTableCommand } from "@aws-sdk/client-dynamodb";
import { useEmbeddedTables } from "../../../tests/support/embeddedTables.ts";
import { describeContentStoreContract } from "../../domain/content/contentStoreContract.ts";
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
