import { afterEach, describe, expect, it, vi } from "vitest";
import {
  type Announcement,
  HEAR_WINDOW_MS,
  type HeardMessage,
  heardAnnouncement,
  messageAnnouncer,
} from "./announcer.ts";
import { UI } from "./i18n.ts";

const refund = "Asiakas 2 (Veronpalautus)";
const card = "Tunnistamaton asiakas (7F3A)";
const customer = (chat: string, text: string, lang: "fi" | "sv" = "fi"): HeardMessage => ({
  chat,
  from: "customer",
  text,
  lang,
});

afterEach(() => vi.useRealTimers());

describe("what the console's announcer says of new chat messages", () => {
  it("names the chat in the UI language and marks the customer's words with their language", () => {
    const said = heardAnnouncement([customer(refund, "Hur får jag ett skattekort?", "sv")], UI.fi);

    expect(said).toEqual({
      prefix: "Asiakas 2 (Veronpalautus): ",
      text: "Hur får jag ett skattekort?",
      lang: "sv",
    });
  });

  it("says that a system message is a notice, not the customer's words", () => {
    const said = heardAnnouncement(
      [{ chat: refund, from: "system", text: "Oletko vielä paikalla?", lang: "fi" }],
      UI.sv,
    );

    expect(said.prefix).toBe("Asiakas 2 (Veronpalautus) – Meddelande: ");
    expect(said.lang).toBe("fi");
  });

  it("says several messages of one chat in one announcement, cut short when long", () => {
    const one = heardAnnouncement(
      [customer(refund, "Hei."), customer(refund, "Kysyisin verokortista.")],
      UI.fi,
    );
    const long = heardAnnouncement([customer(refund, "a".repeat(400))], UI.fi);

    expect(one.text).toBe("Hei. Kysyisin verokortista.");
    expect(long.text).toHaveLength(160);
    expect(long.text.endsWith("…")).toBe(true);
  });

  it("says only which chats spoke and how often when several did at once, in the UI language", () => {
    const said = heardAnnouncement(
      [
        customer(refund, "Hei."),
        customer(card, "Hej.", "sv"),
        customer(refund, "Onko siellä ketään?"),
      ],
      UI.fi,
    );

    expect(said).toEqual({
      text: "Asiakas 2 (Veronpalautus) – 2 uutta viestiä, Tunnistamaton asiakas (7F3A) – 1 uusi viesti",
    });
  });

  it("coalesces messages that arrive within the window into one announcement, then starts anew", () => {
    vi.useFakeTimers();
    const said: Announcement[] = [];
    const hear = messageAnnouncer(
      (a) => said.push(a),
      () => UI.fi,
    );

    hear(customer(refund, "Hei."));
    vi.advanceTimersByTime(HEAR_WINDOW_MS - 1);
    hear(customer(refund, "Kysyisin verokortista."));
    expect(said).toEqual([]);
    vi.advanceTimersByTime(1);
    hear(customer(card, "Hej.", "sv"));
    vi.advanceTimersByTime(HEAR_WINDOW_MS);

    expect(said.map((a) => a.text)).toEqual(["Hei. Kysyisin verokortista.", "Hej."]);
    expect(said[1]?.prefix).toBe("Tunnistamaton asiakas (7F3A): ");
  });
});
