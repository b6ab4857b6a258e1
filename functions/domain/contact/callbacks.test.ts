import { describe, expect, it } from "vitest";
import { manualClock } from "../clock.ts";
import { loadOpeningHours } from "../openingHours/load.ts";
import {
  closeCallback,
  createCallback,
  earliestCallTime,
  listOpenCallbacks,
  listOpenCallbacksPage,
} from "./callbacks.ts";
import {
  AlreadyOpenError,
  CallbackAlreadyClosedError,
  CallbackNotFoundError,
  InvalidPhoneNumberError,
} from "./errors.ts";
import { createMemoryCallbackStore, createMemoryGuardStore } from "./memoryContactStores.ts";
import type { ReferenceSource } from "./references.ts";

const openingHours = loadOpeningHours();
const at = (iso: string) => new Date(iso);
// Monday 23.11.2026; Helsinki is UTC+2 in November.
const MONDAY_10 = at("2026-11-23T08:00:00Z");
const FRIDAY_17 = at("2026-11-27T15:00:00Z");

function setup(now: Date, newReference?: ReferenceSource) {
  const callbacks = createMemoryCallbackStore();
  const clock = manualClock(now);
  const guards = createMemoryGuardStore();
  return {
    callbacks,
    guards,
    clock,
    deps: { callbacks, guards, clock, openingHours, newReference },
  };
}

describe("earliestCallTime", () => {
  it("is now while open and inside the window", () => {
    expect(earliestCallTime(openingHours, "fi", MONDAY_10, "any")).toEqual(MONDAY_10);
    expect(earliestCallTime(openingHours, "fi", MONDAY_10, "morning")).toEqual(MONDAY_10);
  });

  it("waits for noon when the customer prefers the afternoon", () => {
    expect(earliestCallTime(openingHours, "fi", MONDAY_10, "afternoon")).toEqual(
      at("2026-11-23T10:00:00Z"),
    );
  });

  it("moves a Friday-evening request to Monday 9:00, or the next morning slot", () => {
    expect(earliestCallTime(openingHours, "fi", FRIDAY_17, "any")).toEqual(
      at("2026-11-30T07:00:00Z"),
    );
    expect(earliestCallTime(openingHours, "sv", FRIDAY_17, "afternoon")).toEqual(
      at("2026-11-30T10:00:00Z"),
    );
  });

  it("skips Christmas Eve and the Christmas public holidays", () => {
    // Wed 23.12.2026 17:00 -> Christmas Eve, Christmas Day and Boxing Day closed -> Mon 28.12.
    expect(earliestCallTime(openingHours, "fi", at("2026-12-23T15:00:00Z"), "any")).toEqual(
      at("2026-12-28T07:00:00Z"),
    );
  });
});

describe("createCallback", () => {
  it("stores an open callback with the E.164 number and confirms in Finnish", async () => {
    const { callbacks, deps } = setup(MONDAY_10);
    const out = await createCallback(deps, {
      lang: "fi",
      phone: "040 123 4567",
      topic: "tax-card",
    });
    expect(out.reference).toMatch(/^SP-[0-9A-HJKMNP-TV-Z]{6}$/);
    expect(out.message).toContain(out.reference);
    expect(out.message).toContain("päättyy 4567");
    expect(out.message).toContain("mahdollisimman pian");
    expect(out.message).not.toContain("040");
    const stored = callbacks.items.get(out.reference);
    expect(stored).toMatchObject({
      lang: "fi",
      phone: "+358401234567",
      preferredWindow: "any",
      topic: "tax-card",
      status: "open",
      createdAt: MONDAY_10.toISOString(),
    });
    // Kept 90 days after the contact time.
    expect(stored?.expiresAt).toBe(MONDAY_10.getTime() / 1000 + 90 * 86_400);
  });

  it("tells a Friday-evening customer in Swedish when to expect the call", async () => {
    const { deps } = setup(FRIDAY_17);
    const out = await createCallback(deps, { lang: "sv", phone: "+46 70 123 45 67" });
    expect(out.message).toContain("tidigast måndag 30.11 kl. 9.00");
    expect(out.message).toContain(`Referens: ${out.reference}`);
    expect(out.callFrom).toBe("2026-11-30T07:00:00.000Z");
  });

  it("names the afternoon when that is the preference", async () => {
    const { deps } = setup(MONDAY_10);
    const out = await createCallback(deps, {
      lang: "fi",
      phone: "0401234567",
      preferredWindow: "afternoon",
    });
    expect(out.message).toContain("aikaisintaan tänään klo 12.00");
  });

  it("refuses an invalid phone number, naming the field, and writes nothing", async () => {
    const { callbacks, deps } = setup(MONDAY_10);
    const attempt = createCallback(deps, { lang: "fi", phone: "040 123" });
    await expect(attempt).rejects.toBeInstanceOf(InvalidPhoneNumberError);
    await expect(attempt).rejects.toThrow(/^phone: enter a Finnish or international/);
    expect(callbacks.items.size).toBe(0);
  });

  it("draws a new reference when one is taken", async () => {
    const refs = ["SP-AAAAAA", "SP-AAAAAA", "SP-BBBBBB"];
    const { callbacks, deps } = setup(MONDAY_10, () => refs.shift() ?? "SP-CCCCCC");
    await createCallback(deps, { lang: "fi", phone: "0401234567" });
    const second = await createCallback(deps, { lang: "fi", phone: "0501234567" });
    expect(second.reference).toBe("SP-BBBBBB");
    expect(callbacks.items.size).toBe(2);
  });

  it("moves the guard with the reference when the first one is taken", async () => {
    const refs = ["SP-AAAAAA", "SP-AAAAAA", "SP-BBBBBB"];
    const { guards, deps } = setup(MONDAY_10, () => refs.shift() ?? "SP-CCCCCC");
    await createCallback(deps, { lang: "fi", phone: "0401234567" });
    await createCallback(deps, { lang: "fi", phone: "0501234567" });
    expect([...guards.items.values()].map((g) => g.reference).sort()).toEqual([
      "SP-AAAAAA",
      "SP-BBBBBB",
    ]);
  });
});

describe("one open callback request per phone number and person", () => {
  it("refuses a second request for the number, naming the open one, in the customer's language", async () => {
    const { callbacks, deps } = setup(MONDAY_10);
    const first = await createCallback(deps, { lang: "fi", phone: "040 123 4567" });
    const fi = createCallback(deps, { lang: "fi", phone: "+358401234567" });
    await expect(fi).rejects.toBeInstanceOf(AlreadyOpenError);
    await expect(fi).rejects.toThrow(
      `Olemme jo vastaanottaneet soittopyyntösi (viite ${first.reference}).`,
    );
    await expect(createCallback(deps, { lang: "sv", phone: "0401234567" })).rejects.toThrow(
      `Vi har redan tagit emot din begäran om att bli uppringd (referens ${first.reference}).`,
    );
    expect(callbacks.items.size).toBe(1);
  });

  it("refuses the signed-in person with another number, and takes both again once closed", async () => {
    const { deps } = setup(MONDAY_10);
    const first = await createCallback(
      deps,
      { lang: "fi", phone: "0401234567" },
      { subject: "person-1" },
    );
    await expect(
      createCallback(deps, { lang: "fi", phone: "0501234567" }, { subject: "person-1" }),
    ).rejects.toMatchObject({ code: "ALREADY_OPEN", reference: first.reference });
    await closeCallback(deps, { reference: first.reference, advisorId: "a1" });
    await expect(
      createCallback(deps, { lang: "fi", phone: "0401234567" }, { subject: "person-1" }),
    ).resolves.toMatchObject({ reference: expect.stringMatching(/^SP-/) });
  });

  it("keeps neither the number nor the person in a guard key", async () => {
    const { guards, deps } = setup(MONDAY_10);
    await createCallback(deps, { lang: "fi", phone: "0401234567" }, { subject: "131052-308T" });
    const keys = [...guards.items.keys()].join(" ");
    expect(keys).toMatch(/^callback#phone#[0-9a-f]{40} callback#person#[0-9a-f]{40}$/);
    expect(keys).not.toMatch(/401234567|131052/);
  });
});

describe("listOpenCallbacks and closeCallback", () => {
  it("lists open callbacks oldest first and closes each once", async () => {
    const { clock, deps } = setup(MONDAY_10);
    const first = await createCallback(deps, { lang: "fi", phone: "0401234567" });
    clock.advance(60_000);
    const second = await createCallback(deps, { lang: "sv", phone: "0501234567" });
    const open = await listOpenCallbacks(deps);
    expect(open.map((c) => c.reference)).toEqual([first.reference, second.reference]);
    expect(open[0]).toMatchObject({ phone: "+358401234567", phoneDisplay: "+358 40 1234567" });

    await closeCallback(deps, {
      reference: first.reference.toLowerCase(),
      advisorId: "a1",
      note: " soitettu ",
    });
    expect((await listOpenCallbacks(deps)).map((c) => c.reference)).toEqual([second.reference]);
    const closed = await deps.callbacks.getCallback(first.reference);
    expect(closed).toMatchObject({ status: "closed", closedBy: "a1", note: "soitettu" });

    await expect(
      closeCallback(deps, { reference: first.reference, advisorId: "a2" }),
    ).rejects.toBeInstanceOf(CallbackAlreadyClosedError);
    await expect(
      closeCallback(deps, { reference: "SP-ZZZZZZ", advisorId: "a2" }),
    ).rejects.toBeInstanceOf(CallbackNotFoundError);
  });
});

describe("listOpenCallbacksPage", () => {
  it("pages through every open request in order, ties broken by reference", async () => {
    const { deps } = setup(MONDAY_10);
    const made: string[] = [];
    for (let i = 0; i < 7; i++) {
      made.push((await createCallback(deps, { lang: "fi", phone: `040 100 000${i}` })).reference);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listOpenCallbacksPage(deps, { limit: 3, ...(cursor ? { cursor } : {}) });
      seen.push(...page.callbacks.map((c) => c.reference));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3); // 3 + 3 + 1, and no empty page after the last
    // All made in the same instant: the order falls back on the reference.
    expect(seen).toEqual([...made].sort());
  });

  it("says when it was read by the service's clock, for the console to measure waits from", async () => {
    const { deps } = setup(MONDAY_10);
    await createCallback(deps, { lang: "fi", phone: "040 100 0000" });

    const page = await listOpenCallbacksPage(deps);

    expect(page.now).toBe(MONDAY_10.toISOString());
  });

  it("refuses a cursor it did not hand out", async () => {
    const { deps } = setup(MONDAY_10);
    await expect(listOpenCallbacksPage(deps, { cursor: "bm9wZQ" })).rejects.toThrow(/^cursor: /);
  });
});

describe("callbacks only in the advisor's languages", () => {
  it("lists a Swedish-only advisor the Swedish requests alone, across pages, and both to both", async () => {
    const { clock, deps } = setup(MONDAY_10);
    const made: { reference: string; lang: "fi" | "sv" }[] = [];
    for (let i = 0; i < 7; i++) {
      const lang = i % 3 === 0 ? "sv" : "fi";
      made.push({
        lang,
        reference: (await createCallback(deps, { lang, phone: `040 100 000${i}` })).reference,
      });
      clock.advance(60_000);
    }
    const swedish: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listOpenCallbacksPage(deps, {
        limit: 2,
        langs: ["sv"],
        ...(cursor ? { cursor } : {}),
      });
      expect(page.callbacks.every((c) => c.lang === "sv")).toBe(true);
      swedish.push(...page.callbacks.map((c) => c.reference));
      cursor = page.nextCursor;
    } while (cursor);
    expect(swedish).toEqual(made.filter((m) => m.lang === "sv").map((m) => m.reference));
    const both = await listOpenCallbacksPage(deps, { langs: ["fi", "sv"] });
    expect(both.callbacks.map((c) => c.reference)).toEqual(made.map((m) => m.reference));
  });

  it("refuses a Swedish-only advisor closing a Finnish request, and leaves it open", async () => {
    const { deps } = setup(MONDAY_10);
    const { reference } = await createCallback(deps, { lang: "fi", phone: "040 100 0001" });
    await expect(
      closeCallback(deps, { reference, advisorId: "sv1", langs: ["sv"] }),
    ).rejects.toMatchObject({ code: "LANGUAGE_NOT_SERVED" });
    expect((await deps.callbacks.getCallback(reference))?.status).toBe("open");
    await expect(
      closeCallback(deps, { reference, advisorId: "fi1", langs: ["fi"] }),
    ).resolves.toMatchObject({ reference });
  });
});
