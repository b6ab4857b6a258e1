import { afterEach, describe, expect, it } from "vitest";
import { reasonLabel, topicLabel, UI } from "./i18n.ts";
import { setTopicNames } from "./topicNames.ts";

afterEach(() => setTopicNames([]));

describe("topic labels", () => {
  it("name a topic with the live content's title in the UI language", () => {
    setTopicNames([
      {
        id: "capital-gains",
        fi: { title: "Luovutusvoitto" },
        sv: { title: "Överlåtelsevinst" },
        system: false,
      },
    ]);

    expect(topicLabel(UI.fi, "capital-gains")).toBe("Luovutusvoitto");
    expect(topicLabel(UI.sv, "capital-gains")).toBe("Överlåtelsevinst");
  });

  it("fall back to the id for a topic the content does not have, and say when there is none", () => {
    expect(topicLabel(UI.fi, "retired-topic")).toBe("retired-topic");
    expect(topicLabel(UI.sv, undefined)).toBe(UI.sv.noTopic);
  });

  it("name the wrap-up reason other in both languages", () => {
    expect(reasonLabel(UI.fi, "other")).toBe("Muu asia");
    expect(reasonLabel(UI.sv, "other")).toBe("Annat ärende");
  });
});
