/**
 * Held-out messages whose topic differs from the live version's: in Test all (the draft) and
 * in a version's test (what approving it would change for customers). Each is marked a new
 * mistake, a fix or still wrong, new mistakes first, with the counts above the table.
 */
import type { ChangedAnswer } from "../api.ts";
import { text } from "../i18n.ts";
import { changedRows, effectCounts, splitEffectCounts } from "../testReport.ts";
import { IntentName } from "./IntentName.tsx";
import { Badge, Scroll } from "./ui.tsx";

export function ChangedAnswers(props: {
  changed: ChangedAnswer[];
  captionId: string;
  caption: string;
  /** The column of the content tested: the draft, or a version. */
  newColumn: string;
  testId: string;
}) {
  const t = text.value;
  if (props.changed.length === 0) return <p class="muted">{t.noChanged}</p>;
  const counts = effectCounts(props.changed);
  const splits = splitEffectCounts(props.changed);
  return (
    <>
      <p data-testid={`${props.testId}-summary`}>{`${t.changedSummary(counts)}.`}</p>
      {splits.length ? (
        <p class="small-text" data-testid={`${props.testId}-splits`}>
          {`${splits.map((s) => `${t.splitNames[s.split]}: ${t.changedSummary(s.counts)}`).join("; ")}.`}
        </p>
      ) : null}
      {/* New mistakes in topics nobody touched surprise: say where they come from. */}
      {counts.broken > 0 ? (
        <p class="hint" data-testid={`${props.testId}-why`}>
          {t.newMistakesWhy}
        </p>
      ) : null}
      <Scroll labelledBy={props.captionId}>
        <table class="data" data-testid={props.testId}>
          <caption id={props.captionId}>{props.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.colText}</th>
              <th scope="col">{t.colEffect}</th>
              <th scope="col">{t.colLang}</th>
              <th scope="col">{t.colExpected}</th>
              <th scope="col">{t.colLive}</th>
              <th scope="col">{props.newColumn}</th>
            </tr>
          </thead>
          <tbody>
            {changedRows(props.changed).map((c, i) => (
              <tr key={i} data-effect={c.effect} data-split={c.split} data-lang={c.lang}>
                <th scope="row" lang={c.lang}>
                  {c.text}
                </th>
                <td>
                  <Badge kind={c.effect}>{t.effects[c.effect]}</Badge>
                </td>
                <td>{t.langName[c.lang]}</td>
                <td>
                  <IntentName id={c.expected} />
                </td>
                <td>
                  <IntentName id={c.live} />
                </td>
                <td>
                  <IntentName id={c.draft} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Scroll>
    </>
  );
}
