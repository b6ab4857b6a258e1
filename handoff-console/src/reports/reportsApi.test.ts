import { describe, expect, it, vi } from "vitest";
import { summarize } from "../../../functions/domain/reports/summary.ts";
import { fetchReport, isSupervisorToken, reportUrl, tokenRoles } from "./reportsApi.ts";

const summary = summarize({ daily: [], byTopic: [] }, { from: "2026-11-01", to: "2026-11-30" });

function answer(status: number, body: unknown): typeof fetch {
  return vi.fn(async () => new Response(JSON.stringify(body), { status })) as typeof fetch;
}

function token(claims: Record<string, unknown>): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
  return `${part({ alg: "ES256" })}.${part(claims)}.signature`;
}

describe("reports API client", () => {
  it("asks for the period and only the filters that are set, with the bearer token", async () => {
    const fetchImpl = answer(200, summary);
    const result = await fetchReport(
      "tok",
      { from: "2026-11-01", to: "2026-11-30", lang: "sv" },
      fetchImpl,
    );
    expect(result).toEqual({ ok: true, summary });
    expect(fetchImpl).toHaveBeenCalledWith(
      "/api/reports/summary?from=2026-11-01&to=2026-11-30&lang=sv",
      { headers: { accept: "application/json", authorization: "Bearer tok" } },
    );
    expect(reportUrl({ from: "2026-01-01", to: "2026-01-02", topic: "tax-card" })).toBe(
      "/api/reports/summary?from=2026-01-01&to=2026-01-02&topic=tax-card",
    );
  });

  it("asks for the service's own default period when none is given", () => {
    expect(reportUrl({ from: "", to: "", lang: "sv" })).toBe("/api/reports/summary?lang=sv");
  });

  it("passes on the status, code and message of a refusal so the page can show them", async () => {
    for (const [status, code, message] of [
      [401, "UNAUTHORIZED", "Authorization: a Bearer token of a signed-in supervisor is required"],
      [403, "FORBIDDEN", "This needs the supervisor role."],
      [400, "INVALID_REQUEST", "to: must not be before from"],
    ] as const) {
      const result = await fetchReport(
        "tok",
        { from: "2026-11-02", to: "2026-11-01" },
        answer(status, { error: { code, message } }),
      );
      expect(result).toEqual({ ok: false, status, code, message });
    }
  });

  it("reports no answer as status 0 and an unreadable success as a bad gateway", async () => {
    const down = vi.fn(async () => {
      throw new TypeError("Failed to fetch");
    }) as typeof fetch;
    expect(await fetchReport("tok", { from: "2026-11-01", to: "2026-11-01" }, down)).toEqual({
      ok: false,
      status: 0,
    });
    expect(
      await fetchReport("tok", { from: "2026-11-01", to: "2026-11-01" }, answer(200, { no: 1 })),
    ).toEqual({ ok: false, status: 502 });
  });

  it("reads roles from the token's roles claim or Cognito groups, and nothing from garbage", () => {
    expect(tokenRoles(token({ roles: ["advisor", "supervisor"] }))).toEqual([
      "advisor",
      "supervisor",
    ]);
    expect(isSupervisorToken(token({ "cognito:groups": ["supervisor"] }))).toBe(true);
    expect(isSupervisorToken(token({ roles: ["advisor"], name: "Äijä Öljynen" }))).toBe(false);
    expect(tokenRoles("not-a-token")).toEqual([]);
    expect(tokenRoles("a.%%%.c")).toEqual([]);
  });
});
