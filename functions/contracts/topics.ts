/**
 * Topic ids the bot knows. This list is the single source of truth: content files,
 * the Lex bot, reports and the console's wrap-up reasons all refer to these ids.
 */
export const TOPIC_IDS = [
  "greeting",
  "goodbye",
  "tax-card",
  "tax-refund",
  "residual-tax",
  "tax-return",
  "omavero",
  "household-deduction",
  "travel-expenses",
  "payment",
  "prepayment",
  "inheritance-gift-tax",
  "property-tax",
  "vat",
  "moving-to-finland",
  "contact-info",
  "human-advisor",
  "callback",
  "appointment",
] as const;

export type TopicId = (typeof TOPIC_IDS)[number];

/**
 * Topics the code relies on: conversation moves the dialogue acts on, and the personal
 * topics answered from the customer's own data. Every other topic is pure content.
 */
export const SYSTEM_TOPICS = [
  "greeting",
  "goodbye",
  "human-advisor",
  "callback",
  "appointment",
  "tax-card",
  "tax-refund",
  "residual-tax",
] as const;

/** What the recogniser answers when a message is outside every topic. */
export const NO_INTENT = "none" as const;
export type IntentId = TopicId | typeof NO_INTENT;

export function isTopicId(value: string): value is TopicId {
  return (TOPIC_IDS as readonly string[]).includes(value);
}
