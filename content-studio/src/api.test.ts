import { afterEach, describe, expect, it, vi } from "vitest";
import {
  ContentApiError,
  ContentInvalidError,
  createContentApi,
  type DraftTopic,
  ForbiddenError,
  LONG_REQUEST_TIMEOUT_MS,
  NotFoundError,
  REQUEST_TIMEOUT_MS,
  RequestTimeoutError,
  SelfApprovalError,
  ServiceUnavailableError,
  toApiError,
  UnauthorizedError,
  VersionStaleError,
} from "./api.ts";

function answer(status: number, body: unknown): typeof fetch {
  return vi.fn(
    async () =>
      new Response(typeof body === "string" ? body : JSON.stringify(body), {
        status,
        headers: { "content-type": "application/json" },
      }),
  ) as typeof fetch;
}

const topic: DraftTopic = {
  id: "capital-gains",
  fi: { title: "Myyntivoitto", utterances: ["a"], answer: "b" },
  sv: { title: "Försäljningsvinst", utterances: ["c"], answer: "d" },
  tests: { fi: [], sv: [] },
};

/** A fetch that never answers, as a server that took the request and went quiet; aborts are kept. */
function silent() {
  const aborted: string[] = [];
  const fetchImpl = vi.fn(
    (path: string, init?: RequestInit) =>
      new Promise<Response>(() => {
        init?.signal?.addEventListener("abort", () => aborted.push(path));
      }),
  ) as unknown as typeof fetch;
  return { fetchImpl, aborted };
}

describe("content API client when the server does not answer in time", () => {
  afterEach(() => vi.useRealTimers());

  it("gives up on a save after REQUEST_TIMEOUT_MS, aborting it, with a RequestTimeoutError", async () => {
    vi.useFakeTimers();
    const { fetchImpl, aborted } = silent();
    const api = createContentApi({ token: "tok", fetch: fetchImpl });

    const saving = api.saveTopic(topic).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(REQUEST_TIMEOUT_MS - 1);
    expect(aborted).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);

    const error = await saving;
    expect(error).toBeInstanceOf(RequestTimeoutError);
    // Still "no answer" to every view that already tells that apart.
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(aborted).toEqual(["/api/content/draft/topics/capital-gains"]);
  });

  it("waits longer for test-all and publishing, which train and test the bot", async () => {
    vi.useFakeTimers();
    const { fetchImpl } = silent();
    const api = createContentApi({ token: "tok", fetch: fetchImpl });
    const outcomes: unknown[] = [];
    for (const run of [() => api.testAll(), () => api.publish("c"), () => api.approve(4)])
      void run().catch((e: unknown) => outcomes.push(e));

    await vi.advanceTimersByTimeAsync(REQUEST_TIMEOUT_MS * 2);
    expect(outcomes).toEqual([]);
    await vi.advanceTimersByTimeAsync(LONG_REQUEST_TIMEOUT_MS);

    expect(outcomes).toHaveLength(3);
    for (const e of outcomes) expect(e).toBeInstanceOf(RequestTimeoutError);
  });

  it("tells a refused connection (no answer at all) from a timeout", async () => {
    const fetchImpl = vi.fn(async () => {
      throw new TypeError("fetch failed");
    }) as unknown as typeof fetch;
    const api = createContentApi({ token: "tok", fetch: fetchImpl });

    const error = await api.draft().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error).not.toBeInstanceOf(RequestTimeoutError);
  });
});

describe("content API client", () => {
  it("sends the bearer token, JSON bodies and ids escaped in the path", async () => {
    const fetchImpl = answer(200, { ok: true, warnings: [] });
    const api = createContentApi({ token: "tok", fetch: fetchImpl });

    await api.saveTopic({ ...topic, id: "a/b" });

    expect(fetchImpl).toHaveBeenCalledWith("/api/content/draft/topics/a%2Fb", {
      method: "PUT",
      headers: {
        accept: "application/json",
        authorization: "Bearer tok",
        "content-type": "application/json",
      },
      body: JSON.stringify({ ...topic, id: "a/b" }),
      signal: expect.any(AbortSignal),
    });
  });

  it("asks for the check's findings in the studio's language as it is at each call", async () => {
    const fetchImpl = answer(200, { problems: [] });
    let lang: "fi" | "sv" = "fi";
    const api = createContentApi({ token: "tok", fetch: fetchImpl, lang: () => lang });

    await api.validateTopic(topic);
    lang = "sv";
    await api.validateTopic(topic);

    const sent = vi
      .mocked(fetchImpl)
      .mock.calls.map(
        ([, init]) => (init?.headers as Record<string, string> | undefined)?.["accept-language"],
      );
    expect(sent).toEqual(["fi", "sv"]);
  });

  it("asks GET requests without a body and the search with the query escaped", async () => {
    const fetchImpl = answer(200, { topics: [] });
    const api = createContentApi({ token: "tok", fetch: fetchImpl });

    await api.search("myyntivoitto & osakkeet");

    expect(fetchImpl).toHaveBeenCalledWith("/api/content/search?q=myyntivoitto%20%26%20osakkeet", {
      method: "GET",
      headers: { accept: "application/json", authorization: "Bearer tok" },
      signal: expect.any(AbortSignal),
    });
  });

  it("turns a 400 CONTENT_INVALID into ContentInvalidError with its problems as errors", async () => {
    const api = createContentApi({
      token: "tok",
      fetch: answer(400, {
        error: {
          code: "CONTENT_INVALID",
          message: "The topic has 2 problems",
          problems: [
            { path: "fi.utterances[3]", message: "duplicate of tax-card", fix: "remove it" },
            { path: "sv.answer", message: "too long" },
            { nonsense: true },
          ],
        },
      }),
    });

    const error = await api.saveTopic(topic).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ContentInvalidError);
    expect(error).toMatchObject({
      status: 400,
      code: "CONTENT_INVALID",
      message: "The topic has 2 problems",
      problems: [
        {
          path: "fi.utterances[3]",
          message: "duplicate of tax-card",
          fix: "remove it",
          severity: "error",
        },
        { path: "sv.answer", message: "too long", severity: "error" },
      ],
    });
  });

  it("names each refusal by status and code", () => {
    const cases: [number, unknown, new (...args: never[]) => ContentApiError][] = [
      [401, { error: { code: "UNAUTHORIZED", message: "no token" } }, UnauthorizedError],
      [403, { error: { code: "FORBIDDEN", message: "role" } }, ForbiddenError],
      [403, { error: { code: "SELF_APPROVAL", message: "own" } }, SelfApprovalError],
      [404, { error: { code: "NOT_FOUND", message: "no such" } }, NotFoundError],
      [409, { error: { code: "VERSION_STALE", message: "live moved" } }, VersionStaleError],
      [503, undefined, ServiceUnavailableError],
    ];
    for (const [status, body, kind] of cases) {
      const error = toApiError(status, body);
      expect(error, `status ${status}`).toBeInstanceOf(kind);
      expect(error.status).toBe(status);
    }
    const other = toApiError(409, { error: { code: "CONFLICT", message: "stale draft" } });
    expect(other).toBeInstanceOf(ContentApiError);
    expect(other).not.toBeInstanceOf(ContentInvalidError);
    expect(other).not.toBeInstanceOf(VersionStaleError);
    expect(other).toMatchObject({ code: "CONFLICT", message: "stale draft" });
    expect(toApiError(418, "not json")).toMatchObject({ code: "HTTP_418", message: "" });
  });

  it("reports no answer and an unreadable success as the service being unavailable", async () => {
    const down = vi.fn(async () => {
      throw new TypeError("Failed to fetch");
    }) as typeof fetch;
    await expect(
      createContentApi({ token: "t", fetch: down }).versions({ limit: 20 }),
    ).rejects.toMatchObject({
      name: "ServiceUnavailableError",
      status: 0,
    });
    await expect(
      createContentApi({ token: "t", fetch: answer(200, "<html>") }).versions({ limit: 20 }),
    ).rejects.toBeInstanceOf(ServiceUnavailableError);
  });

  it("marks validate's problems errors unless they say otherwise, and save's warnings warnings", async () => {
    const validating = createContentApi({
      token: "t",
      fetch: answer(200, {
        problems: [
          { severity: "warning", path: "fi.tests", message: "fewer than 8" },
          { path: "id", message: "unknown" },
        ],
      }),
    });
    expect(await validating.validateTopic(topic)).toEqual([
      { severity: "warning", path: "fi.tests", message: "fewer than 8" },
      { severity: "error", path: "id", message: "unknown" },
    ]);
    const saving = createContentApi({
      token: "t",
      fetch: answer(200, { ok: true, warnings: [{ path: "sv.tests", message: "few" }] }),
    });
    expect(await saving.saveTopic(topic)).toEqual({
      ok: true,
      warnings: [{ severity: "warning", path: "sv.tests", message: "few" }],
    });
  });

  it("posts approve, reject and rollback to the version's path, and pages the history", async () => {
    const fetchImpl = answer(200, { version: 7, state: "live" });
    const api = createContentApi({ token: "t", fetch: fetchImpl });
    await api.approve(7);
    await api.reject(7, "links go nowhere");
    await api.rollback(3);
    await api.rollback(3, "Väärä verokanta.");
    await api.versions({ limit: 20 });
    await api.versions({ limit: 20, before: 41 });
    const calls = vi.mocked(fetchImpl).mock.calls.map(([url, init]) => [url, init?.body]);
    expect(calls).toEqual([
      ["/api/content/versions/7/approve", "{}"],
      ["/api/content/versions/7/reject", JSON.stringify({ comment: "links go nowhere" })],
      ["/api/content/versions/3/rollback", "{}"],
      ["/api/content/versions/3/rollback", JSON.stringify({ comment: "Väärä verokanta." })],
      ["/api/content/versions?limit=20", undefined],
      ["/api/content/versions?limit=20&before=41", undefined],
    ]);
  });

  it("asks the inbox for a period and language, and downloads its CSV as a file", async () => {
    const fetchImpl = vi.fn(
      async (path: string) =>
        new Response(path.includes(".csv") ? "\ufeffid;teksti\r\n" : '{"groups":[]}', {
          status: 200,
        }),
    ) as unknown as typeof fetch;
    const api = createContentApi({ token: "tok", fetch: fetchImpl });

    await api.misses({ from: "2026-11-01", to: "2026-11-30", lang: "sv", status: "all" });
    const csv = await api.missesCsv({ from: "2026-11-01", to: "2026-11-30" });

    expect(vi.mocked(fetchImpl).mock.calls.map(([url]) => url)).toEqual([
      "/api/content/misses?from=2026-11-01&to=2026-11-30&lang=sv&status=all",
      "/api/content/misses.csv?from=2026-11-01&to=2026-11-30",
    ]);
    expect(vi.mocked(fetchImpl).mock.calls[1]?.[1]).toMatchObject({
      headers: { accept: "text/csv", authorization: "Bearer tok" },
    });
    expect(await csv.text()).toContain("id;teksti");
  });

  it("names a refused CSV download like any other refusal", async () => {
    const api = createContentApi({
      token: "t",
      fetch: answer(403, { error: { code: "FORBIDDEN", message: "content owners only" } }),
    });
    await expect(api.missesCsv({ from: "2026-11-01", to: "2026-11-30" })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });
});
