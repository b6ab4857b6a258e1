import { fork } from "node:child_process";
import { createDynamoClients } from "../functions/adapters/dynamodb/client.ts";
import { CreateTableCommand } from "@aws-sdk/client-dynamodb";
import { PutCommand, BatchWriteCommand } from "@aws-sdk/lib-dynamodb";
const child = fork("bench/dynamoServer.ts", [], { execArgv: ["--import", "tsx"], stdio: ["ignore", 2, 2, "ipc"] });
const url: string = await new Promise((r) => child.on("message", (m: any) => m.type === "ready" && r(m.url)));
const { client, doc } = createDynamoClients({ region: "eu-north-1", endpoint: url });
if (process.argv[2] === "nolog") client.middlewareStack.remove("loggerMiddleware");
await client.send(new CreateTableCommand({ TableName: "ttt", KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }, { AttributeName: "sk", KeyType: "RANGE" }], AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" }, { AttributeName: "sk", AttributeType: "S" }], BillingMode: "PAY_PER_REQUEST" }));
let n = 0;
const item = () => ({ pk: "c", sk: `m${n++}`, id: "01KAB" + n, chatId: "abc", from: "bot", text: "Verokortin saat OmaVerosta. ".repeat(4), at: new Date().toISOString(), expiresAt: 1999999999, actions: [{ type: "handoff", label: "Asiakaspalvelijalle" }] });
for (const size of [1, 5]) for (let round = 0; round < 2; round++) {
  let reqs = 0; const t0 = performance.now(); const cpu0 = process.cpuUsage();
  await Promise.all(Array.from({ length: 8 }, async () => {
    while (performance.now() - t0 < 3000) {
      if (size === 1) await doc.send(new PutCommand({ TableName: "ttt", Item: item() }));
      else await doc.send(new BatchWriteCommand({ RequestItems: { ttt: Array.from({ length: size }, () => ({ PutRequest: { Item: item() } })) } }));
      reqs++;
    }
  }));
  const cpu = process.cpuUsage(cpu0);
  if (round) console.log(`${process.argv[2] ?? "default"} size=${size} clientCpuMs/req=${((cpu.user + cpu.system) / 1000 / reqs).toFixed(3)} reqs=${reqs}`);
}
child.kill(); process.exit(0);
