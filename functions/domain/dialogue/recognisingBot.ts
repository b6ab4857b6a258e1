import type { Chat } from "../chat/model.ts";
import type { Recognition, Recognizer } from "../ports.ts";
import { recognizerDownTurn } from "./answerTurn.ts";
import { type Bot, type BotTurn, dialogueContextOf } from "./bot.ts";
import type { Dialogue } from "./dialogue.ts";

/**
 * The bot where the recogniser runs beside the service (the embedded one, locally and in a
 * gateway without Lex): the recogniser reads the message, the dialogue answers it. In AWS
 * Lex does both halves itself, calling the same dialogue through its code hook.
 */
export function createRecognisingBot(deps: {
  recognizer: Recognizer;
  dialogue: Dialogue;
  /** Told when the recogniser fails; never given the message text (it may hold personal data). */
  recognizerFailed?: (error: unknown, chatId: string) => void;
}): Bot {
  return {
    welcome: (lang) => deps.dialogue.welcome(lang),
    async reply(chat: Chat, text: string): Promise<BotTurn> {
      let recognition: Recognition;
      try {
        recognition = await deps.recognizer.recognize(text, chat.lang);
      } catch (error) {
        deps.recognizerFailed?.(error, chat.chatId);
        return { messages: recognizerDownTurn(chat.lang).messages, missed: true };
      }
      const turn = await deps.dialogue.answer(dialogueContextOf(chat, text), recognition);
      return {
        messages: turn.messages,
        ...(turn.topic ? { topic: turn.topic } : {}),
        ...(turn.referral ? { referral: turn.referral } : {}),
        missed: turn.missed,
        recognition: recognition.alternatives.slice(0, 3),
      };
    },
  };
}
