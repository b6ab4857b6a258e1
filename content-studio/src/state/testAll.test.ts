// Test all when the server fails: the failure offers "Try again", and a retry keeps it in place.
import { describe, expect, it } from "vitest";
import { text } from "../i18n.ts";
import { signOut } from "./app.ts";
import { signedInWithFakeServer } from "./fakeServer.ts";
import * as testAll from "./testAll.ts";

const TEST_ALL = "/api/content/test-all";
const t = text.value;
const gone = () => ({ status: 503, body: { error: { code: "SERVICE_UNAVAILABLE", message: "" } } });
const lang = { total: 1, accuracy: 1, noneRecall: 1, perTopic: [], confusions: [] };
const report = () => ({
  status: 200,
  body: {
    splits: { tests: { fi: lang, sv: lang }, dev: { fi: lang, sv: lang } },
    changed: [],
    gate: [],
  },
});

describe("Test all when the server fails", () => {
  const fake = signedInWithFakeServer(() => signOut());

  it("keeps the failure, whose Try again has focus, while the retry runs, and clears it once the test answers", async () => {
    const server = fake.current();
    server.on("POST", TEST_ALL, gone);
    await testAll.run();
    expect(testAll.error.value).toBe(t.noAnswer);

    let answer: (a: ReturnType<typeof report>) => void = () => {};
    server.on("POST", TEST_ALL, () => new Promise((resolve) => (answer = resolve)));
    const retried = testAll.run({ retrying: true });
    await Promise.resolve();
    expect(testAll.busy.value).toBe(true);
    expect(testAll.error.value).toBe(t.noAnswer);

    answer(report());
    await retried;
    expect(testAll.error.value).toBe("");
    expect(testAll.result.value?.splits.tests.fi.accuracy).toBe(1);
  });

  it("clears an earlier failure at once when the Test all button runs it again", async () => {
    const server = fake.current();
    server.on("POST", TEST_ALL, gone);
    await testAll.run();
    server.on("POST", TEST_ALL, () => new Promise(() => {}));
    void testAll.run();
    expect(testAll.error.value).toBe("");
  });
});
