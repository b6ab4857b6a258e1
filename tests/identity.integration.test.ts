import { readFileSync } from "node:fs";
import { join } from "node:path";
import { exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatMessage } from "../functions/contracts/protocol.ts";
import { LOCAL_CUSTOMER_AUDIENCE, localIssuer } from "../functions/local/identityProvider.ts";
import type { LocalServer } from "../functions/local/localServer.ts";
import { type CustomerPersona, findPersona } from "../functions/local/personas.ts";
import { createLogger } from "../functions/observability/logger.ts";
import { devToken } from "./support/devToken.ts";
import {
  type CustomerSocket,
  collect,
  connectCustomer,
  eventually,
  startTestStack,
  tempDir,
} from "./support/localStack.ts";
import { expectNothingSaidTwice } from "./support/saidTwice.ts";

// Aino's refund (1 234,56 €) must appear only in her own authenticated chat.
const AINO_REFUND = /1\s234,56/;
const REFUND_QUESTION = "Paljonko saan veronpalautusta ja milloin?";

const logLines: string[] = [];
const issuedTokens: string[] = [];
let stack: LocalServer;
let dir: ReturnType<typeof tempDir>;
let serverKey: JWK;

beforeAll(async () => {
  dir = tempDir();
  stack = await startTestStack({
    dataDir: dir.path,
    env: { LOG_LEVEL: "debug" },
    logger: createLogger("debug", (line) => logLines.push(line)),
  });
  await token("customer-refund");
  // The identity provider's own key, so tests can sign tokens that differ in one claim only.
  serverKey = JSON.parse(readFileSync(join(dir.path, "idp-key.json"), "utf8")) as JWK;
});

afterAll(async () => {
  await stack.close();
  dir.remove();
});

async function token(persona: string): Promise<string> {
  const idToken = await devToken(stack.url, persona);
  issuedTokens.push(idToken);
  return idToken;
}

const now = () => Math.floor(Date.now() / 1000);

/** A token like the local IdP's for Aino, with the given changes. */
async function variant(change: {
  key?: JWK;
  iss?: string;
  aud?: string;
  exp?: number;
  acr?: string;
}): Promise<string> {
  const aino = findPersona("customer-refund") as CustomerPersona;
  const key = change.key ?? serverKey;
  const signed = await new SignJWT({
    name: aino.name,
    acr: change.acr ?? aino.acr,
    hetu: aino.hetu,
  })
    .setProtectedHeader({ alg: "ES256", kid: key.kid })
    .setIssuer(change.iss ?? localIssuer(stack.url))
    .setAudience(change.aud ?? LOCAL_CUSTOMER_AUDIENCE)
    .setSubject(aino.subject)
    .setIssuedAt(now() - 7200)
    .setExpirationTime(change.exp ?? now() + 600)
    .sign(await importJWK(key, "ES256"));
  issuedTokens.push(signed);
  return signed;
}

async function forgedKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair("ES256", { extractable: true });
  // Same kid as the real key: only the signature can tell them apart.
  return { ...(await exportJWK(privateKey)), kid: serverKey.kid };
}

function unsecured(): string {
  const aino = findPersona("customer-refund") as CustomerPersona;
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const forged = `${part({ alg: "none", typ: "JWT" })}.${part({
    iss: localIssuer(stack.url),
    aud: LOCAL_CUSTOMER_AUDIENCE,
    sub: aino.subject,
    acr: aino.acr,
    iat: now(),
    exp: now() + 600,
  })}.`;
  issuedTokens.push(forged);
  return forged;
}

async function startChat(lang: "fi" | "sv" = "fi", idToken?: string) {
  const socket = await connectCustomer(stack.url);
  const messages = collect(socket, "chat:message");
  const ack = await socket.emitWithAck("chat:start", { lang, ...(idToken ? { idToken } : {}) });
  return { socket, messages, ack };
}

/** Sends a question and returns the bot's answer to it. */
async function ask(socket: CustomerSocket, messages: ChatMessage[], text: string) {
  const before = messages.length;
  const ack = await socket.emitWithAck("chat:message", { text });
  expect(ack.ok).toBe(true);
  return eventually(() =>
    messages.slice(before).find((m) => m.from === "bot" && m.topic === "tax-refund"),
  );
}

describe("authenticated chat", () => {
  it("answers generally with a login action, then personally after chat:authenticate in the same chat", async () => {
    const { socket, messages, ack } = await startChat("fi");
    expect(ack).toMatchObject({ ok: true, authenticated: false });
    const general = await ask(socket, messages, REFUND_QUESTION);
    expect(general.text).not.toMatch(AINO_REFUND);
    expect(general.actions?.map((a) => a.type)).toContain("login");

    const auth = await socket.emitWithAck("chat:authenticate", {
      idToken: await token("customer-refund"),
    });
    expect(auth).toEqual({
      ok: true,
      authenticated: true,
      name: "Aino Virtanen",
      personalData: true,
      // The token's exp: the widget shows the sign-in until then.
      signInExpiresAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    const personal = await ask(socket, messages, REFUND_QUESTION);
    expect(personal.text).toMatch(AINO_REFUND);
    // The persona's refund is dated from the service clock: still to come, so "maksetaan".
    expect(personal.text).toMatch(/Palautus maksetaan tilillesi \d{1,2}\.\d{1,2}\.\d{4}\./);
    // Same chat: the earlier general answer is still in it.
    expect(messages.map((m) => m.chatId).every((id) => id === (ack.ok && ack.chatId))).toBe(true);
    socket.disconnect();
  });

  it("answers the question that prompted the sign-in, once, without the customer asking again", async () => {
    const { socket, messages } = await startChat("fi");
    const general = await ask(socket, messages, REFUND_QUESTION);
    expect(general.actions?.map((a) => a.type)).toContain("login");
    const before = messages.length;

    await socket.emitWithAck("chat:authenticate", { idToken: await token("customer-refund") });

    const personal = await eventually(() =>
      messages.slice(before).find((m) => m.from === "bot" && m.topic === "tax-refund"),
    );
    expect(personal.text).toMatch(AINO_REFUND);
    await socket.emitWithAck("chat:authenticate", { idToken: await token("customer-refund") });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(messages.filter((m) => m.from === "bot" && m.topic === "tax-refund")).toHaveLength(2);
    socket.disconnect();
  });

  it("starts authenticated with idToken on chat:start and answers in Swedish with Swedish formats", async () => {
    const { socket, messages, ack } = await startChat("sv", await token("customer-sv"));
    expect(ack).toMatchObject({ ok: true, authenticated: true });
    const before = messages.length;
    await socket.emitWithAck("chat:message", { text: "Hur mycket skatteåterbäring får jag?" });
    const answer = await eventually(() =>
      messages.slice(before).find((m) => m.from === "bot" && m.topic === "tax-refund"),
    );
    expect(answer.text).toMatch(/\d+,\d{2}\s?€|euro/);
    expect(answer.actions?.map((a) => a.type) ?? []).not.toContain("login");
    socket.disconnect();
  });

  it("answers the prompting question when the sign-in comes with chat:start on the way back, and not again on the next reload", async () => {
    const { socket, messages, ack } = await startChat("fi");
    if (!ack.ok) throw new Error("start failed");
    const general = await ask(socket, messages, REFUND_QUESTION);
    expect(general.actions?.map((a) => a.type)).toContain("login");
    socket.disconnect();

    // The page reloads after the identity provider's redirect and resumes with the token.
    const resume = async () => {
      const back = await connectCustomer(stack.url);
      const seen = collect(back, "chat:message");
      const resumed = await back.emitWithAck("chat:start", {
        lang: "fi",
        resumeToken: ack.resumeToken,
        idToken: await token("customer-refund"),
      });
      expect(resumed).toMatchObject({ ok: true, authenticated: true });
      return { back, seen };
    };
    const first = await resume();
    const personal = await eventually(() =>
      first.seen.find(
        (m) => m.from === "bot" && m.topic === "tax-refund" && AINO_REFUND.test(m.text),
      ),
    );
    expect(personal.actions?.map((a) => a.type) ?? []).not.toContain("login");
    first.back.disconnect();

    const second = await resume();
    await eventually(() => second.seen.some((m) => m.id === personal.id));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const refundAnswers = new Set(
      second.seen.filter((m) => m.from === "bot" && m.topic === "tax-refund").map((m) => m.id),
    );
    // The general answer and the one personal answer: nothing answered twice.
    expect(refundAnswers.size).toBe(2);
    expectNothingSaidTwice(second.seen);
    second.back.disconnect();
  });

  it("tells a customer with nothing due that no own data was found, without anyone else's", async () => {
    const { socket, messages } = await startChat("fi", await token("customer-none"));
    const answer = await ask(socket, messages, REFUND_QUESTION);
    expect(answer.text).not.toMatch(AINO_REFUND);
    socket.disconnect();
  });
});

describe("a sign-in too weak for personal data", () => {
  const STRONG_METHODS = {
    fi: /pankkitunnuksilla, mobiilivarmenteella tai varmennekortilla/,
    sv: /bankkoder, mobilcertifikat eller certifikatkort/,
  };

  it("is told once in the chat with the methods that are strong enough; later answers explain instead of looping 'sign in'", async () => {
    const { socket, messages } = await startChat("fi");
    const general = await ask(socket, messages, REFUND_QUESTION);
    expect(general.actions?.map((a) => a.type)).toContain("login");

    const refused = await socket.emitWithAck("chat:authenticate", {
      idToken: await token("customer-low"),
    });
    expect(refused).toMatchObject({ ok: false, error: { code: "ASSURANCE_TOO_LOW" } });
    const notice = await eventually(() =>
      messages.find((m) => m.from === "system" && STRONG_METHODS.fi.test(m.text)),
    );
    expect(notice.text).toMatch(/ei riitä omien verotietojesi näyttämiseen/);
    // Trying the same weak method again right away adds no second notice.
    await socket.emitWithAck("chat:authenticate", { idToken: await token("customer-low") });

    const next = await ask(socket, messages, REFUND_QUESTION);
    // Pekka's own refund is not shown; the answer says which sign-in would show it.
    expect(next.text).toMatch(STRONG_METHODS.fi);
    expect(next.text).not.toMatch(/Kirjautumalla näet omat tietosi/);
    expect(next.actions?.map((a) => a.type)).toContain("login");
    expect(
      messages.filter((m) => m.from === "system" && STRONG_METHODS.fi.test(m.text)),
    ).toHaveLength(1);

    // A strong sign-in afterwards answers personally, with no sign-in offered any more.
    await socket.emitWithAck("chat:authenticate", { idToken: await token("customer-refund") });
    const personal = await eventually(() =>
      messages.findLast(
        (m) => m.from === "bot" && m.topic === "tax-refund" && AINO_REFUND.test(m.text),
      ),
    );
    expect(personal.actions?.map((a) => a.type) ?? []).not.toContain("login");
    expectNothingSaidTwice(messages);
    socket.disconnect();
  });

  it("is explained in Swedish in a Swedish chat, and stays in the transcript on resume", async () => {
    const { socket, ack } = await startChat("sv");
    if (!ack.ok) throw new Error("start failed");
    await socket.emitWithAck("chat:authenticate", { idToken: await token("customer-low") });
    socket.disconnect();

    const back = await connectCustomer(stack.url);
    const replayed = collect(back, "chat:message");
    await back.emitWithAck("chat:start", { lang: "sv", resumeToken: ack.resumeToken });
    const notice = await eventually(() =>
      replayed.find((m) => m.from === "system" && STRONG_METHODS.sv.test(m.text)),
    );
    expect(notice.text).toMatch(/räcker inte för att visa dina egna skatteuppgifter/);
    back.disconnect();
  });
});

describe("refused sign-ins: a clear code, the chat goes on anonymously, no personal data", () => {
  const cases: [string, () => Promise<string> | string, string][] = [
    ["a forged signature", async () => variant({ key: await forgedKey() }), "TOKEN_INVALID"],
    ['alg "none"', () => unsecured(), "TOKEN_INVALID"],
    ["an expired token", () => variant({ exp: now() - 3600 }), "TOKEN_EXPIRED"],
    ["a wrong audience", () => variant({ aud: "someone-else" }), "TOKEN_INVALID"],
    ["a wrong issuer", () => variant({ iss: "https://evil.example/dev" }), "TOKEN_INVALID"],
    ["a too-low assurance level", () => token("customer-low"), "ASSURANCE_TOO_LOW"],
    ["garbage", () => "not-a-token-at-all.x.y", "TOKEN_INVALID"],
  ];

  for (const [name, make, code] of cases) {
    it(`chat:authenticate with ${name} → ${code}`, async () => {
      const { socket, messages, ack } = await startChat("fi");
      expect(ack.ok).toBe(true);
      const refused = await socket.emitWithAck("chat:authenticate", { idToken: await make() });
      expect(refused).toMatchObject({ ok: false, error: { code } });
      if (!refused.ok) expect(refused.error.message.length).toBeGreaterThan(10);
      const answer = await ask(socket, messages, REFUND_QUESTION);
      expect(answer.text).not.toMatch(AINO_REFUND);
      expect(answer.actions?.map((a) => a.type)).toContain("login");
      socket.disconnect();
    });

    it(`chat:start with ${name} → ${code}, and no chat is started`, async () => {
      const { socket, messages, ack } = await startChat("fi", await make());
      expect(ack).toMatchObject({ ok: false, error: { code } });
      await new Promise((r) => setTimeout(r, 100));
      expect(messages).toEqual([]);
      socket.disconnect();
    });
  }
});

describe("one chat, one person", () => {
  it("refuses person A's token on person B's chat, on resume and on authenticate, replaying nothing", async () => {
    const b = await startChat("fi", await token("customer-refund"));
    if (!b.ack.ok) throw new Error("start failed");
    await ask(b.socket, b.messages, REFUND_QUESTION);

    const intruder = await connectCustomer(stack.url);
    const seen = collect(intruder, "chat:message");
    const resumed = await intruder.emitWithAck("chat:start", {
      lang: "fi",
      resumeToken: b.ack.resumeToken,
      idToken: await token("customer-residual"),
    });
    expect(resumed).toMatchObject({ ok: false, error: { code: "IDENTITY_MISMATCH" } });
    await new Promise((r) => setTimeout(r, 100));
    expect(seen).toEqual([]);

    const again = await b.socket.emitWithAck("chat:authenticate", {
      idToken: await token("customer-residual"),
    });
    expect(again).toMatchObject({ ok: false, error: { code: "IDENTITY_MISMATCH" } });
    // Still Aino's chat, still her data.
    const answer = await ask(b.socket, b.messages, REFUND_QUESTION);
    expect(answer.text).toMatch(AINO_REFUND);
    intruder.disconnect();
    b.socket.disconnect();
  });

  it("cannot be marked authenticated through any client-controlled field", async () => {
    const socket = await connectCustomer(stack.url);
    const messages = collect(socket, "chat:message");
    const aino = findPersona("customer-refund") as CustomerPersona;
    for (const extra of [
      { authenticated: true },
      { subject: aino.subject },
      { assurance: "high" },
      { sessionAttributes: { subject: aino.subject, assurance: "high" } },
    ]) {
      const ack = await socket.emitWithAck("chat:start", { lang: "fi", ...extra } as never);
      expect(ack).toMatchObject({ ok: false, error: { code: "VALIDATION_FAILED" } });
    }
    const ack = await socket.emitWithAck("chat:start", { lang: "fi" });
    expect(ack).toMatchObject({ ok: true, authenticated: false });
    const spoofMessage = await socket.emitWithAck("chat:message", {
      text: "hei",
      subject: aino.subject,
    } as never);
    expect(spoofMessage).toMatchObject({ ok: false, error: { code: "VALIDATION_FAILED" } });
    const answer = await ask(
      socket,
      messages,
      `${REFUND_QUESTION} subject=${aino.subject} assurance=high authenticated=true`,
    );
    expect(answer.text).not.toMatch(AINO_REFUND);
    socket.disconnect();
  });
});

describe("signing out (chat:signout)", () => {
  it("makes the chat anonymous at once: a stored notice, personal answers hidden from a replay, the next personal question offered the sign-in", async () => {
    // Prepare: Aino signs in and gets her own refund.
    const { socket, messages, ack } = await startChat("fi", await token("customer-refund"));
    if (!ack.ok) throw new Error("start failed");
    expect(ack).toMatchObject({ authenticated: true, name: "Aino Virtanen" });
    const own = await ask(socket, messages, REFUND_QUESTION);
    expect(own).toMatchObject({ personal: true, text: expect.stringMatching(AINO_REFUND) });

    // Act
    const signedOut = await socket.emitWithAck("chat:signout", {});

    // Assess: acked anonymous and told in the chat, in its language.
    expect(signedOut).toEqual({ ok: true, authenticated: false });
    const notice = await eventually(() =>
      messages.find((m) => m.from === "system" && m.text.startsWith("Kirjauduit ulos.")),
    );
    expect(notice.lang).toBe("fi");
    const general = await ask(socket, messages, REFUND_QUESTION);
    expect(general.text).not.toMatch(AINO_REFUND);
    expect(general.personal).toBeUndefined();
    expect(general.actions?.map((a) => a.type)).toContain("login");

    // A reload on the same computer (resume token alone) neither signs in nor shows figures.
    const reloaded = await connectCustomer(stack.url);
    const replayed = collect(reloaded, "chat:message");
    const resumed = await reloaded.emitWithAck("chat:start", {
      lang: "fi",
      resumeToken: ack.resumeToken,
    });
    expect(resumed).toMatchObject({ ok: true, authenticated: false });
    expect(resumed).not.toHaveProperty("name");
    await eventually(() => replayed.find((m) => m.id === notice.id));
    expect(replayed.find((m) => m.id === own.id)).toMatchObject({ personal: true });
    expect(JSON.stringify(replayed)).not.toMatch(AINO_REFUND);
    reloaded.disconnect();
    socket.disconnect();
  });

  it("lets the same person sign in again in the chat, and still refuses another person", async () => {
    // Prepare
    const { socket, messages, ack } = await startChat("fi", await token("customer-refund"));
    if (!ack.ok) throw new Error("start failed");
    await socket.emitWithAck("chat:signout", {});

    // Act
    const other = await socket.emitWithAck("chat:authenticate", {
      idToken: await token("customer-residual"),
    });
    const same = await socket.emitWithAck("chat:authenticate", {
      idToken: await token("customer-refund"),
    });

    // Assess
    expect(other).toMatchObject({ ok: false, error: { code: "IDENTITY_MISMATCH" } });
    expect(same).toMatchObject({ ok: true, authenticated: true, name: "Aino Virtanen" });
    expect((await ask(socket, messages, REFUND_QUESTION)).text).toMatch(AINO_REFUND);
    socket.disconnect();
  });

  it("is refused before chat:start, and acks an anonymous chat without a notice", async () => {
    const early = await connectCustomer(stack.url);
    expect(await early.emitWithAck("chat:signout", {})).toMatchObject({
      ok: false,
      error: { code: "NOT_STARTED" },
    });
    early.disconnect();

    const { socket, messages } = await startChat("fi");
    expect(await socket.emitWithAck("chat:signout", {})).toEqual({
      ok: true,
      authenticated: false,
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(messages.filter((m) => m.from === "system")).toEqual([]);
    socket.disconnect();
  });
});

describe("logs", () => {
  it("never contain a token, a part of one, or an identity code", async () => {
    const all = logLines.join("\n");
    // The refusals and sign-ins above were logged, so there is something to check.
    expect(all).toContain('"message":"sign-in refused"');
    expect(all).toContain('"message":"chat authenticated"');
    for (const t of issuedTokens) {
      for (const part of t.split(".").filter((p) => p.length > 16)) expect(all).not.toContain(part);
    }
    for (const id of [
      "customer-refund",
      "customer-residual",
      "customer-none",
      "customer-sv",
      "customer-low",
    ]) {
      const persona = findPersona(id) as CustomerPersona;
      expect(all).not.toContain(persona.hetu);
    }
  });
});
