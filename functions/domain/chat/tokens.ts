import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Bearer tokens that name a chat: `<chatId>.<secret>`. Only a hash of the secret is stored,
 * so a leaked table does not let anyone resume chats or answer surveys.
 */
export interface IssuedToken {
  token: string;
  secretHash: string;
}

export function issueChatToken(chatId: string): IssuedToken {
  const secret = randomBytes(24).toString("base64url");
  return { token: `${chatId}.${secret}`, secretHash: hashSecret(secret) };
}

/** Splits a token into chat id and secret; undefined when it is not of the token form. */
export function parseChatToken(token: string): { chatId: string; secret: string } | undefined {
  const dot = token.lastIndexOf(".");
  if (dot <= 0 || dot === token.length - 1) return undefined;
  return { chatId: token.slice(0, dot), secret: token.slice(dot + 1) };
}

/** Constant-time comparison of a presented secret with a stored hash. */
export function secretMatches(secret: string, storedHash: string | undefined): boolean {
  if (!storedHash) return false;
  const a = Buffer.from(hashSecret(secret), "hex");
  const b = Buffer.from(storedHash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}

function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
