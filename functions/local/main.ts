import { ConfigError, loadConfig } from "../config.ts";

// The SDK warns on Node 20 about releases from 2027; engines.node already says so, and the
// warning would bury the banner a developer needs to see.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
// Everything the service writes (dynalite's files included) is for its owner only.
process.umask(0o077);
const { startLocalServer } = await import("./localServer.ts");
const { startBanner } = await import("./banner.ts");

// `npm start`: the whole service on a laptop. Prints where to go and shuts down cleanly.
async function main(): Promise<void> {
  const config = loadConfig();
  const server = await startLocalServer(config);
  // Since process start, so the figure includes loading TypeScript and bundling the pages.
  const seconds = process.uptime().toFixed(1);
  process.stdout.write(
    startBanner(server, {
      readySeconds: seconds,
      fakeTime: config.FAKE_TIME,
      dataDir: config.DATA_DIR,
    }),
  );

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`\n  Could not start: ${message}\n\n`);
  process.exit(error instanceof ConfigError ? 2 : 1);
});
