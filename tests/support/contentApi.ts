/** The content API as the studio and outside scripts call it: JSON in, the answer read whole. */
export interface ContentApiAnswer {
  status: number;
  /** The JSON body; empty for an answer that is not JSON (the inbox's CSV). */
  body: Record<string, unknown>;
  /** The body as text, byte order mark kept: a CSV's first bytes are part of what is checked. */
  text: string;
  type: string;
  etag: string | null;
}

/**
 * `api(method, path, token, body?, headers?)` against `/api/content/` of the stack at `url()`
 * (read on each call: the stack starts in a `beforeAll`).
 */
export function contentApiAt(url: () => string) {
  return async function api(
    method: string,
    path: string,
    token: string | undefined,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ContentApiAnswer> {
    const res = await fetch(`${url()}/api/content/${path}`, {
      method,
      headers: {
        ...headers,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer());
    const type = res.headers.get("content-type") ?? "";
    return {
      status: res.status,
      body: type.includes("json") ? (JSON.parse(text) as Record<string, unknown>) : {},
      text,
      type,
      etag: res.headers.get("etag"),
    };
  };
}
