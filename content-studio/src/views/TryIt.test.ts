// Who is offered teaching from Try it: the content owner edits; a reviewer-only person reads.
import type { VNode } from "preact";
import { afterEach, describe, expect, it } from "vitest";
import { session } from "../state/app.ts";
import { asked, result } from "../state/tryIt.ts";
import { TeachForm, TryIt } from "./TryIt.tsx";

const tokenWith = (roles: string[]) =>
  `e30.${btoa(JSON.stringify({ sub: "s", roles })).replace(/=+$/, "")}.x`;

const outcome = {
  top: [{ intent: "fringe-benefits", confidence: 0.26 }],
  answer: { messages: [] },
  why: { kind: "none" as const, answersFrom: 0.6, closeFrom: 0.7, offeredFrom: 0.15 },
};

/** Whether the tree `node` renders holds a `TeachForm` (its own children left unrendered). */
function offersTeach(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(offersTeach);
  if (!node || typeof node !== "object") return false;
  const vnode = node as VNode<{ children?: unknown }>;
  return vnode.type === TeachForm || offersTeach(vnode.props?.children);
}

describe("teaching from Try it, by role", () => {
  afterEach(() => {
    session.value = undefined;
    result.value = undefined;
    asked.value = undefined;
  });

  function triedAs(roles: string[]) {
    session.value = { token: tokenWith(roles) };
    result.value = { draft: outcome, live: outcome };
    asked.value = { text: "saako työsuhdepyörän verovapaasti", lang: "fi" };
    return TryIt();
  }

  it("offers a content owner the action to add the tried message to a topic", () => {
    expect(offersTeach(triedAs(["content-owner"]))).toBe(true);
    expect(offersTeach(triedAs(["content-owner", "content-reviewer"]))).toBe(true);
  });

  it("does not offer it to a reviewer-only person", () => {
    expect(offersTeach(triedAs(["content-reviewer"]))).toBe(false);
  });
});
