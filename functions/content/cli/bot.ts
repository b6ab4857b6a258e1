import { createInterface } from "node:readline";
import { createEmbeddedRecogniser } from "../../adapters/recogniser/embedded/embeddedRecogniser.ts";
import type { BotContent, Topic } from "../../contracts/content.ts";
import { type Lang, langSchema } from "../../contracts/lang.ts";
import { DEFAULT_DIALOGUE_SETTINGS, replyLanguage } from "../../domain/dialogue/answerTurn.ts";
import { decide } from "../../domain/dialogue/decision.ts";
import { phrase } from "../../domain/dialogue/phrases.ts";
import { answerPieces } from "../../domain/dialogue/topicAnswer.ts";
import { argsOrExit } from "./args.ts";
import { checkedContentOrExit, contentDirFrom } from "./checkedContent.ts";

const USAGE = `Usage:
  npm run --silent bot -- classify --lang fi|sv   < messages.txt   (one JSON line per message)
  npm run bot -- chat --lang fi|sv                                  (terminal chat)
Options: --content <dir>   bot content to use (default: bot-content/)`;

const { positionals, values } = argsOrExit(
  {
    allowPositionals: true,
    options: { lang: { type: "string", default: "fi" }, content: { type: "string" } },
  },
  USAGE,
);
const command = positionals[0];
const lang = langSchema.safeParse(values.lang);
if (!lang.success || (command !== "classify" && command !== "chat")) {
  console.error(USAGE);
  process.exit(2);
}

const content = checkedContentOrExit(contentDirFrom(values.content));
const recogniser = createEmbeddedRecogniser(content);
const lines = createInterface({ input: process.stdin, terminal: false, crlfDelay: Infinity });

if (command === "classify") {
  // External contract: exactly these keys in this order, one line per non-blank input line;
  // "referral" follows only for another agency's matter (intent stays "none").
  for await (const line of lines) {
    // The message is echoed as given (only a Windows line end removed) so callers can join on it.
    const text = line.replace(/\r$/, "");
    if (text.trim() === "") continue;
    const { intent, confidence, referral } = recogniser.classify(text, lang.data);
    process.stdout.write(
      `${JSON.stringify({ text, intent, confidence, ...(referral ? { referral } : {}) })}\n`,
    );
  }
} else {
  await chat(content, lang.data);
}

// --- chat -------------------------------------------------------------------------------
// A content owner's preview: recognised topic and the topic's general answer. The lead
// engineer may replace this with the full dialogue (quick replies, handoff, surveys).
async function chat(content: BotContent, chatLang: Lang): Promise<void> {
  const prompt = chatLang === "fi" ? "sinä> " : "du> ";
  console.log(
    chatLang === "fi" ? "Kirjoita kysymys (Ctrl+D lopettaa)." : "Skriv en fråga (Ctrl+D avslutar).",
  );
  process.stdout.write(prompt);
  for await (const line of lines) {
    const text = line.trim();
    if (text !== "") {
      const r = recogniser.classify(text, chatLang);
      const alternatives = r.alternatives
        .map((a) => `${a.intent} ${a.confidence.toFixed(2)}`)
        .join(", ");
      console.log(
        `  [${r.intent}${r.referral ? ` -> ${r.referral}` : ""} ${r.confidence.toFixed(2)} | lang ${r.detectedLang} | ${alternatives}]`,
      );
      // `lang` above is the language the message is recognised in; the answer's follows the
      // dialogue's rule, which keeps the chat's for a single word of the other language.
      const lang = replyLanguage({ lang: chatLang, question: text }, r);
      if (lang !== chatLang) {
        console.log(
          lang === "sv"
            ? "bot> (Du skrev på svenska, så jag svarar på svenska. Vill du byta chattens språk?)"
            : "bot> (Kirjoitit suomeksi, joten vastaan suomeksi. Vaihdetaanko keskustelun kieli?)",
        );
      }
      // What the chat would do, by the dialogue's own rule: answer, ask between two, or not.
      const decision = decide(r, (id) => content.topics.has(id), DEFAULT_DIALOGUE_SETTINGS);
      if (decision.kind === "answer") {
        const pieces = answerPieces(content.topics.get(decision.topic) as Topic, lang);
        console.log(`bot> ${pieces.paragraphs.join("\n\n     ")}`);
        for (const link of pieces.links) console.log(`     ${link.label}: ${link.url}`);
        if (pieces.followUps.length > 0) console.log(`     [${pieces.followUps.join("] [")}]`);
      } else if (decision.kind === "clarify") {
        const titles = decision.topics.map((id) => content.topics.get(id)?.[lang].title);
        console.log(`bot> ${phrase("whichOne", lang)}`);
        console.log(`     [${[...titles, phrase("somethingElse", lang)].join("] [")}]`);
      } else if (decision.kind === "referral") {
        const group = content.referrals.find((g) => g.id === decision.group)?.[lang];
        console.log(`bot> ${group?.answer.trim() ?? ""}`);
        if (group) console.log(`     ${group.link.label}: ${group.link.url}`);
      } else {
        console.log(`bot> ${phrase("noAnswer", lang)}`);
        if (r.foreign === "en") console.log(`     ${phrase("inEnglish", lang)}`);
      }
    }
    process.stdout.write(prompt);
  }
  console.log();
}
