import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportDay } from "../functions/domain/reports/reportEvents.ts";
import type { LocalServer } from "../functions/local/localServer.ts";
import { devToken } from "./support/devToken.ts";
import { collect, connectCustomer, eventually, startTestStack } from "./support/localStack.ts";

let stack: LocalServer;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack.close();
});

const token = (persona: string) => devToken(stack.url, persona);

function summary(query = "", bearer?: string) {
  return fetch(`${stack.url}/api/reports/summary${query}`, {
    headers: bearer ? { authorization: `Bearer ${bearer}` } : {},
  });
}

/** One bot-only chat: a question, the end, and optionally a survey. */
async function chatAbout(
  lang: "fi" | "sv",
  question: string,
  survey?: { score: number },
  askForPerson = false,
) {
  const socket = await connectCustomer(stack.url);
  const messages = collect(socket, "chat:message");
  await socket.emitWithAck("chat:start", { lang });
  await socket.emitWithAck("chat:message", { text: question });
  await eventually(() => messages.some((m) => m.from === "bot" && m.topic));
  // No advisor is online, so whatever the hour this ends as unavailable or closed.
  if (askForPerson) expect((await socket.emitWithAck("chat:handoff", {})).ok).toBe(true);
  const ended = await socket.emitWithAck("chat:end", {});
  if (!ended.ok) throw new Error("end failed");
  if (survey) {
    const ack = await socket.emitWithAck("survey:submit", {
      surveyToken: ended.surveyToken,
      gotHelp: survey.score >= 4,
      score: survey.score,
      comment: "Kiitos, soita 040 123 4567",
    });
    expect(ack.ok).toBe(true);
  }
  socket.disconnect();
}

describe("GET /api/reports/summary", () => {
  it("refuses without a token (401), with a customer token (401) and for an advisor (403)", async () => {
    const none = await summary();
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ error: { code: "UNAUTHORIZED" } });
    expect((await summary("", await token("customer-refund"))).status).toBe(401);
    const advisor = await summary("", await token("advisor-fi"));
    expect(advisor.status).toBe(403);
    expect(await advisor.json()).toMatchObject({ error: { code: "FORBIDDEN" } });
  });

  it("names the bad query parameter and what it expects", async () => {
    const supervisor = await token("supervisor");
    const badDate = await summary("?from=2026-13-01", supervisor);
    expect(badDate.status).toBe(400);
    expect(((await badDate.json()) as { error: { message: string } }).error.message).toMatch(
      /from/,
    );
    const backwards = await summary("?from=2026-11-20&to=2026-11-01", supervisor);
    expect(backwards.status).toBe(400);
    expect(((await backwards.json()) as { error: { message: string } }).error.message).toMatch(
      /to: must not be before from/,
    );
    expect((await summary("?lang=en", supervisor)).status).toBe(400);
  });

  it("reports chats, containment, answers, surveys and callbacks that really happened", async () => {
    await chatAbout("fi", "Miten saan uuden verokortin?", { score: 5 });
    await chatAbout("fi", "Milloin veronpalautukset maksetaan?", { score: 2 });
    await chatAbout("sv", "Hur får jag ett nytt skattekort?", undefined, true);
    const callback = await fetch(`${stack.url}/api/callbacks`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ lang: "fi", phone: "040 123 4567" }),
    });
    expect(callback.status).toBe(201);

    const res = await summary("", await token("supervisor"));
    expect(res.status).toBe(200);
    const report = (await res.json()) as {
      totals: Record<string, number | null>;
      scoreDistribution: Record<string, number>;
      byLang: { lang: string; chats: number }[];
      byTopic: { topic: string; chats: number }[];
      byDay: { day: string }[];
    };
    expect(report.totals).toMatchObject({
      chats: 3,
      botOnlyChats: 3,
      containmentRate: 1,
      surveys: 2,
      averageScore: 3.5,
      gotHelpShare: 0.5,
      callbacks: 1,
    });
    expect(report.totals.botAnswers).toBeGreaterThanOrEqual(3);
    expect(report.totals.handoffs).toBe(1);
    expect(Number(report.totals.handoffsUnavailable) + Number(report.totals.handoffsClosed)).toBe(
      1,
    );
    expect(report.scoreDistribution).toEqual({ "1": 0, "2": 1, "3": 0, "4": 0, "5": 1 });
    expect(report.byLang).toEqual([
      expect.objectContaining({ lang: "fi", chats: 2 }),
      expect.objectContaining({ lang: "sv", chats: 1 }),
    ]);
    expect(report.byTopic.find((t) => t.topic === "tax-card")?.chats).toBe(2);
    expect(report.byDay).toHaveLength(1);

    // The whole calendar month reads the monthly topic roll-ups; a topic filter its daily rows.
    const today = reportDay(new Date());
    const [y, m] = today.split("-").map(Number) as [number, number];
    const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    const month = (await (
      await summary(`?from=${today.slice(0, 8)}01&to=${last}`, await token("supervisor"))
    ).json()) as typeof report;
    expect(month.totals).toEqual(report.totals);
    expect(month.byTopic).toEqual(report.byTopic);
    const taxCard = (await (
      await summary("?topic=tax-card", await token("supervisor"))
    ).json()) as typeof report;
    expect(taxCard.totals).toMatchObject({ chats: 2, surveys: 1 });
    expect(taxCard.byTopic.map((t) => t.topic)).toEqual(["tax-card"]);

    const swedish = (await (await summary("?lang=sv", await token("supervisor"))).json()) as {
      totals: { chats: number; surveys: number };
    };
    expect(swedish.totals).toMatchObject({ chats: 1, surveys: 0 });
  });
});
