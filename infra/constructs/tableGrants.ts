/**
 * Least-privilege DynamoDB grants: the exact read or write actions on one table and on its
 * named secondary indexes, with no `index/*` wildcard (what `grantReadData` would add).
 */
import type { ITableV2 } from "aws-cdk-lib/aws-dynamodb";
import { type IGrantable, PolicyStatement } from "aws-cdk-lib/aws-iam";
import {
  TABLES,
  type TableDefinition,
  type TableId,
} from "../../functions/adapters/dynamodb/tables.ts";

/** The secondary index names of a table in the shared definitions. */
export function indexNamesOf(id: TableId): string[] {
  return ((TABLES[id] as TableDefinition).globalSecondaryIndexes ?? []).map((i) => i.indexName);
}

export interface TableAccess {
  table: ITableV2;
  /** Secondary indexes the grantee may query (from the shared table definition). */
  indexes?: readonly string[];
  read: boolean;
  write: boolean;
}

export const READ_ACTIONS = [
  "dynamodb:BatchGetItem",
  "dynamodb:ConditionCheckItem",
  "dynamodb:DescribeTable",
  "dynamodb:GetItem",
  "dynamodb:Query",
] as const;
export const WRITE_ACTIONS = [
  "dynamodb:BatchWriteItem",
  "dynamodb:DeleteItem",
  "dynamodb:DescribeTable",
  "dynamodb:PutItem",
  "dynamodb:UpdateItem",
] as const;

/** Grants exactly what `access` declares; no Scan, no wildcard resources. */
export function grantTableAccess(grantee: IGrantable, access: TableAccess): void {
  const actions = new Set<string>([
    ...(access.read ? READ_ACTIONS : []),
    ...(access.write ? WRITE_ACTIONS : []),
  ]);
  if (actions.size === 0) return;
  const arn = access.table.tableArn;
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({
      actions: [...actions].sort(),
      resources: [
        arn,
        ...(access.read ? (access.indexes ?? []) : []).map((i) => `${arn}/index/${i}`),
      ],
    }),
  );
}
