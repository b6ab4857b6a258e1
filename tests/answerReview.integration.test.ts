/**
 * The answer review through the real local stack: surely answered questions drawn for review
 * (every one, at rate 1) stay out of the misses, are listed apart with the topic they were
 * answered with, and a reviewer's confirmations and corrections make the review's figure.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportDay } from "../functions/domain/reports/reportEvents.ts";
import type { LocalServer } from "../functions/local/localServer.ts";
import { contentApiAt } from "./support/contentApi.ts";
import { devToken } from "./support/devToken.ts";
import { firstBotReply, startTestStack } from "./support/localStack.ts";

let stack: LocalServer;
let owner: string;
let PERIOD: string;

beforeAll(async () => {
  stack = await startTestStack({ env: { INBOX_SAMPLE_RATE: "1" } });
  const today = reportDay(stack.clock.now());
  PERIOD = `from=${today}&to=${today}`;
  owner = await devToken(stack.url, "content-owner");
}, 60_000);
afterAll(async () => {
  await stack?.close();
});

const api = contentApiAt(() => stack.url);

interface Sample {
  id: string;
  text: string;
  lang: "fi" | "sv";
  reasons: string[];
  topic?: string;
  status: string;
}
interface Listing {
  groups: { ids: string[]; samples: Sample[] }[];
  review?: Record<"fi" | "sv", { reviewed: number; confirmed: number }>;
}

/** Asks `text` as the only question of a new chat, waits for the answer, ends the chat. */
async function askOnce(text: string, lang: "fi" | "sv"): Promise<void> {
  await firstBotReply(stack.url, text, lang, { end: true });
}

async function listing(query: string): Promise<Listing> {
  const res = await api("GET", `misses?${PERIOD}${query}`, owner);
  expect(res.status).toBe(200);
  return res.body as unknown as Listing;
}

const samplesOf = (l: Listing) => l.groups.flatMap((g) => g.samples);

const SURE_FI = "Miten saan verokortin?";
const SURE_SV = "Hur får jag mitt skattekort?";
const MISSED = "asdf qwerty zxcv";

describe("the answer review's sampled questions", () => {
  it("keeps surely answered questions apart from the misses, with the topic each was answered with", async () => {
    // Prepare
    await askOnce(SURE_FI, "fi");
    await askOnce(SURE_SV, "sv");
    await askOnce(MISSED, "fi");
    // Act: the sampled ones (the local inbox writes what it holds before a read)
    const sampled = await listing("&kind=sampled");
    const misses = await listing("");
    // Assess
    expect(
      samplesOf(sampled)
        .map((s) => [s.text, s.lang, s.reasons, s.topic, s.status])
        .sort(),
    ).toEqual([
      [SURE_SV, "sv", ["sampled"], "tax-card", "open"],
      [SURE_FI, "fi", ["sampled"], "tax-card", "open"],
    ]);
    expect(sampled.review).toEqual({
      fi: { reviewed: 0, confirmed: 0 },
      sv: { reviewed: 0, confirmed: 0 },
    });
    expect(samplesOf(misses).map((s) => s.text)).toEqual([MISSED]);
    expect(misses.review).toBeUndefined();
    expect(await listing("&kind=misses")).toEqual(misses);
  });

  it("confirms one answer and takes a correction of another into the review's figure", async () => {
    // Prepare
    const open = samplesOf(await listing("&kind=sampled"));
    const [fi, sv] = (["fi", "sv"] as const).map((lang) => open.find((s) => s.lang === lang));
    // Act
    const confirmed = await api("POST", "misses/actions", owner, {
      action: "confirm",
      ids: [fi?.id],
    });
    const kept = await api("POST", "misses/actions", owner, {
      action: "uncovered",
      ids: [sv?.id],
      matter: "review-test",
    });
    // Assess
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ ok: true, applied: 1 });
    expect(kept.status).toBe(200);
    const after = await listing("&kind=sampled&status=all");
    expect(
      samplesOf(after)
        .map((s) => [s.lang, s.status])
        .sort(),
    ).toEqual([
      ["fi", "confirmed"],
      ["sv", "uncovered"],
    ]);
    expect(after.review).toEqual({
      fi: { reviewed: 1, confirmed: 1 },
      sv: { reviewed: 1, confirmed: 0 },
    });
    // Reviewed, neither is open any more.
    expect((await listing("&kind=sampled")).groups).toEqual([]);
    const audit = await api("GET", "audit?limit=5", owner);
    expect((audit.body.entries as { action: string }[]).map((e) => e.action)).toContain(
      "inbox-confirm",
    );
  });

  it("exports the sampled questions alone, and refuses a kind it does not know", async () => {
    const csv = await api("GET", `misses.csv?${PERIOD}&status=all&kind=sampled`, owner);
    expect(csv.status).toBe(200);
    expect(csv.text).toContain(SURE_FI);
    expect(csv.text).toContain(SURE_SV);
    expect(csv.text).not.toContain(MISSED);
    const bad = await api("GET", `misses?${PERIOD}&kind=right`, owner);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({
      code: "VALIDATION_FAILED",
      message: expect.stringContaining("kind"),
    });
  });
});
