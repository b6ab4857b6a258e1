import { describe, expect, it } from "vitest";
import type { TopicSummary } from "./api.ts";
import { followUpChoices, offeredAsFollowUpBy } from "./followUpChoices.ts";
import { UI } from "./i18n.ts";

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

describe("retiring a topic others offer as a follow-up", () => {
  it("names the topics in use that offer it, and the confirmation says the publish needs them fixed", () => {
    const list = [
      topic("payment", { followUps: ["late-payment-interest", "vat"] }),
      topic("residual-tax", { followUps: ["late-payment-interest"] }),
      topic("old", { retired: true, followUps: ["late-payment-interest"] }),
      topic("late-payment-interest"),
    ];
    const by = offeredAsFollowUpBy(list, "late-payment-interest").map((t) => t.id);
    expect(by).toEqual(["payment", "residual-tax"]);
    expect(UI.fi.retireOfferedBy(by.join(", "), by.length)).toBe(
      "Aiheet payment, residual-tax tarjoavat sitä jatkoaiheena: poista se niistä, muuten versiota ei voi julkaista.",
    );
    expect(UI.sv.retireOfferedBy("payment", 1)).toBe(
      "Ämnet payment erbjuder det som följdämne: ta bort det där, annars kan versionen inte publiceras.",
    );
  });
});
