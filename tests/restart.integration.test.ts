import { afterEach, describe, expect, it } from "vitest";
import type { ChatMessage } from "../functions/contracts/protocol.ts";
import type { LocalServer } from "../functions/local/localServer.ts";
import {
  collect,
  connectCustomer,
  eventually,
  startTestStack,
  tempDir,
} from "./support/localStack.ts";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function stackOn(dataDir: string): Promise<LocalServer> {
  const stack = await startTestStack({ dataDir });
  cleanups.push(() => stack.close());
  return stack;
}

describe("data on disk", () => {
  it("keeps a chat and its transcript across a restart, resumable with its token", async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const first = await startTestStack({ dataDir: dir.path });
    const socket = await connectCustomer(first.url);
    const seen = collect(socket, "chat:message");
    const start = await socket.emitWithAck("chat:start", { lang: "sv" });
    if (!start.ok) throw new Error("start failed");
    await socket.emitWithAck("chat:message", { text: "Hur får jag skattekort?" });
    await eventually(() => seen.some((m) => m.from === "bot" && m.topic));
    socket.disconnect();
    await first.close();

    const second = await stackOn(dir.path);
    const again = await connectCustomer(second.url);
    cleanups.push(() => {
      again.disconnect();
    });
    const replay = collect(again, "chat:message");
    const resumed = await again.emitWithAck("chat:start", {
      lang: "sv",
      resumeToken: start.resumeToken,
    });
    expect(resumed).toMatchObject({ ok: true, chatId: start.chatId });
    await eventually(() => replay.length >= seen.length);
    expect(replay.map((m: ChatMessage) => [m.id, m.from, m.text])).toEqual(
      seen.map((m) => [m.id, m.from, m.text]),
    );
  });

  it("refuses a second service on the same data directory with a clear message", async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    await stackOn(dir.path);
    await expect(startTestStack({ dataDir: dir.path })).rejects.toThrow(
      /data directory is in use by another running service/,
    );
  });
});
