import { describe, expect, it } from "vitest";
import type { PresenceRegistry } from "./presence.ts";

const anna = { advisorId: "a-1", displayName: "Anna", languages: ["fi", "sv"] as ("fi" | "sv")[] };
const ville = { advisorId: "a-2", displayName: "Ville", languages: ["fi"] as ("fi" | "sv")[] };

/**
 * What every presence registry promises, run against each implementation (in memory here,
 * Redis in the adapter's tests). `make` gives a fresh, empty registry with a cap of 3.
 */
export function describePresenceContract(
  name: string,
  make: () => Promise<PresenceRegistry>,
): void {
  describe(`advisor presence (${name})`, () => {
    it("starts away with the token's languages and the default cap", async () => {
      const presence = await make();
      const { status, firstConnection } = await presence.connect(anna);
      expect(firstConnection).toBe(true);
      expect(status).toEqual({
        status: "away",
        languages: ["fi", "sv"],
        maxChats: 3,
        displayName: "Anna",
      });
      expect(await presence.availableFor("fi")).toBe(0);
    });

    it("counts connected available advisors per language", async () => {
      const presence = await make();
      await presence.connect(anna);
      await presence.connect(ville);
      await presence.setStatus(anna.advisorId, { status: "available", languages: ["sv"] });
      await presence.setStatus(ville.advisorId, {
        status: "available",
        languages: ["fi"],
        maxChats: 1,
      });
      expect(await presence.availableFor("fi")).toBe(1);
      expect(await presence.availableFor("sv")).toBe(1);
      expect((await presence.status(ville.advisorId))?.maxChats).toBe(1);
      expect(await presence.availableAdvisors("fi")).toEqual([{ advisorId: "a-2", maxChats: 1 }]);
      expect(await presence.availableAdvisors("sv")).toEqual([{ advisorId: "a-1", maxChats: 3 }]);
      expect(await presence.disconnect(ville.advisorId)).toBe(true);
      expect(await presence.availableFor("fi")).toBe(0);
      expect(await presence.availableAdvisors("fi")).toEqual([]);
    });

    it("keeps an advisor present until their last connection closes, and their status over a reconnect", async () => {
      const presence = await make();
      await presence.connect(anna);
      await presence.setStatus(anna.advisorId, { status: "available", languages: ["fi"] });
      expect((await presence.connect(anna)).firstConnection).toBe(false);
      expect(await presence.disconnect(anna.advisorId)).toBe(false);
      expect(await presence.isConnected(anna.advisorId)).toBe(true);
      expect(await presence.disconnect(anna.advisorId)).toBe(true);
      const again = await presence.connect(anna);
      expect(again).toMatchObject({ firstConnection: true, status: { status: "available" } });
    });

    it("counts every connection ever made, over disconnects, and hides the count from the status", async () => {
      const presence = await make();
      expect(await presence.connections(anna.advisorId)).toBe(0);
      await presence.connect(anna);
      await presence.disconnect(anna.advisorId);
      const back = await presence.connect(anna);
      await presence.connect(anna);
      expect(await presence.connections(anna.advisorId)).toBe(3);
      expect(back.status).not.toHaveProperty("made");
    });

    it("refuses a language the token does not allow", async () => {
      const presence = await make();
      await presence.connect(ville);
      await expect(
        presence.setStatus(ville.advisorId, { status: "available", languages: ["sv"] }),
      ).rejects.toThrow(expect.objectContaining({ code: "LANGUAGE_NOT_SERVED" }));
    });
  });
}
