import { beforeAll, describe, expect, it } from "vitest";
import { useEmbeddedTables } from "../../../tests/support/embeddedTables.ts";
import { CUSTOMER_PERSONAS, DEMO_CUSTOMER_DATA } from "../../local/personas.ts";
import type { DynamoClients } from "./client.ts";
import { createDynamoCustomerData, seedDemoCustomers } from "./dynamoCustomerData.ts";
import { tableName } from "./tables.ts";

const PREFIX = "test-customers-";
const tables = useEmbeddedTables(PREFIX);
let clients: DynamoClients;

beforeAll(() => {
  clients = tables.clients();
});

describe("DynamoDB customer data", () => {
  it("reads back each seeded demo customer by subject, twice seeded without change", async () => {
    // Prepare
    const table = tableName(PREFIX, "customers");
    await seedDemoCustomers(clients.doc, table, DEMO_CUSTOMER_DATA);
    await seedDemoCustomers(clients.doc, table, DEMO_CUSTOMER_DATA);
    const customers = createDynamoCustomerData(clients.doc, table);

    // Act
    const found = await Promise.all(CUSTOMER_PERSONAS.map((p) => customers.find(p.subject)));

    // Assess
    expect(found).toEqual(CUSTOMER_PERSONAS.map((p) => p.taxData));
    expect(found[1]?.residualTax?.dueDates).toEqual(["2026-09-01", "2026-11-02"]);
    expect(found[2]).not.toHaveProperty("refund");
  });

  it("answers undefined for an unknown or empty subject", async () => {
    const customers = createDynamoCustomerData(clients.doc, tableName(PREFIX, "customers"));

    await expect(customers.find("no-such-subject")).resolves.toBeUndefined();
    await expect(customers.find("")).resolves.toBeUndefined();
  });

  it("stores no identity code with the tax data", async () => {
    const customers = createDynamoCustomerData(clients.doc, tableName(PREFIX, "customers"));
    await seedDemoCustomers(clients.doc, tableName(PREFIX, "customers"), DEMO_CUSTOMER_DATA);

    for (const persona of CUSTOMER_PERSONAS) {
      const item = await customers.find(persona.subject);

      expect(JSON.stringify(item)).not.toContain(persona.hetu);
    }
  });
});
