import type { BotContent } from "../../../content/schema.ts";
import type { Lang } from "../../../contracts/lang.ts";
import type { Recognition, Recognizer } from "../../../domain/ports.ts";
import {
  type ClassifierOptions,
  DEFAULT_CLASSIFIER_OPTIONS,
  IntentClassifier,
  trainingExamples,
} from "./intentClassifier.ts";
import { LanguageDetector } from "./languageDetector.ts";

/** The in-process recogniser: no network, trained from bot content when constructed. */
export class EmbeddedRecognizer implements Recognizer {
  private readonly classifiers: Record<Lang, IntentClassifier>;
  private readonly detector: LanguageDetector;

  constructor(content: BotContent, options: ClassifierOptions = DEFAULT_CLASSIFIER_OPTIONS) {
    const examples = { fi: trainingExamples(content, "fi"), sv: trainingExamples(content, "sv") };
    this.classifiers = {
      fi: new IntentClassifier("fi", examples.fi, options),
      sv: new IntentClassifier("sv", examples.sv, options),
    };
    this.detector = new LanguageDetector({
      fi: examples.fi.map((e) => e.text),
      sv: examples.sv.map((e) => e.text),
    });
  }

  /** Same as `classify`, behind the asynchronous port. */
  async recognize(text: string, lang: Lang): Promise<Recognition> {
    return this.classify(text, lang);
  }

  /** Recognises synchronously, in the language the message is written in. */
  classify(text: string, lang: Lang): Recognition {
    const detectedLang = this.detector.detect(text, lang);
    const { intent, confidence, alternatives } = this.classifiers[detectedLang].classify(text);
    return { intent, confidence, alternatives, detectedLang };
  }
}

/** Builds the embedded recogniser for `content`; training takes a few hundred milliseconds. */
export function createEmbeddedRecognizer(content: BotContent): EmbeddedRecognizer {
  return new EmbeddedRecognizer(content);
}
