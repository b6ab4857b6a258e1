// The service under load: the whole local stack (in-memory dynalite, embedded recogniser,
// socket.io gateway) as `npm start` runs it, in its own process, reporting over IPC.
import { loadConfig } from "../functions/config.ts";
import { IN_MEMORY, startLocalServer } from "../functions/local/localServer.ts";
import { send, serveStatsOverIpc } from "./serverStats.ts";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

try {
  const config = loadConfig({
    NODE_ENV: "development",
    PORT: "0",
    DYNAMODB_PORT: "0",
    DATA_DIR: IN_MEMORY,
    LOG_LEVEL: "warn",
    // Thousands of simulated customers from one loopback address: the production limits
    // per address would refuse all but the first few (set LIMIT_* to bench them instead).
    LIMIT_CHAT_STARTS: "1000000/10000000",
    LIMIT_HANDOFFS: "1000000/10000000",
    LIMIT_BOOKINGS: "1000000/10000000",
    LIMIT_CALLBACKS: "1000000/10000000",
    LIMIT_SURVEYS: "1000000/10000000",
    // dynalite's stand-in for DynamoDB's TTL scans every table each minute; in AWS that is
    // DynamoDB's own work, so the service measured here does not do it (the floor does not).
    LOCAL_TTL_SWEEP_SECONDS: "0",
    ...process.env,
  });
  const server = await startLocalServer(config);
  serveStatsOverIpc();
  send({ type: "ready", url: server.url });
} catch (error) {
  send({ type: "failed", message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
}
