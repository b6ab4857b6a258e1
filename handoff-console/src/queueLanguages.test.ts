import { describe, expect, it } from "vitest";
import type { QueueEntry } from "../../functions/contracts/protocol.ts";
import { byLanguages } from "./queueLanguages.ts";

const entry = (chatId: string, lang: "fi" | "sv", position: number): QueueEntry => ({
  chatId,
  lang,
  waitingSeconds: 60,
  authenticated: false,
  position,
});

const queue = [entry("a", "sv", 1), entry("b", "fi", 1), entry("c", "sv", 2), entry("d", "fi", 2)];

describe("the queue in the advisor's languages", () => {
  it("shows a Finnish-only advisor the Finnish chats, in the queue's order, and counts the Swedish ones", () => {
    const { served, others } = byLanguages(queue, ["fi"]);
    expect(served.map((e) => e.chatId)).toEqual(["b", "d"]);
    expect(others).toBe(2);
  });

  it("shows a bilingual advisor everything and hides nothing", () => {
    expect(byLanguages(queue, ["fi", "sv"])).toEqual({ served: queue, others: 0 });
  });

  it("hides nothing before the service has said which languages the advisor serves", () => {
    expect(byLanguages(queue, undefined)).toEqual({ served: queue, others: 0 });
  });
});
