import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { type BuildOptions, build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CONTENT_DIR, loadBotContent } from "../../../content/loadContent.ts";
import { loadTestCases } from "../../../content/testSet.ts";
import type { BotContent, Topic } from "../../../contracts/content.ts";
import { LANGS, type Lang } from "../../../contracts/lang.ts";
import { EmbeddedRecogniser } from "./embeddedRecogniser.ts";
import { DEFAULT_CLASSIFIER_OPTIONS } from "./intentClassifier.ts";
import {
  BUNDLED_TRAINING_WORKER,
  RecogniserTrainingError,
  trainBesideChats,
  trainRecogniserHere,
  trainRecogniserInWorker,
} from "./trainInWorker.ts";

let content: BotContent;
let inline: EmbeddedRecogniser | undefined;

beforeAll(() => {
  content = loadBotContent();
});

/** The test split's messages in both languages. */
function heldOutTests() {
  return LANGS.flatMap((lang) =>
    loadTestCases(DEFAULT_CONTENT_DIR, lang, "tests").map((c) => ({ ...c, lang })),
  );
}

let variants = 0;

/**
 * `content` with a sentence of its own in each language's out-of-scope examples: every part
 * of its recogniser must be trained, none taken from the worker's earlier jobs.
 */
function freshContent(): BotContent {
  const n = ++variants;
  return {
    ...content,
    outOfScope: {
      fi: [...content.outOfScope.fi, `harjoitusajo numero ${n}`],
      sv: [...content.outOfScope.sv, `övningskörning nummer ${n}`],
    },
  };
}

/** `from` with one more Finnish training sentence for the vat topic, as a content owner adds. */
function withFinnishSentence(from: BotContent): BotContent {
  const vat = from.topics.get("vat") as Topic;
  return {
    ...from,
    topics: new Map(from.topics).set("vat", {
      ...vat,
      fi: {
        ...vat.fi,
        utterances: [...vat.fi.utterances, "miten alv lasketaan ulkomaanmyynnistä"],
      },
    }),
  };
}

/** A recogniser trained on this thread, for comparison; trained once, when first needed. */
function inlineRecogniser(): EmbeddedRecogniser {
  inline ??= new EmbeddedRecogniser(content);
  return inline;
}

/**
 * The longest an interval of 10 ms fired late while `work` ran: how long the event loop,
 * and so every chat on the server, was kept waiting.
 */
async function maxEventLoopLag(work: () => unknown): Promise<number> {
  const period = 10;
  let max = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    max = Math.max(max, now - last - period);
    last = now;
  }, period);
  const pause = () => new Promise((resolve) => setTimeout(resolve, 5 * period));
  await pause();
  max = 0;
  await work();
  await pause(); // the tick held up by the end of `work` fires here
  clearInterval(timer);
  return max;
}

// Tests that train take seconds on a busy two-core machine: a cold worker, a cold JIT.
describe("trainRecogniserInWorker", () => {
  it("returns a recogniser that answers like one trained on this thread", async () => {
    const cases = heldOutTests();

    const inWorker = await trainRecogniserInWorker(content);

    expect(cases.length).toBeGreaterThan(700);
    expect(cases.map((c) => inWorker.classify(c.text, c.lang))).toEqual(
      cases.map((c) => inlineRecogniser().classify(c.text, c.lang)),
    );
  }, 60_000);

  it("keeps the event loop responsive while it trains, unlike training inline", async () => {
    const workerLag = await maxEventLoopLag(() => trainRecogniserInWorker(freshContent()));
    const inlineLag = await maxEventLoopLag(() => new EmbeddedRecogniser(content));

    // Inline, the loop waits for all of training (0.6 s or more); with the worker it waits
    // only for the worker's start and the snapshot's restore. Bounds are loose for a busy
    // machine: the point is the contrast.
    expect(inlineLag).toBeGreaterThan(250);
    expect(workerLag).toBeLessThan(inlineLag / 3);
  }, 60_000);

  it("trains at a share of a core by resting between slices, to the same recogniser", async () => {
    const cases = heldOutTests();

    const whole = await trainRecogniserInWorker(freshContent());
    // Fresh content, so the worker trains rather than reusing; its sentence moves the
    // training order, so the answers are compared with this content trained on this thread.
    const pacedContent = freshContent();
    const paced = await trainRecogniserInWorker(pacedContent, { cpuPercent: 50 });

    expect(whole.workerRestedMs).toBe(0);
    // Training takes most of a second of CPU; at half a core it rests about as long.
    expect(paced.workerRestedMs).toBeGreaterThan(300);
    expect(paced.workerThreadId).toBe(whole.workerThreadId);
    const inline = new EmbeddedRecogniser(pacedContent);
    expect(cases.map((c) => paced.classify(c.text, c.lang))).toEqual(
      cases.map((c) => inline.classify(c.text, c.lang)),
    );
  }, 60_000);

  it("keeps to its share only while the busy flag says the chats' thread is busy", async () => {
    const flag = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));

    const quiet = await trainRecogniserInWorker(freshContent(), {
      cpuPercent: 50,
      busyFlag: flag.buffer as SharedArrayBuffer,
    });
    Atomics.store(flag, 0, 1);
    const busy = await trainRecogniserInWorker(freshContent(), {
      cpuPercent: 50,
      busyFlag: flag.buffer as SharedArrayBuffer,
    });

    expect(quiet.workerRestedMs).toBe(0);
    expect(busy.workerRestedMs).toBeGreaterThan(300);
  }, 60_000);

  it("trains again only the parts whose inputs changed, to the same recogniser", async () => {
    const cases = heldOutTests();
    const before = freshContent();
    // A content owner adds one Finnish sentence: the Swedish classifier has nothing new to learn.
    const edited = withFinnishSentence(before);

    const first = await trainRecogniserInWorker(before);
    const second = await trainRecogniserInWorker(edited);
    const again = await trainRecogniserInWorker(edited);

    expect(first.workerReused).toEqual([]);
    // The detector learns from both languages' sentences, so it is trained again too.
    expect(second.workerReused).toEqual(["sv"]);
    expect(again.workerReused).toEqual(["fi", "sv", "detector"]);
    const fromScratch = new EmbeddedRecogniser(edited);
    const expected = cases.map((c) => fromScratch.classify(c.text, c.lang));
    expect(cases.map((c) => second.classify(c.text, c.lang))).toEqual(expected);
    expect(cases.map((c) => again.classify(c.text, c.lang))).toEqual(expected);
  }, 60_000);

  it("keeps none of the parts of an order trained once, so the next job still reuses the draft's", async () => {
    const draft = freshContent();
    const inOrder = (seed: number) =>
      trainRecogniserInWorker(draft, {
        classifier: {
          ...DEFAULT_CLASSIFIER_OPTIONS,
          training: { ...DEFAULT_CLASSIFIER_OPTIONS.training, seed },
        },
        keep: false,
      });
    await trainRecogniserInWorker(draft);

    // Two other orders: kept, they would push the draft's classifiers out of the worker.
    const [one, two] = [await inOrder(1), await inOrder(2)];
    const again = await trainRecogniserInWorker(draft);

    // The language detector does not depend on the order: taken from the draft's.
    expect(one.workerReused).toEqual(["detector"]);
    expect(two.workerReused).toEqual(["detector"]);
    expect(again.workerReused).toEqual(["fi", "sv", "detector"]);
  }, 60_000);

  it("starts a new worker from the parts of the last recogniser trained", async () => {
    const before = freshContent();
    const first = await trainRecogniserInWorker(before);
    // A timed-out job stops the worker, as a minute without work does.
    await expect(trainRecogniserInWorker(freshContent(), { timeoutMs: 50 })).rejects.toThrow(
      /timed out/,
    );

    const next = await trainRecogniserInWorker(withFinnishSentence(before));

    expect(next.workerThreadId).not.toBe(first.workerThreadId);
    expect(next.workerReused).toEqual(["sv"]);
  }, 60_000);

  it("lets the worker reuse the parts of a recogniser trained on this thread at start", async () => {
    const cases = heldOutTests();
    const atStart = freshContent();

    const here = trainRecogniserHere(atStart);
    const same = await trainRecogniserInWorker(atStart);
    const edited = await trainRecogniserInWorker(withFinnishSentence(atStart));

    expect(same.workerReused).toEqual(["fi", "sv", "detector"]);
    expect(edited.workerReused).toEqual(["sv"]);
    expect(cases.map((c) => same.classify(c.text, c.lang))).toEqual(
      cases.map((c) => here.classify(c.text, c.lang)),
    );
  }, 60_000);

  it("classifies the test split at start as the worker's training does, so the first publish need not", async () => {
    const atStart = freshContent();
    const toClassify = {
      fi: heldOutTests()
        .filter((c) => c.lang === "fi")
        .map((c) => c.text),
      sv: heldOutTests()
        .filter((c) => c.lang === "sv")
        .map((c) => c.text),
    };
    const training = trainBesideChats(50);
    try {
      const here = training.trainHere(atStart, toClassify);
      const inWorker = await trainRecogniserInWorker(atStart, { classify: toClassify });

      expect(here.classifiedTexts).toBe(toClassify);
      expect(here.classified?.fi).toHaveLength(toClassify.fi.length);
      expect(here.classified).toEqual(inWorker.classified);
      expect(training.trainHere(atStart).classified).toBeUndefined();
    } finally {
      training.stop();
    }
  }, 60_000);

  it("rejects with the worker's error message when training fails", async () => {
    const broken = { id: "tax-card", fi: { utterances: ["verokortti"] } } as unknown as Topic;
    const bad: BotContent = {
      topics: new Map([["tax-card", broken]]),
      outOfScope: { fi: [], sv: [] },
      referrals: [],
    };

    const training = trainRecogniserInWorker(bad);

    await expect(training).rejects.toThrow(RecogniserTrainingError);
    await expect(training).rejects.toThrow(/reading 'utterances'/);
  });

  it("rejects once the timeout has passed, after stopping the worker", async () => {
    const started = performance.now();

    const training = trainRecogniserInWorker(freshContent(), { timeoutMs: 50 });

    await expect(training).rejects.toThrow("recogniser training timed out after 50 ms");
    // It settles when the worker has exited, long before training could have finished.
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("rejects when aborted, e.g. by a newer content version", async () => {
    const superseded = new AbortController();

    const training = trainRecogniserInWorker(freshContent(), { signal: superseded.signal });
    setTimeout(() => superseded.abort(), 20);

    await expect(training).rejects.toThrow("recogniser training was aborted");
    await expect(trainRecogniserInWorker(content, { signal: superseded.signal })).rejects.toThrow(
      "aborted before it started",
    );
  });

  it("trains jobs asked at once in turn on one worker, which a training error does not end", async () => {
    const broken = { id: "tax-card", fi: { utterances: ["verokortti"] } } as unknown as Topic;
    const bad: BotContent = { ...content, topics: new Map([["tax-card", broken]]) };

    const [first, failed, second] = await Promise.allSettled([
      trainRecogniserInWorker(content),
      trainRecogniserInWorker(bad),
      trainRecogniserInWorker(content),
    ]);

    expect(failed.status).toBe("rejected");
    if (first.status !== "fulfilled" || second.status !== "fulfilled") {
      throw new Error("both good jobs should have trained");
    }
    expect(second.value.workerThreadId).toBe(first.value.workerThreadId);
    expect(second.value.classify("milloin tulee veronpalautus", "fi")).toEqual(
      inlineRecogniser().classify("milloin tulee veronpalautus", "fi"),
    );
  }, 60_000);

  it("starts a fresh worker for the next job after stopping one for a timeout", async () => {
    const before = await trainRecogniserInWorker(content);

    await expect(trainRecogniserInWorker(freshContent(), { timeoutMs: 50 })).rejects.toThrow(
      /timed out/,
    );
    const after = await trainRecogniserInWorker(content);

    expect(after.workerThreadId).not.toBe(before.workerThreadId);
    expect(after.classify("när kommer skatteåterbäringen", "sv").intent).toBe(
      inlineRecogniser().classify("när kommer skatteåterbäringen", "sv").intent,
    );
  }, 60_000);

  it("drops a queued job that is aborted before its turn, and trains the rest", async () => {
    const superseded = new AbortController();

    const running = trainRecogniserInWorker(freshContent());
    const dropped = trainRecogniserInWorker(freshContent(), { signal: superseded.signal });
    superseded.abort();

    await expect(dropped).rejects.toThrow("recogniser training was aborted");
    await expect(running).resolves.toBeInstanceOf(EmbeddedRecogniser);
  }, 60_000);

  it("rejects when the worker script cannot be loaded", async () => {
    const missing = new URL("./no-such-worker.mjs", import.meta.url);

    await expect(trainRecogniserInWorker(content, { workerUrl: missing })).rejects.toThrow(
      RecogniserTrainingError,
    );
  });
});

describe("trainRecogniserInWorker in an esbuild bundle", () => {
  const here = fileURLToPath(new URL(".", import.meta.url));
  const dockerfile = fileURLToPath(new URL("../../../gateway/server/Dockerfile", import.meta.url));
  let outdir: string;

  beforeAll(async () => {
    outdir = await mkdtemp(join(tmpdir(), "recogniser-bundle-"));
  });

  afterAll(async () => {
    await rm(outdir, { recursive: true, force: true });
  });

  it("is built beside the gateway bundle in the gateway image", async () => {
    const text = await readFile(dockerfile, "utf8");

    const entry = `${BUNDLED_TRAINING_WORKER.replace(/\.mjs$/, "")}=functions/adapters/recogniser/embedded/trainingWorker.ts`;
    expect(text).toContain(entry);
    expect(text).toContain("--out-extension:.js=.mjs --outdir=dist");
  });

  it("starts the bundled worker beside the bundle and answers like inline training", async () => {
    // Prepare: the Dockerfile's esbuild settings (target: the Node running this test).
    const settings: BuildOptions = {
      bundle: true,
      platform: "node",
      format: "esm",
      target: `node${process.versions.node.split(".")[0]}`,
      minify: true,
      mainFields: ["module", "main"],
      banner: {
        js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
      },
      logLevel: "silent",
    };
    const app = join(outdir, "app.mjs");
    await build({
      ...settings,
      stdin: {
        contents: [
          'import { loadBotContent } from "../../../content/loadContent.ts";',
          'import { trainRecogniserInWorker } from "./trainInWorker.ts";',
          "const [contentDir, asked] = process.argv.slice(2);",
          "const recogniser = await trainRecogniserInWorker(loadBotContent(contentDir));",
          "const answers = JSON.parse(asked).map(([text, lang]) => recogniser.classify(text, lang));",
          "console.log(JSON.stringify(answers));",
        ].join("\n"),
        resolveDir: here,
        sourcefile: "bundledApp.ts",
        loader: "ts",
      },
      outfile: app,
    });
    await build({
      ...settings,
      entryPoints: [join(here, "trainingWorker.ts")],
      outfile: join(outdir, BUNDLED_TRAINING_WORKER),
    });
    const asked: [string, Lang][] = [
      ["milloin tulee veronpalautus", "fi"],
      ["hei, mun verokortti on hukassa", "fi"],
      ["kelan asumistuki", "fi"],
      ["när kommer skatteåterbäringen", "sv"],
      ["när kommer min skatteåterbäring", "fi"],
    ];

    // Act
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [app, DEFAULT_CONTENT_DIR, JSON.stringify(asked)],
      { cwd: outdir },
    );

    // Assess
    expect(JSON.parse(stdout)).toEqual(
      asked.map(([text, lang]) => inlineRecogniser().classify(text, lang)),
    );
  }, 60_000);
});
