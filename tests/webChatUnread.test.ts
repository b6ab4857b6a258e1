import { describe, expect, it } from "vitest";
import { UI } from "../web-chat/src/i18n.ts";
import {
  countsAsUnread,
  isNews,
  launcherName,
  launcherParts,
  NOTHING_UNREAD,
  unreadNotice,
} from "../web-chat/src/unread.ts";

// What the minimised chat's launcher and its live region say about what came meanwhile.

describe("the minimised chat's launcher", () => {
  it("is named as before while nothing is waiting", () => {
    expect(launcherName(UI.fi, NOTHING_UNREAD)).toBe("Avaa chat");
    expect(launcherName(UI.sv, NOTHING_UNREAD)).toBe("Öppna chatten");
    expect(unreadNotice(UI.fi, NOTHING_UNREAD)).toBe("");
  });

  it("names the count of new messages, in the singular and the plural of each language", () => {
    const one = { messages: 1, advisorJoined: false };
    const three = { messages: 3, advisorJoined: false };
    expect(launcherName(UI.fi, one)).toBe("Avaa chat – 1 uusi viesti");
    expect(launcherName(UI.fi, three)).toBe("Avaa chat – 3 uutta viestiä");
    expect(launcherName(UI.sv, one)).toBe("Öppna chatten – 1 nytt meddelande");
    expect(launcherName(UI.sv, three)).toBe("Öppna chatten – 3 nya meddelanden");
    expect(unreadNotice(UI.fi, three)).toBe("Chatissa on 3 uutta viestiä.");
    // What is seen ("Avaa chat" and the badge's count) is the start of what is heard.
    expect(launcherParts(UI.fi, three).shown).toBe("Avaa chat – ");
    expect(unreadNotice(UI.sv, one)).toBe("Det finns 1 nytt meddelande i chatten.");
  });

  it("says that an advisor joined, with what they wrote since", () => {
    const joined = { messages: 0, advisorJoined: true };
    expect(launcherName(UI.fi, joined)).toBe("Asiakasneuvoja liittyi – avaa chat");
    expect(launcherName(UI.sv, joined)).toBe("Kundrådgivaren anslöt – öppna chatten");
    expect(launcherName(UI.fi, { ...joined, messages: 2 })).toBe(
      "Asiakasneuvoja liittyi – avaa chat – 2 uutta viestiä",
    );
    expect(unreadNotice(UI.sv, { ...joined, messages: 1 })).toBe(
      "Kundrådgivaren anslöt till chatten. Det finns 1 nytt meddelande i chatten.",
    );
  });
});

describe("what counts as unread", () => {
  it("counts the bot's and the advisor's messages, not the customer's echo or notices", () => {
    expect(countsAsUnread({ from: "bot" })).toBe(true);
    expect(countsAsUnread({ from: "advisor" })).toBe(true);
    expect(countsAsUnread({ from: "customer" })).toBe(false);
    expect(countsAsUnread({ from: "system" })).toBe(false);
  });

  it("is news only after the chat was first opened, and only when newer than what was seen", () => {
    // A page load's welcome, before the customer ever opened the chat.
    expect(isNews({ id: "01KB0000000000000000000001" }, undefined)).toBe(false);
    // Opened before any message came.
    expect(isNews({ id: "01KB0000000000000000000001" }, "")).toBe(true);
    // A reload's replay of what was seen, and what came after it.
    expect(isNews({ id: "01KB0000000000000000000001" }, "01KB0000000000000000000002")).toBe(false);
    expect(isNews({ id: "01KB0000000000000000000002" }, "01KB0000000000000000000002")).toBe(false);
    expect(isNews({ id: "01KB0000000000000000000003" }, "01KB0000000000000000000002")).toBe(true);
  });
});
