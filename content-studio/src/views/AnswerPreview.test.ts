import { describe, expect, it } from "vitest";
// Importing a .tsx module here also proves vitest compiles the studio's TSX with Preact's
// automatic runtime from the root tsconfig, as tsc and esbuild do.
import { AnswerPreview, paragraphs } from "./AnswerPreview.tsx";

describe("answer preview", () => {
  it("splits an answer into paragraphs at blank lines, as the widget shows it", () => {
    expect(paragraphs("Eka rivi\ntoinen rivi\n\n  \nToka kappale.\n\n")).toEqual([
      "Eka rivi\ntoinen rivi",
      "Toka kappale.",
    ]);
    expect(paragraphs("  ")).toEqual([]);
  });

  it("is a Preact component compiled to the automatic JSX runtime", () => {
    const vnode = AnswerPreview({ messages: [], lang: "fi" });
    expect(vnode).toMatchObject({ type: "p" });
  });
});
