/**
 * The chat protocol between customers, advisors and the gateway: event names, payload
 * schemas and the typed event maps that the server, web-chat, console and tests share.
 * Documented in docs/protocol.md; names and shapes here are a public contract.
 */
import * as z from "zod";
import type {
  AppointmentCancel,
  AppointmentCancelled,
  AppointmentFound,
  AppointmentReschedule,
  AppointmentRescheduled,
  appointmentCloseSchema,
  appointmentFindSchema,
  callbackCloseSchema,
  OwnAppointment,
} from "./contactRequests.ts";
import { type Lang, langSchema } from "./lang.ts";
import { OTHER_REASON, TOPIC_ID_MAX_LENGTH, TOPIC_ID_PATTERN } from "./topics.ts";

export const CHAT_NAMESPACE = "/chat";

/** Longest customer or advisor message the service accepts, in characters. */
export const MAX_MESSAGE_LENGTH = 2000;

const token = z.string().min(10).max(512);

/** A lone UTF-16 surrogate: what invalid UTF-8 turns into; it cannot be stored or shown. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Control characters other than tab and line breaks (terminal escapes, NUL, bell...). */
const CONTROL_CHARACTER = /[^\P{Cc}\t\n\r]/u;

/** Text a person typed: valid Unicode without control characters (tab and newlines allowed). */
const typedText = (field: string, max: number) =>
  z
    .string()
    .max(max, `${field} must be at most ${max} characters`)
    .refine((t) => !LONE_SURROGATE.test(t), `${field} must be valid Unicode text`)
    .refine((t) => !CONTROL_CHARACTER.test(t), `${field} must not contain control characters`);

const idToken = z.string().min(20).max(8192);

export const chatStartSchema = z.strictObject({
  lang: langSchema,
  /** Optional OpenID Connect ID token: start (or resume) the chat authenticated. */
  idToken: idToken.optional(),
  resumeToken: token.optional(),
  /** Id of the last message the client has; the server replays only what came after it. */
  lastMessageId: z.string().min(1).max(64).optional(),
});
export type ChatStartRequest = z.infer<typeof chatStartSchema>;

export const customerMessageSchema = z.strictObject({
  text: typedText("text", MAX_MESSAGE_LENGTH).refine(
    (t) => t.trim().length > 0,
    "text must contain at least one visible character",
  ),
  /** Client-chosen id; a message re-sent after a dropped connection is stored once. */
  clientId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/, "clientId must be 8-64 letters, digits, '_' or '-'")
    .optional(),
});
export type CustomerMessageRequest = z.infer<typeof customerMessageSchema>;

export const typingSchema = z.strictObject({ typing: z.boolean() });
export const chatAuthenticateSchema = z.strictObject({ idToken });
export const chatSignOutSchema = z.strictObject({});
export const chatLanguageSchema = z.strictObject({ lang: langSchema });
export const chatEndSchema = z.strictObject({});

const MESSAGE_ID_RULE = "messageId must be a message id (1-64 characters)";
/** The customer's vote on one of the bot's answers ("was this helpful?"). */
export const answerFeedbackSchema = z.strictObject({
  /** Id of a bot answer (a bot message with a topic or a referral) of this chat. */
  messageId: z.string().min(1, MESSAGE_ID_RULE).max(64, MESSAGE_ID_RULE),
  helpful: z.boolean(),
});
export type AnswerFeedback = z.infer<typeof answerFeedbackSchema>;

export const SURVEY_COMMENT_MAX = 1000;
export const surveySubmitSchema = z.strictObject({
  surveyToken: token,
  gotHelp: z.boolean(),
  score: z.number().int().min(1, "score must be 1-5").max(5, "score must be 1-5"),
  comment: typedText("comment", SURVEY_COMMENT_MAX).optional(),
});
export type SurveySubmission = z.infer<typeof surveySubmitSchema>;

export const SENDERS = ["customer", "bot", "advisor", "system"] as const;
export type Sender = (typeof SENDERS)[number];

export const ACTION_TYPES = [
  "login",
  "handoff",
  "callback",
  "appointment",
  "link",
  "switch-language",
  /** Cancel or move a booked appointment (the widget's form for it). */
  "change-appointment",
  /** End the chat (offered when the customer says goodbye). */
  "end-chat",
] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

export interface QuickReply {
  label: string;
  value: string;
}

export interface MessageAction {
  type: ActionType;
  label: string;
  url?: string;
  /** For "switch-language": the language to switch the chat to. */
  lang?: Lang;
}

/** One transcript message as every party sees it. */
export interface ChatMessage {
  id: string;
  chatId: string;
  from: Sender;
  text: string;
  /** ISO 8601 instant. */
  at: string;
  topic?: string;
  /**
   * On another agency's pointer: the referral group the bot answered with. Such an answer is
   * voted on like a topic's answer.
   */
  referral?: string;
  quickReplies?: QuickReply[];
  actions?: MessageAction[];
  /**
   * The language the message is written in, so a client can mark it (a screen reader reads
   * it in that voice after the chat switched language). The service's own messages: the
   * language it wrote them in (an answer to a Swedish question in a Finnish chat: sv). A
   * customer's or advisor's: the chat's language when it was sent (what they write is not
   * analysed). Absent on messages stored before it was kept.
   */
  lang?: Lang;
  /** Echo of the sender's clientId, so the sending tab can match its optimistic copy. */
  clientId?: string;
  /** Live only: a notice that is not stored, so a replay after reconnecting does not have it. */
  transient?: true;
  /**
   * A bot answer made of the signed-in customer's own data (a personal topic answered with
   * their figures). A client takes such answers off the screen when the customer signs out;
   * a replay to a chat that is not signed in carries a neutral line in its place.
   */
  personal?: true;
}

export const CHAT_STATES = ["bot", "queued", "advisor", "ended"] as const;
export type ChatStateName = (typeof CHAT_STATES)[number];

export interface ChatStateEvent {
  chatId: string;
  state: ChatStateName;
  /** The chat's current language (switchable with chat:language). */
  lang?: Lang;
  queuePosition?: number;
  estimatedWaitSeconds?: number;
  advisor?: { displayName: string };
}

export interface SurveyRequestEvent {
  chatId: string;
  surveyToken: string;
}

/** Error codes a client may see; messages sent with them are allow-listed in the server. */
export const ERROR_CODES = [
  "VALIDATION_FAILED",
  "NOT_STARTED",
  "CHAT_NOT_FOUND",
  "INVALID_RESUME_TOKEN",
  "CHAT_ENDED",
  "INVALID_SURVEY_TOKEN",
  "SURVEY_TOKEN_EXPIRED",
  "SURVEY_ALREADY_SUBMITTED",
  "RATE_LIMITED",
  "ALREADY_TAKEN",
  "NOT_YOUR_CHAT",
  "TOO_MANY_CHATS",
  "NOT_IN_QUEUE",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "SLOT_FULL",
  "SLOT_NOT_BOOKABLE",
  "APPOINTMENT_NOT_FOUND",
  "APPOINTMENT_ALREADY_STARTED",
  "APPOINTMENT_NOT_STARTED",
  "APPOINTMENT_ALREADY_HANDLED",
  "APPOINTMENT_CANCELLED",
  "CALLBACK_NOT_FOUND",
  "CALLBACK_ALREADY_CLOSED",
  /** The phone number or person already has an open booking or callback request (HTTP 409). */
  "ALREADY_OPEN",
  "TOKEN_INVALID",
  "TOKEN_EXPIRED",
  "ASSURANCE_TOO_LOW",
  "NOT_STAFF",
  "IDENTITY_MISMATCH",
  "SERVICE_UNAVAILABLE",
  "LANGUAGE_NOT_SERVED",
  "INTERNAL",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AckError {
  ok: false;
  error: { code: ErrorCode; message: string };
}
export type Ack<T extends object = object> = ({ ok: true } & T) | AckError;
export type AckCallback<T extends object = object> = (response: Ack<T>) => void;

export interface ChatStartResult {
  chatId: string;
  resumeToken: string;
  state: ChatStateName;
  /** True when the chat is bound to a verified identity. */
  authenticated?: boolean;
  /** While authenticated: the signed-in customer's name, for the widget to show. */
  name?: string;
  /** While authenticated: when the sign-in ends (the ID token's `exp`, ISO instant). */
  signInExpiresAt?: string;
}

/**
 * What a client may send for an event: its schema's input. The gateway validates every
 * payload with that same schema (gateway/acks.ts), so the two cannot drift apart.
 */
type PayloadOf<S extends z.ZodType> = z.input<S>;

/**
 * Events a customer client sends on the /chat namespace. The gateway's handler for each is
 * typed from here: its payload from the schema, its ack from the AckCallback.
 */
export interface CustomerToServerEvents {
  "chat:start": (
    payload: PayloadOf<typeof chatStartSchema>,
    ack: AckCallback<ChatStartResult>,
  ) => void;
  "chat:message": (
    payload: PayloadOf<typeof customerMessageSchema>,
    ack: AckCallback<{ id: string }>,
  ) => void;
  "chat:typing": (payload: PayloadOf<typeof typingSchema>, ack?: AckCallback) => void;
  "chat:authenticate": (
    payload: PayloadOf<typeof chatAuthenticateSchema>,
    ack: AckCallback<{
      authenticated: true;
      name: string;
      personalData: boolean;
      /** When the sign-in ends (the ID token's `exp`, ISO instant). */
      signInExpiresAt?: string;
    }>,
  ) => void;
  /** Ends the chat's sign-in at once; the chat goes on anonymous. */
  "chat:signout": (
    payload: PayloadOf<typeof chatSignOutSchema>,
    ack: AckCallback<{ authenticated: false }>,
  ) => void;
  "chat:language": (
    payload: PayloadOf<typeof chatLanguageSchema>,
    ack: AckCallback<{ lang: Lang }>,
  ) => void;
  "chat:end": (
    payload: PayloadOf<typeof chatEndSchema>,
    ack: AckCallback<{ surveyToken: string }>,
  ) => void;
  /** A vote on a bot answer; a second vote on the same answer replaces the first. */
  "chat:feedback": (payload: PayloadOf<typeof answerFeedbackSchema>, ack: AckCallback) => void;
  "survey:submit": (payload: PayloadOf<typeof surveySubmitSchema>, ack: AckCallback) => void;
  "chat:handoff": (
    payload: PayloadOf<typeof handoffRequestSchema>,
    ack: AckCallback<HandoffResult>,
  ) => void;
  "chat:leave-queue": (payload: PayloadOf<typeof leaveQueueSchema>, ack: AckCallback) => void;
  /** The signed-in customer's own booked appointments still ahead; UNAUTHORIZED unsigned. */
  "appointments:list": (
    payload: Record<string, never>,
    ack: AckCallback<{ appointments: OwnAppointment[] }>,
  ) => void;
  /**
   * Finds an own appointment still ahead (named as for a cancel): its time and language, so
   * that a move offers that language's times. APPOINTMENT_NOT_FOUND for anything else.
   */
  "appointment:find": (
    payload: PayloadOf<typeof appointmentFindSchema>,
    ack: AckCallback<AppointmentFound>,
  ) => void;
  /** Cancels an own appointment (reference + phone, or reference alone when signed in). */
  "appointment:cancel": (
    payload: AppointmentCancel,
    ack: AckCallback<AppointmentCancelled>,
  ) => void;
  /** Moves an own appointment to another free slot; the old one is cancelled. */
  "appointment:reschedule": (
    payload: AppointmentReschedule,
    ack: AckCallback<AppointmentRescheduled>,
  ) => void;
}

/** Events the server sends to customers on the /chat namespace. */
export interface ServerToCustomerEvents {
  "chat:message": (message: ChatMessage) => void;
  "chat:state": (state: ChatStateEvent) => void;
  "chat:typing": (payload: { typing: boolean }) => void;
  "survey:request": (payload: SurveyRequestEvent) => void;
}

// ---------------------------------------------------------------------------------------
// Handoff to a person (customer side, /chat)

export const handoffRequestSchema = z.strictObject({});
export const leaveQueueSchema = z.strictObject({});

/** What routing decided when the customer asked for a person. */
export type HandoffOutcome = "queued" | "unavailable" | "closed" | "advisor";

export interface HandoffResult {
  /** "advisor": the chat is already with an advisor; nothing changed. */
  outcome: HandoffOutcome;
  queuePosition?: number;
  estimatedWaitSeconds?: number;
  /** ISO instant of the next opening, when closed. */
  nextOpening?: string;
  /** Why no person is available, when unavailable. */
  reason?: "no-advisors" | "queue-full";
}

// ---------------------------------------------------------------------------------------
// Advisor console (/advisor namespace; handshake `auth: { token }` with an advisor token)

export const ADVISOR_NAMESPACE = "/advisor";

export const advisorStatusSchema = z.strictObject({
  status: z.enum(["available", "away"]),
  languages: z.array(langSchema).min(1, "languages: choose at least one language").max(2),
  maxChats: z.number().int().min(1).max(10).optional(),
});
export type AdvisorStatusRequest = z.infer<typeof advisorStatusSchema>;

const chatIdField = z.string().min(1).max(64);
export const advisorChatSchema = z.strictObject({ chatId: chatIdField });
export const advisorMessageSchema = z.strictObject({
  chatId: chatIdField,
  text: customerMessageSchema.shape.text,
  clientId: customerMessageSchema.shape.clientId,
});
export const advisorTypingSchema = z.strictObject({ chatId: chatIdField, typing: z.boolean() });
export const advisorTransferSchema = z.strictObject({ chatId: chatIdField, lang: langSchema });
export const WRAPUP_NOTE_MAX = 1000;
export const advisorWrapupSchema = z.strictObject({
  chatId: chatIdField,
  /** A topic id, or "other"; whether the topic exists is the handoff service's check. */
  reason: z
    .string()
    .max(TOPIC_ID_MAX_LENGTH, `must be a topic id or "${OTHER_REASON}"`)
    .regex(TOPIC_ID_PATTERN, `must be a topic id or "${OTHER_REASON}"`),
  note: z
    .string()
    .max(WRAPUP_NOTE_MAX, `note must be at most ${WRAPUP_NOTE_MAX} characters`)
    .optional(),
});

export interface QueueEntry {
  chatId: string;
  /** The queue the chat waits in (after a transfer, not necessarily the chat's language). */
  lang: Lang;
  topic?: string;
  /** Since the customer first asked for a person (a transfer or requeue keeps the time). */
  waitingSeconds: number;
  authenticated: boolean;
  /** The chat's place in its own queue: what its customer is told. */
  position: number;
}

export interface QueueSnapshot {
  waiting: QueueEntry[];
}

/** One chat an advisor is handling, as sent on accept and on reconnect. */
export interface AdvisorChat {
  chatId: string;
  lang: Lang;
  /**
   * The queue the chat was taken from (an addition): after a transfer or a language switch
   * not necessarily `lang`. A transfer goes to the other one.
   */
  queue: Lang;
  topics: string[];
  authenticated: boolean;
  /** The customer's name, only when authenticated. */
  customerName?: string;
  transcript: ChatMessage[];
  /** True when the customer has ended the chat and only the wrap-up is left. */
  ended: boolean;
}

export interface AdvisorStatus {
  status: "available" | "away";
  languages: Lang[];
  maxChats: number;
  displayName: string;
}

/** Events the advisor console sends on /advisor; typed from the schemas as the customer's. */
export interface AdvisorToServerEvents {
  "advisor:status": (
    payload: PayloadOf<typeof advisorStatusSchema>,
    ack: AckCallback<AdvisorStatus>,
  ) => void;
  "chat:accept": (
    payload: PayloadOf<typeof advisorChatSchema>,
    ack: AckCallback<{ chat: AdvisorChat; transcript: ChatMessage[] }>,
  ) => void;
  "chat:message": (
    payload: PayloadOf<typeof advisorMessageSchema>,
    ack: AckCallback<{ id: string }>,
  ) => void;
  "chat:typing": (payload: PayloadOf<typeof advisorTypingSchema>, ack?: AckCallback) => void;
  "chat:transfer": (payload: PayloadOf<typeof advisorTransferSchema>, ack: AckCallback) => void;
  "chat:end": (payload: PayloadOf<typeof advisorChatSchema>, ack: AckCallback) => void;
  /** A second wrap-up of the same chat is kept as a correction (`correction: true`). */
  "chat:wrapup": (
    payload: PayloadOf<typeof advisorWrapupSchema>,
    ack: AckCallback<{ correction?: true }>,
  ) => void;
  /**
   * Open callback requests, oldest first, a page (200) at a time; `nextCursor` is there while
   * more follow, and asks for the next page as `cursor`.
   */
  "callbacks:list": (
    payload: PayloadOf<typeof callbacksListSchema>,
    ack: AckCallback<CallbackPage>,
  ) => void;
  /** Marks a callback done after calling. */
  "callback:close": (
    payload: PayloadOf<typeof callbackCloseSchema>,
    ack: AckCallback<CallbackCloseResult>,
  ) => void;
  /**
   * Booked phone appointments of the advisor's languages from the Helsinki day `from` (default
   * today) on, earliest first, a page (200) at a time; paged like `callbacks:list`.
   */
  "appointments:list": (
    payload: PayloadOf<typeof advisorAppointmentsListSchema>,
    ack: AckCallback<AdvisorAppointmentPage>,
  ) => void;
  /** Marks a booked appointment handled once its time has come (after the call). */
  "appointment:close": (
    payload: PayloadOf<typeof appointmentCloseSchema>,
    ack: AckCallback<AppointmentCloseResult>,
  ) => void;
}

export const callbacksListSchema = z.strictObject({
  /** The `nextCursor` of the previous page; absent for the first page (the oldest). */
  cursor: z.string().max(512, "cursor: must be the nextCursor of an earlier answer").optional(),
});

/** A callback request as the console lists it. */
export interface OpenCallbackItem {
  reference: string;
  lang: Lang;
  /** E.164, for dialling; absent for a supervisor without the advisor role. */
  phone?: string;
  /** e.g. "+358 40 1234567", for reading; absent as `phone`. */
  phoneDisplay?: string;
  preferredWindow: "morning" | "afternoon" | "any";
  topic?: string;
  chatId?: string;
  createdAt: string;
  /** Earliest time the customer was told to expect the call (ISO instant). */
  callFrom: string;
}

/** One page of `callbacks:list`; `nextCursor` is there while more requests follow. */
export interface CallbackPage {
  callbacks: OpenCallbackItem[];
  nextCursor?: string;
  /** The service's time when the page was read (ISO instant): waits are measured from it. */
  now: string;
}

export const advisorAppointmentsListSchema = z.strictObject({
  /** The `nextCursor` of the previous page; absent for the first page (the earliest). */
  cursor: z.string().max(512, "cursor: must be the nextCursor of an earlier answer").optional(),
  /** A Helsinki day, YYYY-MM-DD: the list starts at its beginning; today when absent. */
  from: z.iso.date("from: must be a day, YYYY-MM-DD").optional(),
});

/** A booked phone appointment as the console lists it. */
export interface AdvisorAppointmentItem {
  reference: string;
  lang: Lang;
  /** E.164, for dialling; absent for a supervisor without the advisor role. */
  phone?: string;
  /** e.g. "+358 40 1234567", for reading; absent as `phone`. */
  phoneDisplay?: string;
  /** ISO instants of the slot. */
  start: string;
  end: string;
  /** The start in the appointment's language, e.g. "tiistaina 8.12. klo 10.30". */
  label: string;
  topic?: string;
  chatId?: string;
  /** When the customer booked it (ISO instant). */
  createdAt: string;
}

/** One page of `appointments:list`; `nextCursor` is there while more appointments follow. */
export interface AdvisorAppointmentPage {
  appointments: AdvisorAppointmentItem[];
  nextCursor?: string;
  /** The service's time when the page was read (ISO instant). */
  now: string;
}

/** The answer to `appointment:close`. */
export interface AppointmentCloseResult {
  reference: string;
  handledAt: string;
}

/** The answer to `callback:close`. */
export interface CallbackCloseResult {
  reference: string;
  closedAt: string;
}

/** Events the server sends to advisors on /advisor. */
export interface ServerToAdvisorEvents {
  "advisor:status": (status: AdvisorStatus) => void;
  "queue:snapshot": (snapshot: QueueSnapshot) => void;
  /** The chats this advisor is handling, sent on connect (so a reconnect restores them). */
  "advisor:chats": (payload: { chats: AdvisorChat[] }) => void;
  "chat:message": (message: ChatMessage) => void;
  "chat:typing": (payload: { chatId: string; typing: boolean }) => void;
  "chat:state": (state: ChatStateEvent) => void;
  /**
   * The customer of one of this advisor's chats has had no connection to it for the grace
   * period (`connected: false`: the tab was probably closed), or is back (`connected: true`).
   */
  "chat:customer": (payload: { chatId: string; connected: boolean }) => void;
  /**
   * A callback request or booking in `lang` was made, closed, cancelled or handled: sent to
   * the consoles whose token serves `lang`, which then read `list` again.
   */
  "contacts:changed": (payload: { list: "callbacks" | "appointments"; lang: Lang }) => void;
}
