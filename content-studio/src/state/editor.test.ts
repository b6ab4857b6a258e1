import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { setUiLang } from "../i18n.ts";
import { me, route, session } from "./app.ts";
import * as editor from "./editor.ts";
import { capitalGainsTopic } from "./fakeServer.ts";
import { recheckOnLanguageSwitch } from "./language.ts";

type Answer = { status: number; body: unknown };

/** A fetch that answers each call from the queue given for its method and path. */
function fakeServer() {
  const queues = new Map<string, ((body: unknown) => Promise<Answer> | Answer)[]>();
  const calls: { method: string; path: string; body: unknown }[] = [];
  const fetchImpl = vi.fn(async (path: string, init?: RequestInit) => {
    const method = init?.method ?? "GET";
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method, path, body });
    const next = queues.get(`${method} ${path}`)?.shift();
    const answer = next
      ? await next(body)
      : { status: 404, body: { error: { code: "NOT_FOUND", message: path } } };
    return new Response(JSON.stringify(answer.body), { status: answer.status });
  });
  return {
    calls,
    fetchImpl,
    on(method: string, path: string, answer: (body: unknown) => Promise<Answer> | Answer) {
      const list = queues.get(`${method} ${path}`) ?? [];
      list.push(answer);
      queues.set(`${method} ${path}`, list);
    },
  };
}

const VALIDATE = "/api/content/draft/validate/topics/capital-gains";

describe("topic editor state", () => {
  let server: ReturnType<typeof fakeServer>;
  let stopRecheck: (() => void) | undefined;

  beforeEach(() => {
    vi.useFakeTimers();
    server = fakeServer();
    vi.stubGlobal("fetch", server.fetchImpl);
    vi.stubGlobal("location", { hash: "" });
    server.on("GET", "/api/content/draft", () => ({
      status: 200,
      body: {
        baseVersion: 1,
        liveVersion: 1,
        topics: [],
        outOfScope: { fi: [], sv: [] },
        changed: [],
      },
    }));
    server.on("GET", "/api/content/topics", () => ({
      status: 200,
      body: { version: 1, topics: [] },
    }));
    session.value = { token: "tok" };
    editor.startNew();
  });
  afterEach(() => {
    stopRecheck?.();
    stopRecheck = undefined;
    setUiLang("fi");
    session.value = undefined;
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  const validations = () => server.calls.filter((c) => c.path === VALIDATE);

  it("asks the check 400 ms after the last change, and shows 'checking' from the first", async () => {
    server.on("POST", VALIDATE, () => ({ status: 200, body: { problems: [] } }));

    editor.update((f) => ({ ...f, id: "capital-gains" }));
    expect(editor.checking.value).toBe(true);
    await vi.advanceTimersByTimeAsync(300);
    editor.update((f) => ({ ...f, fi: { ...f.fi, title: "Myyntivoitto" } }));
    await vi.advanceTimersByTimeAsync(399);
    expect(validations()).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);

    expect(validations()).toHaveLength(1);
    expect(validations()[0]?.body).toMatchObject({
      id: "capital-gains",
      fi: { title: "Myyntivoitto" },
    });
    await vi.waitFor(() => expect(editor.checking.value).toBe(false));
  });

  it("keeps the newest check's answer when an older one comes back later", async () => {
    let releaseOld: (a: Answer) => void = () => undefined;
    server.on(
      "POST",
      VALIDATE,
      () =>
        new Promise<Answer>((resolve) => {
          releaseOld = resolve;
        }),
    );
    server.on("POST", VALIDATE, () => ({
      status: 200,
      body: { problems: [{ severity: "warning", path: "tests.fi", message: "few" }] },
    }));

    editor.update((f) => ({ ...f, id: "capital-gains" }));
    await vi.advanceTimersByTimeAsync(400);
    editor.update((f) => ({ ...f, fi: { ...f.fi, tests: "yksi" } }));
    await vi.advanceTimersByTimeAsync(400);
    await vi.waitFor(() => expect(editor.checking.value).toBe(false));
    releaseOld({ status: 200, body: { problems: [{ path: "fi.title", message: "stale" }] } });
    await vi.advanceTimersByTimeAsync(0);

    expect(editor.problems.value.map((p) => p.message)).toEqual(["few"]);
    expect(editor.saveBlocked.value).toBe(false);
  });

  /** A new topic checked once in Finnish, then the studio switched to Swedish. */
  async function checkThenSwitchToSwedish(): Promise<void> {
    route.value = { view: "new" };
    setUiLang("fi");
    stopRecheck = recheckOnLanguageSwitch();
    editor.update((f) => ({ ...f, id: "capital-gains" }));
    await vi.advanceTimersByTimeAsync(400);
    await vi.waitFor(() => expect(editor.checking.value).toBe(false));
    setUiLang("sv");
  }

  it("asks the check again in the other language when the studio's language is switched", async () => {
    const told = (message: string) => ({
      status: 200,
      body: { problems: [{ path: "fi.title", code: "empty", message }] },
    });
    server.on("POST", VALIDATE, () => told("Kenttä on tyhjä."));
    server.on("POST", VALIDATE, () => told("Fältet är tomt."));

    await checkThenSwitchToSwedish();

    await vi.waitFor(() =>
      expect(editor.problems.value.map((p) => p.message)).toEqual(["Fältet är tomt."]),
    );
    const asked = server.fetchImpl.mock.calls
      .filter(([path]) => path === VALIDATE)
      .map(
        ([, init]) => (init?.headers as Record<string, string> | undefined)?.["accept-language"],
      );
    expect(asked).toEqual(["fi", "sv"]);
  });

  it("leaves a form the server has found nothing in unchecked on a language switch", async () => {
    server.on("POST", VALIDATE, () => ({ status: 200, body: { problems: [] } }));

    await checkThenSwitchToSwedish();
    await vi.advanceTimersByTimeAsync(400);

    expect(validations()).toHaveLength(1);
  });

  it("does not ask the server while the new id is invalid, and that blocks Save", async () => {
    editor.update((f) => ({ ...f, id: "Capital Gains" }));
    await vi.advanceTimersByTimeAsync(400);

    expect(validations()).toHaveLength(0);
    expect(editor.problems.value[0]).toMatchObject({ field: "id", severity: "error" });
    expect(await editor.save()).toBe(false);
    expect(server.calls.some((c) => c.method === "PUT")).toBe(false);
  });

  it("shows the problems of a refused save on their fields", async () => {
    server.on("POST", VALIDATE, () => ({ status: 200, body: { problems: [] } }));
    server.on("PUT", "/api/content/draft/topics/capital-gains", () => ({
      status: 400,
      body: {
        error: {
          code: "CONTENT_INVALID",
          message: "1 problem",
          problems: [{ path: "sv.links[0].url", message: "host not allowed", fix: "use vero.fi" }],
        },
      },
    }));
    editor.update((f) => ({ ...f, id: "capital-gains" }));

    expect(await editor.save()).toBe(false);

    expect(editor.outcome.value?.kind).toBe("error");
    expect(editor.problems.value).toEqual([
      expect.objectContaining({
        field: "sv.links",
        index: 0,
        sub: "url",
        severity: "error",
        fix: "use vero.fi",
      }),
    ]);
    expect(editor.saveBlocked.value).toBe(true);
  });

  it("saves a new topic, keeps its warnings and moves to its own address", async () => {
    server.on("PUT", "/api/content/draft/topics/capital-gains", () => ({
      status: 200,
      body: { ok: true, warnings: [{ path: "tests.sv", message: "fewer than 8" }] },
    }));
    editor.update((f) => ({ ...f, id: "capital-gains" }));

    me.value = { subject: "outi", displayName: "Outi Lahtinen", roles: ["content-owner"] };
    expect(await editor.save()).toBe(true);

    expect(editor.mode.value).toBe("edit");
    expect(editor.problems.value).toEqual([
      expect.objectContaining({ field: "sv.tests", severity: "warning" }),
    ]);
    // The line under the heading names who changed it last: the person who just saved.
    expect(editor.meta.value).toMatchObject({ updatedBy: "Outi Lahtinen", retired: false });
    expect(Date.now() - Date.parse(String(editor.meta.value.updatedAt))).toBeLessThan(5_000);
    expect(location.hash).toBe("#/topics/capital-gains");
    // Opening its address keeps the form as saved instead of loading it again.
    await editor.open("capital-gains");
    expect(
      server.calls.some((c) => c.method === "GET" && c.path.endsWith("/topics/capital-gains")),
    ).toBe(false);
  });

  it("offers a new topic with errors to be saved unfinished, keeps its errors in view, and opens it again as unfinished", async () => {
    const missingSv = { path: "sv", message: "Ruotsi puuttuu.", severity: "error" };
    server.on("POST", VALIDATE, () => ({ status: 200, body: { problems: [missingSv] } }));
    editor.update((f) => ({ ...f, id: "capital-gains", fi: { ...f.fi, title: "Myyntivoitto" } }));
    await vi.advanceTimersByTimeAsync(400);
    expect(editor.saveBlocked.value).toBe(true);
    expect(editor.unfinishedOffered.value).toBe(true);
    const PUT_UNFINISHED = "/api/content/draft/topics/capital-gains?inProgress=true";
    server.on("PUT", PUT_UNFINISHED, () => ({
      status: 200,
      body: { ok: true, inProgress: true, warnings: [], problems: [missingSv], revision: "r1" },
    }));

    expect(await editor.saveUnfinished()).toBe(true);

    const put = server.calls.find((c) => c.method === "PUT");
    expect(put).toMatchObject({ path: PUT_UNFINISHED, body: { fi: { title: "Myyntivoitto" } } });
    expect(editor.meta.value.inProgress).toBe(true);
    expect(editor.mode.value).toBe("edit");
    expect(editor.problems.value).toEqual([
      expect.objectContaining({ path: "sv", severity: "error" }),
    ]);
    expect(editor.unsaved.value).toBe(false);
    expect(editor.outcome.value?.text).toMatch(/tallennettu keskeneräisenä.*1 virhe/);
    // Saved again, it expects the revision it was saved at.
    server.on("PUT", PUT_UNFINISHED, () => ({
      status: 200,
      body: { ok: true, inProgress: true, warnings: [], problems: [missingSv], revision: "r2" },
    }));
    editor.update((f) => ({ ...f, fi: { ...f.fi, answer: "Myyntivoitosta maksetaan veroa." } }));
    expect(await editor.saveUnfinished()).toBe(true);
    const puts = server.fetchImpl.mock.calls.filter(([, init]) => init?.method === "PUT");
    expect(new Headers(puts.at(-1)?.[1]?.headers).get("if-match")).toBe('"r1"');

    // Opened later: the body as saved, with what it lacks left empty.
    server.on("GET", "/api/content/draft/topics/capital-gains", () => ({
      status: 200,
      body: {
        topic: { id: "capital-gains", fi: { title: "Myyntivoitto" }, tests: { fi: ["k?"] } },
        inProgress: true,
        retired: false,
        system: false,
        revision: "r2",
      },
    }));
    editor.startNew();
    await editor.open("capital-gains");
    expect(editor.meta.value.inProgress).toBe(true);
    expect(editor.form.value.fi).toMatchObject({ title: "Myyntivoitto", tests: "k?", answer: "" });
    expect(editor.form.value.sv.title).toBe("");
  });

  it("discards an unfinished topic from the draft and goes back to the list", async () => {
    server.on("GET", "/api/content/draft/topics/capital-gains", () => ({
      status: 200,
      body: {
        topic: { id: "capital-gains", fi: { title: "Myyntivoitto" } },
        inProgress: true,
        retired: false,
        system: false,
        revision: "r1",
      },
    }));
    server.on("POST", VALIDATE, () => ({ status: 200, body: { problems: [] } }));
    server.on("DELETE", "/api/content/draft/topics/capital-gains", () => ({
      status: 200,
      body: { ok: true, warnings: [] },
    }));
    await editor.open("capital-gains");

    expect(await editor.retire()).toBe(true);

    const deleted = server.fetchImpl.mock.calls.find(([, init]) => init?.method === "DELETE");
    expect(new Headers(deleted?.[1]?.headers).get("if-match")).toBe('"r1"');
    expect(location.hash).toBe("#/topics");
  });

  it("never offers an edit of a live topic to be saved unfinished", async () => {
    server.on("GET", "/api/content/draft/topics/capital-gains", () => ({
      status: 200,
      body: {
        topic: {
          id: "capital-gains",
          fi: { title: "", utterances: [], answer: "" },
          sv: { title: "", utterances: [], answer: "" },
          tests: { fi: [], sv: [] },
        },
        retired: false,
        system: false,
      },
    }));
    server.on("POST", VALIDATE, () => ({
      status: 200,
      body: { problems: [{ path: "fi.title", message: "puuttuu", severity: "error" }] },
    }));
    await editor.open("capital-gains");
    await vi.waitFor(() => expect(editor.checking.value).toBe(false));

    expect(editor.saveBlocked.value).toBe(true);
    expect(editor.unfinishedOffered.value).toBe(false);
    expect(await editor.saveUnfinished()).toBe(false);
  });

  it("holds a review date typed in part as an error at its field, so the save cannot drop the date", async () => {
    server.on("GET", "/api/content/draft/topics/capital-gains", () => ({
      status: 200,
      body: {
        topic: { ...capitalGainsTopic, reviewBy: "2027-01-31" },
        retired: false,
        revision: "r1",
      },
    }));
    await editor.open("capital-gains");
    // The year is cleared: the browser's date input then has no value at all.
    editor.reviewByEntered(true);
    editor.update((f) => ({ ...f, reviewBy: "" }));

    expect(editor.problems.value).toEqual([
      expect.objectContaining({ field: "reviewBy", severity: "error" }),
    ]);
    expect(editor.saveBlocked.value).toBe(true);
    expect(await editor.save()).toBe(false);
    expect(server.calls.some((c) => c.method === "PUT")).toBe(false);

    // A whole date again (or none, cleared on purpose): nothing to say, and it saves.
    editor.reviewByEntered(false);
    editor.update((f) => ({ ...f, reviewBy: "2027-02-28" }));
    expect(editor.saveBlocked.value).toBe(false);
  });

  it("shows the warnings an edit brings apart from those the topic had when opened", async () => {
    const near = (index: number, text: string) => ({
      severity: "warning",
      path: `fi.utterances[${index}]`,
      code: "nearDuplicate",
      message: `”${text}” on lähempänä aiheen vat lausetta`,
    });
    const fewTests = (n: number) => ({
      severity: "warning",
      path: "tests.sv",
      code: "tooFewTests",
      message: `Aiheella capital-gains on ${n} testiviestiä (ruotsi).`,
    });
    server.on("GET", "/api/content/draft/topics/capital-gains", () => ({
      status: 200,
      body: {
        topic: {
          id: "capital-gains",
          fi: { title: "Myyntivoitto", utterances: ["osakkeet", "alv myynnistä"], answer: "a" },
          sv: { title: "Vinst", utterances: ["aktier"], answer: "b" },
          tests: { fi: [], sv: ["x"] },
        },
        retired: false,
        system: false,
      },
    }));
    server.on("POST", VALIDATE, () => ({
      status: 200,
      body: { problems: [near(1, "alv myynnistä"), fewTests(1)] },
    }));
    await editor.open("capital-gains");
    await vi.waitFor(() => expect(editor.checking.value).toBe(false));
    expect(editor.earlierWarnings.value).toHaveLength(2);
    expect(editor.currentProblems.value).toEqual([]);

    // A sentence added above moves the old one down; one more test message changes the count.
    server.on("POST", VALIDATE, () => ({
      status: 200,
      body: { problems: [near(0, "alv kaupasta"), near(2, "alv myynnistä"), fewTests(2)] },
    }));
    editor.update((f) => ({
      ...f,
      fi: { ...f.fi, utterances: `alv kaupasta\n${f.fi.utterances}` },
      sv: { ...f.sv, tests: `${f.sv.tests}\ny` },
    }));
    await vi.advanceTimersByTimeAsync(400);
    await vi.waitFor(() => expect(editor.checking.value).toBe(false));

    expect(editor.currentProblems.value.map((p) => p.path)).toEqual(["fi.utterances[0]"]);
    expect(editor.earlierWarnings.value.map((p) => p.path).sort()).toEqual([
      "fi.utterances[2]",
      "tests.sv",
    ]);
    expect(editor.counts.value).toEqual({ errors: 0, warnings: 3 });

    server.on("PUT", "/api/content/draft/topics/capital-gains", () => ({
      status: 200,
      body: {
        ok: true,
        warnings: [near(0, "alv kaupasta"), near(2, "alv myynnistä"), fewTests(2)],
      },
    }));
    expect(await editor.save()).toBe(true);
    // Named by its title, the id after it: owners know topics by title.
    expect(editor.outcome.value?.text).toBe(
      "Aihe Myyntivoitto (capital-gains) tallennettu luonnokseen. 1 uusi varoitus.",
    );
  });

  it("discards the draft's changes: the form shows the live topic again, a refusal says why", async () => {
    const topicWith = (answer: string) => ({
      status: 200,
      body: {
        topic: {
          id: "capital-gains",
          fi: { title: "Myyntivoitto", utterances: ["osakkeet"], answer },
          sv: { title: "Vinst", utterances: ["aktier"], answer: "b" },
          tests: { fi: [], sv: [] },
        },
        retired: false,
        system: false,
      },
    });
    server.on("GET", "/api/content/draft/topics/capital-gains", () => topicWith("luonnos"));
    server.on("POST", VALIDATE, () => ({ status: 200, body: { problems: [] } }));
    await editor.open("capital-gains");
    await vi.waitFor(() => expect(editor.checking.value).toBe(false));
    const REVERT = "/api/content/draft/topics/capital-gains/revert";

    // Refused: the live topic would follow up to one the draft retired.
    server.on("POST", REVERT, () => ({
      status: 400,
      body: {
        error: {
          code: "CONTENT_INVALID",
          problems: [
            {
              path: "followUps[0]",
              message: "Jatkoaihetta payment ei ole.",
              fix: "Valitse toinen.",
            },
          ],
        },
      },
    }));
    editor.confirmingRevert.value = true;
    expect(await editor.revert()).toBe(false);
    expect(editor.outcome.value).toEqual({
      kind: "error",
      text: "Muutoksia ei peruttu: Jatkoaihetta payment ei ole.",
    });
    expect(editor.confirmingRevert.value).toBe(false);
    expect(editor.form.value.fi.answer).toBe("luonnos");

    server.on("POST", REVERT, () => ({
      status: 200,
      body: { ok: true, result: "reverted", warnings: [] },
    }));
    server.on("GET", "/api/content/draft/topics/capital-gains", () => topicWith("julkaistu"));
    expect(await editor.revert()).toBe(true);
    expect(editor.form.value.fi.answer).toBe("julkaistu");
    expect(editor.outcome.value).toEqual({
      kind: "ok",
      text: "Aiheen capital-gains luonnoksen muutokset peruttu: se on taas sama kuin käytössä olevassa versiossa.",
    });
  });

  it("folds nothing when the check of the topic as opened did not answer", async () => {
    server.on("GET", "/api/content/draft/topics/capital-gains", () => ({
      status: 200,
      body: {
        topic: capitalGainsTopic,
        retired: false,
        system: false,
      },
    }));
    server.on("POST", VALIDATE, () => ({
      status: 503,
      body: { error: { code: "SERVICE_UNAVAILABLE", message: "busy" } },
    }));
    await editor.open("capital-gains");
    await vi.waitFor(() => expect(editor.checking.value).toBe(false));

    // The next answer is for an edited form: its warning may be the edit's own, so it shows.
    server.on("POST", VALIDATE, () => ({
      status: 200,
      body: {
        problems: [
          { severity: "warning", path: "fi.utterances[0]", code: "nearDuplicate", message: "n" },
        ],
      },
    }));
    editor.update((f) => ({
      ...f,
      fi: { ...f.fi, utterances: `alv kaupasta\n${f.fi.utterances}` },
    }));
    await vi.advanceTimersByTimeAsync(400);
    await vi.waitFor(() => expect(editor.checking.value).toBe(false));

    expect(editor.earlierWarnings.value).toEqual([]);
    expect(editor.currentProblems.value.map((p) => p.path)).toEqual(["fi.utterances[0]"]);
  });
});
