// DynamoDB for the benchmark in a process of its own (dynalite, in memory), as DynamoDB is a
// separate service in AWS: the gateway's CPU, memory and event loop are then its own.
import { startEmbeddedDynamo } from "../functions/local/embeddedDynamo.ts";
import { send, serveStatsOverIpc } from "./serverStats.ts";

try {
  const dynamo = await startEmbeddedDynamo({ port: 0 });
  serveStatsOverIpc();
  send({ type: "ready", url: dynamo.endpoint });
} catch (error) {
  send({ type: "failed", message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
}
