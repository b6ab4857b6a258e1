import { describe, expect, it } from "vitest";
import { UI } from "./i18n.ts";
import {
  blocksSave,
  checkVerdict,
  controlId,
  countProblems,
  parsePath,
  placeProblem,
  problemPageLink,
  problemsOf,
  summaryOrder,
  versionProblemPlace,
} from "./problems.ts";

describe("placing the content check's problems next to the editor's fields", () => {
  it("reads field paths with list positions and sub-fields", () => {
    expect(parsePath("fi.utterances[3]")).toEqual(["fi", "utterances", 3]);
    expect(parsePath("sv.links[0].url")).toEqual(["sv", "links", 0, "url"]);
    expect(parsePath("")).toEqual([]);
  });

  it("puts each language's field problems on that language's field, with the row", () => {
    expect(placeProblem({ path: "fi.utterances[3]", message: "duplicate" })).toMatchObject({
      field: "fi.utterances",
      index: 3,
      severity: "error",
    });
    expect(placeProblem({ path: "sv.answer", message: "too long", severity: "warning" })).toEqual({
      path: "sv.answer",
      message: "too long",
      severity: "warning",
      field: "sv.answer",
    });
    expect(placeProblem({ path: "sv.links[1].url", message: "host" })).toMatchObject({
      field: "sv.links",
      index: 1,
      sub: "url",
    });
    expect(placeProblem({ path: "tests.fi[2]", message: "also a sentence" })).toMatchObject({
      field: "fi.tests",
      index: 2,
    });
    expect(
      placeProblem({ path: "followUps[0]", message: "unknown id", fix: "did you mean" }),
    ).toMatchObject({
      field: "followUps",
      index: 0,
      fix: "did you mean",
    });
    expect(placeProblem({ path: "id", message: "taken" }).field).toBe("id");
    expect(placeProblem({ path: "reviewBy", message: "overdue", severity: "warning" })).toEqual({
      path: "reviewBy",
      message: "overdue",
      severity: "warning",
      field: "reviewBy",
    });
  });

  it("skips a file prefix and sends what has no field to the summary only", () => {
    expect(placeProblem({ path: "topics/capital-gains.fi.title", message: "x" }).field).toBe(
      "fi.title",
    );
    expect(placeProblem({ path: "", message: "YAML" }).field).toBe("general");
    expect(placeProblem({ path: "fi", message: "missing" }).field).toBe("general");
    expect(placeProblem({ path: "outOfScope.fi[3]", message: "x" }).field).toBe("general");
  });

  it("lets warnings through Save and stops it on any error", () => {
    const warnings = [{ severity: "warning" as const }, { severity: "warning" as const }];
    expect(blocksSave(warnings)).toBe(false);
    expect(blocksSave([...warnings, {}])).toBe(true);
    expect(countProblems([...warnings, { severity: "error" as const }, {}])).toEqual({
      errors: 2,
      warnings: 2,
    });
  });

  it("lists a field's problems errors first, then by row, and orders the summary as the form", () => {
    const placed = [
      { path: "fi.utterances[5]", message: "near duplicate", severity: "warning" as const },
      { path: "fi.utterances[7]", message: "empty" },
      { path: "fi.utterances[2]", message: "duplicate" },
      { path: "sv.title", message: "too long" },
      { path: "id", message: "taken" },
      { path: "", message: "general" },
    ].map(placeProblem);

    expect(problemsOf(placed, "fi.utterances").map((p) => p.index)).toEqual([2, 7, 5]);
    expect(summaryOrder(placed).map((p) => p.path)).toEqual([
      "id",
      "fi.utterances[2]",
      "fi.utterances[5]",
      "fi.utterances[7]",
      "sv.title",
      "",
    ]);
  });

  it("names the control each problem's summary link moves focus to", () => {
    const id = (path: string) => controlId(placeProblem({ path, message: "m" }));
    expect(id("fi.utterances[3]")).toBe("topic-fi-utterances");
    expect(id("sv.links[1].label")).toBe("topic-sv-link-1-label");
    expect(id("sv.links[1].url")).toBe("topic-sv-link-1-url");
    expect(id("fi.links")).toBe("topic-fi-links-add");
    expect(id("tests.sv[0]")).toBe("topic-sv-tests");
    expect(id("followUps[0]")).toBe("topic-followups");
    expect(id("reviewBy")).toBe("topic-review-by");
    expect(id("")).toBe("topic-summary");
  });
});

describe("where a refused version's problem is", () => {
  const t = UI.fi;

  it.each([
    ["topics/vat.yaml fi.utterances[3]", "Aihe vat – Suomi: opetuslauseet, kohta 4"],
    ["topics/vat.yaml sv.links[0].url", "Aihe vat – Ruotsi: linkit, kohta 1"],
    ["topics/vat.yaml followUps[1]", "Aihe vat – Jatkoaiheet, kohta 2"],
    ["topics/greeting.yaml", "Aihe greeting"],
    ["tests", ""],
    ["referrals/kela.yaml fi.title", "Ohjausryhmä kela – Suomi: otsikko"],
    ["out-of-scope.yaml fi[3]", "Aiheiden ulkopuoliset viestit – Suomi, kohta 4"],
    ["out-of-scope.yaml sv", "Aiheiden ulkopuoliset viestit – Ruotsi"],
    ["uncovered/sv.yaml cases[2]", "Kysymykset, joihin mikään aihe ei vastaa – Ruotsi, kohta 3"],
    ["topics/", ""],
    ["tests/fi.yaml cases[12]", "tests/fi.yaml cases[12]"],
  ])("names %j as %j", (path, place) => {
    expect(versionProblemPlace(path, t)).toBe(place);
  });
});

describe("the check summary's headline", () => {
  it("never says 'no errors or warnings' when the check had no answer", () => {
    expect(checkVerdict({ errors: 0, warnings: 0 }, true)).toBe("notRun");
    expect(checkVerdict({ errors: 0, warnings: 0 }, false)).toBe("clean");
    // What an earlier check found still stands, with the note that this one failed.
    expect(checkVerdict({ errors: 1, warnings: 0 }, true)).toBe("found");
  });
});

describe("a problem whose fix is partly made on another page", () => {
  it("links a sentence also in the out-of-scope lists to their page, kept through placing", () => {
    const placed = placeProblem({
      severity: "error",
      path: "fi.utterances[2]",
      message: "”apurahan verotus” on kahdessa paikassa.",
      code: "sentenceShared",
      page: "out-of-scope",
    });

    expect(placed).toMatchObject({ field: "fi.utterances", index: 2, page: "out-of-scope" });
    expect(problemPageLink(placed, UI.fi)).toEqual({
      href: "#/out-of-scope",
      label: "Avaa Aiheen ulkopuoliset",
    });
    expect(problemPageLink(placed, UI.sv)?.label).toBe("Öppna Utanför ämnena");
    expect(problemPageLink({}, UI.fi)).toBeUndefined();
  });

  it("links a topic's sentence that is an uncovered question to the uncovered questions' page", () => {
    expect(problemPageLink({ page: "uncovered" }, UI.fi)).toEqual({
      href: "#/uncovered",
      label: "Avaa Kysymykset ilman aihetta",
    });
  });
});
