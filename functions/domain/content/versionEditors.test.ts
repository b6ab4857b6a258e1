import { describe, expect, it } from "vitest";
import type { TopicChange } from "./bundleDiff.ts";
import type { DraftTopicMeta } from "./contentStore.ts";
import { versionEditors } from "./versionEditors.ts";
import type { AuditEntry } from "./versions.ts";

const meta = (updatedBy: string, updatedByName: string): DraftTopicMeta => ({
  updatedBy,
  updatedByName,
  updatedAt: "2026-12-02T10:00:00.000Z",
  retired: false,
});
const entry = (actor: string, fields: Partial<AuditEntry>): AuditEntry => ({
  at: "2026-12-02T10:00:00.000Z",
  actor,
  actorName: actor.toUpperCase(),
  action: "draft-save",
  ...fields,
});
const draft = {
  meta: new Map([
    ["vat", meta("author", "Outi")],
    ["payment", meta("henrik", "Henrik")],
  ]),
  referralMeta: new Map([["kela", meta("sanna", "Sanna")]]),
  scopeMeta: meta("pekka", "Pekka"),
};
const change = (id: string, kind?: TopicChange["kind"]): TopicChange => ({
  id,
  change: "changed",
  fields: [],
  ...(kind ? { kind } : {}),
});

describe("who else wrote a version", () => {
  it("names each changed item's last editor other than the author, once", () => {
    const editors = versionEditors({
      changes: [change("vat"), change("payment"), change("kela", "referral")],
      draft,
      entries: [],
      author: "author",
    });
    expect(editors).toEqual([
      { subject: "henrik", name: "Henrik" },
      { subject: "sanna", name: "Sanna" },
    ]);
  });

  it("adds who the audit trail names writing a changed item, and no one for other items or actions", () => {
    const editors = versionEditors({
      changes: [change("vat"), change("out-of-scope")],
      draft,
      entries: [
        entry("maija", { topic: "vat" }),
        entry("ville", { action: "inbox-teach", topic: "vat" }),
        entry("kalle", { topic: "payment" }),
        entry("liisa", { action: "approve", topic: "vat" }),
        entry("system", { topic: "vat" }),
        entry("author", { topic: "vat" }),
        entry("risto", { referral: "vat" }),
      ],
      author: "author",
    });
    expect(editors.map((e) => e.subject)).toEqual(["pekka", "maija", "ville"]);
  });

  it("does not count writes an item's discard took back, only the discard and later ones", () => {
    const editors = versionEditors({
      changes: [change("vat")],
      draft: { ...draft, meta: new Map([["vat", meta("author", "Outi")]]) },
      entries: [
        entry("maija", { topic: "vat" }),
        entry("author", { action: "draft-revert", topic: "vat" }),
        entry("henrik", { topic: "vat" }),
      ],
      author: "author",
    });
    expect(editors.map((e) => e.subject)).toEqual(["maija"]);
  });
});
