import { describe, expect, it } from "vitest";
import { finding, type SentenceOwner } from "../contracts/contentFindings.ts";
import { findingLangOf, issueIn } from "./findingLanguage.ts";

describe("the language of the content check's findings", () => {
  it.each([
    [undefined, "en"],
    ["", "en"],
    ["*", "en"],
    ["de-DE,de;q=0.9", "en"],
    ["fi", "fi"],
    ["fi-FI,fi;q=0.9,en;q=0.8", "fi"],
    ["sv-FI", "sv"],
    ["en;q=0.5, sv", "sv"],
    ["en-GB,en;q=0.9,fi;q=0.8", "en"],
  ] as const)("reads Accept-Language %j as %s", (header, lang) => {
    expect(findingLangOf(header)).toBe(lang);
  });

  it("shows an issue told in the language, with its kind as the code and no internals", () => {
    const issue = {
      severity: "warning" as const,
      path: "sv.tests",
      ...finding("tooFewTests", { id: "vat", lang: "sv", has: 2, min: 8, file: "tests/sv.yaml" }),
    };

    expect(issueIn(issue, "sv")).toEqual({
      severity: "warning",
      path: "sv.tests",
      code: "tooFewTests",
      message:
        "Ämnet vat har 2 testmeddelanden (svenska). Minst 8 behövs för att resultatet ska säga något.",
      fix: "Lägg till 6 nya meddelanden så som en kund skulle fråga (kopiera inte träningsmeningar).",
    });
    expect(issueIn(issue, "en").message).toBe(issue.message);
  });

  it("leaves an issue the rules did not record a finding for as it is", () => {
    const issue = { severity: "error" as const, path: "", message: "YAML", fix: "Quote it." };

    expect(issueIn(issue, "fi")).toEqual(issue);
  });

  it("names the out-of-scope page for a sentence that is also out of scope, and no page otherwise", () => {
    const shared = (other: SentenceOwner) => ({
      severity: "error" as const,
      path: "fi.utterances[0]",
      ...finding("sentenceShared", {
        text: "apurahan verotus",
        owner: grants,
        other,
        at: { file: "out-of-scope.yaml" },
      }),
    });
    const grants = { kind: "topic", id: "grants", lang: "fi" } as const;

    expect(issueIn(shared({ kind: "out-of-scope", lang: "fi" }), "fi")).toMatchObject({
      code: "sentenceShared",
      page: "out-of-scope",
    });
    expect(issueIn(shared({ ...grants, id: "vat" }), "fi")).not.toHaveProperty("page");
  });

  it("names the uncovered questions' page for a sentence that is an uncovered question, not for a test message", () => {
    const trained = (uncovered: boolean) => ({
      severity: "error" as const,
      path: "fi.utterances[0]",
      ...finding("heldOutTrained", {
        text: "koiravero helsinki",
        owner: { kind: "topic", id: "vat", lang: "fi" },
        at: { file: "topics/vat.yaml" },
        ...(uncovered ? { uncovered: true as const } : {}),
      }),
    });

    expect(issueIn(trained(true), "fi")).toMatchObject({
      page: "uncovered",
      message: expect.stringMatching(/^Kysymys ”koiravero helsinki” on kysymyksissä, joihin/),
      fix: expect.stringMatching(/poista se sivulla Kysymykset ilman aihetta/),
    });
    expect(issueIn(trained(false), "fi")).not.toHaveProperty("page");
  });
});
