import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Ack } from "../functions/contracts/protocol.ts";
import { ChatClient } from "../web-chat/src/chatClient.ts";
import { UI, whyNotSent } from "../web-chat/src/i18n.ts";
import { AnswerVote, asksForVote } from "../web-chat/src/views/answerFeedback.ts";
import { surveyRefusal } from "../web-chat/src/views/survey.ts";
import { eventually } from "./support/localStack.ts";

// The widget's answer votes: what the client sends as chat:feedback to a scripted socket.io
// server on loopback, and how a vote row's pressed state follows the server's acks; and what
// the survey form and a message not sent say when the server refused them.

const stored = new Map<string, string>();
let io: Server;
let origin: string;
const votes: unknown[] = [];

beforeAll(async () => {
  Object.assign(globalThis, {
    sessionStorage: {
      getItem: (key: string) => stored.get(key) ?? null,
      setItem: (key: string, value: string) => stored.set(key, value),
    },
  });
  const http = createServer();
  io = new Server(http);
  io.of("/chat").on("connection", (socket) => {
    socket.on("chat:start", (_request, ack) =>
      ack({
        ok: true,
        chatId: "chat-1",
        resumeToken: "resume-1",
        state: "bot",
        authenticated: false,
      }),
    );
    socket.on("chat:feedback", (payload: { messageId: string }, ack: (a: Ack) => void) => {
      votes.push(payload);
      ack(
        payload.messageId === "01ANSWER"
          ? { ok: true }
          : {
              ok: false,
              error: { code: "VALIDATION_FAILED", message: "messageId is not a bot answer" },
            },
      );
    });
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});

afterAll(() => {
  io.close();
});

const silent = {
  message() {},
  state() {},
  connection() {},
  survey() {},
  pending() {},
  typing() {},
};

describe("the web chat's answer feedback", () => {
  it("sends chat:feedback with the answer's id and the vote, and returns the server's ack", async () => {
    let online = false;
    const client = new ChatClient(origin, "fi", {
      ...silent,
      connection: (c) => {
        online = c === "online";
      },
    });
    client.connect();
    await eventually(() => online, 5_000);

    const ok = await client.feedback("01ANSWER", false);
    const refused = await client.feedback("01CUSTOMER", true);

    expect(votes).toEqual([
      { messageId: "01ANSWER", helpful: false },
      { messageId: "01CUSTOMER", helpful: true },
    ]);
    expect(ok).toEqual({ ok: true });
    expect(refused).toMatchObject({ ok: false, error: { code: "VALIDATION_FAILED" } });
  });

  it("presses a choice only once the server took it, and a second vote replaces the first", async () => {
    const sent: boolean[] = [];
    const shown: boolean[] = [];
    const vote = new AnswerVote(
      async (helpful) => {
        sent.push(helpful);
        return { ok: true };
      },
      (helpful) => shown.push(helpful),
    );
    expect(vote.current).toBeUndefined();

    expect(await vote.choose(true)).toBe(true);
    expect(await vote.choose(false)).toBe(true);

    expect(sent).toEqual([true, false]);
    expect(shown).toEqual([true, false]);
    expect(vote.current).toBe(false);
  });

  it("sends nothing when the pressed choice is chosen again", async () => {
    const sent: boolean[] = [];
    const vote = new AnswerVote(
      async (helpful) => {
        sent.push(helpful);
        return { ok: true };
      },
      () => undefined,
    );
    await vote.choose(true);

    expect(await vote.choose(true)).toBe(false);
    expect(sent).toEqual([true]);
  });

  it("keeps the previous vote pressed when the server refuses or does not answer", async () => {
    const answers: Ack[] = [
      { ok: true },
      { ok: false, error: { code: "SERVICE_UNAVAILABLE", message: "No answer from the service" } },
    ];
    const shown: boolean[] = [];
    const vote = new AnswerVote(
      async () => answers.shift() ?? { ok: true },
      (helpful) => shown.push(helpful),
    );

    await vote.choose(true);
    expect(await vote.choose(false)).toBe(false);

    expect(vote.current).toBe(true);
    expect(shown).toEqual([true]);
  });

  it("shows the last vote sent when two are in flight and their acks come back in reverse", async () => {
    const release: ((ack: Ack) => void)[] = [];
    const shown: boolean[] = [];
    const vote = new AnswerVote(
      () => new Promise<Ack>((resolve) => release.push(resolve)),
      (helpful) => shown.push(helpful),
    );

    const first = vote.choose(true);
    const second = vote.choose(false);
    release[1]?.({ ok: true });
    release[0]?.({ ok: true });

    expect(await second).toBe(true);
    expect(await first).toBe(false);
    expect(vote.current).toBe(false);
    expect(shown).toEqual([false]);
  });
});

describe("which messages ask for a vote", () => {
  it("asks on a topic's answer and another agency's pointer, not on a greeting, the offer of a person or a customer's message", () => {
    expect(asksForVote({ from: "bot", topic: "tax-card" })).toBe(true);
    expect(asksForVote({ from: "bot", referral: "kela" })).toBe(true);
    expect(asksForVote({ from: "bot", topic: "greeting" })).toBe(false);
    expect(asksForVote({ from: "bot", topic: "human-advisor" })).toBe(false);
    expect(asksForVote({ from: "bot", topic: "callback" })).toBe(false);
    expect(asksForVote({ from: "bot" })).toBe(false);
    expect(asksForVote({ from: "customer", topic: "tax-card" })).toBe(false);
  });
});

describe("what the survey form says when its answers are refused", () => {
  it("for too many surveys at once, says plainly in Finnish and Swedish to send again in a while or skip, not to retry at once", () => {
    const fi = surveyRefusal("RATE_LIMITED", UI.fi);
    const sv = surveyRefusal("RATE_LIMITED", UI.sv);

    expect(fi).toBe(
      "Palautteita tulee juuri nyt poikkeuksellisen paljon, joten palautettasi ei voitu ottaa vastaan. Lähetä se uudelleen hetken kuluttua tai ohita kysely.",
    );
    expect(sv).toBe(
      "Just nu kommer det in ovanligt många svar, så ditt svar kunde inte tas emot. Skicka det igen om en stund eller hoppa över enkäten.",
    );
    // Any other failure (the connection down, storage down) keeps the general words.
    expect(surveyRefusal("SERVICE_UNAVAILABLE", UI.fi)).toBe(UI.fi.surveyFailed);
  });

  it("for a survey whose time is over, says it can no longer be answered instead of 'try again'", () => {
    for (const code of ["SURVEY_TOKEN_EXPIRED", "INVALID_SURVEY_TOKEN"]) {
      expect(surveyRefusal(code, UI.fi)).toMatch(/ei voi enää vastata/);
      expect(surveyRefusal(code, UI.sv)).toMatch(/inte längre att svara/);
      expect(surveyRefusal(code, UI.fi)).not.toMatch(/Yritä uudelleen/);
    }
  });
});

describe("why a message shows as not sent", () => {
  it("for too many messages at once, speaks of the customer's message, not of a request, in Finnish and Swedish", () => {
    const fi = whyNotSent("RATE_LIMITED", UI.fi);
    const sv = whyNotSent("RATE_LIMITED", UI.sv);

    expect(fi).toBe(
      "Viestejä tulee juuri nyt poikkeuksellisen paljon, joten viestiäsi ei voitu ottaa vastaan. Lähetä se uudelleen hetken kuluttua.",
    );
    expect(sv).toBe(
      "Just nu kommer det in ovanligt många meddelanden, så ditt meddelande kunde inte tas emot. Skicka det igen om en stund.",
    );
    expect(`${fi} ${sv}`).not.toMatch(/pyyn|begäran/);
    // The other refusals keep their own words.
    expect(whyNotSent("CHAT_ENDED", UI.sv)).toBe(UI.sv.messageNotSentEnded);
    expect(whyNotSent("SERVICE_UNAVAILABLE", UI.fi)).toBe(UI.fi.messageNotSent);
  });
});
