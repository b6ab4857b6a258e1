import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
  Context,
  Handler,
} from "aws-lambda";
import { utf8Text } from "../http/middleware/utf8Body.ts";
import type { HttpRoute } from "../http/routes.ts";

/** API Gateway's payload limit; larger bodies are refused before any handler runs. */
const MAX_BODY_BYTES = 1024 * 1024;
/**
 * A refused body is read (and dropped) up to this size so that the client, still sending,
 * gets the 413 rather than a reset connection; beyond it the connection is cut.
 */
const MAX_DRAINED_BYTES = 16 * MAX_BODY_BYTES;

class BodyTooLargeError extends Error {}

export interface BoundRoute {
  route: HttpRoute;
  handler: Handler;
  pattern: RegExp;
  params: string[];
}

/** Compiles a route's `{param}` path into a matcher. */
export function bindRoute(route: HttpRoute, handler: Handler): BoundRoute {
  const params: string[] = [];
  const source = route.path
    .split("/")
    .map((part) => {
      const m = /^\{(\w+)(\+?)\}$/.exec(part);
      if (!m?.[1]) return part.replace(/[.*+?^$()|[\]\\]/g, "\\$&");
      params.push(m[1]);
      // {name+} is API Gateway's greedy parameter: the rest of the path.
      return m[2] ? "(.+)" : "([^/]+)";
    })
    .join("/");
  return { route, handler, pattern: new RegExp(`^${source}$`), params };
}

/**
 * Serves a Node request with a deployed Lambda handler, shaped as an API Gateway HTTP API
 * (payload v2) event, so local and AWS runs share the route code. Returns false if no route matched.
 */
export async function dispatchToLambda(
  routes: BoundRoute[],
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  const url = new URL(req.url ?? "/", "http://localhost");
  const method = req.method ?? "GET";
  const candidates = routes.filter((r) => r.pattern.test(url.pathname));
  if (candidates.length === 0) return false;
  const bound = candidates.find((r) => r.route.method === method || r.route.method === "ANY");
  if (!bound) {
    send(res, 405, {
      error: { code: "METHOD_NOT_ALLOWED", message: `${method} is not allowed here` },
    });
    return true;
  }
  let body: Buffer;
  try {
    body = await readBody(req);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    res.setHeader("connection", "close");
    send(res, 413, { error: { code: "VALIDATION_FAILED", message: "body: larger than 1 MB" } });
    return true;
  }
  const match = bound.pattern.exec(url.pathname);
  const pathParameters = decodePathParameters(bound.params, match);
  if (!pathParameters) {
    send(res, 400, {
      error: { code: "VALIDATION_FAILED", message: "path: not a valid percent-encoded URL path" },
    });
    return true;
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(",") : value;
  }
  const query = Object.fromEntries(url.searchParams);
  const now = Date.now();
  const requestId = randomUUID();
  const routeKey = `${bound.route.method} ${bound.route.path}`;
  const event: APIGatewayProxyEventV2 = {
    version: "2.0",
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    queryStringParameters: Object.keys(query).length ? query : undefined,
    pathParameters: bound.params.length ? pathParameters : undefined,
    requestContext: {
      accountId: "local",
      apiId: "local",
      domainName: headers.host ?? "localhost",
      domainPrefix: "localhost",
      http: {
        method,
        path: url.pathname,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress ?? "127.0.0.1",
        userAgent: headers["user-agent"] ?? "",
      },
      requestId,
      routeKey,
      stage: "$default",
      time: new Date(now).toISOString(),
      timeEpoch: now,
    },
    ...lambdaBody(body),
  };
  const context = localContext(bound.route.id, requestId);
  const result = (await bound.handler(event, context, () => {})) as
    | APIGatewayProxyStructuredResultV2
    | string
    | undefined;
  if (typeof result === "object" && result !== null && "statusCode" in result) {
    res.writeHead(result.statusCode ?? 200, (result.headers ?? {}) as Record<string, string>);
    res.end(result.body ?? "");
  } else {
    send(res, 200, result ?? null);
  }
  return true;
}

/** The route's path parameters decoded, or undefined when one is not valid percent-encoding. */
function decodePathParameters(
  names: string[],
  match: RegExpExecArray | null,
): Record<string, string> | undefined {
  try {
    return Object.fromEntries(
      names.map((name, i) => [name, decodeURIComponent(match?.[i + 1] ?? "")]),
    );
  } catch (error) {
    if (error instanceof URIError) return undefined;
    throw error;
  }
}

function send(res: ServerResponse, status: number, payload: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(payload));
}

/**
 * The body as API Gateway passes it: text as is, and bytes that are not UTF-8 text
 * base64-encoded (`isBase64Encoded`), for the handler to refuse rather than have them turned
 * into U+FFFD on the way.
 */
function lambdaBody(bytes: Buffer): { body?: string; isBase64Encoded: boolean } {
  if (bytes.length === 0) return { isBase64Encoded: false };
  const text = utf8Text(bytes);
  return text === undefined
    ? { body: bytes.toString("base64"), isBase64Encoded: true }
    : { body: text, isBase64Encoded: false };
}

/** The request body; rejects with BodyTooLargeError once the rest has been read and dropped. */
function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_DRAINED_BYTES) {
        req.destroy();
        reject(new BodyTooLargeError());
      } else if (size <= MAX_BODY_BYTES) {
        chunks.push(chunk);
      }
    });
    req.on("end", () =>
      size > MAX_BODY_BYTES ? reject(new BodyTooLargeError()) : resolve(Buffer.concat(chunks)),
    );
    req.on("error", reject);
  });
}

function localContext(functionName: string, awsRequestId: string): Context {
  const deadline = Date.now() + 30_000;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: "$LATEST",
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: "512",
    awsRequestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: "local",
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => {},
    fail: () => {},
    succeed: () => {},
  };
}
