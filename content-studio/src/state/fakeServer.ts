// Tests of the studio's state: the content API answered from queues, with every call kept.
import { vi } from "vitest";

type Answer = { status: number; body: unknown };

/** A fetch that answers each call from the queue given for its method and path. */
export function fakeServer() {
  const queues = new Map<string, ((body: unknown) => Answer)[]>();
  const calls: { method: string; path: string; body: unknown; auth?: string }[] = [];
  const fetchImpl = vi.fn(async (path: string, init?: RequestInit) => {
    const method = init?.method ?? "GET";
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    const auth = (init?.headers as Record<string, string> | undefined)?.authorization;
    calls.push({ method, path, body, ...(auth ? { auth } : {}) });
    const next = queues.get(`${method} ${path}`)?.shift();
    const answer = next
      ? next(body)
      : { status: 404, body: { error: { code: "NOT_FOUND", message: path } } };
    return new Response(JSON.stringify(answer.body), { status: answer.status });
  });
  return {
    calls,
    fetchImpl,
    on(method: string, path: string, answer: (body: unknown) => Answer) {
      const list = queues.get(`${method} ${path}`) ?? [];
      list.push(answer);
      queues.set(`${method} ${path}`, list);
    },
  };
}
