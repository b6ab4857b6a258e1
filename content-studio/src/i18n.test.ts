import { describe, expect, it } from "vitest";
import { TOPIC_ACTIONS, VERSION_STATES } from "./api.ts";
import {
  actorName,
  formatCount,
  formatDate,
  formatDateTime,
  formatDayMonth,
  formatPercent,
  outcomeText,
  UI,
} from "./i18n.ts";

/** Every key path of a string table, with the kind of value found there. */
function shape(value: unknown, path = ""): string[] {
  if (typeof value === "function") return [`${path}:function/${value.length}`];
  if (typeof value === "object" && value !== null)
    return Object.keys(value)
      .sort()
      .flatMap((key) =>
        shape((value as Record<string, unknown>)[key], path ? `${path}.${key}` : key),
      );
  return [`${path}:${typeof value}`];
}

function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (typeof value === "function") return [String(value(...[1, 2, 3].map(String)))];
  if (typeof value === "object" && value !== null) return Object.values(value).flatMap(strings);
  return [];
}

describe("studio strings", () => {
  it("have the same keys, nesting and function arities in Finnish and Swedish", () => {
    expect(shape(UI.sv)).toEqual(shape(UI.fi));
  });

  it("name the live version in the inbox with the Versions page's own words, never the English 'live'", () => {
    // The Versions page: "(käytössä oleva versio 95,2 %)" / "(versionen i bruk 95,2 %)".
    expect(UI.fi.scoreAgainstLive("")).toContain("käytössä oleva versio");
    expect(UI.fi.answeredNowLive("OmaVero")).toBe("Nyt vastaa: OmaVero (käytössä oleva versio)");
    expect(UI.sv.scoreAgainstLive("")).toContain("versionen i bruk");
    expect(UI.sv.answeredNowLive("OmaVero")).toBe("Svarar nu: OmaVero (versionen i bruk)");
    for (const table of [UI.fi, UI.sv]) {
      for (const s of strings(table)) expect(s).not.toMatch(/\blive\b/i);
    }
  });

  it("are never empty, and the two languages differ where they should", () => {
    for (const table of [UI.fi, UI.sv]) {
      for (const s of strings(table)) expect(s.trim()).not.toBe("");
    }
    expect(UI.sv.appTitle).not.toBe(UI.fi.appTitle);
    expect(UI.sv.save).not.toBe(UI.fi.save);
  });

  it("name every action and version state in both languages", () => {
    for (const table of [UI.fi, UI.sv]) {
      for (const action of ["", ...TOPIC_ACTIONS] as const)
        expect(table.actions[action]).toMatch(/\S/);
      for (const state of VERSION_STATES) expect(table.states[state]).toMatch(/\S/);
      expect(table.roles["content-owner"]).toMatch(/\S/);
      expect(table.roles["content-reviewer"]).toMatch(/\S/);
    }
  });

  it("say why an inbox question is open again, naming where it had been taught or referred", () => {
    const taught = { was: "taught", topicId: "pension", split: "training", gone: false } as const;
    expect(UI.fi.reopenedNote(taught, "Eläke")).toBe(
      "Opetettu aiheeseen Eläke, mutta opetus ei ole enää luonnoksessa.",
    );
    expect(UI.sv.reopenedNote(taught, "Pension")).toBe(
      "Inlärd i ämnet Pension, men inlärningen finns inte längre i utkastet.",
    );
    expect(UI.fi.reopenedNote({ ...taught, gone: true }, "Juomarahat")).toBe(
      "Opetettu aiheeseen Juomarahat, mutta aihe ei ole enää käytössä luonnoksessa.",
    );
    expect(UI.fi.reopenedNote({ was: "taught", gone: false }, "")).toBe(
      "Opetettu aiemmin, mutta opetus ei ole enää luonnoksessa.",
    );
    expect(UI.sv.reopenedNote({ was: "referred", referral: "kela", gone: true }, "Fpa")).toBe(
      "Märkt som en annan myndighets ärende (Fpa), men hänvisningsgruppen finns inte längre i utkastet.",
    );
  });

  it("say what followed an inbox question no further than the server knows it", () => {
    // A request for a person is never said to have reached one; where it went, when known.
    expect(outcomeText({ outcome: "handed-off", handoff: "closed" }, UI.fi)).toBe(
      "asiakas pyysi neuvojaa (palvelu suljettu)",
    );
    expect(outcomeText({ outcome: "handed-off", handoff: "queued" }, UI.sv)).toBe(
      "kunden bad om en rådgivare och placerades i kö",
    );
    expect(outcomeText({ outcome: "handed-off" }, UI.fi)).toBe("asiakas pyysi neuvojaa");
    // "rephrased" is any next message the bot missed too, not necessarily the same question.
    expect(outcomeText({ outcome: "rephrased" }, UI.fi)).toBe(
      "botti ei löytänyt aihetta seuraavallekaan viestille",
    );
    // A which-one on the next message is not an answer to it.
    expect(outcomeText({ outcome: "clarified" }, UI.fi)).toBe(
      "seuraavaan viestiin botti ei vastannut vaan kysyi, kumpaa aihetta asiakas tarkoittaa",
    );
    expect(outcomeText({ outcome: "clarified" }, UI.sv)).not.toMatch(/svarade på/);
    expect(outcomeText({ outcome: "left" }, UI.sv)).toBe("chatten avslutades");
    // "unknown" is mostly a customer's latest question with nothing after it: said as such,
    // not as missing data.
    expect(outcomeText({ outcome: "unknown" }, UI.fi)).toBe(
      "chatissa ei näkynyt seuraavaa viestiä",
    );
    expect(outcomeText({ outcome: "unknown" }, UI.sv)).toBe(
      "inget nytt meddelande syntes i chatten",
    );
    for (const table of [UI.fi, UI.sv]) {
      for (const handoff of ["queued", "closed", "no-advisors", "queue-full"] as const)
        expect(outcomeText({ outcome: "handed-off", handoff }, table)).toMatch(/\S/);
    }
  });

  it("say a count of one in the singular (kerran, 1 gång, 1 testiviesti, 1 mening)", () => {
    expect(UI.fi.answeredTimes(1, "1")).toBe("Botti vastasi tällä aiheella kerran.");
    expect(UI.sv.answeredTimes(1, "1")).toBe("Boten svarade med det här ämnet 1 gång.");
    expect(UI.fi.answeredTimes(1200, "1 200")).toBe("Botti vastasi tällä aiheella 1 200 kertaa.");
    expect(UI.sv.testCount(1, 5)).toBe("1 testmeddelande (rekommenderat minst 5)");
    // Any phrase given 1 wherever it takes a value: no "1" before a plural-only form. The
    // training orders are always several (five), so their phrases may keep the plural.
    const plural =
      /(^|[^\d.,/])1 (kertaa|gånger|viestiä|testiviestiä|kysymystä|lausetta|aihetta|merkkiä|meddelanden|testmeddelanden|frågor|meningar|ämnen|grupper|ryhmää|esimerkkiä|päivää|dagar|kysymykseen)\b/;
    const several = /^orders/;
    const found: string[] = [];
    const walk = (value: unknown, path: string) => {
      if (typeof value === "function") {
        if (several.test(path.split(".").at(-1) ?? "")) return;
        const said = String(value(...Array.from({ length: value.length }, () => 1)));
        if (plural.test(said)) found.push(`${path}: ${said}`);
      } else if (typeof value === "object" && value !== null) {
        for (const [key, inner] of Object.entries(value)) walk(inner, `${path}.${key}`);
      }
    };
    walk(UI, "UI");
    expect(found).toEqual([]);
  });

  it("formats shares and times for the UI language, and a missing value as a dash", () => {
    expect(formatPercent(0.873, UI.fi)).toMatch(/^87,3\s%$/);
    expect(formatPercent(undefined, UI.sv)).toBe("–");
    expect(formatPercent(Number.NaN, UI.fi)).toBe("–");
    expect(formatDateTime(undefined, UI.fi)).toBe("–");
  });

  it("writes dates and times the Finnish way in both languages, in Helsinki time", () => {
    // Finland-Swedish users expect "5.12.2026 kl. 23.52", never Sweden's "2026-12-05 23:52".
    expect(formatDateTime("2026-12-05T21:52:00Z", UI.fi)).toBe("5.12.2026 klo 23.52");
    expect(formatDateTime("2026-12-05T21:52:00Z", UI.sv)).toBe("5.12.2026 kl. 23.52");
    expect(formatDateTime("2026-11-24T07:05:00Z", UI.sv)).toBe("24.11.2026 kl. 9.05");
    // Past midnight in Helsinki is the next day, written 0.30, not 24.30.
    expect(formatDateTime("2026-12-31T22:30:00Z", UI.sv)).toBe("1.1.2027 kl. 0.30");
    expect(formatDate("2026-12-05T21:52:00Z", UI.sv)).toBe("5.12.2026");
    expect(formatDate("2026-12-05T22:10:00Z", UI.fi)).toBe("6.12.2026");
    expect(formatDayMonth("2026-12-05", UI.sv)).toBe("5.12.");
    expect(formatDayMonth("2026-12-05", UI.fi)).toBe("5.12.");
    expect(formatCount(1204, UI.sv)).toMatch(/^1\s204$/);
    expect(formatPercent(0.873, UI.sv)).toMatch(/^87,3\s%$/);
  });

  it("names the service in the studio's words wherever it did something, and people by name", () => {
    // Versions and the audit trail give the subject; the topic and referral lists the name.
    expect(actorName({ subject: "system", name: "system" }, UI.fi)).toBe("Palvelu");
    expect(actorName({ name: "system" }, UI.fi)).toBe("Palvelu");
    expect(actorName({ name: "system" }, UI.sv)).toBe("Tjänsten");
    expect(actorName({ subject: "u-123", name: "Sanna Sisältö" }, UI.fi)).toBe("Sanna Sisältö");
    expect(actorName({ subject: "u-123" }, UI.sv)).toBe("u-123");
    expect(actorName({ name: "Sanna Sisältö" }, UI.sv)).toBe("Sanna Sisältö");
    expect(actorName({}, UI.fi)).toBe("–");
  });
});
