import { describe, expect, it } from "vitest";
import type { TopicSummary } from "./api.ts";
import { followUpChoices } from "./followUpChoices.ts";

const topic = (id: string, extra: Partial<TopicSummary> = {}): TopicSummary => ({
  id,
  system: false,
  retired: false,
  fi: { title: `${id} fi`, utterances: 20, tests: 8 },
  sv: { title: `${id} sv`, utterances: 20, tests: 8 },
  ...extra,
});

const topics = [
  topic("vat"),
  topic("capital-gains"),
  topic("old-one", { retired: true }),
  topic("estate", { inProgress: true, problems: 2 }),
];

describe("the follow-up picker", () => {
  it("offers the topics in use by id, not the topic itself, a retired or an unfinished one", () => {
    expect(followUpChoices(topics, { id: "vat", followUps: [] }, "fi", "Kesken")).toEqual([
      { id: "capital-gains", title: "capital-gains fi" },
    ]);
  });

  it("keeps a chosen unfinished topic, marked, and a chosen retired one by its id", () => {
    const chosen = { id: "vat", followUps: ["estate", "old-one"] };
    expect(followUpChoices(topics, chosen, "sv", "Påbörjat")).toEqual([
      { id: "capital-gains", title: "capital-gains sv" },
      { id: "estate", title: "estate sv (Påbörjat)" },
      { id: "old-one", title: "" },
    ]);
  });
});
