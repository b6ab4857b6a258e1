import { beforeEach, describe, expect, it, vi } from "vitest";
import { CONVERSATION_MOVES } from "../../functions/contracts/topics.ts";

// The module keeps what it fetched for the page: each test starts from a fresh copy.
let names: typeof import("./topicNames.ts");
beforeEach(async () => {
  vi.resetModules();
  names = await import("./topicNames.ts");
});

const LIVE = {
  version: 7,
  topics: [
    { id: "greeting", fi: { title: "Tervehdys" }, sv: { title: "Hälsning" }, system: true },
    { id: "tax-card", fi: { title: "Verokortti" }, sv: { title: "Skattekort" }, system: true },
    {
      id: "callback",
      fi: { title: "Takaisinsoitto" },
      sv: { title: "Återuppringning" },
      system: true,
    },
    {
      id: "capital-gains",
      fi: { title: "Luovutusvoitto" },
      sv: { title: "Överlåtelsevinst" },
      system: false,
    },
  ],
};

function answering(...responses: (() => Response)[]) {
  const calls: { url: string; init?: RequestInit }[] = [];
  const fetchImpl = (async (url: string, init?: RequestInit) => {
    calls.push({ url, ...(init ? { init } : {}) });
    const next = responses[Math.min(calls.length, responses.length) - 1];
    if (!next) throw new Error("no response");
    return next();
  }) as typeof fetch;
  return { calls, fetchImpl };
}
const json =
  (body: unknown, status = 200) =>
  () =>
    new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

describe("topic names from the live content", () => {
  it("are fetched once with the staff session's token", async () => {
    const { calls, fetchImpl } = answering(json(LIVE));

    const [first, second] = await Promise.all([
      names.loadTopicNames("token-1", { fetchImpl }),
      names.loadTopicNames("token-1", { fetchImpl }),
    ]);

    expect([first, second]).toEqual([true, true]);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe("/api/content/topics");
    expect(new Headers(calls[0]?.init?.headers).get("authorization")).toBe("Bearer token-1");
    expect(names.topicTitle("capital-gains", "sv")).toBe("Överlåtelsevinst");
  });

  it("offer every topic but the conversation moves as wrap-up reasons, by title in the UI language, other last", async () => {
    const { fetchImpl } = answering(json(LIVE));

    await names.loadTopicNames("t", { fetchImpl });

    // Luovutusvoitto < Verokortti, but Skattekort < Överlåtelsevinst (Ö sorts last in both).
    expect(names.wrapupReasons("fi")).toEqual({
      fromChat: [],
      others: ["capital-gains", "tax-card", "other"],
    });
    expect(names.wrapupReasons("sv").others).toEqual(["tax-card", "capital-gains", "other"]);
    const moves: readonly string[] = CONVERSATION_MOVES;
    expect(names.wrapupReasons("fi").others.some((id) => moves.includes(id))).toBe(false);
  });

  it("offer the chat's recognised topics first, once, without the conversation moves", async () => {
    const { fetchImpl } = answering(json(LIVE));

    await names.loadTopicNames("t", { fetchImpl });

    expect(
      names.wrapupReasons("fi", ["tax-card", "callback", "unknown-topic", "tax-card"]),
    ).toEqual({ fromChat: ["tax-card"], others: ["capital-gains", "other"] });
  });

  it("leave a chat's conversation moves out of its topics, so the chat shows only what was asked", () => {
    const asked = names.questionTopics(["greeting", "tax-card", "human-advisor", "goodbye"]);

    expect(asked).toEqual(["tax-card"]);
    for (const move of CONVERSATION_MOVES) expect(names.questionTopics([move])).toEqual([]);
  });

  it("name no matter for a callback or booking left through the chat's own flow", () => {
    expect(names.matterOf("callback")).toBeUndefined();
    expect(names.matterOf("appointment")).toBeUndefined();
    expect(names.matterOf(undefined)).toBeUndefined();
    expect(names.matterOf("tax-card")).toBe("tax-card");
  });

  it("are signals, so views showing a topic by its id re-render with its name when they arrive", async () => {
    const { fetchImpl } = answering(json(LIVE));
    // The same copy of the signals library as the freshly imported module.
    const { effect } = await import("@preact/signals");
    const shown: (string | undefined)[] = [];
    const stop = effect(() => {
      shown.push(names.topicTitle("tax-card", "fi"));
    });

    await names.loadTopicNames("t", { fetchImpl });
    stop();

    expect(shown).toEqual([undefined, "Verokortti"]);
  });

  it("are retried after a failure, and leave the wrap-up with only other until they come", async () => {
    const { calls, fetchImpl } = answering(() => new Response("down", { status: 503 }), json(LIVE));
    const sleep = vi.fn(async () => {
      expect(names.wrapupReasons("fi", ["tax-card"])).toEqual({ fromChat: [], others: ["other"] });
    });

    const ok = await names.loadTopicNames("t", { fetchImpl, sleep, retryDelaysMs: [5] });

    expect(ok).toBe(true);
    expect(calls).toHaveLength(2);
    expect(sleep).toHaveBeenCalledWith(5);
  });

  it("are not asked for again with a refused token", async () => {
    const { calls, fetchImpl } = answering(json({ error: { code: "UNAUTHORIZED" } }, 401));

    const ok = await names.loadTopicNames("expired", { fetchImpl, retryDelaysMs: [1, 1] });

    expect(ok).toBe(false);
    expect(calls).toHaveLength(1);
    expect(names.topicTitle("tax-card", "fi")).toBeUndefined();
  });

  it("skip malformed entries rather than showing them", async () => {
    const { fetchImpl } = answering(
      json({ version: 1, topics: [{ id: "vat" }, LIVE.topics[1], "x"] }),
    );

    await names.loadTopicNames("t", { fetchImpl });

    expect(names.topicNames().map((t) => t.id)).toEqual(["tax-card"]);
  });
});
