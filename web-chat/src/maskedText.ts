import {
  type PersonalDataKind,
  PLACEHOLDERS,
} from "../../functions/domain/privacy/placeholders.ts";
import type { UiText } from "./i18n.ts";

const KINDS = Object.keys(PLACEHOLDERS) as PersonalDataKind[];
const MASKS = new RegExp(
  KINDS.map((kind) => PLACEHOLDERS[kind].replace(/[[\]]/g, "\\$&")).join("|"),
  "g",
);
const KIND_OF = new Map(KINDS.map((kind) => [PLACEHOLDERS[kind] as string, kind]));

/**
 * A stored text as the customer reads it: the service keeps "[ID-CODE]" where personal data
 * was removed (one token for every language and for the staff's tools), which a Finnish or
 * Swedish customer should read in their own words.
 */
export function shownText(text: string, said: UiText): string {
  return text.replace(MASKS, (mask) => said.removed[KIND_OF.get(mask) as PersonalDataKind]);
}
