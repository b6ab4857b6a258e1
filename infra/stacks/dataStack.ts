/**
 * The stateful stack: every DynamoDB table, built from the one shared definition module.
 * Code deploys go to the API stack, so they never replace or delete data.
 */
import { Stack, type StackProps } from "aws-cdk-lib";
import {
  type Attribute,
  AttributeType,
  Billing,
  type ITableV2,
  TableEncryptionV2,
  TableV2,
} from "aws-cdk-lib/aws-dynamodb";
import type { Construct } from "constructs";
import {
  type KeyAttribute,
  TABLE_IDS,
  TABLES,
  type TableDefinition,
  type TableId,
  tableName,
} from "../../functions/adapters/dynamodb/tables.ts";
import type { StageConfig } from "../stage.ts";

export type DeployedTables = Record<TableId, ITableV2>;

export interface DataStackProps extends StackProps {
  stage: StageConfig;
}

export class DataStack extends Stack {
  /** The tables by logical id, handed to stateless stacks as props. */
  readonly tables: DeployedTables;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);
    const tables: Partial<DeployedTables> = {};
    for (const tableId of TABLE_IDS) tables[tableId] = this.table(TABLES[tableId], props.stage);
    this.tables = tables as DeployedTables;
  }

  // TableV2 (AWS::DynamoDB::GlobalTable) rather than Table: replicas can be added later
  // without replacing the table, and moving between the two later would mean a migration.
  private table(def: TableDefinition, stage: StageConfig): TableV2 {
    return new TableV2(this, `${def.id}Table`, {
      tableName: tableName(stage.tablePrefix, def.id as TableId),
      partitionKey: attribute(def.partitionKey),
      sortKey: def.sortKey && attribute(def.sortKey),
      globalSecondaryIndexes: def.globalSecondaryIndexes?.map((gsi) => ({
        indexName: gsi.indexName,
        partitionKey: attribute(gsi.partitionKey),
        sortKey: gsi.sortKey && attribute(gsi.sortKey),
      })),
      timeToLiveAttribute: def.ttlAttribute,
      billing: Billing.onDemand(),
      // The AWS managed key shows as SSE in the template; a customer managed key is a
      // one-line change here if the operator requires key control.
      encryption: TableEncryptionV2.awsManagedKey(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: stage.deletionProtection,
      removalPolicy: stage.tableRemovalPolicy,
    });
  }
}

function attribute(key: KeyAttribute): Attribute {
  return { name: key.name, type: key.type === "S" ? AttributeType.STRING : AttributeType.NUMBER };
}
