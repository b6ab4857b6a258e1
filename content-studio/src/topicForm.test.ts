import { describe, expect, it } from "vitest";
import type { DraftTopic } from "./api.ts";
import { UI } from "./i18n.ts";
import {
  answerLength,
  emptyForm,
  formFromTopic,
  formFromUnfinished,
  idProblems,
  keptTopicForm,
  lineOfIndex,
  localeCounts,
  nonBlankLines,
  topicFromForm,
} from "./topicForm.ts";

const stored: DraftTopic = {
  id: "tax-card",
  demo: true,
  followUps: ["omavero"],
  reviewBy: "2027-11-30",
  fi: {
    title: "Verokortti",
    utterances: ["verokortti", "uusi verokortti"],
    answer: "Eka kappale.\n\nToka kappale.",
    links: [{ label: "Verokortti (vero.fi)", url: "https://www.vero.fi/verokortti" }],
    personal: { default: "Prosenttisi on {withholdingRate} %." },
  },
  sv: { title: "Skattekort", utterances: ["skattekort"], answer: "Svar." },
  tests: { fi: ["mistä verokortti"], sv: ["var får jag skattekort"] },
};

describe("the topic form", () => {
  it("round-trips a stored topic, personal templates included", () => {
    expect(topicFromForm(formFromTopic(stored))).toEqual(stored);
  });

  it("round-trips a topic saved unfinished, and opens one missing parts with those parts empty", () => {
    expect(topicFromForm(formFromUnfinished(stored, "tax-card"))).toEqual(stored);

    const finnishOnly = formFromUnfinished(
      { fi: { title: "Krypto", utterances: ["krypto", 3], links: "none" }, tests: { fi: ["k?"] } },
      "crypto",
    );

    expect(finnishOnly).toEqual({
      ...emptyForm(),
      id: "crypto",
      fi: { ...emptyForm().fi, title: "Krypto", utterances: "krypto", tests: "k?" },
    });
    expect(formFromUnfinished("not a topic", "crypto")).toEqual({ ...emptyForm(), id: "crypto" });
  });

  it("sends a review date only when one is set, as the date input gives it", () => {
    const form = formFromTopic(stored);
    expect(form.reviewBy).toBe("2027-11-30");

    form.reviewBy = "";
    expect(topicFromForm(form)).not.toHaveProperty("reviewBy");
    expect(formFromTopic({ ...stored, reviewBy: undefined }).reviewBy).toBe("");
    expect(emptyForm().reviewBy).toBe("");
  });

  it("gives back a form kept before topics had a review date, with none", () => {
    const { reviewBy: _, ...older } = formFromTopic(stored);

    expect(keptTopicForm(older)).toEqual({ ...older, reviewBy: "" });
    expect(keptTopicForm(formFromTopic(stored))).toEqual(formFromTopic(stored));
    expect(keptTopicForm("not a form")).toBe("not a form");
  });

  it("drops blank lines and trims, remembering each kept line's number", () => {
    const text = "  eka \n\n\t\ntoka\r\n kolmas";
    expect(nonBlankLines(text)).toEqual([
      { value: "eka", line: 1 },
      { value: "toka", line: 4 },
      { value: "kolmas", line: 5 },
    ]);
    expect(lineOfIndex(text, 1)).toBe(4);
    expect(lineOfIndex(text, 9)).toBeUndefined();
  });

  it("sends only the optional fields that are set, and no empty link rows", () => {
    const form = emptyForm();
    form.id = " capital-gains ";
    form.fi.links = [
      { label: "", url: "" },
      { label: " Vero ", url: " https://www.vero.fi/ " },
    ];
    form.sv.links = [{ label: "", url: "" }];
    form.fi.tests = "a\n\nb";
    expect(topicFromForm(form)).toEqual({
      id: "capital-gains",
      fi: {
        title: "",
        utterances: [],
        answer: "",
        links: [{ label: "Vero", url: "https://www.vero.fi/" }],
      },
      sv: { title: "", utterances: [], answer: "" },
      tests: { fi: ["a", "b"], sv: [] },
    });
    form.action = "handoff";
    form.demo = true;
    form.followUps = ["omavero"];
    expect(topicFromForm(form)).toMatchObject({
      action: "handoff",
      demo: true,
      followUps: ["omavero"],
    });
  });

  it("counts sentences, test messages and the answer's characters as the check does", () => {
    const form = formFromTopic(stored);
    expect(localeCounts(form.fi)).toEqual({ utterances: 2, tests: 1, answerChars: 27 });
    expect(answerLength("  abc \n")).toBe(3);
  });

  it("checks a new topic's id before it can go into the URL", () => {
    const t = UI.fi;
    const taken = new Set(["tax-card"]);
    expect(idProblems("", taken, t)).toEqual([
      { severity: "error", path: "id", message: t.idRequired },
    ]);
    expect(idProblems("Capital Gains", taken, t)[0]?.message).toBe(t.idFormat);
    expect(idProblems("capital--gains", taken, t)[0]?.message).toBe(t.idFormat);
    expect(idProblems("a".repeat(65), taken, t)[0]?.message).toBe(t.idTooLong(64));
    expect(idProblems("tax-card", taken, t)[0]?.message).toBe(t.idInUse("tax-card"));
    expect(idProblems("capital-gains", taken, t)).toEqual([]);
  });
});
