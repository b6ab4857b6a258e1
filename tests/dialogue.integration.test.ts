import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createDynamoClients } from "../functions/adapters/dynamodb/client.ts";
import { createDynamoChatStore } from "../functions/adapters/dynamodb/dynamoChatStore.ts";
import { tableNames } from "../functions/adapters/dynamodb/tables.ts";
import type { ChatMessage } from "../functions/contracts/protocol.ts";
import type { LocalServer } from "../functions/local/localServer.ts";
import {
  type CustomerSocket,
  collect,
  connectCustomer,
  eventually,
  OPEN_HOUR_ISO,
  startTestStack,
} from "./support/localStack.ts";

/** Saturday 28 November 2026, 12:00 in Helsinki: advisors are next in on Monday 30.11. at 9.00. */
const CLOSED_HOUR_ISO = "2026-11-28T12:00:00+02:00";

let stack: LocalServer;
const sockets: CustomerSocket[] = [];

beforeAll(async () => {
  // An open hour: a reply with no answer offers a person only while one can join.
  stack = await startTestStack({ env: { FAKE_TIME: OPEN_HOUR_ISO } });
});
afterEach(() => {
  for (const s of sockets.splice(0)) s.disconnect();
});
afterAll(async () => {
  await stack.close();
});

async function chatIn(lang: "fi" | "sv", target = stack) {
  const socket = await connectCustomer(target.url);
  sockets.push(socket);
  const messages = collect(socket, "chat:message");
  const start = await socket.emitWithAck("chat:start", { lang });
  if (!start.ok) throw new Error("start failed");
  await eventually(() => messages.length >= 2);
  /** Sends a message and returns the bot's replies to it. */
  const ask = async (text: string, replies = 1): Promise<ChatMessage[]> => {
    const before = messages.length;
    const ack = await socket.emitWithAck("chat:message", { text });
    if (!ack.ok) throw new Error(ack.error.message);
    return eventually(() => {
      const fresh = messages.slice(before).filter((m) => m.from === "bot");
      return fresh.length >= replies ? fresh : undefined;
    });
  };
  return { socket, messages, chatId: start.chatId, ask };
}

describe("the bot in a chat", () => {
  it("answers a greeting-prefixed colloquial question with the topic it asks about", async () => {
    const chat = await chatIn("fi");
    const [reply] = await chat.ask("Hei, millon se veronpalautus oikein tulee?");
    expect(reply?.topic).toBe("tax-refund");
  });

  it("greets back briefly mid-chat instead of introducing the bot again", async () => {
    const chat = await chatIn("fi");
    const [first] = await chat.ask("hei");
    expect(first?.text).toMatch(/Olen Verohallinnon chatbot/);
    await chat.ask("milloin veronpalautus tulee");

    const [again] = await chat.ask("moi");

    expect(again?.topic).toBe("greeting");
    expect(again?.text).toBe("Hei! Miten voin auttaa?");
  });

  it("stores the recognised topic and confidence with the bot's answer", async () => {
    const chat = await chatIn("sv");
    const [reply] = await chat.ask("när kommer skatteåterbäringen");
    const { doc } = createDynamoClients({ region: "eu-north-1", endpoint: stack.dynamoEndpoint });
    const stored = await createDynamoChatStore(doc, tableNames("asiointi-local-")).getMessage(
      chat.chatId,
      reply?.id ?? "",
    );
    expect(stored).toMatchObject({ topic: "tax-refund", confidence: expect.any(Number) });
    const chatItem = await createDynamoChatStore(doc, tableNames("asiointi-local-")).getChat(
      chat.chatId,
    );
    expect(chatItem?.topics).toEqual(["tax-refund"]);
  });

  it("says honestly it has no answer, with the site search and the channels (a person in opening hours), and more plainly the second time", async () => {
    const chat = await chatIn("fi");
    const [first] = await chat.ask("asdf qwerty zxcv");
    expect(first?.topic).toBeUndefined();
    expect(first?.text).toMatch(/^Minulla ei ole tähän vastausta\./);
    expect(first?.actions?.map((a) => a.type)).toEqual([
      "link",
      "handoff",
      "callback",
      "appointment",
    ]);
    expect(first?.actions?.[0]).toMatchObject({
      url: "https://www.vero.fi/haku/?q=asdf%20qwerty%20zxcv",
    });
    const [second] = await chat.ask("paras pizzeria Oulussa");
    expect(second?.text).toMatch(/^En löydä tähänkään vastausta\./);
    expect(second?.actions?.map((a) => a.type)).toEqual([
      "link",
      "handoff",
      "callback",
      "appointment",
    ]);
  });

  it("points another agency's matter to that agency: no miss, no advisor offer", async () => {
    const chat = await chatIn("fi");
    await chat.ask("asdf qwerty zxcv");

    const [referral] = await chat.ask("Ajoneuvovero on erääntynyt, mihin sen maksan?");
    expect(referral?.text).toMatch(/^Ajoneuvovero on Traficomin asia/);
    expect(referral?.actions?.map((a) => a.type)).toEqual(["link"]);

    // The referral was not a miss: the next miss is the first in a row again.
    const [next] = await chat.ask("paras pizzeria Oulussa");
    expect(next?.text).toMatch(/^Minulla ei ole tähän vastausta\./);
  });

  it("counts two misses sent at once as two, and answers them in the order sent", async () => {
    const chat = await chatIn("fi");
    const before = chat.messages.length;

    // Both leave before either is answered: the second must not start from the state the
    // first found, or the streak stays at one and no person is offered.
    const acks = await Promise.all([
      chat.socket.emitWithAck("chat:message", { text: "asdf qwerty zxcv", clientId: "miss-0001" }),
      chat.socket.emitWithAck("chat:message", {
        text: "paras pizzeria Oulussa",
        clientId: "miss-0002",
      }),
    ]);

    expect(acks.every((a) => a.ok)).toBe(true);
    const replies = await eventually(() => {
      const bot = chat.messages.slice(before).filter((m) => m.from === "bot");
      return bot.length >= 2 ? bot : undefined;
    });
    expect(replies[0]?.text).toMatch(/^Minulla ei ole tähän vastausta\./);
    expect(replies[1]?.text).toMatch(/^En löydä tähänkään vastausta\./);
  });

  it("answers Swedish written in a Finnish chat in Swedish and offers to switch", async () => {
    const chat = await chatIn("fi");
    const [answer, offer] = await chat.ask("hur får jag ett nytt skattekort", 2);
    expect(answer?.topic).toBe("tax-card");
    expect(answer?.text).toMatch(/skattekort/i);
    expect(offer?.actions?.[0]).toMatchObject({ type: "switch-language", lang: "sv" });

    const states = collect(chat.socket, "chat:state");
    const switched = await chat.socket.emitWithAck("chat:language", { lang: "sv" });
    expect(switched).toEqual({ ok: true, lang: "sv" });
    await eventually(() => states.find((s) => s.lang === "sv"));
    const [next] = await chat.ask("vad är förskottsskatt");
    expect(next?.topic).toBe("prepayment");
  });
});

describe("the bot outside the advisors' hours", () => {
  let closed: LocalServer;
  beforeAll(async () => {
    closed = await startTestStack({ env: { FAKE_TIME: CLOSED_HOUR_ISO } });
  });
  afterAll(async () => {
    await closed?.close();
  });

  it.each([
    {
      lang: "fi",
      misses: ["asdf qwerty zxcv", "paras pizzeria Oulussa"],
      first: /^Minulla ei ole tähän vastausta\./,
      second: /^En löydä tähänkään vastausta\./,
      away: "Asiakasneuvojat eivät ole nyt paikalla. He ovat seuraavan kerran paikalla maanantaina 30.11. klo 9.00.",
      person: /asiakasneuvojaa/,
    },
    {
      lang: "sv",
      misses: ["recept på laxsoppa", "bästa pizzerian i Uleåborg"],
      first: /^Jag har inget svar på det här\./,
      second: /^Jag hittar inget svar på det här heller\./,
      away: "Kundrådgivarna är inte på plats nu. De är tillbaka måndag 30.11 kl. 9.00.",
      person: /kundrådgivare/,
    },
  ] as const)(
    "in $lang a miss offers no person but says when advisors are in, with a callback and a booking",
    async ({ lang, misses, first, second, away, person }) => {
      // Prepare
      const chat = await chatIn(lang, closed);
      // Act
      const [once] = await chat.ask(misses[0]);
      const [twice] = await chat.ask(misses[1]);
      // Assess
      expect(once?.text).toMatch(first);
      expect(twice?.text).toMatch(second);
      for (const reply of [once, twice]) {
        expect(reply?.text).toContain(away);
        expect(reply?.actions?.map((a) => a.type)).toEqual(["link", "callback", "appointment"]);
      }
      expect(twice?.text).not.toMatch(person);
    },
  );

  it("answers 'something else' and a thumbs-down the same way", async () => {
    const chat = await chatIn("fi", closed);
    const [which] = await chat.ask("Maksanko jäännösveroa vai saanko veronpalautusta?");
    expect(which?.quickReplies?.at(-1)?.value).toBe("Jotain muuta");
    const [onward] = await chat.ask("Jotain muuta");
    const [answer] = await chat.ask("Milloin saan veronpalautuksen?");
    expect(answer?.topic).toBe("tax-refund");

    const before = chat.messages.length;
    await chat.socket.emitWithAck("chat:feedback", { messageId: answer?.id ?? "", helpful: false });
    const offer = await eventually(() => chat.messages.slice(before).find((m) => m.from === "bot"));

    for (const reply of [onward, offer]) {
      expect(reply?.text).toMatch(/^Selvä\. Kirjoita kysymyksesi vähän toisin sanoin/);
      expect(reply?.text).toMatch(/seuraavan kerran paikalla maanantaina 30\.11\. klo 9\.00\.$/);
      expect(reply?.actions?.map((a) => a.type)).toEqual(["link", "callback", "appointment"]);
    }
  });
});
