import { afterEach, describe, expect, it, vi } from "vitest";
import type { AuditEntry } from "../api.ts";
import { announcement } from "./app.ts";
import { itemHistory } from "./auditPages.ts";
import { signedInWithFakeServer } from "./fakeServer.ts";
import { auditTrail, loadAudit } from "./versions.ts";

/** Entries `from` down to `to`, newest first, told apart by `detail`. */
const entries = (from: number, to: number, over: Partial<AuditEntry> = {}): AuditEntry[] =>
  Array.from({ length: from - to + 1 }, (_, i) => ({
    at: "2026-12-01T10:00:00.000Z",
    actor: "u",
    actorName: "Henrik Saarinen",
    action: "draft-save" as const,
    detail: `e${from - i}`,
    ...over,
  }));
const page = (list: AuditEntry[], next?: string) => () => ({
  status: 200,
  body: next ? { entries: list, next } : { entries: list },
});

/** What `announce` says, once its short delay has passed. */
async function announced(): Promise<string> {
  await vi.advanceTimersByTimeAsync(60);
  return announcement.value;
}

describe("the Versions page's audit trail in pages", () => {
  const fake = signedInWithFakeServer(() => auditTrail.reset());
  afterEach(() => {
    vi.useRealTimers();
  });

  it("shows the newest 50, appends the next page on request and keeps it on reload", async () => {
    vi.useFakeTimers();
    const server = fake.current();
    server.on("GET", "/api/content/audit?limit=50", page(entries(60, 11), "c50"));
    server.on("GET", "/api/content/audit?limit=50&before=c50", page(entries(10, 1)));
    server.on("GET", "/api/content/audit?limit=60", page(entries(61, 2), "c2"));

    await loadAudit();
    expect(auditTrail.entries.value).toHaveLength(50);
    expect(auditTrail.next.value).toBe("c50");

    // The index of the first entry it brought: the view moves focus there.
    expect(await auditTrail.loadOlder()).toBe(50);
    expect(auditTrail.entries.value?.map((e) => e.detail)).toEqual(
      entries(60, 1).map((e) => e.detail),
    );
    expect(auditTrail.next.value).toBeUndefined();
    expect(await announced()).toBe("10 vanhempaa tapahtumaa ladattu.");
    // Nothing older is left: no further request.
    expect(await auditTrail.loadOlder()).toBeUndefined();

    // After an action the trail is read again, as much of it as the user had open.
    await loadAudit();
    expect(auditTrail.entries.value).toHaveLength(60);
    expect(auditTrail.next.value).toBe("c2");
    expect(server.calls.map((c) => c.path)).toEqual([
      "/api/content/audit?limit=50",
      "/api/content/audit?limit=50&before=c50",
      "/api/content/audit?limit=60",
    ]);
  });

  it("keeps what it shows when an older page cannot be read, and says why", async () => {
    const server = fake.current();
    server.on("GET", "/api/content/audit?limit=50", page(entries(50, 1), "c1"));
    server.on("GET", "/api/content/audit?limit=50&before=c1", () => ({
      status: 503,
      body: { error: { code: "SERVICE_UNAVAILABLE", message: "down" } },
    }));
    await loadAudit();

    expect(await auditTrail.loadOlder()).toBeUndefined();
    expect(auditTrail.entries.value).toHaveLength(50);
    expect(auditTrail.next.value).toBe("c1");
    expect(auditTrail.error.value).not.toBe("");
    expect(auditTrail.loadingOlder.value).toBe(false);
  });
});

describe("a topic's or referral group's change history", () => {
  const fake = signedInWithFakeServer(() => itemHistory.reset());
  afterEach(() => {
    vi.useRealTimers();
  });

  it("asks for the item's own entries, 20 at a time, and goes on past a page with none", async () => {
    vi.useFakeTimers();
    const server = fake.current();
    const vat = { topic: "vat" };
    server.on("GET", "/api/content/audit?limit=20&topic=vat", page(entries(30, 11, vat), "c11"));
    // The server examined its share of the trail and found none of vat's: still more to read.
    server.on("GET", "/api/content/audit?limit=20&topic=vat&before=c11", page([], "x"));
    server.on("GET", "/api/content/audit?limit=20&topic=vat&before=x", page(entries(10, 9, vat)));

    await itemHistory.load(vat);
    expect(itemHistory.entries.value).toHaveLength(20);

    expect(await itemHistory.loadOlder()).toBeUndefined();
    expect(itemHistory.entries.value).toHaveLength(20);
    expect(itemHistory.next.value).toBe("x");
    expect(await announced()).toBe(
      "Tarkistetuista vanhemmista tapahtumista mikään ei koskenut tätä. Voit hakea vielä vanhempia.",
    );

    expect(await itemHistory.loadOlder()).toBe(20);
    expect(itemHistory.entries.value?.slice(20).map((e) => e.detail)).toEqual(["e10", "e9"]);
    expect(itemHistory.next.value).toBeUndefined();
    expect(await announced()).toBe("2 vanhempaa tapahtumaa ladattu.");
  });

  it("starts over for another item, and a referral group's id goes as referral", async () => {
    const server = fake.current();
    server.on("GET", "/api/content/audit?limit=20&topic=vat", page(entries(25, 6), "c6"));
    server.on("GET", "/api/content/audit?limit=20&topic=vat&before=c6", page(entries(5, 1), "c1"));
    server.on("GET", "/api/content/audit?limit=20&referral=kela", page(entries(2, 1)));
    await itemHistory.load({ topic: "vat" });
    await itemHistory.loadOlder();
    expect(itemHistory.entries.value).toHaveLength(25);

    await itemHistory.load({ referral: "kela" });
    // Not 25 kept from vat's pages: kela's own first page, and nothing older of it.
    expect(itemHistory.entries.value?.map((e) => e.detail)).toEqual(["e2", "e1"]);
    expect(itemHistory.next.value).toBeUndefined();
    expect(itemHistory.of.value).toEqual({ referral: "kela" });
  });

  it("shows nothing of the item before when the first read of the next one fails", async () => {
    const server = fake.current();
    server.on("GET", "/api/content/audit?limit=20&topic=vat", page(entries(3, 1), "c1"));
    server.on("GET", "/api/content/audit?limit=20&topic=yle-tax", () => ({
      status: 503,
      body: { error: { code: "SERVICE_UNAVAILABLE", message: "down" } },
    }));
    await itemHistory.load({ topic: "vat" });
    await itemHistory.load({ topic: "yle-tax" });
    expect(itemHistory.entries.value).toBeUndefined();
    expect(itemHistory.next.value).toBeUndefined();
    expect(itemHistory.error.value).not.toBe("");
  });
});
