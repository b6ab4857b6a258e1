import { describe, expect, it } from "vitest";
import { createMemoryPresence } from "./presence.ts";

const anna = { advisorId: "a-1", displayName: "Anna", languages: ["fi", "sv"] as ("fi" | "sv")[] };
const ville = { advisorId: "a-2", displayName: "Ville", languages: ["fi"] as ("fi" | "sv")[] };

describe("advisor presence", () => {
  it("starts away with the token's languages and the default cap", () => {
    const presence = createMemoryPresence({ defaultMaxChats: 3 });
    const { status, firstConnection } = presence.connect(anna);
    expect(firstConnection).toBe(true);
    expect(status).toEqual({
      status: "away",
      languages: ["fi", "sv"],
      maxChats: 3,
      displayName: "Anna",
    });
    expect(presence.availableFor("fi")).toBe(0);
  });

  it("counts connected available advisors per language", () => {
    const presence = createMemoryPresence({ defaultMaxChats: 3 });
    presence.connect(anna);
    presence.connect(ville);
    presence.setStatus(anna.advisorId, { status: "available", languages: ["sv"] });
    presence.setStatus(ville.advisorId, { status: "available", languages: ["fi"], maxChats: 1 });
    expect(presence.availableFor("fi")).toBe(1);
    expect(presence.availableFor("sv")).toBe(1);
    expect(presence.status(ville.advisorId)?.maxChats).toBe(1);
    expect(presence.disconnect(ville.advisorId)).toBe(true);
    expect(presence.availableFor("fi")).toBe(0);
  });

  it("keeps an advisor present until their last connection closes, and their status over a reconnect", () => {
    const presence = createMemoryPresence({ defaultMaxChats: 3 });
    presence.connect(anna);
    presence.setStatus(anna.advisorId, { status: "available", languages: ["fi"] });
    expect(presence.connect(anna).firstConnection).toBe(false);
    expect(presence.disconnect(anna.advisorId)).toBe(false);
    expect(presence.isConnected(anna.advisorId)).toBe(true);
    expect(presence.disconnect(anna.advisorId)).toBe(true);
    const again = presence.connect(anna);
    expect(again).toMatchObject({ firstConnection: true, status: { status: "available" } });
  });

  it("refuses a language the token does not allow", () => {
    const presence = createMemoryPresence({ defaultMaxChats: 3 });
    presence.connect(ville);
    expect(() =>
      presence.setStatus(ville.advisorId, { status: "available", languages: ["sv"] }),
    ).toThrow(expect.objectContaining({ code: "LANGUAGE_NOT_SERVED" }));
  });
});
