import { describe, expect, it } from "vitest";
import { draftAnswer, listPageServer, signedInWithFakeServer } from "./fakeServer.ts";
import * as scope from "./outOfScope.ts";
import { draft } from "./topics.ts";

const LISTS = "/api/content/draft/out-of-scope";
const CHECK = "/api/content/draft/validate/out-of-scope";

const listsAt = (revision: string, fi = ["kissa", "qwerty"]) => ({
  status: 200,
  body: {
    outOfScope: { fi, sv: ["katt"] },
    updatedBy: "Sanna",
    updatedAt: "2026-12-05T08:00:00.000Z",
    revision,
  },
});

const saved = (revision: string) => ({ status: 200, body: { ok: true, warnings: [], revision } });

describe("the out-of-scope examples in the studio", () => {
  const fake = signedInWithFakeServer(() => {
    draft.value = undefined;
  });

  const { served, writes } = listPageServer(fake, CHECK);

  it("opens both lists one per line, and saves over the revision read, then over its own", async () => {
    const server = served();
    server.on("GET", LISTS, () => listsAt("r1"));
    server.on("PUT", LISTS, () => saved("r2"));
    server.on("PUT", LISTS, () => saved("r3"));
    await scope.openOutOfScope();
    expect(scope.outOfScopeForm.value).toEqual({ fi: "kissa\nqwerty", sv: "katt" });
    expect(scope.lastSaved.value).toEqual({ by: "Sanna", at: "2026-12-05T08:00:00.000Z" });

    scope.updateOutOfScope("fi", "kissa\n\n  lohikeiton resepti \n");
    expect(await scope.saveOutOfScope()).toBe(true);
    expect(await scope.saveOutOfScope()).toBe(true);

    expect(writes()).toEqual([`PUT ${LISTS} "r1"`, `PUT ${LISTS} "r2"`]);
    const put = server.calls.find((c) => c.method === "PUT");
    expect(put?.body).toEqual({ fi: ["kissa", "lohikeiton resepti"], sv: ["katt"] });
    expect(scope.outcome.value).toEqual({
      kind: "ok",
      text: "Aiheen ulkopuoliset viestit tallennettu luonnokseen.",
    });
  });

  it("shows an error at its line of its list, and does not save while it is there", async () => {
    const problem = { severity: "error", path: "fi[2]", message: "Lause on myös aiheessa vat." };
    const server = served([], [problem]);
    server.on("GET", LISTS, () => listsAt("r1", ["kissa", "", "qwerty", "alv"]));
    await scope.openOutOfScope();
    await scope.validateOutOfScopeNow();

    expect(scope.outOfScopeProblems.value).toEqual([
      expect.objectContaining({ field: "fi", index: 2, message: problem.message }),
    ]);
    expect(scope.outOfScopeSaveBlocked.value).toBe(true);
    expect(await scope.saveOutOfScope()).toBe(false);
    expect(writes()).toEqual([]);
  });

  it("after a save someone made first, offers theirs, or saves over the revision it named", async () => {
    const server = served();
    server.on("GET", LISTS, () => listsAt("r1"));
    server.on("PUT", LISTS, () => ({
      status: 412,
      body: {
        error: {
          code: "EDIT_CONFLICT",
          message: "Sanna muutti aiheen ulkopuolisia viestejä sen jälkeen, kun avasit ne.",
          current: { updatedBy: "Sanna", updatedAt: "2026-12-05T08:05:00.000Z", revision: "r5" },
        },
      },
    }));
    server.on("PUT", LISTS, () => saved("r6"));
    await scope.openOutOfScope();
    scope.updateOutOfScope("sv", "katt\nhund");

    expect(await scope.saveOutOfScope()).toBe(false);
    expect(scope.conflict.value).toMatchObject({ on: "save", revision: "r5" });
    expect(scope.outcome.value?.text).toMatch(/^Sanna tallensi tämän sen jälkeen/);
    // The form is still the person's own.
    expect(scope.outOfScopeForm.value.sv).toBe("katt\nhund");

    expect(await scope.saveMyOutOfScope()).toBe(true);
    expect(writes()).toEqual([`PUT ${LISTS} "r1"`, `PUT ${LISTS} "r5"`]);
    expect(scope.conflict.value).toBeUndefined();
  });

  it("offers to discard only lists that differ from live, and reads them again after", async () => {
    const noneOnly = [{ id: "out-of-scope", change: "changed", fields: ["tests.fi"] }];
    draft.value = draftAnswer({ changes: noneOnly }).body as typeof draft.value;
    expect(scope.outOfScopeChanged.value).toBe(false);
    const lists = [{ id: "out-of-scope", change: "changed", fields: ["outOfScope.sv"] }];
    const server = served(lists);
    server.on("GET", LISTS, () => listsAt("r1", ["kissa", "työsuhdeoptio"]));
    server.on("GET", LISTS, () => listsAt("r2"));
    server.on("POST", `${LISTS}/revert`, () => ({
      status: 200,
      body: { ok: true, result: "reverted", warnings: [], revision: "r2" },
    }));
    await scope.openOutOfScope();
    expect(scope.outOfScopeChanged.value).toBe(true);

    expect(await scope.revertOutOfScope()).toBe(true);

    expect(writes()).toEqual([`POST ${LISTS}/revert "r1"`]);
    expect(scope.outOfScopeForm.value.fi).toBe("kissa\nqwerty");
    expect(scope.outcome.value).toEqual({
      kind: "ok",
      text: "Aiheen ulkopuolisten viestien luonnoksen muutokset peruttu: ne ovat taas samat kuin käytössä olevassa versiossa.",
    });
  });

  it("does not save lists it could not read: their revision is unknown", async () => {
    served();
    fake.current().on("GET", LISTS, () => ({
      status: 503,
      body: { error: { code: "SERVICE_UNAVAILABLE", message: "" } },
    }));
    await scope.openOutOfScope();

    expect(scope.unreadable.value).toBe(true);
    expect(await scope.saveOutOfScope()).toBe(false);
    expect(writes()).toEqual([]);
  });
});
