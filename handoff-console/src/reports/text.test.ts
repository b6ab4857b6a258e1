import { describe, expect, it } from "vitest";
import { REPORT_TEXT } from "./text.ts";

describe("the Reports page's key figures", () => {
  it("say that chats are counted when they end and that requests for an advisor can outnumber them", () => {
    const fi = REPORT_TEXT.fi;
    const sv = REPORT_TEXT.sv;

    // One chat can ask for a person more than once (queued, then again after "unavailable").
    expect(fi.figures.chats).toBe("Päättyneet keskustelut");
    expect(fi.figures.handoffs).toBe("Pyynnöt neuvojalle");
    expect(fi.figureHints.handoffs("30", "4", "2")).toBe(
      "Jonoon 30, ei vapaata neuvojaa tai jono täynnä 4, aukioloajan ulkopuolella 2. Sama keskustelu voi pyytää uudelleen.",
    );
    expect(sv.figures.chats).toBe("Avslutade chattar");
    expect(sv.figures.handoffs).toBe("Begäranden om rådgivare");
    expect(sv.figureHints.handoffs("30", "4", "2")).toMatch(
      /^I kö 30, .* 4, utanför öppettiderna 2\./,
    );
  });

  it("keep the CSV's column headings as they were, so spreadsheets built on them still work", () => {
    expect([REPORT_TEXT.fi.colChats, REPORT_TEXT.fi.colHandoffs]).toEqual([
      "Keskustelut",
      "Siirrot",
    ]);
    expect([REPORT_TEXT.sv.colChats, REPORT_TEXT.sv.colHandoffs]).toEqual([
      "Chattar",
      "Överföringar",
    ]);
  });
});
