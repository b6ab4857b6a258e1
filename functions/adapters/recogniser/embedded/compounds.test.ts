import { describe, expect, it } from "vitest";
import { CompoundSplitter } from "./compounds.ts";

const splitterFor = (lang: "fi" | "sv", known: string[]) =>
  new CompoundSplitter(lang, (w) => known.includes(w));

describe("CompoundSplitter", () => {
  it("splits a new compound into the known parts it is made of", () => {
    const splitter = splitterFor("sv", ["penning", "gava", "hej"]);

    expect(splitter.split("penninggava")).toEqual(["penning", "gava"]);
    expect(splitter.split("hejhej")).toEqual(["hej", "hej"]);
  });

  it("prefers the longest known head", () => {
    const splitter = splitterFor("fi", ["koti", "kotitalous", "talous", "vahennysta"]);

    expect(splitter.split("kotitalousvahennysta")).toEqual(["kotitalous", "vahennysta"]);
  });

  it("drops a linking s in Swedish and splits three-part compounds", () => {
    const splitter = splitterFor("sv", ["fastighet", "skatt", "sedel"]);

    expect(splitter.split("fastighetsskattsedel")).toEqual(["fastighet", "skatt", "sedel"]);
  });

  it("leaves known words and words with an unknown part alone", () => {
    const splitter = splitterFor("fi", ["vero", "verokortti"]);

    expect(splitter.split("verokortti")).toEqual([]);
    expect(splitter.split("ajoneuvovero")).toEqual([]);
  });
});
