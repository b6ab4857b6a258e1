/**
 * Why the chat replied as it did to a tried message, in the content owner's words: the rule
 * (answer from a confidence, ask which one when two are close) with this message's numbers.
 */
import type { TryOutcome } from "./api.ts";
import { formatPercent, type UiText } from "./i18n.ts";

const OUTSIDE = new Set(["none"]);

export function whyLine(
  outcome: Pick<TryOutcome, "top" | "why"> & { answer?: Pick<TryOutcome["answer"], "referral"> },
  t: UiText,
  /** The referral group's name as the owner knows it; its id without one. */
  groupName: (id: string) => string = (id) => id,
): string {
  const { why, top } = outcome;
  const pct = (value: number | undefined) => formatPercent(value, t);
  const [best, second] = top;
  switch (why.kind) {
    case "answer":
      return t.why.answer(pct(best?.confidence), pct(why.answersFrom));
    case "referral":
      // Named: the small-talk group is a referral too, and "another agency" misled about it.
      return t.why.referral(groupName(outcome.answer?.referral ?? best?.intent ?? ""));
    case "clarify":
      // Below the answering confidence, or a runner-up too close to the best: say which.
      return (best?.confidence ?? 0) < why.answersFrom
        ? t.why.unsure(pct(best?.confidence), pct(why.answersFrom))
        : t.why.close(pct(second?.confidence), pct(why.closeFrom));
    default:
      return best && OUTSIDE.has(best.intent)
        ? t.why.outside
        : t.why.none(pct(why.answersFrom), pct(why.offeredFrom));
  }
}
