import { describe, expect, it } from "vitest";
import { contentPersonas } from "./auth.ts";
import { parseRoute, type Route, routeHash } from "./route.ts";

describe("studio addresses", () => {
  it("round-trip every view, a topic id with any characters included", () => {
    const routes: Route[] = [
      { view: "topics" },
      { view: "new" },
      { view: "topic", id: "capital-gains" },
      { view: "topic", id: "new" },
      { view: "topic", id: "ä/ö" },
      { view: "inbox" },
      { view: "inbox", kind: "sampled" },
      { view: "referrals" },
      { view: "referral", id: "traficom" },
      { view: "referral", id: "new" },
      { view: "out-of-scope" },
      { view: "uncovered" },
      { view: "try" },
      { view: "test" },
      { view: "versions" },
    ];
    for (const route of routes) expect(parseRoute(routeHash(route))).toEqual(route);
  });

  it("falls back to the topic list for anything unknown", () => {
    expect(parseRoute("")).toEqual({ view: "topics" });
    expect(parseRoute("#/nonsense")).toEqual({ view: "topics" });
    expect(parseRoute("#topic-fi-title")).toEqual({ view: "topics" });
    expect(parseRoute("#/inbox?kind=nonsense")).toEqual({ view: "inbox" });
  });
});

describe("sign-in personas", () => {
  const advisor = { id: "advisor-fi", name: "A", description: "" };
  const staff = [
    advisor,
    { id: "content-owner", name: "O", description: "" },
    { id: "content-reviewer", name: "R", description: "" },
  ];

  it("offers the content personas: by role where the list has roles, else by id", () => {
    expect(contentPersonas(staff).map((p) => p.id)).toEqual(["content-owner", "content-reviewer"]);
    expect(
      contentPersonas([
        { ...advisor, roles: ["advisor"] },
        { id: "kaisa", name: "K", description: "", roles: ["content-owner"] },
      ]).map((p) => p.id),
    ).toEqual(["kaisa"]);
  });

  it("offers every staff persona when none is meant for content (the server decides)", () => {
    expect(contentPersonas([advisor])).toHaveLength(1);
  });
});
