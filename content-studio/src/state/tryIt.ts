/** "Try it": one message against the draft and the live version. */
import { batch, signal } from "@preact/signals";
import type { Lang, TryOutcome, TryResult } from "../api.ts";
import { formatPercent, text, uiLang } from "../i18n.ts";
import { announce, call, errorText, onSignOut } from "./app.ts";

export const message = signal("");
export const lang = signal<Lang>(uiLang.value);
export const result = signal<TryResult | undefined>(undefined);
/** The message and language the result is for. */
export const asked = signal<{ text: string; lang: Lang } | undefined>(undefined);
export const busy = signal(false);
export const error = signal("");

let seq = 0;

function topLine(outcome: TryOutcome): string {
  const t = text.value;
  const best = outcome.top[0];
  if (!best) return t.noIntent;
  const name = best.intent === "none" ? t.noIntent : best.intent;
  return `${name} ${formatPercent(best.confidence, t)}`;
}

/** Asks for the message as typed (or the given one, e.g. a quick reply's value). */
export async function run(textToTry = message.value): Promise<void> {
  const t = text.value;
  const value = textToTry.trim();
  if (!value) {
    error.value = t.messageEmpty;
    return;
  }
  const current = ++seq;
  const language = lang.value;
  batch(() => {
    message.value = value;
    busy.value = true;
    error.value = "";
  });
  const answer = await call(
    (c) => c.tryMessage(value, language),
    (e) => {
      if (current === seq) error.value = errorText(e);
    },
  );
  if (current !== seq) return;
  batch(() => {
    busy.value = false;
    if (answer) {
      result.value = answer;
      asked.value = { text: value, lang: language };
    }
  });
  if (answer) announce(t.tryDone(topLine(answer.draft), topLine(answer.live)));
}

onSignOut(() => {
  seq++;
  message.value = "";
  result.value = undefined;
  asked.value = undefined;
  busy.value = false;
  error.value = "";
});
