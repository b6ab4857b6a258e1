import "../content/cli/quietSdkWarning.ts";
import { createDynamoClients } from "../adapters/dynamodb/client.ts";
import { backfillBookedByStart } from "../adapters/dynamodb/dynamoContactStore.ts";
import { tableNames } from "../adapters/dynamodb/tables.ts";
import { loadConfig } from "../config.ts";

// Usage, once after the deployment that added the appointments' bookedByStart index:
//   AWS_REGION=eu-central-1 TABLE_PREFIX=asiointi-prod- npx tsx functions/ops/backfillAppointments.ts
// (with the deploying role's credentials; DYNAMODB_ENDPOINT for anything but AWS). Booked
// appointments from before it are then in the advisors' list. Safe to run again.
const config = loadConfig();
const { client, doc } = createDynamoClients({
  region: config.AWS_REGION,
  ...(config.DYNAMODB_ENDPOINT ? { endpoint: config.DYNAMODB_ENDPOINT } : {}),
});
try {
  const table = tableNames(config.TABLE_PREFIX).appointments;
  const listed = await backfillBookedByStart(doc, table);
  console.log(`${listed} booked appointment(s) in ${table} put in the advisors' list.`);
} finally {
  client.destroy();
}
