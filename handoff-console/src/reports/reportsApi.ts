/**
 * Fetches the supervisor report from `GET /api/reports/summary`. Never throws: the page gets
 * either the summary or the HTTP status with the server's own message to show.
 */
import type { Lang } from "../../../functions/contracts/lang.ts";
import type { ReportSummary } from "../../../functions/domain/reports/summary.ts";

export interface ReportQuery {
  from: string;
  to: string;
  lang?: Lang;
  topic?: string;
}

export type ReportResult =
  | { ok: true; summary: ReportSummary }
  /** status 0: no answer at all (network down, server restarting). */
  | { ok: false; status: number; code?: string; message?: string };

/**
 * The query string in a stable order, leaving out filters that are not set; without `from`
 * and `to` the service reports its last 30 days.
 */
export function reportUrl(query: ReportQuery): string {
  const params = new URLSearchParams();
  if (query.from) params.set("from", query.from);
  if (query.to) params.set("to", query.to);
  if (query.lang) params.set("lang", query.lang);
  if (query.topic) params.set("topic", query.topic);
  return `/api/reports/summary?${params.toString()}`;
}

export async function fetchReport(
  token: string,
  query: ReportQuery,
  fetchImpl: typeof fetch = fetch,
): Promise<ReportResult> {
  let response: Response;
  try {
    response = await fetchImpl(reportUrl(query), {
      headers: { accept: "application/json", authorization: `Bearer ${token}` },
    });
  } catch {
    return { ok: false, status: 0 };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (response.ok && isSummary(body)) return { ok: true, summary: body };
  const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  return {
    ok: false,
    status: response.ok ? 502 : response.status,
    ...(typeof error?.code === "string" ? { code: error.code } : {}),
    ...(typeof error?.message === "string" ? { message: error.message } : {}),
  };
}

function isSummary(body: unknown): body is ReportSummary {
  const b = body as Partial<ReportSummary> | undefined;
  return (
    typeof b === "object" &&
    b !== null &&
    typeof b.from === "string" &&
    typeof b.to === "string" &&
    typeof b.totals === "object" &&
    Array.isArray(b.byDay) &&
    Array.isArray(b.byTopic) &&
    Array.isArray(b.byLang) &&
    typeof b.scoreDistribution === "object"
  );
}

/**
 * Roles claimed by a console token (`roles`, or Cognito's `cognito:groups`), read without
 * verifying it: only to decide what to offer in the UI. The server checks every request.
 */
export function tokenRoles(token: string): string[] {
  const claims = tokenClaims(token);
  const raw = claims?.roles ?? claims?.["cognito:groups"];
  const list = typeof raw === "string" ? raw.split(/[\s,]+/) : Array.isArray(raw) ? raw : [];
  return list.filter((r): r is string => typeof r === "string" && r.length > 0);
}

/** Whom a token names (`sub`), read without verifying it, as `tokenRoles`. */
export function tokenSubject(token: string): string | undefined {
  const sub = tokenClaims(token)?.sub;
  return typeof sub === "string" ? sub : undefined;
}

/** A JWT's payload, unverified; undefined when it is no JWT. */
function tokenClaims(token: string): Record<string, unknown> | undefined {
  const payload = token.split(".")[1];
  if (!payload) return undefined;
  try {
    const base64 = payload.replace(/-/g, "+").replace(/_/g, "/");
    const json = new TextDecoder().decode(
      Uint8Array.from(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, "=")), (c) =>
        c.charCodeAt(0),
      ),
    );
    const claims: unknown = JSON.parse(json);
    return typeof claims === "object" && claims !== null
      ? (claims as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** True when the token says its holder may read reports. */
export function isSupervisorToken(token: string): boolean {
  return tokenRoles(token).includes("supervisor");
}
