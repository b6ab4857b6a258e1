/**
 * The tax questions no topic covers: one `matter: question` per line, the Finnish and Swedish
 * lists side by side. A question a new topic now answers has to leave the lists, or the
 * publish gate counts it against the version: the page says so.
 */
import { text } from "../i18n.ts";
import { uncoveredPage } from "../state/uncovered.ts";
import { ListsPage } from "./ListsPage.tsx";

export function UncoveredSet() {
  const words = text.value.uncoveredPage;
  return (
    <ListsPage page={uncoveredPage} idPrefix="uncovered" words={words}>
      <p data-testid="uncovered-new-topic">{words.newTopic}</p>
    </ListsPage>
  );
}
