import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tableName } from "../functions/adapters/dynamodb/tables.ts";
import type { LocalServer } from "../functions/local/localServer.ts";
import { collect, connectCustomer, eventually, startTestStack } from "./support/localStack.ts";

let stack: LocalServer;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack.close();
});

// Synthetic identity code (individual number 900-999) with a valid check character.
const HETU = "140385-912T";
const TYPED = `Henkilötunnukseni on ${HETU}, tili FI49 5000 9420 0287 30 ja puhelin 040 123 4567.`;

describe("personal data in text", () => {
  it("shows the message as typed live, stores it masked, and warns the customer", async () => {
    const socket = await connectCustomer(stack.url);
    const live = collect(socket, "chat:message");
    const start = await socket.emitWithAck("chat:start", { lang: "fi" });
    if (!start.ok) throw new Error("start failed");
    await socket.emitWithAck("chat:message", { text: TYPED, clientId: "privacy-test-1" });
    const echo = await eventually(() => live.find((m) => m.from === "customer"));
    expect(echo.text).toBe(TYPED);
    const warning = await eventually(() =>
      live.find((m) => m.from === "bot" && m.text.includes("henkilökohtaisia tietoja")),
    );
    expect(warning).toBeDefined();
    socket.disconnect();

    const again = await connectCustomer(stack.url);
    const replay = collect(again, "chat:message");
    await again.emitWithAck("chat:start", { lang: "fi", resumeToken: start.resumeToken });
    const stored = await eventually(() => replay.find((m) => m.from === "customer"));
    expect(stored.text).not.toContain(HETU);
    expect(stored.text).not.toContain("5000 9420");
    expect(stored.text).not.toContain("123 4567");
    expect(stored.text).toContain("[ID-CODE]");
    expect(stored.text).toContain("[IBAN]");
    expect(stored.text).toContain("[PHONE]");

    const ended = await again.emitWithAck("chat:end", {});
    if (!ended.ok) throw new Error("end failed");
    const survey = await again.emitWithAck("survey:submit", {
      surveyToken: ended.surveyToken,
      gotHelp: false,
      score: 3,
      comment: `Soittakaa minulle, matti.meikalainen@example.fi tai ${HETU}`,
    });
    expect(survey.ok).toBe(true);
    again.disconnect();

    const doc = DynamoDBDocumentClient.from(
      new DynamoDBClient({
        endpoint: stack.dynamoEndpoint,
        region: "eu-north-1",
        credentials: { accessKeyId: "local", secretAccessKey: "local" },
      }),
    );
    const { Item } = await doc.send(
      new GetCommand({
        TableName: tableName("asiointi-local-", "surveys"),
        Key: { chatId: start.chatId },
      }),
    );
    expect(Item?.comment).toBe("Soittakaa minulle, [EMAIL] tai [ID-CODE]");
    expect(JSON.stringify(Item)).not.toMatch(/subject|customerName/);
    doc.destroy();
  });

  it("leaves ordinary numbers alone: amounts, dates, reference numbers", async () => {
    const socket = await connectCustomer(stack.url);
    const start = await socket.emitWithAck("chat:start", { lang: "fi" });
    if (!start.ok) throw new Error("start failed");
    const text = "Maksoin 1 234,56 euroa 31.7.2026 viitteellä 110 00234 59870";
    await socket.emitWithAck("chat:message", { text });
    socket.disconnect();
    const again = await connectCustomer(stack.url);
    const replay = collect(again, "chat:message");
    await again.emitWithAck("chat:start", { lang: "fi", resumeToken: start.resumeToken });
    const stored = await eventually(() => replay.find((m) => m.from === "customer"));
    expect(stored.text).toBe(text);
    expect(replay.some((m) => m.text.includes("henkilökohtaisia tietoja"))).toBe(false);
    again.disconnect();
  });
});
