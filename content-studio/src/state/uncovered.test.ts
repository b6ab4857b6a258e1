import { describe, expect, it } from "vitest";
import { draftNaming, listPageServer, signedInWithFakeServer } from "./fakeServer.ts";
import { draft } from "./topics.ts";
import * as tryIt from "./tryIt.ts";
import {
  askToMove,
  confirmingMove,
  moved,
  moveOutcome,
  moveToTopicTests,
  rowKey,
  tryQuestion,
  uncoveredPage,
} from "./uncovered.ts";

const SET = "/api/content/draft/uncovered";
const CHECK = "/api/content/draft/validate/uncovered";
const VAT = "/api/content/draft/topics/vat";

const dogTax = { text: "koiravero helsinki", matter: "dog-tax" };
const boat = { text: "veneen veroton myynti", matter: "boat" };
const setAt = (revision: string, fi = [dogTax, boat]) => ({
  status: 200,
  body: {
    uncovered: { fi, sv: [{ text: "hundskatt", matter: "dog-tax" }] },
    updatedBy: "Sanna",
    updatedAt: "2026-12-05T08:00:00.000Z",
    revision,
  },
});
const saved = (revision: string) => ({ status: 200, body: { ok: true, warnings: [], revision } });
const vatTopic = {
  status: 200,
  body: {
    topic: {
      id: "vat",
      fi: { title: "ALV", utterances: ["alv"], answer: "ALV." },
      sv: { title: "Moms", utterances: ["moms"], answer: "Moms." },
      tests: { fi: ["mikä on alv"], sv: [] },
    },
    retired: false,
    revision: "t1",
  },
};

describe("the uncovered questions in the studio", () => {
  const fake = signedInWithFakeServer(() => {
    draft.value = undefined;
    moved.value = new Set();
    moveOutcome.value = undefined;
    confirmingMove.value = undefined;
    tryIt.message.value = "";
    tryIt.lang.value = "fi";
    tryIt.result.value = undefined;
    tryIt.asked.value = undefined;
  });

  const page = listPageServer(fake, CHECK);
  const served = (problems: unknown[] = []) => page.served([], problems);
  /** A server where moving a question to vat's test messages saves the set, then the topic. */
  const servedForMove = () => {
    const server = served();
    server.on("GET", SET, () => setAt("r1"));
    server.on("PUT", SET, () => saved("r2"));
    server.on("GET", VAT, () => vatTopic);
    server.on("PUT", VAT, () => saved("t2"));
    return server;
  };
  const { writes } = page;

  it("opens each language's questions as `matter: question` lines and saves them as questions over the revision read", async () => {
    const server = served();
    server.on("GET", SET, () => setAt("r1"));
    server.on("PUT", SET, () => saved("r2"));
    await uncoveredPage.open();
    expect(uncoveredPage.edit.form.value).toEqual({
      fi: "dog-tax: koiravero helsinki\nboat: veneen veroton myynti",
      sv: "dog-tax: hundskatt",
    });

    uncoveredPage.update("fi", "dog-tax: koiravero helsinki\n\n  gift-tax:  lahjavero serkulta ");
    expect(await uncoveredPage.save()).toBe(true);

    expect(writes()).toEqual([`PUT ${SET} "r1"`]);
    expect(server.calls.find((c) => c.method === "PUT")?.body).toEqual({
      fi: [dogTax, { text: "lahjavero serkulta", matter: "gift-tax" }],
      sv: [{ text: "hundskatt", matter: "dog-tax" }],
    });
    expect(uncoveredPage.edit.outcome.value).toEqual({
      kind: "ok",
      text: "Kysymykset tallennettu luonnokseen.",
    });
  });

  it("shows a problem of a question's matter at its line, and does not save while it is there", async () => {
    const problem = { severity: "error", path: "fi[1].matter", message: "Anna asia." };
    const server = served([problem]);
    server.on("GET", SET, () => setAt("r1"));
    await uncoveredPage.open();
    uncoveredPage.update("fi", "dog-tax: koiravero helsinki\nveneen veroton myynti");
    await uncoveredPage.edit.validateNow();

    expect(server.calls.filter((c) => c.path === CHECK).at(-1)?.body).toEqual({
      fi: [dogTax, { text: "veneen veroton myynti", matter: "" }],
      sv: [{ text: "hundskatt", matter: "dog-tax" }],
    });
    expect(uncoveredPage.problems.value).toEqual([
      expect.objectContaining({ field: "fi", index: 1, message: problem.message }),
    ]);
    expect(await uncoveredPage.save()).toBe(false);
    expect(writes()).toEqual([]);
  });

  it("moves a question the draft answers into the topic's test messages: the set first, then the topic", async () => {
    const server = servedForMove();
    const row = { text: "koiravero helsinki", lang: "fi" as const, topic: "vat" };

    expect(await moveToTopicTests(row)).toBe(true);

    expect(writes()).toEqual([`PUT ${SET} "r1"`, `PUT ${VAT} "t1"`]);
    const [set, topic] = server.calls.filter((c) => c.method === "PUT");
    expect(set?.body).toEqual({ fi: [boat], sv: [{ text: "hundskatt", matter: "dog-tax" }] });
    expect((topic?.body as { tests?: unknown } | undefined)?.tests).toEqual({
      fi: ["mikä on alv", "koiravero helsinki"],
      sv: [],
    });
    expect(moved.value.has(rowKey(row))).toBe(true);
    expect(moveOutcome.value).toMatchObject({ kind: "ok", text: expect.stringContaining("vat") });
  });

  it("asking to move a wrong answer's question only opens its confirmation: nothing is written", async () => {
    const server = served();
    server.on("GET", SET, () => setAt("r1"));
    const row = { text: "osakeyhtiön tuloveroprosentti", lang: "fi" as const, topic: "tax-card" };
    const other = { ...row, text: "koiravero helsinki" };

    askToMove(other);
    askToMove(row);

    // One confirmation open, this row's; the set and the topic untouched until it is confirmed.
    expect(confirmingMove.value).toBe(rowKey(row));
    expect(writes()).toEqual([]);
    expect(server.calls).toEqual([]);
  });

  it("tries the question in its own language on Try it, to see why the topic answers it", async () => {
    const server = served();
    server.on("POST", "/api/content/try", () => ({
      status: 200,
      body: { draft: { top: [] }, live: { top: [] } },
    }));
    const row = { text: "hundskatt i Helsingfors", lang: "sv" as const, topic: "vat" };

    await tryQuestion(row);

    expect(location.hash).toBe("#/try");
    expect([tryIt.message.value, tryIt.lang.value]).toEqual([row.text, "sv"]);
    expect(server.calls.find((c) => c.path === "/api/content/try")?.body).toEqual({
      text: row.text,
      lang: "sv",
    });
    // Trying changes nothing in the draft.
    expect(server.calls.filter((c) => c.method === "PUT")).toEqual([]);
  });

  it("names the topic by its title once the question is moved, and closes the confirmation", async () => {
    draft.value = draftNaming([{ id: "vat", fi: "Arvonlisävero", sv: "Moms" }]);
    servedForMove();
    const row = { text: "koiravero helsinki", lang: "fi" as const, topic: "vat" };
    askToMove(row);

    expect(await moveToTopicTests(row)).toBe(true);

    expect(moveOutcome.value?.text).toMatch(
      /lisättiin aiheen Arvonlisävero \(vat\) testiviesteihin/,
    );
    expect(confirmingMove.value).toBeUndefined();
  });

  it("says plainly when the question left the set but the topic's save failed", async () => {
    const server = served();
    server.on("GET", SET, () => setAt("r1"));
    server.on("PUT", SET, () => saved("r2"));
    server.on("GET", VAT, () => vatTopic);
    server.on("PUT", VAT, () => ({
      status: 412,
      body: { error: { code: "EDIT_CONFLICT", message: "Sanna muutti aihetta vat." } },
    }));
    const row = { text: "koiravero helsinki", lang: "fi" as const, topic: "vat" };

    expect(await moveToTopicTests(row)).toBe(false);

    expect(writes()).toEqual([`PUT ${SET} "r1"`, `PUT ${VAT} "t1"`]);
    expect(moveOutcome.value?.kind).toBe("error");
    expect(moveOutcome.value?.text).toMatch(
      /^Kysymys poistettiin listalta, mutta sitä ei voitu lisätä aiheen vat testiviesteihin/,
    );
    expect(moved.value.has(rowKey(row))).toBe(false);
  });

  it("moves nothing when the question is no longer in the set", async () => {
    const server = served();
    server.on("GET", SET, () => setAt("r1", [boat]));

    expect(await moveToTopicTests({ text: "koiravero helsinki", lang: "fi", topic: "vat" })).toBe(
      false,
    );

    expect(writes()).toEqual([]);
    expect(moveOutcome.value?.text).toMatch(/ei ole enää listalla/);
  });
});
