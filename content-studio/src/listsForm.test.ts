import { describe, expect, it } from "vitest";
import { formFromLists, listsFromForm, placeOutOfScopeProblem } from "./outOfScopeForm.ts";

describe("the out-of-scope form", () => {
  it("holds each list one sentence per line and gives it back without blank lines", () => {
    const form = formFromLists({ fi: ["kissa", "qwerty"], sv: ["katt"] });
    form.fi = `${form.fi}\n\n  lohikeiton resepti  \n`;

    expect(listsFromForm(form)).toEqual({
      fi: ["kissa", "qwerty", "lohikeiton resepti"],
      sv: ["katt"],
    });
  });

  it("places the check's problems on their language's list by position, the rest in the summary", () => {
    expect(placeOutOfScopeProblem({ path: "fi[3]", message: "x" })).toMatchObject({
      field: "fi",
      index: 3,
      severity: "error",
    });
    expect(placeOutOfScopeProblem({ path: "sv", message: "not a list" })).toMatchObject({
      field: "sv",
    });
    expect(placeOutOfScopeProblem({ path: "", message: "quota" }).field).toBe("general");
  });
});
