import type { LocalServer } from "./localServer.ts";

/** What `npm start` prints: every page and endpoint a developer may want, and the data. */
export function startBanner(
  server: Pick<LocalServer, "url" | "dynamoEndpoint" | "content">,
  options: { readySeconds: string; fakeTime?: string; dataDir: string },
): string {
  const { url, content } = server;
  const clock = options.fakeTime ? `, clock starts at ${options.fakeTime}` : "";
  const lines = [
    "",
    `  Asiointi chat is running (ready in ${options.readySeconds} s${clock})`,
    "",
    `  Customer chat   ${url}/`,
    `  Advisor console ${url}/console`,
    `  Reports         ${url}/console/reports  (supervisors)`,
    `  Content studio  ${url}/studio`,
    `  HTTP API        ${url}/api`,
    `  Health          ${url}/healthz`,
    `  DynamoDB        ${server.dynamoEndpoint}  (data in ${options.dataDir}/)`,
    `  Bot content     version ${content.version}${
      content.repoChanges > 0
        ? `; bot-content/ differs in ${content.repoChanges} topic(s): npm run content:import loads it as the draft`
        : ""
    }`,
    "",
    "  Press Ctrl+C to stop.",
    "",
  ];
  return `${lines.join("\n")}\n`;
}
