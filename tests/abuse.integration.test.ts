/**
 * The attacks of issue 21, through real sockets and HTTP against the local stack with the
 * production limits (nothing here loosens them): one client opening many connections to
 * fill the queue, booking every slot, sending 500 callbacks, and 200 throwaway chats rated 1.
 * Each time a real customer from another address is still served. Distinct client addresses
 * come from X-Forwarded-For, believed because the loopback "load balancer" is a trusted proxy.
 */
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand, ScanCommand } from "@aws-sdk/lib-dynamodb";
import { io } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tableName } from "../functions/adapters/dynamodb/tables.ts";
import type { LocalServer } from "../functions/local/localServer.ts";
import { createLogger } from "../functions/observability/logger.ts";
import { type AdvisorConsole, availableAdvisor } from "./support/advisorConsole.ts";
import {
  type CustomerSocket,
  collect,
  eventually,
  OPEN_HOUR_ISO,
  startTestStack,
} from "./support/localStack.ts";

const ATTACKER = "203.0.113.66";
const REFUSED_FI = /Pahoittelemme, emme voi ottaa pyyntöäsi vastaan juuri nyt/;

let stack: LocalServer;
let doc: DynamoDBDocumentClient;
const logLines: { message: string; action?: string; scope?: string }[] = [];
const sockets: CustomerSocket[] = [];
let advisor: AdvisorConsole;

beforeAll(async () => {
  stack = await startTestStack({
    env: {
      FAKE_TIME: OPEN_HOUR_ISO,
      TRUSTED_PROXIES: "127.0.0.1,::1",
      QUEUE_CUSTOMER_GRACE_SECONDS: "1",
      CHAT_IDLE_WARNING_SECONDS: "0",
      // Unset: the production defaults of functions/config.ts, not the tests' roomy ones.
      LIMIT_CHAT_STARTS: undefined,
      LIMIT_HANDOFFS: undefined,
      LIMIT_BOOKINGS: undefined,
      LIMIT_CALLBACKS: undefined,
      LIMIT_SURVEYS: undefined,
    },
    logger: createLogger("warn", (line) => logLines.push(JSON.parse(line))),
  });
  doc = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: stack.dynamoEndpoint,
      region: "eu-north-1",
      credentials: { accessKeyId: "local", secretAccessKey: "local" },
    }),
  );
  advisor = await availableAdvisor(stack.url, "advisor-fi", ["fi"]);
}, 120_000);

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  advisor?.socket.disconnect();
  doc?.destroy();
  await stack?.close();
});

/** A customer connection that the service sees as coming from `address`. */
async function customerFrom(address: string): Promise<CustomerSocket> {
  const socket: CustomerSocket = io(`${stack.url}/chat`, {
    transports: ["websocket"],
    forceNew: true,
    extraHeaders: { "x-forwarded-for": address },
  });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  return socket;
}

function post(path: string, body: unknown, address: string) {
  return fetch(`${stack.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": address },
    body: JSON.stringify(body),
  });
}

function refusals(action: string) {
  return logLines.filter((l) => l.message === "rate limited" && l.action === action).length;
}

describe("the production limits refuse one client's flood and keep serving others", () => {
  it("many connections from one client cannot fill the queue; a real customer still gets in", async () => {
    const starts = [];
    for (let i = 0; i < 40; i++) {
      const socket = await customerFrom(ATTACKER);
      starts.push({ socket, ack: await socket.emitWithAck("chat:start", { lang: "fi" }) });
    }
    const started = starts.filter((s) => s.ack.ok);
    expect(started).toHaveLength(20);
    const refused = starts.find((s) => !s.ack.ok)?.ack;
    expect(refused).toMatchObject({ ok: false, error: { code: "RATE_LIMITED" } });
    expect(refused && !refused.ok && refused.error.message).toMatch(REFUSED_FI);

    const handoffs = await Promise.all(
      started.map(({ socket }) => socket.emitWithAck("chat:handoff", {})),
    );
    const queued = handoffs.filter((h) => h.ok && h.outcome === "queued");
    expect(queued).toHaveLength(6);
    expect(handoffs.filter((h) => !h.ok && h.error.code === "RATE_LIMITED")).toHaveLength(14);
    // Asking in words counts the same as the button.
    const spare = started[19]?.socket;
    const words = await spare?.emitWithAck("chat:message", { text: "Haluan puhua ihmiselle" });
    expect(words?.ok).toBe(true);

    const real = await customerFrom("198.51.100.7");
    expect(await real.emitWithAck("chat:start", { lang: "fi" })).toMatchObject({ ok: true });
    expect(await real.emitWithAck("chat:handoff", {})).toMatchObject({
      ok: true,
      outcome: "queued",
      queuePosition: 7,
    });
    expect(refusals("chatStart")).toBe(20);
    expect(refusals("handoff")).toBeGreaterThanOrEqual(14);
  });

  it("questions the bot cannot answer do not use up the requests for a person", async () => {
    // More misses than the address may ask for a person in an hour (6): each miss offers the
    // person button, but only using it (or asking in words) is a request.
    const customer = await customerFrom("198.51.100.20");
    const start = await customer.emitWithAck("chat:start", { lang: "fi" });
    if (!start.ok) throw new Error("start failed");
    const messages = collect(customer, "chat:message");
    const uncovered = [
      "lohikeiton resepti",
      "mihin aikaan alko aukeaa",
      "sähkösopimusten vertailu",
      "mistä saa halvimman bensan",
      "kalastuslupa",
      "koska on seuraavat vaalit",
      "paras säästötilin korko",
      "lapsen päivähoitopaikka",
    ];
    for (const text of uncovered) {
      const before = messages.length;
      await customer.emitWithAck("chat:message", { text });
      await eventually(() => messages.slice(before).find((m) => m.from === "bot"));
    }
    const offers = messages.filter((m) => m.actions?.some((a) => a.type === "handoff"));
    expect(offers.length).toBeGreaterThanOrEqual(uncovered.length);
    expect(messages.some((m) => REFUSED_FI.test(m.text))).toBe(false);

    expect(await customer.emitWithAck("chat:handoff", {})).toMatchObject({
      ok: true,
      outcome: "queued",
    });
  });

  it("a queued chat whose customer has gone longer than the grace period leaves the queue", async () => {
    const leaving = await customerFrom("198.51.100.8");
    const start = await leaving.emitWithAck("chat:start", { lang: "fi" });
    if (!start.ok) throw new Error("start failed");
    expect(await leaving.emitWithAck("chat:handoff", {})).toMatchObject({ outcome: "queued" });
    const inQueue = () => advisor.lastQueue().some((w) => w.chatId === start.chatId);
    await eventually(() => inQueue());
    leaving.disconnect();
    await eventually(() => !inQueue(), 8_000);
    const { Item } = await doc.send(
      new GetCommand({
        TableName: tableName("asiointi-local-", "chats"),
        Key: { chatId: start.chatId },
      }),
    );
    expect(Item?.state).toBe("bot");

    // Back within the grace period: the place is kept.
    const staying = await customerFrom("198.51.100.9");
    const kept = await staying.emitWithAck("chat:start", { lang: "fi" });
    if (!kept.ok) throw new Error("start failed");
    await staying.emitWithAck("chat:handoff", {});
    staying.disconnect();
    const back = await customerFrom("198.51.100.9");
    await back.emitWithAck("chat:start", { lang: "fi", resumeToken: kept.resumeToken });
    await new Promise((r) => setTimeout(r, 2_000));
    expect(advisor.lastQueue().some((w) => w.chatId === kept.chatId)).toBe(true);
  });

  it("one client cannot book every slot of three days; a real customer still books", async () => {
    const res = await fetch(
      `${stack.url}/api/appointments/slots?lang=fi&from=2026-11-24&to=2026-11-26`,
    );
    const { slots } = (await res.json()) as { slots: { slotId: string }[] };
    expect(slots.length).toBeGreaterThan(10);
    const answers = [];
    for (const [i, slot] of slots.entries()) {
      const r = await post(
        "/api/appointments",
        { slotId: slot.slotId, lang: "fi", phone: `040 123 ${String(1000 + i)}` },
        ATTACKER,
      );
      answers.push({
        status: r.status,
        body: (await r.json()) as { error?: { code: string; message: string } },
      });
    }
    expect(answers.filter((a) => a.status === 201)).toHaveLength(3);
    const refused = answers.filter((a) => a.status === 429);
    expect(refused).toHaveLength(slots.length - 3);
    expect(refused[0]?.body.error).toMatchObject({ code: "RATE_LIMITED" });
    expect(refused[0]?.body.error?.message).toMatch(REFUSED_FI);

    const real = await post(
      "/api/appointments",
      { slotId: slots.at(-1)?.slotId, lang: "fi", phone: "050 765 4321" },
      "198.51.100.7",
    );
    expect(real.status).toBe(201);
  });

  it("500 callback requests from one client leave 3; a real customer's request goes through", async () => {
    const statuses = [];
    for (let i = 0; i < 500; i++) {
      const r = await post(
        "/api/callbacks",
        { lang: "sv", phone: `+358 40 55${String(10_000 + i)}` },
        ATTACKER,
      );
      statuses.push(r.status);
      if (i === 499) {
        expect(await r.json()).toMatchObject({
          error: {
            code: "RATE_LIMITED",
            message: expect.stringMatching(/Försök igen om en stund/),
          },
        });
      }
    }
    expect(statuses.filter((s) => s === 201)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(497);
    const real = await post(
      "/api/callbacks",
      { lang: "fi", phone: "050 765 4321" },
      "198.51.100.7",
    );
    expect(real.status).toBe(201);
    expect(refusals("callback")).toBe(497);
  });

  it("200 throwaway chats rated 1 change no satisfaction figure; a real customer's rating counts", async () => {
    const address = "203.0.113.77";
    let rated = 0;
    let refused = 0;
    for (let i = 0; i < 200; i++) {
      const socket = await customerFrom(address);
      const start = await socket.emitWithAck("chat:start", { lang: "fi" });
      if (!start.ok) {
        refused++;
        socket.disconnect();
        continue;
      }
      const end = await socket.emitWithAck("chat:end", {});
      if (!end.ok) throw new Error("end failed");
      const survey = await socket.emitWithAck("survey:submit", {
        surveyToken: end.surveyToken,
        gotHelp: false,
        score: 1,
      });
      if (survey.ok) rated++;
      socket.disconnect();
    }
    expect(refused).toBe(180);
    // Ten surveys per address: the rest are refused. The ten are thanked like anyone's, but
    // not stored: nobody wrote in these chats.
    expect(rated).toBe(10);
    expect(refusals("survey")).toBe(10);
    const surveys = () =>
      doc.send(new ScanCommand({ TableName: tableName("asiointi-local-", "surveys") }));
    expect((await surveys()).Items ?? []).toHaveLength(0);

    const real = await customerFrom("198.51.100.10");
    expect(await real.emitWithAck("chat:start", { lang: "fi" })).toMatchObject({ ok: true });
    await real.emitWithAck("chat:message", { text: "Milloin veronpalautukset maksetaan?" });
    const end = await real.emitWithAck("chat:end", {});
    if (!end.ok) throw new Error("end failed");
    expect(
      await real.emitWithAck("survey:submit", {
        surveyToken: end.surveyToken,
        gotHelp: true,
        score: 5,
      }),
    ).toEqual({ ok: true });
    expect(((await surveys()).Items ?? []).map((s) => s.score)).toEqual([5]);
  });
});
