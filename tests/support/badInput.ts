import { ScanCommand } from "@aws-sdk/client-dynamodb";
import { expect } from "vitest";
import { createDynamoClients } from "../../functions/adapters/dynamodb/client.ts";
import { tableNames } from "../../functions/adapters/dynamodb/tables.ts";
import type { Ack } from "../../functions/contracts/protocol.ts";
import type { LocalServer } from "../../functions/local/localServer.ts";

/** Counts the items in every table of the local stack: "nothing written" is this unchanged. */
export function itemCounter(stack: LocalServer): () => Promise<number> {
  const { client } = createDynamoClients({ region: "eu-north-1", endpoint: stack.dynamoEndpoint });
  const names = Object.values(tableNames("asiointi-local-"));
  return async () => {
    let total = 0;
    for (const TableName of names) {
      const out = await client.send(new ScanCommand({ TableName, Select: "COUNT" }));
      total += out.Count ?? 0;
    }
    return total;
  };
}

/** An object with an own `__proto__` or `constructor` key, as JSON.parse makes it. */
export const withKey = (base: object, key: "__proto__" | "constructor") =>
  JSON.parse(
    `${JSON.stringify(base).slice(0, -1)}${Object.keys(base).length ? "," : ""}"${key}":{"admin":true}}`,
  );

export const long = (n: number) => "a".repeat(n);

/**
 * Sends one bad payload and checks the whole promise: VALIDATION_FAILED naming `field`,
 * nothing written in any table, and no prototype pollution from `__proto__` keys.
 */
export async function expectRefusedNamingField(
  send: () => Promise<Ack>,
  field: RegExp,
  countItems: () => Promise<number>,
): Promise<void> {
  const before = await countItems();

  const ack = await send();

  expect(ack).toMatchObject({ ok: false, error: { code: "VALIDATION_FAILED" } });
  if (!ack.ok) expect(ack.error.message).toMatch(field);
  expect(await countItems()).toBe(before);
  expect(({} as Record<string, unknown>).admin).toBeUndefined();
}
