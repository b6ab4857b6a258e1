import { describe, expect, it } from "vitest";
import { resumedWork, session, signIn, signInNotice, signOut } from "./app.ts";
import * as editor from "./editor.ts";
import { capitalGainsTopic, draftAnswer, signedInWithFakeServer, tokenOf } from "./fakeServer.ts";

const TOPIC = "/api/content/draft/topics/capital-gains";

describe("a sign-in that expires while a topic is being written", () => {
  const fake = signedInWithFakeServer(() => {
    signOut();
    editor.startNew();
  });

  /** Outi has the topic open, has typed a new title, and saves with an expired token. */
  async function saveWithExpiredToken() {
    signIn(tokenOf("outi"));
    const server = fake.current();
    server.on("GET", "/api/content/draft", () => draftAnswer());
    server.on("GET", "/api/content/topics", () => ({
      status: 200,
      body: { version: 3, topics: [] },
    }));
    server.on("GET", TOPIC, () => ({
      status: 200,
      body: {
        topic: capitalGainsTopic,
        retired: false,
        revision: "r1",
      },
    }));
    await editor.open("capital-gains");
    editor.update((f) => ({ ...f, fi: { ...f.fi, title: "Luovutusvoitto" } }));
    server.on("PUT", TOPIC, () => ({
      status: 401,
      body: { error: { code: "UNAUTHORIZED", message: "token expired" } },
    }));
    expect(await editor.save()).toBe(false);
  }

  it("keeps the unsaved form for the same person's next sign-in, and says so", async () => {
    await saveWithExpiredToken();

    expect(session.value).toBeUndefined();
    expect(signInNotice.value).toMatch(/Tallentamattomat muutoksesi ovat tallessa/);
    signIn(tokenOf("outi"));

    expect(resumedWork()).toBe(true);
    expect(editor.form.value.fi.title).toBe("Luovutusvoitto");
    // Its save still expects the revision it was read at.
    fake.current().on("PUT", TOPIC, () => ({
      status: 200,
      body: { ok: true, warnings: [], revision: "r2" },
    }));
    expect(await editor.save()).toBe(true);
    expect(
      fake
        .current()
        .calls.filter((c) => c.method === "PUT")
        .map((c) => c.condition),
    ).toEqual(['"r1"', '"r1"']);
  });

  it("forgets it when someone else signs in, before they see anything", async () => {
    await saveWithExpiredToken();

    signIn(tokenOf("henrik"));

    expect(resumedWork()).toBe(false);
    expect(editor.form.value.fi.title).toBe("");
    expect(editor.loadedId.value).toBeUndefined();
  });

  it("forgets it at once when the person signs out themselves", async () => {
    signIn(tokenOf("outi"));
    editor.update((f) => ({ ...f, fi: { ...f.fi, title: "Luonnos" } }));

    signOut();
    signIn(tokenOf("outi"));

    expect(resumedWork()).toBe(false);
    expect(editor.form.value.fi.title).toBe("");
  });
});
