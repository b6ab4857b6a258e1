import { describe, expect, it } from "vitest";
import type { Draft, TopicSummary } from "./api.ts";
import { diffLine, draftChanges, fieldLabel, versionDiffRows } from "./diff.ts";
import { UI } from "./i18n.ts";

function summary(id: string, retired = false): TopicSummary {
  return {
    id,
    system: false,
    retired,
    fi: { title: id, utterances: 20, tests: 8 },
    sv: { title: id, utterances: 20, tests: 8 },
  };
}

describe("diff formatting", () => {
  it("tells added, changed and retired topics apart in the draft, added first", () => {
    const draft: Draft = {
      baseVersion: 3,
      liveVersion: 3,
      topics: ["vat", "capital-gains", "payment", "scratch"].map((id) =>
        summary(id, id === "payment" || id === "scratch"),
      ),
      outOfScope: { fi: [], sv: [] },
      changed: ["vat", "payment", "capital-gains", "scratch", "vat"],
    };
    const live = new Set(["vat", "payment", "tax-card"]);
    // "scratch" was added and retired within the draft: nothing to publish.
    expect(draftChanges(draft, live)).toEqual([
      { id: "capital-gains", change: "added", fields: [] },
      { id: "vat", change: "changed", fields: [] },
      { id: "payment", change: "removed", fields: [] },
    ]);
  });

  it("names changed fields in words of the UI language", () => {
    expect(fieldLabel("fi.utterances", UI.fi)).toBe("suomi: opetuslauseet");
    expect(fieldLabel("sv.answer", UI.sv)).toBe("svenska: svar");
    expect(fieldLabel("tests.sv", UI.fi)).toBe("ruotsi: testiviestit");
    expect(fieldLabel("followUps", UI.fi)).toBe("jatkoaiheet");
    expect(fieldLabel("fi.links[0].url", UI.fi)).toBe("suomi: linkit");
    expect(fieldLabel("somethingNew", UI.fi)).toBe("somethingNew");
  });

  it("turns a version's diff into rows and lines, each field named once", () => {
    const rows = versionDiffRows(
      {
        version: 5,
        against: 4,
        topics: [
          {
            id: "vat",
            change: "changed",
            fields: ["fi.answer", "fi.links[0].url", "fi.links[1].label"],
          },
          { id: "capital-gains", change: "added", fields: [] },
        ],
      },
      UI.fi,
    );
    expect(rows.map((row) => diffLine(row, UI.fi))).toEqual([
      "Uusi: capital-gains",
      "Muutettu: vat (suomi: vastaus, suomi: linkit)",
    ]);
  });
});
