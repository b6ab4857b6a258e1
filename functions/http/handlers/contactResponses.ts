import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";

/** A JSON response; contact answers carry personal data, so no cache may keep them. */
export function json(statusCode: number, body: unknown): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode,
    headers: { "content-type": "application/json", "cache-control": "no-store" },
    body: JSON.stringify(body),
  };
}
