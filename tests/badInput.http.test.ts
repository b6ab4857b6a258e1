import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HTTP_ROUTES } from "../functions/http/routes.ts";
import type { LocalServer } from "../functions/local/localServer.ts";
import { itemCounter } from "./support/badInput.ts";
import { startTestStack } from "./support/localStack.ts";

// Bad input on the customer HTTP routes, through the same Lambda handlers AWS runs: a 4xx
// naming the field, nothing written, and the server keeps serving.

let stack: LocalServer;
let countItems: () => Promise<number>;

beforeAll(async () => {
  stack = await startTestStack();
  countItems = itemCounter(stack);
});

afterAll(async () => {
  await stack?.close();
});

const json = (body: unknown) => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: typeof body === "string" ? body : JSON.stringify(body),
});

const callback = { lang: "fi", phone: "040 123 4567" };

/** A JSON body with raw bytes spliced in (numbers), to send what no string can hold. */
const rawJson = (...parts: (string | number[])[]) => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: Buffer.concat(
    parts.map((p) => Buffer.from(typeof p === "string" ? p : Uint8Array.from(p))),
  ),
});

const NOT_UTF8 = /^body: must be UTF-8 text/;

const CASES: [string, string, RequestInit, number, RegExp][] = [
  ["/api/callbacks", "broken JSON", json("{"), 400, /body:/],
  ["/api/callbacks", "a JSON string", json('"call me"'), 400, /./],
  ["/api/callbacks", "a wrong content type", { method: "POST", body: "lang=fi" }, 415, /./],
  ["/api/callbacks", "no phone", json({ lang: "fi" }), 400, /phone:/],
  ["/api/callbacks", "a number as phone", json({ lang: "fi", phone: 401234567 }), 400, /phone:/],
  ["/api/callbacks", "an extra field", json({ ...callback, admin: true }), 400, /'admin'/],
  [
    "/api/callbacks",
    "a __proto__ key",
    json(`{"lang":"fi","phone":"040 123 4567","__proto__":{"admin":true}}`),
    400,
    /'__proto__'/,
  ],
  ["/api/callbacks", "an unknown language", json({ ...callback, lang: "en" }), 400, /lang:/],
  [
    "/api/callbacks",
    "an oversized phone",
    json({ ...callback, phone: "4".repeat(5000) }),
    400,
    /phone:/,
  ],
  ["/api/surveys", "no fields", json({}), 400, /surveyToken:/],
  [
    "/api/surveys",
    "a Latin-1 byte (not UTF-8) in the comment",
    rawJson(
      `{"surveyToken":"${"x".repeat(20)}","gotHelp":true,"score":5,"comment":"hyv`,
      [0xe4],
      ` palvelu"}`,
    ),
    400,
    NOT_UTF8,
  ],
  [
    "/api/callbacks",
    "an overlong UTF-8 encoding of '/'",
    rawJson(`{"lang":"fi","phone":"040`, [0xc0, 0xaf], `123 4567"}`),
    400,
    NOT_UTF8,
  ],
  [
    "/api/appointments",
    "a UTF-8 sequence cut short",
    rawJson(
      `{"slotId":"fi-2026-11-24T0800Z","lang":"fi","phone":"040 123 4567`,
      [0xe2, 0x82],
      `"}`,
    ),
    400,
    NOT_UTF8,
  ],
  [
    "/api/surveys",
    "control characters in the comment",
    json({ surveyToken: "x".repeat(20), gotHelp: true, score: 5, comment: "ok\u0000" }),
    400,
    /comment:/,
  ],
  [
    "/api/appointments",
    "a constructor key",
    json(`{"slotId":"x","lang":"fi","phone":"040 123 4567","constructor":{"a":1}}`),
    400,
    /'constructor'/,
  ],
  [
    "/api/appointments",
    "a number as slotId",
    json({ slotId: 5, lang: "fi", phone: "0401234567" }),
    400,
    /slotId:/,
  ],
];

describe("bad input on HTTP routes", () => {
  it.each(CASES)(
    "%s with %s: a 4xx naming the field, nothing written",
    async (path, _what, init, status, field) => {
      const before = await countItems();

      const res = await fetch(`${stack.url}${path}`, init);

      expect(res.status).toBe(status);
      const body = (await res.json()) as { error?: { code: string; message: string } };
      expect(body.error?.message).toMatch(field);
      expect(await countItems()).toBe(before);
    },
  );

  it("answers any JSON on every POST route with a 4xx and an error, and writes nothing", async () => {
    const posts = HTTP_ROUTES.filter((r) => r.method === "POST").map((r) => r.path);
    const before = await countItems();

    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...posts),
        fc.oneof(
          fc.jsonValue(),
          fc.dictionary(
            fc.constantFrom(
              "lang",
              "phone",
              "surveyToken",
              "gotHelp",
              "score",
              "comment",
              "slotId",
              "__proto__",
              "constructor",
              "x",
            ),
            fc.jsonValue(),
          ),
        ),
        async (path, body) => {
          const res = await fetch(`${stack.url}${path}`, json(JSON.stringify(body)));
          expect(res.status).toBeGreaterThanOrEqual(400);
          expect(res.status).toBeLessThan(500);
          const answer = (await res.json()) as { error?: { code?: string; message?: string } };
          expect(answer.error?.code).toMatch(/^[A-Z_]+$/);
          expect(answer.error?.message).toBeTruthy();
        },
      ),
      { numRuns: 150 },
    );

    expect(await countItems()).toBe(before);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it("answers any appointment reference to cancel with a 4xx, and writes nothing", async () => {
    const before = await countItems();

    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 300 }), async (reference) => {
        const res = await fetch(`${stack.url}/api/appointments/${encodeURIComponent(reference)}`, {
          method: "DELETE",
        });
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 100 },
    );

    expect(await countItems()).toBe(before);
  });

  it("keeps serving after all of it", async () => {
    const res = await fetch(`${stack.url}/api/callbacks`, json(callback));
    expect(res.status).toBe(201);
  });
});
