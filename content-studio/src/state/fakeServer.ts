// Tests of the studio's state: the content API answered from queues, with every call kept.
import { afterEach, beforeEach, vi } from "vitest";
import { session } from "./app.ts";
import type { draft } from "./topics.ts";

type Answer = { status: number; body: unknown };

/**
 * A fetch that answers each call from the queue given for its method and path; an answer may
 * be a promise (a slow server, or with `never`, one that took the request and went quiet).
 */
export function fakeServer() {
  const queues = new Map<string, ((body: unknown) => Answer | Promise<Answer>)[]>();
  const calls: {
    method: string;
    path: string;
    body: unknown;
    auth?: string;
    /** A write's If-Match or If-None-Match, as sent. */
    condition?: string;
  }[] = [];
  const fetchImpl = vi.fn(async (path: string, init?: RequestInit) => {
    const method = init?.method ?? "GET";
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    const headers = (init?.headers as Record<string, string> | undefined) ?? {};
    const auth = headers.authorization;
    const condition = headers["if-match"] ?? headers["if-none-match"];
    calls.push({
      method,
      path,
      body,
      ...(auth ? { auth } : {}),
      ...(condition ? { condition } : {}),
    });
    const next = queues.get(`${method} ${path}`)?.shift();
    const answer = next
      ? await next(body)
      : { status: 404, body: { error: { code: "NOT_FOUND", message: path } } };
    return new Response(JSON.stringify(answer.body), { status: answer.status });
  });
  return {
    calls,
    fetchImpl,
    on(method: string, path: string, answer: (body: unknown) => Answer | Promise<Answer>) {
      const list = queues.get(`${method} ${path}`) ?? [];
      list.push(answer);
      queues.set(`${method} ${path}`, list);
    },
  };
}

/**
 * For a describe block: before each test a signed-in session whose fetch is a new fake
 * server, and after it none; `current()` is that test's server.
 */
export function signedInWithFakeServer(afterEachTest: () => void = () => {}) {
  let server = fakeServer();
  beforeEach(() => {
    server = fakeServer();
    vi.stubGlobal("fetch", server.fetchImpl);
    vi.stubGlobal("location", { hash: "" });
    session.value = { token: "tok" };
  });
  afterEach(() => {
    session.value = undefined;
    afterEachTest();
    vi.unstubAllGlobals();
  });
  return { current: () => server };
}

/**
 * A list page's server (the out-of-scope examples, the uncovered questions): the calls every
 * opening makes, answered (the draft with `changes`, the topics, `problems` from each check at
 * `check`), and the writes sent, as `METHOD path condition`, checks and reads left out.
 */
export function listPageServer(
  fake: { current: () => ReturnType<typeof fakeServer> },
  check: string,
) {
  return {
    served(changes: unknown[] = [], problems: unknown[] = []) {
      const server = fake.current();
      for (let i = 0; i < 4; i++) {
        server.on("GET", "/api/content/draft", () => draftAnswer({ changes }));
        server.on("GET", "/api/content/topics", () => ({
          status: 200,
          body: { version: 3, topics: [] },
        }));
        server.on("POST", check, () => ({ status: 200, body: { problems } }));
      }
      return server;
    },
    writes: () =>
      fake
        .current()
        .calls.filter((c) => c.method !== "GET" && c.path !== check)
        .map((c) => `${c.method} ${c.path} ${c.condition ?? "-"}`),
  };
}

/** An answer that never comes: the server took the request and went quiet. */
export const never = (): Promise<Answer> => new Promise(() => {});

/** GET draft's answer for an empty draft of live version 3, with `over` on top. */
export function draftAnswer(over: Record<string, unknown> = {}) {
  return {
    status: 200,
    body: {
      baseVersion: 3,
      liveVersion: 3,
      topics: [],
      outOfScope: { fi: [], sv: [] },
      referrals: [],
      changed: [],
      changes: [],
      pendingReview: [],
      ...over,
    },
  };
}

/**
 * A draft as the studio holds it, naming `topics` by their titles (a system topic's fields
 * off) and the referral group kela (FPA in Swedish): for what names things by title.
 */
export function draftNaming(
  topics: { id: string; fi: string; sv: string }[],
): NonNullable<(typeof draft)["value"]> {
  return {
    baseVersion: 3,
    liveVersion: 3,
    topics: topics.map(({ id, fi, sv }) => ({
      id,
      system: false,
      retired: false,
      fi: { title: fi, utterances: 1, tests: 1 },
      sv: { title: sv, utterances: 1, tests: 1 },
    })),
    outOfScope: { fi: [], sv: [] },
    referrals: [
      {
        id: "kela",
        fi: { title: "Kela", answer: "", link: { label: "", url: "" }, sentences: [] },
        sv: { title: "FPA", answer: "", link: { label: "", url: "" }, sentences: [] },
      },
    ],
    changed: [],
  };
}

/** A topic as GET draft/topics/capital-gains answers it: what the editor tests open. */
export const capitalGainsTopic = {
  id: "capital-gains",
  fi: { title: "Myyntivoitto", utterances: ["osakkeet"], answer: "a" },
  sv: { title: "Vinst", utterances: ["aktier"], answer: "b" },
  tests: { fi: [], sv: [] },
};

/** A referral group as GET draft/referrals/kela answers it. */
export const kelaGroup = {
  id: "kela",
  fi: {
    title: "Kela",
    answer: "a",
    link: { label: "l", url: "https://www.kela.fi/" },
    sentences: ["s"],
  },
  sv: {
    title: "FPA",
    answer: "b",
    link: { label: "l", url: "https://www.kela.fi/sv" },
    sentences: ["t"],
  },
};

/** An unsigned JWT naming `sub`: the studio reads its claims without verifying them. */
export const tokenOf = (sub: string) =>
  `e30.${btoa(JSON.stringify({ sub, roles: ["content-owner"] })).replace(/=+$/, "")}.x`;

/** localStorage as a browser has it: it outlives the page (a reload is a fresh store). */
export function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, String(v)),
    removeItem: (k) => void items.delete(k),
    clear: () => items.clear(),
  };
}
