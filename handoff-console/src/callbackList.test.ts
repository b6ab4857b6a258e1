import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { OpenCallbackItem } from "../../functions/contracts/protocol.ts";
import { type CallbackSource, callbacks } from "./callbackList.ts";
import { appendPage } from "./contactList.ts";

function item(n: number): OpenCallbackItem {
  return {
    reference: `SP-${String(n).padStart(6, "0")}`,
    lang: "fi",
    phone: `+35840100${String(n).padStart(4, "0")}`,
    phoneDisplay: `+358 40 100${String(n).padStart(4, "0")}`,
    preferredWindow: "any",
    createdAt: new Date(Date.UTC(2026, 10, 24, 8, n)).toISOString(),
    callFrom: "2026-11-24T08:00:00.000Z",
  };
}

/** The service's paging in memory: `size` a page, the cursor being the last reference shown. */
function fakeService(count: number, size: number) {
  const open = Array.from({ length: count }, (_, i) => item(i + 1));
  const calls: (string | undefined)[] = [];
  let failNext: { code: string; message: string } | undefined;
  const source: CallbackSource = {
    async listCallbacks(cursor) {
      calls.push(cursor);
      if (failNext) {
        const error = failNext;
        failNext = undefined;
        return { ok: false, error } as never;
      }
      const from = cursor ? open.findIndex((c) => c.reference > cursor) : 0;
      const rest = from < 0 ? [] : open.slice(from);
      const page = rest.slice(0, size);
      return {
        ok: true,
        callbacks: page,
        ...(rest.length > size ? { nextCursor: page.at(-1)?.reference } : {}),
        now: serviceNow,
      };
    },
    async closeCallback(reference) {
      const at = open.findIndex((c) => c.reference === reference);
      if (at < 0) {
        return {
          ok: false,
          error: { code: "CALLBACK_ALREADY_CLOSED", message: "already closed" },
        } as never;
      }
      open.splice(at, 1);
      return { ok: true, reference, closedAt: "2026-11-24T09:00:00.000Z" };
    },
  };
  return {
    source,
    open,
    calls,
    failWith(error: { code: string; message: string }) {
      failNext = error;
    },
  };
}

/** The service's clock, an hour ahead of this computer's in the test below. */
let serviceNow = new Date().toISOString();

const references = () => callbacks.state.value.items.map((c) => c.reference);

beforeEach(() => callbacks.reset());
afterEach(() => callbacks.reset());

describe("the callback list", () => {
  it("shows the first page, then each next page on request until none is left", async () => {
    const service = fakeService(5, 2);

    await callbacks.refresh(service.source);
    expect(references()).toEqual(["SP-000001", "SP-000002"]);
    expect(callbacks.state.value.nextCursor).toBe("SP-000002");

    await callbacks.more(service.source);
    await callbacks.more(service.source);
    expect(references()).toEqual(service.open.map((c) => c.reference));
    expect(callbacks.state.value.nextCursor).toBeUndefined();

    // Nothing more to ask for: no further call.
    await callbacks.more(service.source);
    expect(service.calls).toEqual([undefined, "SP-000002", "SP-000004"]);
  });

  it("asks for one next page at a time however often the button is pressed", async () => {
    const service = fakeService(5, 2);
    await callbacks.refresh(service.source);

    await Promise.all([callbacks.more(service.source), callbacks.more(service.source)]);

    expect(service.calls).toEqual([undefined, "SP-000002"]);
    expect(references()).toHaveLength(4);
  });

  it("keeps the pages the advisor had opened when refreshed, with the latest requests", async () => {
    const service = fakeService(5, 2);
    await callbacks.refresh(service.source);
    await callbacks.more(service.source);
    service.open.splice(0, 1);

    await callbacks.refresh(service.source);

    expect(references()).toEqual(["SP-000002", "SP-000003", "SP-000004", "SP-000005"]);
    expect(callbacks.state.value.nextCursor).toBeUndefined();
  });

  it("keeps in place a request a colleague closed while its row is in use, and drops the others", async () => {
    const service = fakeService(4, 10);
    await callbacks.refresh(service.source);
    // Closed elsewhere: SP-000002 has this advisor's note form open, SP-000003 does not.
    service.open.splice(1, 2);

    await callbacks.refresh(service.source, (reference) => reference === "SP-000002");

    expect(references()).toEqual(["SP-000001", "SP-000002", "SP-000004"]);
    // Once no longer in use, the next refresh lets it go.
    await callbacks.refresh(service.source, () => false);
    expect(references()).toEqual(["SP-000001", "SP-000004"]);
  });

  it("measures from the service's clock, which may differ from this computer's", async () => {
    const service = fakeService(1, 10);
    serviceNow = new Date(Date.now() + 3_600_000).toISOString();

    await callbacks.refresh(service.source);

    expect(callbacks.state.value.skew).toBeGreaterThan(3_590_000);
    expect(callbacks.state.value.skew).toBeLessThanOrEqual(3_600_000);
    serviceNow = new Date().toISOString();
  });

  it("takes a closed request out of the list", async () => {
    const service = fakeService(3, 10);
    await callbacks.refresh(service.source);

    const ack = await callbacks.close(service.source, "SP-000002", "Soitettu, asia hoidettu");

    expect(ack.ok).toBe(true);
    expect(references()).toEqual(["SP-000001", "SP-000003"]);
  });

  it("leaves the list as it was when a close is refused, and hands back the error", async () => {
    const service = fakeService(3, 10);
    await callbacks.refresh(service.source);
    service.open.splice(1, 1); // closed by someone else meanwhile

    const ack = await callbacks.close(service.source, "SP-000002", "note");

    expect(ack).toMatchObject({ ok: false, error: { code: "CALLBACK_ALREADY_CLOSED" } });
    expect(references()).toEqual(["SP-000001", "SP-000002", "SP-000003"]);
  });

  it("keeps what it showed when a load fails, says why, and clears that on the next success", async () => {
    const service = fakeService(3, 2);
    await callbacks.refresh(service.source);
    service.failWith({ code: "SERVICE_UNAVAILABLE", message: "No answer from the service" });

    await callbacks.more(service.source);
    expect(references()).toEqual(["SP-000001", "SP-000002"]);
    expect(callbacks.state.value.error?.code).toBe("SERVICE_UNAVAILABLE");
    expect(callbacks.state.value.loading).toBe("");

    await callbacks.more(service.source);
    expect(references()).toHaveLength(3);
    expect(callbacks.state.value.error).toBeUndefined();
  });

  it("ignores the answer of a refresh that a later one overtook", async () => {
    const service = fakeService(3, 10);
    let releaseSlow: () => void = () => {};
    const slow: CallbackSource = {
      ...service.source,
      listCallbacks: async () => {
        await new Promise<void>((resolve) => {
          releaseSlow = resolve;
        });
        return { ok: true, callbacks: [item(99)], now: serviceNow };
      },
    };
    const first = callbacks.refresh(slow);
    await callbacks.refresh(service.source);
    releaseSlow();
    await first;

    expect(references()).toEqual(["SP-000001", "SP-000002", "SP-000003"]);
  });
});

describe("appendPage", () => {
  it("adds a page after the shown requests, each reference once", () => {
    expect(appendPage([item(1), item(2)], [item(2), item(3)]).map((c) => c.reference)).toEqual([
      "SP-000001",
      "SP-000002",
      "SP-000003",
    ]);
  });
});
