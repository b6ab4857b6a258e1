/**
 * The advisors' callback list reaches every open request, a page at a time: one client that
 * sent hundreds of requests must not hide the real ones behind the first page.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { manualClock } from "../functions/domain/clock.ts";
import type { LocalServer } from "../functions/local/localServer.ts";
import { type AdvisorConsole, connectAdvisor } from "./support/advisorConsole.ts";
import { startTestStack } from "./support/localStack.ts";

const MONDAY_10 = new Date("2026-11-23T08:00:00Z");
const REQUESTS = 205;

let stack: LocalServer;
let advisor: AdvisorConsole;
const clock = manualClock(MONDAY_10);

beforeAll(async () => {
  stack = await startTestStack({ clock });
  advisor = await connectAdvisor(stack.url, "advisor-both");
});
afterAll(async () => {
  advisor?.socket.disconnect();
  await stack.close();
});

async function requestCallback(i: number): Promise<string> {
  const res = await fetch(`${stack.url}/api/callbacks`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    // One open request per number: each comes from another number.
    body: JSON.stringify({ lang: "fi", phone: `040 100 ${String(i).padStart(4, "0")}` }),
  });
  const body = (await res.json()) as { reference: string };
  expect(res.status).toBe(201);
  return body.reference;
}

describe("callbacks:list", () => {
  it("pages through more than 200 open requests, oldest first, to the last one", async () => {
    const references: string[] = [];
    for (let i = 0; i < REQUESTS; i += 25) {
      // A second apart per batch, so the order by createdAt is known batch by batch.
      clock.advance(1_000);
      const batch = Array.from({ length: Math.min(25, REQUESTS - i) }, (_, k) => i + k);
      references.push(...(await Promise.all(batch.map(requestCallback))));
    }

    const first = await advisor.socket.emitWithAck("callbacks:list", {});
    if (!first.ok) throw new Error(first.error.message);
    expect(first.callbacks).toHaveLength(200);
    expect(first.nextCursor).toEqual(expect.any(String));

    // A request closed in between neither breaks the cursor nor is listed again.
    const closed = await advisor.socket.emitWithAck("callback:close", {
      reference: first.callbacks[199]?.reference as string,
    });
    expect(closed.ok).toBe(true);

    const second = await advisor.socket.emitWithAck("callbacks:list", {
      cursor: first.nextCursor as string,
    });
    if (!second.ok) throw new Error(second.error.message);
    expect(second.callbacks).toHaveLength(REQUESTS - 200);
    expect(second.nextCursor).toBeUndefined();

    const listed = [...first.callbacks, ...second.callbacks].map((c) => c.reference);
    expect(new Set(listed).size).toBe(REQUESTS);
    expect([...listed].sort()).toEqual([...references].sort());
    // The newest request, which the 200 oldest used to hide, is reachable.
    expect(second.callbacks.map((c) => c.reference)).toContain(references.at(-1));
    const createdAt = listed.map(
      (ref) =>
        [...first.callbacks, ...second.callbacks].find((c) => c.reference === ref)?.createdAt,
    );
    expect(createdAt).toEqual([...createdAt].sort());
  });

  it("refuses a cursor it did not hand out, naming the field", async () => {
    for (const cursor of ["not-a-cursor", Buffer.from('["x","y"]').toString("base64url")]) {
      const answer = await advisor.socket.emitWithAck("callbacks:list", { cursor });
      expect(answer).toMatchObject({
        ok: false,
        error: { code: "VALIDATION_FAILED", message: expect.stringMatching(/^cursor: /) },
      });
    }
  });
});
