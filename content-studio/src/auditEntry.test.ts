import { describe, expect, it } from "vitest";
import { tellAuditEntry } from "./auditEntry.ts";
import { UI } from "./i18n.ts";

describe("an audit entry as the studio tells it", () => {
  it("names the service in the studio's language, the action and the item", () => {
    const entry = {
      at: "2026-12-01T08:00:00.000Z",
      actor: "system",
      actorName: "system",
      action: "draft-save" as const,
      referral: "kela",
    };
    expect(tellAuditEntry(entry, UI.fi)).toEqual({
      at: "1.12.2026 klo 10.00",
      who: "Palvelu",
      what: "Tallennettu luonnokseen",
      version: "–",
      item: UI.fi.referrals.editTitle("kela"),
      detail: "",
    });
    expect(tellAuditEntry(entry, UI.sv)).toMatchObject({
      who: "Tjänsten",
      what: "Sparat i utkastet",
    });
  });

  it("names a person by name, a topic by its id, and keeps the version and the note", () => {
    const told = tellAuditEntry(
      {
        at: "2026-12-01T08:00:00.000Z",
        actor: "u-1",
        actorName: "Henrik Saarinen",
        action: "draft-revert",
        topic: "vat",
        version: 7,
        detail: "Palautettu",
      },
      UI.fi,
    );
    expect(told).toMatchObject({
      who: "Henrik Saarinen",
      item: "vat",
      version: "7",
      detail: "Palautettu",
    });
  });

  it("tells a publish as sent, true whether a reviewer approves it or it goes live at once", () => {
    const publish = { at: "2026-12-01T08:00:00.000Z", actor: "u-1", action: "publish" as const };
    expect(tellAuditEntry(publish, UI.fi).what).toBe("Lähetetty julkaistavaksi");
    expect(tellAuditEntry(publish, UI.sv).what).toBe("Skickad för publicering");
    // Going live is its own entry.
    expect(tellAuditEntry({ ...publish, action: "live" }, UI.fi).what).toBe("Otettu käyttöön");
  });

  it("tells a topic saved unfinished, and its unfinished work discarded, as such", () => {
    const saved = {
      at: "2026-12-01T08:00:00.000Z",
      actor: "u-1",
      action: "draft-save" as const,
      topic: "crypto",
      inProgress: true as const,
    };
    expect(tellAuditEntry(saved, UI.fi).what).toBe("Tallennettu keskeneräisenä");
    expect(tellAuditEntry(saved, UI.sv).what).toBe("Sparat som påbörjat");
    expect(tellAuditEntry({ ...saved, action: "draft-retire" }, UI.fi).what).toBe(
      "Keskeneräinen aihe hylätty",
    );
    const { inProgress: _, ...finished } = saved;
    expect(tellAuditEntry(finished, UI.fi).what).toBe("Tallennettu luonnokseen");
  });

  it("names the uncovered questions' save by the set's name, with its counts", () => {
    const saved = {
      at: "2026-12-01T08:00:00.000Z",
      actor: "u-1",
      action: "draft-save" as const,
      uncovered: true as const,
      detail: "Lisätty: suomeksi 1, ruotsiksi 0. Poistettu: suomeksi 2, ruotsiksi 0.",
    };
    expect(tellAuditEntry(saved, UI.fi)).toMatchObject({
      item: "Kysymykset, joihin mikään aihe ei vastaa",
      detail: saved.detail,
    });
  });
});
