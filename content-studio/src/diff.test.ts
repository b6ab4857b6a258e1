import { describe, expect, it } from "vitest";
import {
  answerOnlyIn,
  countedList,
  detailSections,
  diffLine,
  fieldLabel,
  listSummary,
  partText,
  previewShown,
  rowLabel,
  rowName,
  textPieces,
  versionDiffRows,
} from "./diff.ts";
import { UI } from "./i18n.ts";

describe("diff formatting", () => {
  it("names changed fields in words of the UI language", () => {
    expect(fieldLabel("fi.utterances", UI.fi)).toBe("suomi: opetuslauseet");
    expect(fieldLabel("sv.answer", UI.sv)).toBe("svenska: svar");
    expect(fieldLabel("tests.sv", UI.fi)).toBe("ruotsi: testiviestit");
    expect(fieldLabel("followUps", UI.fi)).toBe("jatkoaiheet");
    expect(fieldLabel("fi.links[0].url", UI.fi)).toBe("suomi: linkit");
    expect(fieldLabel("somethingNew", UI.fi)).toBe("somethingNew");
    // The parts only a version's diff names: held-out dev messages, out-of-scope, groups.
    expect(fieldLabel("dev.fi", UI.fi)).toBe("suomi: kehitysjoukon viestit");
    expect(fieldLabel("outOfScope.sv", UI.sv)).toBe("svenska: exempel utanför ämnena");
    expect(fieldLabel("fi.sentences", UI.fi)).toBe("suomi: lauseet");
    expect(fieldLabel("sv.link", UI.sv)).toBe("svenska: länk");
    expect(fieldLabel("fi.personal.due", UI.fi)).toBe("suomi: henkilökohtaiset vastaukset (due)");
  });

  it("names an action and the demo flag as the editor does, other texts as they are", () => {
    expect(partText("action", "handoff", UI.fi)).toBe("Siirto asiakasneuvojalle");
    expect(partText("demo", "true", UI.sv)).toBe("Demoinnehåll (inte officiella anvisningar)");
    expect(partText("action", "", UI.fi)).toBe("");
    expect(partText("fi.answer", "handoff", UI.fi)).toBe("handoff");
  });

  it("names a review date by the editor's label and writes it as the studio writes dates", () => {
    expect(fieldLabel("reviewBy", UI.fi)).toBe("tarkista viimeistään");
    expect(fieldLabel("reviewBy", UI.sv)).toBe("granska senast");
    expect(partText("reviewBy", "2027-11-30", UI.fi)).toBe("30.11.2027");
    expect(partText("reviewBy", "2027-11-30", UI.sv)).toBe("30.11.2027");
    expect(partText("reviewBy", "", UI.fi)).toBe("");
  });

  it("names a referral group and the out-of-scope examples as such", () => {
    expect(rowName({ id: "kela", kind: "referral" }, UI.fi)).toBe("Ohjausryhmä kela");
    expect(rowName({ id: "out-of-scope" }, UI.sv)).toBe("Meddelanden utanför ämnena");
    expect(rowName({ id: "vat" }, UI.fi)).toBe("vat");
  });

  it("names a topic and a group by the title in the studio's language, the id beside it", () => {
    const title = { fi: "Luovutusvoitot", sv: "Överlåtelsevinster" };
    expect(rowLabel({ id: "capital-gains", title }, UI.fi)).toEqual({
      name: "Luovutusvoitot",
      lang: "fi",
      id: "capital-gains",
    });
    expect(rowLabel({ id: "capital-gains", title }, UI.sv).name).toBe("Överlåtelsevinster");
    // A group says it is one; a title missing in the studio's language is the other's, marked.
    expect(
      rowLabel({ id: "kela", kind: "referral", title: { fi: "Kela", sv: "" } }, UI.sv),
    ).toEqual({ name: "Kela", lang: "fi", id: "kela", kindNote: "hänvisningsgrupp" });
    expect(rowName({ id: "kela", kind: "referral", title: { fi: "Kela", sv: "FPA" } }, UI.fi)).toBe(
      "Kela (ohjausryhmä kela)",
    );
    // Without titles (an older server), as before.
    expect(rowLabel({ id: "vat", title: { fi: "", sv: "" } }, UI.fi)).toEqual({ name: "vat" });
  });

  it("lists rows by the name the reader sees within each kind of change", () => {
    const rows = versionDiffRows(
      {
        topics: [
          {
            id: "a-topic",
            change: "changed",
            fields: [],
            title: { fi: "Verokortti", sv: "Skattekort" },
          },
          {
            id: "b-topic",
            change: "changed",
            fields: [],
            title: { fi: "Arvonlisävero", sv: "Moms" },
          },
          {
            id: "z-topic",
            change: "removed",
            fields: [],
            title: { fi: "Aikaisempi", sv: "Äldre" },
          },
        ],
      },
      UI.fi,
    );
    expect(rows.map((row) => diffLine(row, UI.fi))).toEqual([
      "Muutettu: Arvonlisävero (b-topic)",
      "Muutettu: Verokortti (a-topic)",
      "Poistetaan käytöstä: Aikaisempi (z-topic)",
    ]);
    expect(rows[0]?.title).toEqual({ fi: "Arvonlisävero", sv: "Moms" });
  });

  it("warns when one language's answer changed and the other's did not", () => {
    const rows = versionDiffRows(
      {
        topics: [
          { id: "vat", change: "changed", fields: ["fi.answer", "fi.utterances"] },
          { id: "tax-card", change: "changed", fields: ["fi.answer", "sv.answer"] },
          { id: "kela", kind: "referral", change: "changed", fields: ["sv.answer"] },
          { id: "pension", change: "changed", fields: ["fi.utterances", "sv.title"] },
        ],
      },
      UI.fi,
    );
    expect(rows.map((row) => [row.id, row.answerOnlyIn])).toEqual([
      ["kela", "sv"],
      ["pension", undefined],
      ["tax-card", undefined],
      ["vat", "fi"],
    ]);
    expect(UI.fi.answerOnlyIn.fi).toMatch(/^Vain suomenkielinen vastaus muuttui\./);
    // A new or removed topic has both answers, or none to compare.
    expect(answerOnlyIn("added", ["fi.answer"])).toBeUndefined();
    expect(answerOnlyIn("removed", ["sv.answer"])).toBeUndefined();
  });

  it("marks a changed answer word by word, and a new or removed text as a whole", () => {
    const pieces = textPieces(
      "Arvonlisäveron yleinen verokanta on 24 %.",
      "Arvonlisäveron yleinen verokanta on 25,5 %.",
    );
    expect(pieces.filter((p) => p.mark)).toEqual([
      { text: "24", mark: "removed" },
      { text: "25,5", mark: "added" },
    ]);
    // Read in order, the kept and new pieces are the text after.
    expect(
      pieces
        .filter((p) => p.mark !== "removed")
        .map((p) => p.text)
        .join(""),
    ).toBe("Arvonlisäveron yleinen verokanta on 25,5 %.");
    expect(textPieces("", "Uusi vastaus.")).toEqual([{ text: "Uusi vastaus.", mark: "added" }]);
    expect(textPieces("Vanha.", "")).toEqual([{ text: "Vanha.", mark: "removed" }]);
  });

  it("turns a version's diff into rows and lines, each field named once", () => {
    const rows = versionDiffRows(
      {
        topics: [
          {
            id: "vat",
            change: "changed",
            fields: ["fi.answer", "fi.links[0].url", "fi.links[1].label"],
          },
          { id: "capital-gains", change: "added", fields: [] },
          {
            id: "kela",
            kind: "referral",
            change: "changed",
            fields: ["fi.sentences"],
            details: [{ field: "fi.sentences", added: ["kela asia"], removed: [] }],
          },
        ],
      },
      UI.fi,
    );
    expect(rows.map((row) => diffLine(row, UI.fi))).toEqual([
      "Uusi: capital-gains",
      "Muutettu: Ohjausryhmä kela (suomi: lauseet)",
      "Muutettu: vat (suomi: vastaus, suomi: linkit)",
    ]);
    expect(rows.find((row) => row.id === "kela")?.details).toEqual([
      { field: "fi.sentences", added: ["kela asia"], removed: [] },
    ]);
  });
});

describe("the uncovered questions' change in a diff", () => {
  it("is named as the Test all page names them, its fields by language", () => {
    const rows = versionDiffRows(
      {
        topics: [
          { id: "uncovered", kind: "uncovered", change: "changed", fields: ["uncovered.sv"] },
        ],
      },
      UI.fi,
    );

    expect(rows.map((row) => diffLine(row, UI.fi))).toEqual([
      "Muutettu: Kysymykset, joihin mikään aihe ei vastaa (ruotsi: kysymykset, joihin mikään aihe ei vastaa)",
    ]);
    expect(rowName({ id: "uncovered", kind: "uncovered" }, UI.sv)).toBe(
      "Frågor som inget ämne svarar på",
    );
  });
});

describe("a version's diff, read at a glance", () => {
  const bubble = (text: string) => ({ from: "bot" as const, text });
  const answers = (fi: string, sv: string) => ({ fi: bubble(fi), sv: bubble(sv) });

  it("previews a new answer always, a changed one only when customers see something else", () => {
    expect(previewShown({ change: "added", preview: { after: answers("Uusi", "Ny") } })).toBe(true);
    expect(
      previewShown({
        change: "changed",
        preview: { after: answers("Uusi", "Ny"), before: answers("Vanha", "Gammal") },
      }),
    ).toBe(true);
    // New training sentences alone: the answer customers get is the same.
    expect(previewShown({ change: "changed", preview: { after: answers("Sama", "Samma") } })).toBe(
      false,
    );
    // An older server sends none.
    expect(previewShown({ change: "added" })).toBe(false);
  });

  it("counts the long lists, whichever language or split they are of", () => {
    expect(
      ["fi.utterances", "tests.sv", "dev.fi", "outOfScope.sv", "uncovered.fi", "sv.sentences"].map(
        countedList,
      ),
    ).toEqual(["utterances", "tests", "dev", "outOfScope", "uncovered", "sentences"]);
    expect(["fi.links", "followUps", "fi.answer", "sv.title"].map(countedList)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("says a long list's change in a few words, the noun with the first count", () => {
    const items = (n: number) => Array.from({ length: n }, (_, i) => `lause ${i}`);
    expect(listSummary("fi.utterances", { added: items(18), removed: items(2) }, UI.fi)).toBe(
      "+18 opetuslausetta, −2",
    );
    expect(listSummary("sv.utterances", { added: items(1), removed: [] }, UI.sv)).toBe(
      "+1 träningsmening",
    );
    expect(listSummary("tests.fi", { added: [], removed: items(2) }, UI.fi)).toBe(
      "−2 testiviestiä",
    );
    expect(listSummary("uncovered.sv", { added: items(3), removed: [] }, UI.sv)).toBe("+3 frågor");
    // Only moved: there is nothing to count.
    expect(listSummary("fi.utterances", { added: [], removed: [] }, UI.fi)).toBe("");
    expect(listSummary("fi.links", { added: items(1), removed: [] }, UI.fi)).toBe("");
  });

  it("puts what the customer reads first and the long lists last, finnish before swedish", () => {
    const details = [
      { field: "action", before: "", after: "handoff" },
      { field: "followUps", added: ["payment"], removed: [] },
      { field: "fi.title", before: "", after: "Maksu" },
      { field: "fi.utterances", added: ["a"], removed: [] },
      { field: "fi.answer", before: "", after: "Vastaus" },
      { field: "fi.links", added: ["Maksut <https://www.vero.fi/>"], removed: [] },
      { field: "sv.title", before: "", after: "Betalning" },
      { field: "sv.answer", before: "", after: "Svar" },
      { field: "tests.fi", added: ["b"], removed: [] },
    ];
    const fields = (sections: ReturnType<typeof detailSections>) => ({
      shown: sections.shown.map((d) => d.field),
      counted: sections.counted.map((d) => d.field),
    });

    expect(fields(detailSections({ change: "changed", details }))).toEqual({
      shown: ["fi.title", "sv.title", "fi.answer", "sv.answer", "fi.links", "followUps", "action"],
      counted: ["fi.utterances", "tests.fi"],
    });
    // A new topic's previewed answer is the preview: its text is not repeated under it.
    const preview = { after: answers("Vastaus", "Svar") };
    expect(fields(detailSections({ change: "added", details, preview })).shown).toEqual([
      "fi.title",
      "sv.title",
      "fi.links",
      "followUps",
      "action",
    ]);
  });
});
