import type { AuditEntry } from "../api.ts";
import { tellAuditEntry } from "../auditEntry.ts";
import { text } from "../i18n.ts";
import { ItemName } from "./IntentName.tsx";
import { Scroll } from "./ui.tsx";

/**
 * Audit entries as a table, newest first: the Versions page's whole trail (with the item each
 * entry changed) and an editor's history of one item (without: it is the item open). Rows
 * take focus (`rowId`) when "show older" brings them as the first of their page.
 */
export function AuditTable(props: {
  entries: readonly AuditEntry[];
  caption: string;
  captionId: string;
  testId: string;
  rowId: (index: number) => string;
  withItem?: boolean;
}) {
  const t = text.value;
  return (
    <Scroll labelledBy={props.captionId}>
      <table class="data" data-testid={props.testId}>
        <caption id={props.captionId}>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.colAt}</th>
            <th scope="col">{t.colActor}</th>
            <th scope="col">{t.colAction}</th>
            <th scope="col">{t.colVersion}</th>
            {props.withItem ? <th scope="col">{t.colAuditSubject}</th> : null}
            <th scope="col">{t.colDetail}</th>
          </tr>
        </thead>
        <tbody>
          {props.entries.map((entry, i) => {
            const told = tellAuditEntry(entry, t);
            return (
              <tr key={i} id={props.rowId(i)} tabIndex={-1}>
                <td>{told.at}</td>
                <td>{told.who}</td>
                <td>{told.what}</td>
                <td class="num">{told.version}</td>
                {props.withItem ? (
                  <td>
                    {entry.topic ? (
                      <ItemName id={entry.topic} />
                    ) : entry.referral ? (
                      <ItemName id={entry.referral} kind="referral" />
                    ) : (
                      told.item
                    )}
                  </td>
                ) : null}
                <td>{told.detail}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Scroll>
  );
}
