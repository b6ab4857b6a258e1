import { describe, expect, it } from "vitest";
import { formAnswerMessage } from "./formPreview.ts";
import { emptyForm, type TopicForm } from "./topicForm.ts";

function form(over: Partial<TopicForm> = {}): TopicForm {
  const base = emptyForm();
  return {
    ...base,
    id: "payment",
    fi: { ...base.fi, title: "Maksaminen", answer: "Maksa OmaVerossa.\n\n  \nTai pankissa.  " },
    sv: { ...base.sv, title: "Betalning", answer: "Betala i MinSkatt." },
    ...over,
  };
}

const titles: Record<string, Record<"fi" | "sv", string>> = {
  "tax-card": { fi: "Verokortti", sv: "Skattekort" },
};
const titleOf = (id: string, lang: "fi" | "sv") => titles[id]?.[lang];

describe("the editor's answer preview", () => {
  it("shows the typed answer in paragraphs, as the chat sends it", () => {
    expect(formAnswerMessage(form(), "fi", titleOf)).toEqual({
      from: "bot",
      text: "Maksa OmaVerossa.\n\nTai pankissa.",
    });
  });

  it("names follow-ups by their title in the language, links and the action as buttons", () => {
    const edited = form({
      action: "callback",
      followUps: ["tax-card", "gone-topic"],
      sv: {
        ...form().sv,
        links: [
          { label: "Betala", url: "https://www.vero.fi/sv/betala" },
          // A row not filled in yet is no button.
          { label: "", url: "" },
        ],
      },
    });

    expect(formAnswerMessage(edited, "sv", titleOf)).toEqual({
      from: "bot",
      text: "Betala i MinSkatt.",
      quickReplies: [
        { label: "Skattekort", value: "Skattekort" },
        { label: "gone-topic", value: "gone-topic" },
      ],
      actions: [
        { type: "link", label: "Betala", url: "https://www.vero.fi/sv/betala" },
        { type: "callback", label: "Bli uppringd" },
      ],
    });
  });

  it("shows a personal topic's sign-in prompt, and a new topic's answer before it has an id", () => {
    const personal = formAnswerMessage(form({ id: "tax-card" }), "fi", titleOf);
    const unnamed = formAnswerMessage(form({ id: "" }), "sv", titleOf);

    expect(personal?.actions).toEqual([{ type: "login", label: "Kirjaudu sisään" }]);
    expect(personal?.text).toMatch(/^Maksa OmaVerossa\.\n\nTai pankissa\.\n\nKirjautumalla/);
    expect(unnamed?.text).toBe("Betala i MinSkatt.");
  });
});
