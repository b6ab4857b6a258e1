import { ScanCommand } from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDynamoClients } from "../functions/adapters/dynamodb/client.ts";
import { tableNames } from "../functions/adapters/dynamodb/tables.ts";
import type { LocalServer } from "../functions/local/localServer.ts";
import { startTestStack } from "./support/localStack.ts";

// Bad input on the customer HTTP routes, through the same Lambda handlers AWS runs: a 4xx
// naming the field, nothing written, and the server keeps serving.

let stack: LocalServer;
let countItems: () => Promise<number>;

beforeAll(async () => {
  stack = await startTestStack();
  const { client } = createDynamoClients({ region: "eu-north-1", endpoint: stack.dynamoEndpoint });
  const names = Object.values(tableNames("asiointi-local-"));
  countItems = async () => {
    let total = 0;
    for (const TableName of names) {
      total += (await client.send(new ScanCommand({ TableName, Select: "COUNT" }))).Count ?? 0;
    }
    return total;
  };
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
    "%s with %s: %i naming the field, nothing written",
    async (path, _what, init, status, field) => {
      const before = await countItems();

      const res = await fetch(`${stack.url}${path}`, init);

      expect(res.status).toBe(status);
      const body = (await res.json()) as { error?: { code: string; message: string } };
      expect(body.error?.message).toMatch(field);
      expect(await countItems()).toBe(before);
    },
  );

  it("keeps serving after all of it", async () => {
    const res = await fetch(`${stack.url}/api/callbacks`, json(callback));
    expect(res.status).toBe(201);
  });
});
