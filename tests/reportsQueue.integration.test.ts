/**
 * What GET /api/reports/summary tells a supervisor about the queue and the advisors'
 * wrap-ups, from real chats on the local stack in opening hours: how long customers waited
 * for the advisor who took them, the requests their customers abandoned (ended the chat, or
 * closed the tab past the one-second grace), and the contact reasons advisors recorded.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { manualClock } from "../functions/domain/clock.ts";
import type { ReportSummary } from "../functions/domain/reports/summary.ts";
import type { LocalServer } from "../functions/local/localServer.ts";
import { type AdvisorConsole, availableAdvisor } from "./support/advisorConsole.ts";
import { devToken } from "./support/devToken.ts";
import {
  type CustomerSocket,
  connectCustomer,
  eventually,
  OPEN_HOUR_ISO,
  startTestStack,
} from "./support/localStack.ts";

const clock = manualClock(new Date(OPEN_HOUR_ISO));
let stack: LocalServer;
let advisor: AdvisorConsole;
const sockets: CustomerSocket[] = [];

beforeAll(async () => {
  stack = await startTestStack({ clock, env: { QUEUE_CUSTOMER_GRACE_SECONDS: "1" } });
  advisor = await availableAdvisor(stack.url, "advisor-fi", ["fi"]);
}, 120_000);

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  advisor?.socket.disconnect();
  await stack?.close();
});

/** A Finnish customer who has asked for a person and is in the queue. */
async function queuedCustomer(): Promise<{ socket: CustomerSocket; chatId: string }> {
  const socket = await connectCustomer(stack.url);
  sockets.push(socket);
  const start = await socket.emitWithAck("chat:start", { lang: "fi" });
  if (!start.ok) throw new Error("start failed");
  expect(await socket.emitWithAck("chat:handoff", {})).toMatchObject({ outcome: "queued" });
  return { socket, chatId: start.chatId };
}

async function report(): Promise<ReportSummary> {
  const res = await fetch(`${stack.url}/api/reports/summary`, {
    headers: { authorization: `Bearer ${await devToken(stack.url, "supervisor")}` },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as ReportSummary;
}

async function wrapUp(chatId: string, reason: string, note?: string): Promise<void> {
  const ack = await advisor.socket.emitWithAck("chat:wrapup", {
    chatId,
    reason,
    ...(note ? { note } : {}),
  });
  expect(ack.ok).toBe(true);
}

describe("queue and wrap-up figures in GET /api/reports/summary", () => {
  it("reports waits of taken requests, abandoned requests and wrap-up reasons without the notes", async () => {
    // Taken after 2.5 minutes, wrapped up as a tax card matter with a note.
    const slow = await queuedCustomer();
    clock.advance(150_000);
    expect((await advisor.socket.emitWithAck("chat:accept", { chatId: slow.chatId })).ok).toBe(
      true,
    );
    await wrapUp(slow.chatId, "tax-card", "Soitin asiakkaalle numeroon 040 123 4567");
    // Taken at once; first recorded as "other", then corrected.
    const quick = await queuedCustomer();
    expect((await advisor.socket.emitWithAck("chat:accept", { chatId: quick.chatId })).ok).toBe(
      true,
    );
    await wrapUp(quick.chatId, "other");
    await wrapUp(quick.chatId, "residual-tax");
    // Abandoned: one customer ends the chat while waiting, one closes the tab.
    const ends = await queuedCustomer();
    expect((await ends.socket.emitWithAck("chat:end", {})).ok).toBe(true);
    const gone = await queuedCustomer();
    gone.socket.disconnect();

    // The gone customer's request leaves the queue once the grace period has run out.
    await eventually(() => advisor.lastQueue().some((w) => w.chatId === gone.chatId));
    await eventually(() => !advisor.lastQueue().some((w) => w.chatId === gone.chatId), 8_000);
    const s = await report();

    expect(s.totals).toMatchObject({
      handoffsQueued: 4,
      queueAbandoned: 2,
      queueAbandonedShare: 0.5,
      queueTaken: 2,
      // Waits of 0 s and 150 s: ranges 0-15 s and 2-3 min.
      queueWaitMedianSeconds: 15,
      queueWaitP90Seconds: 168,
      wrapups: 2,
    });
    expect(s.wrapupReasons).toEqual([
      { reason: "residual-tax", wrapups: 1, share: 0.5 },
      { reason: "tax-card", wrapups: 1, share: 0.5 },
    ]);
    expect(s.queueWaits.filter((r) => r.chats > 0)).toEqual([
      { underSeconds: 15, chats: 1 },
      { underSeconds: 180, chats: 1 },
    ]);
    expect(s.byDay).toEqual([
      expect.objectContaining({ queueAbandoned: 2, queueTaken: 2, queueWaitMedianSeconds: 15 }),
    ]);
    // Reasons alone are no topics of chats, and the notes are never in a report.
    expect(s.byTopic.map((t) => t.topic)).not.toContain("residual-tax");
    expect(JSON.stringify(s)).not.toMatch(/040|Soitin/);
  });
});
