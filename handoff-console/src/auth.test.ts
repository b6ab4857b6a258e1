import { afterEach, describe, expect, it, vi } from "vitest";
import { CONSOLE_ROLES, fetchStaffPersonas, nameInToken } from "./auth.ts";

const persona = (id: string, kind: "customer" | "staff", roles?: string[]) => ({
  id,
  kind,
  name: id,
  description: id,
  ...(roles ? { roles } : {}),
});

describe("fetchStaffPersonas", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("offers advisors and supervisors, not customers or content staff, whom the console would refuse", async () => {
    // Prepare
    const list = [
      persona("customer-refund", "customer"),
      persona("advisor-fi", "staff", ["advisor"]),
      persona("supervisor", "staff", ["supervisor"]),
      persona("content-owner", "staff", ["content-owner"]),
      persona("content-reviewer", "staff", ["content-owner", "content-reviewer"]),
      persona("older-provider", "staff"),
    ];
    vi.stubGlobal("fetch", async () => new Response(JSON.stringify(list)));
    // Act
    const shown = await fetchStaffPersonas(CONSOLE_ROLES);
    // Assess
    expect(shown?.map((p) => p.id)).toEqual(["advisor-fi", "supervisor", "older-provider"]);
    // The studio shares the call and still gets its content staff.
    const all = await fetchStaffPersonas();
    expect(all?.map((p) => p.id)).toContain("content-reviewer");
  });

  it("says there is no local identity provider when /dev/personas is not found", async () => {
    vi.stubGlobal("fetch", async () => new Response("", { status: 404 }));
    expect(await fetchStaffPersonas()).toBeUndefined();
  });
});

describe("nameInToken", () => {
  /** An ID token as the identity provider shapes it (the signature is not read here). */
  const token = (claims: object) =>
    `eyJhbGciOiJSUzI1NiJ9.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.c2ln`;

  it("reads the signed-in name from a pasted token's claims, letters outside ASCII too", () => {
    expect(nameInToken(token({ sub: "s1", name: "Åsa Lindström", roles: ["supervisor"] }))).toBe(
      "Åsa Lindström",
    );
    // Without `name`, as the server reads it: given and family name.
    expect(nameInToken(token({ given_name: "Sanna", family_name: "Heikkinen" }))).toBe(
      "Sanna Heikkinen",
    );
  });

  it("gives no name for a token without one, or for text that is no token, rather than failing the sign-in", () => {
    expect(nameInToken(token({ sub: "s1", name: " " }))).toBeUndefined();
    expect(nameInToken("not a token")).toBeUndefined();
    expect(nameInToken("a.b!c.d")).toBeUndefined();
  });
});
