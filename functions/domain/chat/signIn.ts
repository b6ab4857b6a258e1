import type { Chat } from "./model.ts";

/**
 * True while the chat's bound sign-in is still valid by the service clock. A binding without
 * a stored expiry (made before expiries were kept) counts as expired: personal data fails
 * closed, and the customer simply signs in again.
 */
export function signInValid(
  chat: Pick<Chat, "authenticated" | "signInExpiresAt">,
  now: Date,
): boolean {
  if (!chat.authenticated || !chat.signInExpiresAt) return false;
  return now.getTime() < Date.parse(chat.signInExpiresAt);
}

/**
 * The chat as the bot and the personal-data paths may see it: after the ID token's expiry
 * the chat goes on anonymous (no subject, name or assurance) until the customer signs in
 * again. The stored binding stays, so the chat still never changes owner.
 */
export function withCurrentSignIn(chat: Chat, now: Date): Chat {
  if (!chat.authenticated || signInValid(chat, now)) return chat;
  const {
    subject: _subject,
    customerName: _name,
    assurance: _assurance,
    signInExpiresAt: _expiry,
    ...anonymous
  } = chat;
  return { ...anonymous, authenticated: false };
}
