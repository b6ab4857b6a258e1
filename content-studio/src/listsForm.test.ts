import { describe, expect, it } from "vitest";
import {
  formFromLists,
  formFromUncovered,
  listsFromForm,
  placeListProblem,
  questionOfLine,
  uncoveredFromForm,
} from "./listsForm.ts";

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
    expect(placeListProblem({ path: "fi[3]", message: "x" })).toMatchObject({
      field: "fi",
      index: 3,
      severity: "error",
    });
    expect(placeListProblem({ path: "sv", message: "not a list" })).toMatchObject({
      field: "sv",
    });
    expect(placeListProblem({ path: "", message: "quota" }).field).toBe("general");
  });
});

describe("the uncovered questions' form", () => {
  it("holds one question per line as its matter, a colon and the text, and reads it back", () => {
    const lists = {
      fi: [
        { text: "paljonko koiravero on espoossa?", matter: "dog-tax" },
        { text: "OmaVero: miten kirjaudun ulkomailta?", matter: "login-abroad" },
      ],
      sv: [{ text: "vad kostar hundskatten?", matter: "dog-tax" }],
    };
    const form = formFromUncovered(lists);

    expect(form.fi.split("\n")[0]).toBe("dog-tax: paljonko koiravero on espoossa?");
    // A colon in the question stays in its text: only the first one ends the matter.
    expect(uncoveredFromForm(form)).toEqual(lists);
  });

  it("sends a line without a matter as a question with none, for the check to name at that line", () => {
    expect(questionOfLine("miten verotetaan lahjaa?")).toEqual({
      matter: "",
      text: "miten verotetaan lahjaa?",
    });
    expect(questionOfLine("gift-tax:")).toEqual({ matter: "gift-tax", text: "" });
    const form = { fi: "\n  dog-tax:  paljonko?  \n\n", sv: "" };
    expect(uncoveredFromForm(form)).toEqual({
      fi: [{ matter: "dog-tax", text: "paljonko?" }],
      sv: [],
    });
  });

  it("places a problem of a question's text or matter on its list at its line", () => {
    expect(placeListProblem({ path: "sv[2].matter", message: "x" })).toMatchObject({
      field: "sv",
      index: 2,
    });
  });
});
