/** socket.io room holding every connection of one chat (customer tabs on /chat, its advisor on /advisor). */
export function chatRoom(chatId: string): string {
  return `chat:${chatId}`;
}

/** socket.io room on /advisor holding every console connection of one advisor. */
export function advisorRoom(advisorId: string): string {
  return `advisor:${advisorId}`;
}

/** socket.io room on /advisor holding every console connection (queue snapshots). */
export const ADVISORS_ROOM = "advisors";

/**
 * socket.io room on /advisor holding the consoles that may see one language's callback
 * requests and bookings (their token serves it): told when those lists change.
 */
export function contactsRoom(lang: "fi" | "sv"): string {
  return `contacts:${lang}`;
}
