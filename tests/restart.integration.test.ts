import { afterEach, describe, expect, it } from "vitest";
import type { ChatMessage } from "../functions/contracts/protocol.ts";
import type { LocalServer } from "../functions/local/localServer.ts";
import { availableAdvisor, connectAdvisor } from "./support/advisorConsole.ts";
import {
  collect,
  connectCustomer,
  eventually,
  OPEN_HOUR_ISO,
  startTestStack,
  tempDir,
} from "./support/localStack.ts";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function stackOn(dataDir: string, env?: Record<string, string>): Promise<LocalServer> {
  const stack = await startTestStack({ dataDir, ...(env ? { env } : {}) });
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

  it("after a clean stop (SIGTERM), returns a chat whose advisor does not come back to the front of its queue", async () => {
    // Prepare: a chat with an advisor when the service stops as SIGTERM stops it.
    const dir = tempDir();
    cleanups.push(dir.remove);
    // The first run's grace period outlasts its stop, so only the second run can release.
    const first = await startTestStack({ dataDir: dir.path, env: { FAKE_TIME: OPEN_HOUR_ISO } });
    const anna = await availableAdvisor(first.url, "advisor-both", ["fi"]);
    const customer = await connectCustomer(first.url);
    const start = await customer.emitWithAck("chat:start", { lang: "fi" });
    if (!start.ok) throw new Error("start failed");
    await customer.emitWithAck("chat:handoff", {});
    expect(await anna.socket.emitWithAck("chat:accept", { chatId: start.chatId })).toMatchObject({
      ok: true,
    });
    customer.disconnect();
    await first.close();
    anna.socket.disconnect();

    // Act: started again; only another advisor comes online.
    const second = await stackOn(dir.path, {
      FAKE_TIME: OPEN_HOUR_ISO,
      ADVISOR_GRACE_SECONDS: "0.5",
    });
    const ville = await availableAdvisor(second.url, "advisor-fi", ["fi"]);
    cleanups.push(() => {
      ville.socket.disconnect();
    });

    // Assess
    // Recovery runs in the background after the start; a loaded CI machine needs the time.
    await eventually(
      () => ville.lastQueue().some((w) => w.chatId === start.chatId) || undefined,
      30_000,
    );
  }, 90_000);
});

describe("customers who left before a restart", () => {
  it("leave the queue, and are reported gone to their advisor, after the grace period counted from the start; one who comes back keeps the place", async () => {
    // Prepare: in the first run, two customers wait and one is with Anna; all close the tab,
    // and the service restarts within the (long) grace period.
    const dir = tempDir();
    cleanups.push(dir.remove);
    const first = await startTestStack({ dataDir: dir.path, env: { FAKE_TIME: OPEN_HOUR_ISO } });
    const anna = await availableAdvisor(first.url, "advisor-both", ["fi", "sv"]);
    const queued = async (lang: "fi" | "sv") => {
      const customer = await connectCustomer(first.url);
      const start = await customer.emitWithAck("chat:start", { lang });
      if (!start.ok) throw new Error("start failed");
      await customer.emitWithAck("chat:handoff", {});
      return { customer, start };
    };
    const gone = await queued("sv");
    const returning = await queued("fi");
    const served = await queued("fi");
    expect(
      await anna.socket.emitWithAck("chat:accept", { chatId: served.start.chatId }),
    ).toMatchObject({ ok: true });
    for (const { customer } of [gone, returning, served]) customer.disconnect();
    await first.close();
    anna.socket.disconnect();

    // Act: started again with a one-second grace; Anna's console and one customer come back.
    const second = await stackOn(dir.path, {
      FAKE_TIME: OPEN_HOUR_ISO,
      QUEUE_CUSTOMER_GRACE_SECONDS: "1",
    });
    const back = await connectAdvisor(second.url, "advisor-both");
    const again = await connectCustomer(second.url);
    cleanups.push(() => {
      back.socket.disconnect();
      again.disconnect();
    });
    await again.emitWithAck("chat:start", { lang: "fi", resumeToken: returning.start.resumeToken });

    // Assess: the Swedish chat leaves the queue, Anna learns her customer is gone, and the
    // customer who came back still waits.
    await eventually(
      () => back.seen.customer.find((c) => c.chatId === served.start.chatId && !c.connected),
      30_000,
    );
    await eventually(
      () => !back.lastQueue().some((w) => w.chatId === gone.start.chatId) || undefined,
      30_000,
    );
    expect(back.lastQueue().map((w) => w.chatId)).toEqual([returning.start.chatId]);
  }, 90_000);
});
