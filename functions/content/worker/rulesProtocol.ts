import type { ContentBundle } from "../../domain/content/bundle.ts";
import type { RulesContext } from "../../domain/content/contentWorkflow.ts";

/** What the main thread asks the rules worker. */
export type RulesRequest =
  | { id: number; op: "checkTopic"; json: unknown; bundle: ContentBundle; context: RulesContext }
  | { id: number; op: "checkReferral"; json: unknown; bundle: ContentBundle }
  | { id: number; op: "checkOutOfScope"; json: unknown; bundle: ContentBundle }
  | { id: number; op: "checkUncovered"; json: unknown; bundle: ContentBundle }
  | { id: number; op: "checkBundle"; bundle: ContentBundle; context: RulesContext };

/** Its answer: the rules' own result, or why it failed. */
export type RulesResponse =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; message: string };
