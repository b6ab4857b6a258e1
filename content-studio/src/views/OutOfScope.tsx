/** The out-of-scope examples: one message per line, the Finnish and Swedish lists side by side. */
import { text } from "../i18n.ts";
import { outOfScopePage } from "../state/outOfScope.ts";
import { ListsPage } from "./ListsPage.tsx";

export function OutOfScope() {
  return <ListsPage page={outOfScopePage} idPrefix="out-of-scope" words={text.value.outOfScope} />;
}
