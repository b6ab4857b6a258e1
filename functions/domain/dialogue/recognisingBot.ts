import type { Recogniser, Recognition } from "../ports.ts";
import { recogniserDownTurn } from "./answerTurn.ts";
import { type Bot, type BotTurn, dialogueContextOf } from "./bot.ts";
import type { Dialogue } from "./dialogue.ts";

/**
 * The bot where the recogniser runs beside the service (the embedded one, locally and in a
 * gateway without Lex): the recogniser reads the message, the dialogue answers it. In AWS
 * Lex does both halves itself, calling the same dialogue through its code hook.
 */
export function createRecognisingBot(deps: {
  recogniser: Recogniser;
  dialogue: Dialogue;
  /** Told when the recogniser fails; never given the message text (it may hold personal data). */
  recogniserFailed?: (error: unknown, chatId: string) => void;
}): Bot {
  return {
    welcome: (lang, advisorsAway) => deps.dialogue.welcome(lang, advisorsAway),
    async reply(chat, text, choiceQuestion, advisorsAway): Promise<BotTurn> {
      let recognition: Recognition;
      try {
        recognition = await deps.recogniser.recognise(text, chat.lang);
      } catch (error) {
        deps.recogniserFailed?.(error, chat.chatId);
        return { messages: recogniserDownTurn(chat.lang, advisorsAway).messages, missed: true };
      }
      const turn = await deps.dialogue.answer(
        dialogueContextOf(chat, text, choiceQuestion),
        recognition,
        advisorsAway,
      );
      return {
        messages: turn.messages,
        ...(turn.topic ? { topic: turn.topic } : {}),
        ...(turn.referral ? { referral: turn.referral } : {}),
        ...(turn.handsOver ? { handsOver: true } : {}),
        ...(turn.saidAdvisorsAway ? { saidAdvisorsAway: true } : {}),
        ...(turn.clarified ? { clarified: turn.clarified } : {}),
        missed: turn.missed,
        recognition: recognition.alternatives.slice(0, 3),
        lang: turn.replyLang,
        questionLang: recognition.detectedLang,
      };
    },
  };
}
