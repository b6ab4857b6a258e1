// What the draft form does for every editor and no editor's own tests reach: work kept with
// the form, and the kept copy after a retire, a discard and a new item's first save.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { session } from "./app.ts";
import { createDraftForm, type DraftFormSpec } from "./draftForm.ts";
import { signedInWithFakeServer, tokenOf } from "./fakeServer.ts";

type Note = { text: string };

describe("a draft editor's form", () => {
  signedInWithFakeServer();
  let stored: Map<string, string>;
  beforeEach(() => {
    stored = new Map();
    vi.stubGlobal("localStorage", {
      getItem: (key: string) => stored.get(key) ?? null,
      setItem: (key: string, value: string) => void stored.set(key, value),
      removeItem: (key: string) => void stored.delete(key),
    });
    session.value = { token: tokenOf("outi") };
  });

  /** An editor of notes with item `id` open ("new": none saved yet), read at r1. */
  function openNote(id: string, extra?: DraftFormSpec<Note>["extra"]) {
    const note = createDraftForm<Note>({
      kept: "referral",
      empty: () => ({ text: "" }),
      keptId: () => id,
      isNew: () => id === "new",
      validate: async () => [],
      ...(extra ? { extra } : {}),
    });
    note.reset({ text: "as read" }, { revision: id === "new" ? undefined : "r1" });
    return note;
  }

  it("gives back what was kept with the form, and drops it with the form on request", () => {
    let questions: unknown = ["q1", "q2"];
    const extra = { now: () => questions, given: (value: unknown) => (questions = value) };
    openNote("new", extra).update(() => ({ text: "mine" }));
    questions = undefined;

    const again = openNote("new", extra);
    again.restoreKept();
    expect(again.form.value.text).toBe("mine");
    expect(questions).toEqual(["q1", "q2"]);

    expect(again.discardRestored()).toBe(true);
    expect([again.form.value.text, questions, stored.size]).toEqual(["as read", undefined, 0]);
  });

  it.each(["retire", "revert"] as const)(
    "keeps no copy of the form after a %s over the revision read, nor counts it unsaved",
    async (write) => {
      const note = openNote("n1");
      note.update(() => ({ text: "mine" }));
      expect(stored.size).toBe(1);
      const bases: unknown[] = [];

      const done =
        write === "retire"
          ? await note.retire(async (_client, base) => {
              bases.push(base);
              return { revision: "r2" };
            })
          : await note.revert(async (_client, base) => {
              bases.push(base);
              return { result: "reverted", warnings: [], revision: "r2" };
            }, "refused");

      expect(done).toBeDefined();
      expect(bases).toEqual([{ revision: "r1" }]);
      expect([note.unsaved.value, stored.size, note.revision.value]).toEqual([false, 0, "r2"]);
    },
  );

  it("keeps nothing of a new item once saved, under 'new' nor under the id it was saved as", async () => {
    openNote("n1").update(() => ({ text: "older work" }));
    const note = openNote("new");
    note.update(() => ({ text: "mine" }));
    expect(stored.size).toBe(2);

    const saved = await note.put(async () => ({ revision: "r1" }), {
      refused: "refused",
      creating: true,
      savedAs: "n1",
    });

    expect(saved).toEqual({ revision: "r1" });
    expect(stored.size).toBe(0);
  });

  it("leaves what was typed while the save ran unsaved, and keeps it with the revision saved", async () => {
    const note = openNote("n1");
    note.update(() => ({ text: "sent" }));
    let answer: (value: { revision: string }) => void = () => {};

    const saving = note.put(
      () => new Promise<{ revision: string }>((resolve) => (answer = resolve)),
      {
        refused: "refused",
      },
    );
    note.update(() => ({ text: "sent, and more" }));
    answer({ revision: "r2" });
    await saving;
    note.saved([]);
    await Promise.resolve();

    expect(note.unsaved.value).toBe(true);
    const kept = JSON.parse([...stored.values()][0] ?? "{}");
    expect([stored.size, kept.form?.text, kept.revision]).toEqual([1, "sent, and more", "r2"]);
    // Typed back to what was sent: nothing is unsaved, nothing kept.
    note.update(() => ({ text: "sent" }));
    expect([note.unsaved.value, stored.size]).toEqual([false, 0]);
  });
});
