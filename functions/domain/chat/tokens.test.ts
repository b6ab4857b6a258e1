import { describe, expect, it } from "vitest";
import { issueChatToken, parseChatToken, secretMatches } from "./tokens.ts";

describe("chat tokens", () => {
  it("name their chat and verify only with the issued secret", () => {
    const issued = issueChatToken("chat-1");
    const parsed = parseChatToken(issued.token);
    expect(parsed?.chatId).toBe("chat-1");
    expect(secretMatches(parsed?.secret ?? "", issued.secretHash)).toBe(true);
    expect(secretMatches("guess", issued.secretHash)).toBe(false);
    expect(secretMatches(parsed?.secret ?? "", undefined)).toBe(false);
  });

  it("never store the secret itself", () => {
    const issued = issueChatToken("chat-1");
    expect(issued.token).not.toContain(issued.secretHash);
    expect(issued.secretHash).not.toContain(parseChatToken(issued.token)?.secret);
  });

  it.each(["", "nodot", ".secret", "chat."])("reject the malformed token %j", (token) => {
    expect(parseChatToken(token)).toBeUndefined();
  });
});
