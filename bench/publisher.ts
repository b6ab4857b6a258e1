// Content owners at work during the load bench (--publishing): each round edits a topic in
// the draft, publishes it and has the reviewer approve it, so the service trains a new
// recogniser and swaps it in while customers are being answered.

import { spawn } from "node:child_process";

interface PublishingResult {
  versions: number;
  failures: number;
  /** Publish + approve round trips, as the studio's users wait for them. */
  roundMs: number[];
}

async function token(url: string, persona: string): Promise<string> {
  const res = await fetch(`${url}/dev/token?persona=${persona}`);
  if (!res.ok) throw new Error(`/dev/token?persona=${persona}: ${res.status}`);
  return ((await res.json()) as { idToken: string }).idToken;
}

async function call(url: string, token: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${url}/api/content/${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

// Counted across phases, so each round's new sentence is new (a repeated one is refused).
let rounds = 0;

/** Publishes and approves new versions one after another until `endAt` (performance.now()). */
export async function publishUntil(url: string, endAt: number): Promise<PublishingResult> {
  if (process.env.BENCH_PUBLISH_SPIN) return spinUntil(endAt);
  const [owner, reviewer] = await Promise.all([
    token(url, "content-owner"),
    token(url, "content-reviewer"),
  ]);
  const { topic } = (await call(url, owner, "GET", "draft/topics/vat", undefined)) as {
    topic: { fi: { utterances: string[] }; sv: { utterances: string[] } } & Record<string, unknown>;
  };
  // BENCH_PUBLISH_EDIT=both: each round adds a Swedish sentence too, so no part of the
  // recogniser can be reused from the version before (the worst case for the chats).
  const both = process.env.BENCH_PUBLISH_EDIT === "both";
  // BENCH_PUBLISH_EVERY_MS=N: a round starts at most every N ms, so that versions that train
  // faster are compared at the same publishing rate rather than published more often.
  const everyMs = Number(process.env.BENCH_PUBLISH_EVERY_MS ?? 0);
  const result: PublishingResult = { versions: 0, failures: 0, roundMs: [] };
  while (performance.now() < endAt) {
    const round = ++rounds;
    const started = performance.now();
    try {
      // A new training sentence each round: the recogniser must be trained again (the
      // Finnish classifier and the language detector; with BENCH_PUBLISH_EDIT=both, all of it).
      const edited = {
        ...topic,
        fi: { ...topic.fi, utterances: [...topic.fi.utterances, `alv kysymys numero ${round}`] },
        ...(both
          ? {
              sv: {
                ...topic.sv,
                utterances: [...topic.sv.utterances, `momsfråga nummer ${round}`],
              },
            }
          : {}),
      };
      await call(url, owner, "PUT", "draft/topics/vat", edited);
      const { version } = (await call(url, owner, "POST", "publish", {
        comment: `bench round ${round}`,
      })) as { version: number };
      // BENCH_PUBLISH_ONLY=1 leaves versions pending: training and the gate without the swap.
      if (!process.env.BENCH_PUBLISH_ONLY) {
        await call(url, reviewer, "POST", `versions/${version}/approve`);
      }
      result.versions++;
      result.roundMs.push(performance.now() - started);
    } catch (error) {
      result.failures++;
      process.stderr.write(
        `bench: publishing round ${round} failed: ${(error as Error).message}\n`,
      );
    }
    const wait = Math.min(started + everyMs, endAt) - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
  return result;
}

/**
 * BENCH_PUBLISH_SPIN=1: no publishing, only a process that spins on one core at the idle
 * scheduling policy for the phase, as the training worker does. What the chats' p99 loses to
 * that alone is the machine's part of the publishing rise: the software cannot go under it
 * while a version trains beside the chats.
 */
async function spinUntil(endAt: number): Promise<PublishingResult> {
  const spinner = spawn("chrt", ["--idle", "0", process.execPath, "-e", "for (;;) {}"], {
    stdio: "ignore",
  });
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, endAt - performance.now())));
  spinner.kill("SIGKILL");
  return { versions: 0, failures: 0, roundMs: [] };
}
