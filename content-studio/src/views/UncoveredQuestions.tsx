/**
 * The tax questions no topic covers, in Test all and in a version's test: per language the
 * share the chat would answer with a topic's text against the publish gate's limit, and each
 * such question with the topic it would get, those the live version does not answer marked new.
 * On the draft's Test all (`actions`), each such question offers first the ways to mend the
 * cause (the topic that answered it, and Try it with the question), then, behind a
 * confirmation, its move to the topic's test messages for when the topic's answer is right;
 * and the set has a link to its page.
 */
import { MAX_UNCOVERED_ANSWERED } from "../../../functions/contracts/contentTargets.ts";
import { LANGS, type TestAllResult } from "../api.ts";
import { formatPercent, text } from "../i18n.ts";
import { routeHash } from "../route.ts";
import { draft, draftItemLabel, draftItemName } from "../state/topics.ts";
import {
  type AnsweredUncovered,
  askToMove,
  confirmingMove,
  moved,
  moveOutcome,
  moveToTopicTests,
  moving,
  rowKey,
  tryQuestion,
} from "../state/uncovered.ts";
import { overUncoveredLimit, uncoveredNoLonger, uncoveredRows } from "../testReport.ts";
import { IntentName } from "./IntentName.tsx";
import { Badge, Confirm, focusControl, Outcome, Scroll } from "./ui.tsx";

export function UncoveredQuestions(props: {
  report: TestAllResult;
  /** Keeps ids apart where several reports are on one page (a version's test: `version-4-`). */
  idPrefix: string;
  heading: "h3" | "h6";
  /** The draft's report: its questions can be moved, and the set edited. */
  actions?: boolean;
}) {
  const t = text.value;
  const id = (name: string) => `${props.idPrefix}${name}`;
  const Heading = props.heading;
  const { uncovered } = props.report;
  if (!uncovered) return null;
  const max = formatPercent(MAX_UNCOVERED_ANSWERED, t);
  const rows = uncoveredRows(props.report);
  const noLonger = uncoveredNoLonger(props.report);
  const none = LANGS.every((lang) => uncovered[lang].cases === 0);
  return (
    <section aria-labelledby={id("uncovered-title")} data-testid={id("uncovered")}>
      <Heading id={id("uncovered-title")}>{t.uncoveredTitle}</Heading>
      <p class="hint">{t.uncoveredHint}</p>
      {props.actions ? (
        <p>
          <a href={routeHash({ view: "uncovered" })} data-testid="edit-uncovered">
            {t.editUncovered}
          </a>
        </p>
      ) : null}
      {none ? (
        <p class="muted" data-testid={id("no-uncovered")}>
          {t.noUncovered}
        </p>
      ) : (
        <>
          <Scroll labelledBy={id("uncovered-caption")}>
            <table class="data" data-testid={id("uncovered-overview")}>
              <caption id={id("uncovered-caption")}>{t.uncoveredCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.colLang}</th>
                  <th scope="col">{t.colUncoveredAnswered(max)}</th>
                  <th scope="col">{t.colUncoveredAsked}</th>
                  <th scope="col">{t.colQuestions}</th>
                </tr>
              </thead>
              <tbody>
                {LANGS.map((lang) => {
                  const u = uncovered[lang];
                  return (
                    <tr key={lang} data-lang={lang}>
                      <th scope="row">{t.langName[lang]}</th>
                      <td class="num" data-testid={id(`uncovered-answered-${lang}`)}>
                        {formatPercent(u.answered, t)}
                        {overUncoveredLimit(u.answered) ? (
                          <span class="badge error">{t.overUncoveredLimit}</span>
                        ) : null}
                      </td>
                      <td class="num">{formatPercent(u.clarified, t)}</td>
                      <td class="num">{u.cases}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </Scroll>
          {props.actions ? <Outcome outcome={moveOutcome.value} id="move-outcome" /> : null}
          {rows.length === 0 ? (
            <p class="muted">{t.noUncoveredAnswered}</p>
          ) : (
            <Scroll labelledBy={id("uncovered-answered-caption")}>
              <table class="data" data-testid={id("uncovered-answered")}>
                <caption id={id("uncovered-answered-caption")}>
                  {t.uncoveredAnsweredCaption}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t.colQuestion}</th>
                    <th scope="col">{t.colLang}</th>
                    <th scope="col">{t.colAnsweredWith}</th>
                    <th scope="col">{t.colSinceLive}</th>
                    {props.actions ? <th scope="col">{t.colMove}</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row, i) => (
                    <tr
                      key={`${row.lang}-${row.text}`}
                      data-lang={row.lang}
                      data-newly={row.newly ? "true" : undefined}
                    >
                      <th scope="row" lang={row.lang} id={id(`uncovered-question-${i}`)}>
                        {row.text}
                      </th>
                      <td>{t.langName[row.lang]}</td>
                      <td>
                        <IntentName id={row.topic} />
                      </td>
                      <td>
                        {row.newly ? (
                          <Badge kind="broken">{t.newlyAnswered}</Badge>
                        ) : (
                          t.answeredBefore
                        )}
                      </td>
                      {props.actions ? (
                        <td>
                          <RowActions
                            row={row}
                            index={i}
                            question={id(`uncovered-question-${i}`)}
                          />
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </Scroll>
          )}
          {noLonger > 0 ? (
            <p data-testid={id("uncovered-no-longer")}>{t.uncoveredNoLonger(noLonger)}</p>
          ) : null}
        </>
      )}
    </section>
  );
}

/**
 * A question the draft answers with a topic's text, on the draft's Test all: the ways to mend
 * the cause first (the topic, Try it), then the move to the topic's test messages, confirmed
 * with what it does; once moved, that it was. Each control is described by the question.
 */
function RowActions(props: { row: AnsweredUncovered; index: number; question: string }) {
  const t = text.value;
  const { row, index } = props;
  const key = rowKey(row);
  const moveId = `move-to-topic-tests-${index}`;
  const movedId = `moved-to-topic-${index}`;
  if (moved.value.has(key)) {
    return (
      <span id={movedId} tabIndex={-1}>
        {t.movedToTopic(draftItemName(row.topic, t))}
      </span>
    );
  }
  const label = draftItemLabel(row.topic, t);
  const confirming = confirmingMove.value === key;
  const known = draft.value?.topics.some((topic) => topic.id === row.topic);
  return (
    <div class="row-actions">
      {known ? (
        <a
          href={routeHash({ view: "topic", id: row.topic })}
          data-testid="open-answering-topic"
          aria-describedby={props.question}
        >
          {t.openAnsweringTopic(label.name)}
        </a>
      ) : null}
      <button
        type="button"
        class="secondary small"
        data-testid="try-uncovered"
        aria-describedby={props.question}
        onClick={() => void tryQuestion(row)}
      >
        {t.tryUncovered}
      </button>
      {confirming ? (
        <Confirm
          id={`move-confirm-${index}`}
          question={t.moveConfirm(row.text, draftItemName(row.topic, t), t.langName[row.lang])}
          yes={moving.value === key ? t.moving : t.moveConfirmYes}
          busy={moving.value !== undefined}
          onYes={() =>
            void moveToTopicTests(row).then((done) =>
              focusControl(done ? movedId : "move-outcome", moveId),
            )
          }
          onCancel={() => {
            confirmingMove.value = undefined;
            focusControl(moveId);
          }}
        />
      ) : (
        <button
          type="button"
          class="secondary small"
          id={moveId}
          data-testid="move-to-topic-tests"
          aria-describedby={props.question}
          disabled={moving.value !== undefined}
          onClick={() => askToMove(row)}
        >
          {t.moveToTopicTests}
        </button>
      )}
    </div>
  );
}
