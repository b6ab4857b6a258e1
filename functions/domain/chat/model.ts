import type { Lang } from "../../contracts/lang.ts";
import type {
  ChatMessage,
  ChatStateName,
  MessageAction,
  QuickReply,
  Sender,
} from "../../contracts/protocol.ts";
import type { Assurance } from "../identity/identity.ts";

/** A chat as stored: never holds a token in clear, only its hash. */
/** An advisor's record of why the customer contacted us (reason) and their note. */
export interface Wrapup {
  reason: string;
  note?: string;
  at: string;
  advisorId: string;
}

export interface Chat {
  chatId: string;
  lang: Lang;
  state: ChatStateName;
  startedAt: string;
  endedAt?: string;
  endedBy?: "customer" | "advisor" | "inactivity";
  resumeSecretHash: string;
  surveySecretHash?: string;
  surveyExpiresAt?: string;
  /** Topics the bot recognised during the chat, in first-seen order. */
  topics: string[];
  /** Bot misses in a row (none or low confidence); drives the offer of a person. */
  missesInRow: number;
  /**
   * The customer has written to the bot (kept with the bot's state): the survey counts only
   * chats the customer wrote in. Unset in a chat whose customer wrote only to a person, or
   * not at all: the transcript tells then.
   */
  customerWrote?: boolean;
  handledBy: "bot" | "advisor";
  authenticated: boolean;
  /** Bound on the server from a verified ID token; never taken from anything the client sends. */
  subject?: string;
  customerName?: string;
  assurance?: Assurance;
  /**
   * When the bound sign-in ends (the ID token's `exp`, ISO instant): after it the chat is
   * served as anonymous until the customer signs in again.
   */
  signInExpiresAt?: string;
  /**
   * The customer tried to sign in with a method too weak for personal data (the sign-in was
   * refused): the bot's personal answers then name the methods that are strong enough.
   */
  signInTooWeak?: boolean;
  /** When the customer first asked for a person (ISO instant). */
  queuedAt?: string;
  /** Queue the chat waits in while queued (may differ from lang after a transfer). */
  queueLang?: Lang;
  /** Advisor handling the chat (staff subject) and the name the customer sees. */
  advisorId?: string;
  advisorName?: string;
  /**
   * While an advisor has the chat: since when its customer has had no connection to it for
   * the grace period (ISO instant), until they are back. Kept so that an advisor's console
   * that connects later is told, on whichever gateway task.
   */
  customerGoneAt?: string;
  /** The advisor's wrap-up as first saved; never overwritten. Notes are stored masked. */
  wrapup?: Wrapup;
  /** Later wrap-ups of the same chat, oldest first: each a correction, who and when kept. */
  wrapupCorrections?: Wrapup[];
  /**
   * Epoch seconds when DynamoDB's TTL deletes the chat record (it holds the customer's name
   * and subject once authenticated): the transcript retention period after the start.
   */
  expiresAt?: number;
}

/** A transcript message as stored, with the recogniser's view of customer messages. */
export interface StoredMessage extends ChatMessage {
  confidence?: number;
  /** On a bot answer: the content version it came from (feedback is counted against it). */
  contentVersion?: number;
  /**
   * As ChatMessage's. On a bot answer it is the customer's language when they wrote in the
   * other one, and a vote on the answer counts in it; absent on answers stored before it was
   * kept: the chat's language stands in.
   */
  lang?: Lang;
  expiresAt: number;
}

/** What a domain step wants said in the chat; ids and times are assigned when stored. */
export interface OutgoingMessage {
  from: Sender;
  text: string;
  topic?: string;
  /** On another agency's pointer: the referral group answered with. */
  referral?: string;
  confidence?: number;
  contentVersion?: number;
  lang?: Lang;
  quickReplies?: QuickReply[];
  actions?: MessageAction[];
  clientId?: string;
  /** As ChatMessage's: the signed-in customer's own data, hidden once no longer signed in. */
  personal?: true;
}

/** A message in the service's own voice, which always knows the language it writes in. */
export type ServiceMessage = OutgoingMessage & { lang: Lang };

/** Gives `lang` to those of `messages` that do not name their own. */
export function writtenIn(lang: Lang, messages: OutgoingMessage[]): ServiceMessage[] {
  return messages.map((m) => ({ ...m, lang: m.lang ?? lang }));
}

/** Strips storage-only fields so every party sees the same message shape. */
export function toChatMessage(message: StoredMessage): ChatMessage {
  const { confidence: _c, contentVersion: _v, expiresAt: _e, ...visible } = message;
  return visible;
}
