import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ContentVersion } from "../api.ts";
import { session } from "./app.ts";
import { fakeServer } from "./fakeServer.ts";
import * as versions from "./versions.ts";

const version = (n: number): ContentVersion => ({
  version: n,
  state: n === 45 ? "live" : "superseded",
  author: "owner",
  createdAt: "2026-12-01T10:00:00.000Z",
  comment: `v${n}`,
});
/** Versions from `newest` down to `oldest`. */
const range = (newest: number, oldest: number) =>
  Array.from({ length: newest - oldest + 1 }, (_, i) => version(newest - i));

describe("the version history in pages", () => {
  let server: ReturnType<typeof fakeServer>;

  beforeEach(() => {
    server = fakeServer();
    vi.stubGlobal("fetch", server.fetchImpl);
    vi.stubGlobal("location", { hash: "" });
    session.value = { token: "tok" };
  });
  afterEach(() => {
    session.value = undefined;
    versions.list.value = undefined;
    vi.unstubAllGlobals();
  });

  const historyCalls = () =>
    server.calls.map((c) => c.path).filter((p) => p.startsWith("/api/content/versions"));

  it("shows the newest page, appends older ones on request, and keeps them on reload", async () => {
    server.on("GET", "/api/content/versions?limit=20", () => ({
      status: 200,
      body: { live: 45, versions: range(45, 26), more: true },
    }));
    await versions.load();
    expect(versions.list.value?.versions.map((v) => v.version)).toEqual(
      range(45, 26).map((v) => v.version),
    );
    expect(versions.list.value?.more).toBe(true);

    server.on("GET", "/api/content/versions?limit=20&before=26", () => ({
      status: 200,
      body: { live: 45, versions: range(25, 21), more: false },
    }));
    await versions.loadOlder();
    expect(versions.list.value?.versions.map((v) => v.version)).toEqual(
      range(45, 21).map((v) => v.version),
    );
    expect(versions.list.value?.more).toBe(false);

    // After an approval the list is read again, as long as the user had it.
    server.on("GET", "/api/content/versions?limit=25", () => ({
      status: 200,
      body: { live: 46, versions: [version(46), ...range(45, 22)], more: true },
    }));
    await versions.load();
    expect(versions.list.value?.versions).toHaveLength(25);
    expect(versions.list.value?.live).toBe(46);
    expect(historyCalls()).toEqual([
      "/api/content/versions?limit=20",
      "/api/content/versions?limit=20&before=26",
      "/api/content/versions?limit=25",
    ]);
  });

  it("keeps the list as it was when an older page cannot be read", async () => {
    server.on("GET", "/api/content/versions?limit=20", () => ({
      status: 200,
      body: { live: 45, versions: range(45, 26), more: true },
    }));
    await versions.load();
    server.on("GET", "/api/content/versions?limit=20&before=26", () => ({
      status: 503,
      body: { error: { code: "SERVICE_UNAVAILABLE", message: "down" } },
    }));
    await versions.loadOlder();
    expect(versions.list.value?.versions).toHaveLength(20);
    expect(versions.listError.value).not.toBe("");
    expect(versions.loadingOlder.value).toBe(false);
  });
});
