import type { Ack, ChatMessage } from "../../../functions/contracts/protocol.ts";
import { CONVERSATION_MOVES } from "../../../functions/contracts/topics.ts";
import { h } from "../dom.ts";
import type { UiText } from "../i18n.ts";

const MOVES = new Set<string>(CONVERSATION_MOVES);

/**
 * Whether the customer is asked if a message helped: an answer from the content (a topic's,
 * or another agency's pointer), not a move in the conversation ("Hei!", "I'll see whether an
 * advisor can join", the offer of a callback), which answers no question.
 */
export function asksForVote(m: Pick<ChatMessage, "from" | "topic" | "referral">): boolean {
  if (m.from !== "bot") return false;
  return m.referral !== undefined || (m.topic !== undefined && !MOVES.has(m.topic));
}

/**
 * One answer's vote, apart from the DOM: which choice is pressed and what a click does. The
 * server keeps one vote per answer (a new vote replaces the old), so there is no "unvote":
 * choosing the pressed one again sends nothing. The pressed state changes only when the
 * server acknowledged, so a failed vote leaves the row as it was.
 */
export class AnswerVote {
  private chosen: boolean | undefined;
  private latest = 0;

  constructor(
    private readonly send: (helpful: boolean) => Promise<Ack>,
    private readonly onChange: (helpful: boolean) => void,
  ) {}

  /** The acknowledged vote; undefined before the first (also after a reload). */
  get current(): boolean | undefined {
    return this.chosen;
  }

  /** Sends a vote; true when the server took it (and it is the latest one sent). */
  async choose(helpful: boolean): Promise<boolean> {
    if (this.chosen === helpful) return false;
    const mine = ++this.latest;
    const ack = await this.send(helpful);
    // Votes reach the server in the order sent; only the last one sent says what it holds.
    if (!ack.ok || mine !== this.latest) return false;
    this.chosen = helpful;
    this.onChange(helpful);
    return true;
  }
}

export interface AnswerFeedbackContext {
  text: UiText;
  /** Sends the vote; `held` is told when it waits for the connection to come back. */
  vote(helpful: boolean, held: () => void): Promise<Ack>;
  /** Says the thanks through the widget's polite live region. */
  announce(message: string): void;
}

/**
 * "Was the answer helpful?" under a bot answer: two toggle buttons (aria-pressed) whose
 * accessible names say what they do, in the language the answer was shown in.
 */
export function answerFeedback(ctx: AnswerFeedbackContext): HTMLElement {
  const { text } = ctx;
  const questionId = `fb${++rows}`;
  const yes = h(
    "button",
    { type: "button", class: "vote", "aria-pressed": "false", "aria-label": text.helpfulYes },
    text.yes,
  );
  const no = h(
    "button",
    { type: "button", class: "vote", "aria-pressed": "false", "aria-label": text.helpfulNo },
    text.no,
  );
  // What became of a vote that was not taken at once: held for the connection, or refused.
  const status = h("span", { class: "vote-status", hidden: true });
  const say = (message?: string) => {
    status.textContent = message ?? "";
    status.hidden = !message;
    if (message) ctx.announce(message);
  };
  let sent = 0;
  const vote = new AnswerVote(
    async (helpful) => {
      const mine = ++sent;
      say();
      const ack = await ctx.vote(helpful, () => say(text.feedbackHeld));
      // Only the last vote sent speaks for the row; a refused one is never silent.
      if (!ack.ok && mine === sent) say(text.feedbackFailed);
      return ack;
    },
    (helpful) => {
      yes.setAttribute("aria-pressed", String(helpful));
      no.setAttribute("aria-pressed", String(!helpful));
      say();
      ctx.announce(text.feedbackThanks);
    },
  );
  yes.addEventListener("click", () => void vote.choose(true));
  no.addEventListener("click", () => void vote.choose(false));
  return h(
    "div",
    {
      class: "feedback",
      role: "group",
      "aria-labelledby": questionId,
      lang: text.locale.slice(0, 2),
    },
    h("span", { id: questionId }, text.helpfulQuestion),
    h("span", { class: "votes" }, yes, no),
    status,
  );
}

let rows = 0;
