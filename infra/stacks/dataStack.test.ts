import { Match } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import {
  TABLE_IDS,
  TABLES,
  type TableDefinition,
  tableName,
} from "../../functions/adapters/dynamodb/tables.ts";
import { synthStage } from "../synthForTests.ts";

const TABLE = "AWS::DynamoDB::GlobalTable";
const definitions: TableDefinition[] = TABLE_IDS.map((id) => TABLES[id]);

function keySchema(pk: { name: string }, sk?: { name: string }) {
  return [
    { AttributeName: pk.name, KeyType: "HASH" },
    ...(sk ? [{ AttributeName: sk.name, KeyType: "RANGE" }] : []),
  ];
}

describe("data stack (dev)", () => {
  // Prepare: one synth for the read-only assertions below.
  const { dataTemplate } = synthStage();

  it("creates exactly the tables of the shared definitions", () => {
    dataTemplate.resourceCountIs(TABLE, TABLE_IDS.length);
  });

  it.each(definitions)("creates table $id under the dev prefix with its key schema", (def) => {
    dataTemplate.hasResourceProperties(TABLE, {
      TableName: tableName("asiointi-dev-", def.id as (typeof TABLE_IDS)[number]),
      KeySchema: keySchema(def.partitionKey, def.sortKey),
      AttributeDefinitions: Match.arrayWith([
        { AttributeName: def.partitionKey.name, AttributeType: def.partitionKey.type },
      ]),
    });
  });

  it.each(definitions)("bills $id on demand with point-in-time recovery and SSE", (def) => {
    dataTemplate.hasResourceProperties(TABLE, {
      TableName: `asiointi-dev-${def.id}`,
      BillingMode: "PAY_PER_REQUEST",
      SSESpecification: { SSEEnabled: true },
      Replicas: [
        Match.objectLike({
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        }),
      ],
    });
  });

  it.each(definitions)("sets a TTL on $id only where the definition has one", (def) => {
    dataTemplate.hasResourceProperties(TABLE, {
      TableName: `asiointi-dev-${def.id}`,
      TimeToLiveSpecification: def.ttlAttribute
        ? { AttributeName: def.ttlAttribute, Enabled: true }
        : Match.absent(),
    });
  });

  it.each(definitions)("gives $id exactly the secondary indexes it declares", (def) => {
    const gsis = def.globalSecondaryIndexes ?? [];
    dataTemplate.hasResourceProperties(TABLE, {
      TableName: `asiointi-dev-${def.id}`,
      GlobalSecondaryIndexes:
        gsis.length === 0
          ? Match.absent()
          : gsis.map((gsi) => ({
              IndexName: gsi.indexName,
              KeySchema: keySchema(gsi.partitionKey, gsi.sortKey),
              Projection: { ProjectionType: "ALL" },
            })),
    });
  });

  it("lets dev tables be destroyed with the stack", () => {
    dataTemplate.allResources(TABLE, { DeletionPolicy: "Delete" });
    dataTemplate.allResourcesProperties(TABLE, {
      Replicas: [Match.objectLike({ DeletionProtectionEnabled: false })],
    });
  });
});

describe("data stack (prod)", () => {
  const { dataTemplate, data } = synthStage({
    stage: "prod",
    allowedOrigins: "https://asiointi.example.fi",
    certificateArn: "arn:aws:acm:eu-central-1:123456789012:certificate/0000",
  });

  it("protects every prod table from deletion and retains it when the stack goes", () => {
    dataTemplate.allResources(TABLE, { DeletionPolicy: "Retain", UpdateReplacePolicy: "Retain" });
    dataTemplate.allResourcesProperties(TABLE, {
      TableName: Match.stringLikeRegexp("^asiointi-prod-"),
      Replicas: [Match.objectLike({ DeletionProtectionEnabled: true })],
    });
  });

  it("turns on termination protection for the prod stack", () => {
    expect(data.terminationProtection).toBe(true);
  });
});
