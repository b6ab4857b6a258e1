/**
 * "Test all": accuracy and none-recall per split and language, what customers would get in
 * the chat, the questions no topic covers answered with a topic, per-topic precision and
 * recall (worst first or by topic), confusion pairs, and the messages whose topic changes
 * against live.
 */
import {
  MAX_UNCOVERED_ANSWERED,
  MIN_ACCURACY,
  MIN_GATE_TOPIC_RECALL,
  MIN_NONE_RECALL,
  MIN_TOPIC_RECALL,
} from "../../../functions/contracts/contentTargets.ts";
import { LANGS, type SplitName, type TestAllResult } from "../api.ts";
import { formatPercent, text } from "../i18n.ts";
import {
  busy,
  error,
  result,
  resultStale,
  run,
  type SortOrder,
  sortOrder,
  split,
} from "../state/testAll.ts";
import { draftItemLabel } from "../state/topics.ts";
import { confusionRows, topicMark, topicRows } from "../testReport.ts";
import { ChangedAnswers } from "./ChangedAnswers.tsx";
import { IntentName } from "./IntentName.tsx";
import { TrainingOrders } from "./TrainingOrders.tsx";
import { UncoveredQuestions } from "./UncoveredQuestions.tsx";
import { LoadError, Scroll } from "./ui.tsx";

const SPLITS: SplitName[] = ["tests", "dev"];

export function TestAll() {
  const t = text.value;
  const report = result.value;
  return (
    <section aria-labelledby="view-heading" class="view">
      <h2 id="view-heading" tabIndex={-1}>
        {t.testTitle}
      </h2>
      <p>{t.testIntro}</p>
      <div class="actions">
        <button
          type="button"
          class="primary"
          id="run-tests"
          aria-disabled={busy.value ? "true" : undefined}
          aria-describedby={busy.value ? "test-busy" : undefined}
          onClick={() => void run()}
        >
          {t.runTests}
        </button>
      </div>
      {busy.value ? (
        <p id="test-busy" class="notice busy" data-testid="test-busy">
          {t.testing}
        </p>
      ) : null}
      <LoadError message={error.value} id="test-error" retry={() => run({ retrying: true })} />
      {!report && !busy.value && !error.value ? <p class="muted">{t.noTestsYet}</p> : null}
      {report ? (
        <div
          class="test-results"
          aria-busy={busy.value ? "true" : undefined}
          data-testid="test-results"
        >
          {resultStale.value ? (
            <p class="notice warning" role="status" data-testid="test-stale">
              {t.testStale}
            </p>
          ) : null}
          <Scroll labelledBy="test-overview-caption">
            <table class="data">
              <caption id="test-overview-caption">{t.overviewCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.colSplit}</th>
                  <th scope="col">{t.colLang}</th>
                  <th scope="col">{t.colAccuracy}</th>
                  <th scope="col">{t.colNoneRecall}</th>
                  <th scope="col">{t.colTotal}</th>
                </tr>
              </thead>
              <tbody>
                {SPLITS.flatMap((name) =>
                  LANGS.map((lang) => {
                    const r = report.splits[name][lang];
                    return (
                      <tr key={`${name}-${lang}`} data-split={name} data-lang={lang}>
                        <th scope="row">{t.splitNames[name]}</th>
                        <td>{t.langName[lang]}</td>
                        <td class="num" data-testid={`accuracy-${name}-${lang}`}>
                          {formatPercent(r.accuracy, t)}
                        </td>
                        <td class="num">{formatPercent(r.noneRecall, t)}</td>
                        <td class="num">{r.total}</td>
                      </tr>
                    );
                  }),
                )}
              </tbody>
            </table>
          </Scroll>
          <p class="hint">{t.overviewHint}</p>
          <GateVerdict gate={report.gate} />
          <TrainingOrders />
          <ChatOutcomes report={report} />
          <UncoveredQuestions report={report} idPrefix="" heading="h3" actions />
          <PerTopic />
          <Confusions />
          <Changed />
        </div>
      ) : null}
    </section>
  );
}

/** Whether publishing would let the draft through, and if not, why: before anyone tries. */
function GateVerdict(props: { gate: TestAllResult["gate"] }) {
  const t = text.value;
  if (props.gate.length === 0) {
    return (
      <p class="notice ok" data-testid="gate-verdict">
        {t.gatePasses(
          formatPercent(MIN_ACCURACY, t),
          formatPercent(MIN_NONE_RECALL, t),
          formatPercent(MIN_GATE_TOPIC_RECALL, t),
          formatPercent(MAX_UNCOVERED_ANSWERED, t),
        )}
      </p>
    );
  }
  return (
    <div class="notice error" data-testid="gate-verdict">
      <p>{t.gateFails(props.gate.length)}</p>
      <ul>
        {props.gate.map((problem) => (
          <li key={problem.message}>
            {problem.message} {problem.fix}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * What customers would get for the messages about topics once the dialogue's rule has
 * decided: right, asked which one, no answer, wrong. The overview's accuracy is the
 * recogniser's; this is the chat's.
 */
function ChatOutcomes(props: { report: TestAllResult }) {
  const t = text.value;
  const rows = SPLITS.flatMap((name) =>
    LANGS.map((lang) => ({ name, lang, chat: props.report.splits[name][lang].chat })),
  );
  if (rows.every((row) => row.chat === undefined)) return null;
  return (
    <section aria-labelledby="chat-outcomes-title">
      <h3 id="chat-outcomes-title">{t.chatTitle}</h3>
      <p class="hint">{t.chatHint}</p>
      <Scroll labelledBy="chat-outcomes-caption">
        <table class="data" data-testid="chat-outcomes">
          <caption id="chat-outcomes-caption">{t.chatCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.colSplit}</th>
              <th scope="col">{t.colLang}</th>
              <th scope="col">{t.colRight}</th>
              <th scope="col">{t.colAsked}</th>
              <th scope="col">{t.colNoAnswer}</th>
              <th scope="col">{t.colWrong}</th>
              <th scope="col">{t.colTopicMessages}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ name, lang, chat }) => {
              if (!chat) return null;
              const share = (n: number) => formatPercent(chat.total ? n / chat.total : 0, t);
              return (
                <tr key={`${name}-${lang}`} data-split={name} data-lang={lang}>
                  <th scope="row">{t.splitNames[name]}</th>
                  <td>{t.langName[lang]}</td>
                  <td class="num">{share(chat.right)}</td>
                  <td class="num">
                    {share(chat.askedWithRight + chat.askedWithout)}
                    <span class="muted"> ({t.askedWithRight(share(chat.askedWithRight))})</span>
                  </td>
                  <td class="num">{share(chat.noAnswer)}</td>
                  <td class="num" data-testid={`wrong-${name}-${lang}`}>
                    {share(chat.wrong)}
                  </td>
                  <td class="num">{chat.total}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </Scroll>
    </section>
  );
}

function Choice<T extends string>(props: {
  name: string;
  legend: string;
  value: T;
  options: { value: T; label: string }[];
  onChange: (value: T) => void;
}) {
  return (
    <fieldset class="choice-group">
      <legend>{props.legend}</legend>
      {props.options.map((option) => (
        <span class="choice" key={option.value}>
          <input
            type="radio"
            name={props.name}
            id={`${props.name}-${option.value}`}
            value={option.value}
            checked={props.value === option.value}
            onChange={() => props.onChange(option.value)}
          />
          <label for={`${props.name}-${option.value}`}>{option.label}</label>
        </span>
      ))}
    </fieldset>
  );
}

function PerTopic() {
  const t = text.value;
  const report = result.value;
  if (!report) return null;
  const rows = topicRows(
    report.splits[split.value],
    sortOrder.value,
    (id) => draftItemLabel(id, t).name,
  );
  const caption = `${t.perTopicCaption(t.splitNames[split.value])} (${(sortOrder.value === "worst" ? t.sortWorst : t.sortTopic).toLowerCase()})`;
  return (
    <section aria-labelledby="per-topic-title">
      <h3 id="per-topic-title">{t.perTopicTitle}</h3>
      <div class="controls">
        <Choice
          name="test-split"
          legend={t.splitChoice}
          value={split.value}
          options={SPLITS.map((s) => ({ value: s, label: t.splitNames[s] }))}
          onChange={(value) => {
            split.value = value;
          }}
        />
        <Choice<SortOrder>
          name="test-sort"
          legend={t.sortChoice}
          value={sortOrder.value}
          options={[
            { value: "worst", label: t.sortWorst },
            { value: "topic", label: t.sortTopic },
          ]}
          onChange={(value) => {
            sortOrder.value = value;
          }}
        />
      </div>
      <p class="hint">{t.perTopicHint}</p>
      <Scroll labelledBy="per-topic-caption">
        <table class="data" data-testid="per-topic">
          <caption id="per-topic-caption">{caption}</caption>
          <thead>
            <tr>
              <th scope="col" aria-sort={sortOrder.value === "topic" ? "ascending" : undefined}>
                {t.colTopic}
              </th>
              <th scope="col">{t.colLang}</th>
              <th scope="col">{t.colPrecision}</th>
              <th scope="col">{t.colRecall}</th>
              <th scope="col">{t.colSupport}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.topic}-${row.lang}`} data-topic={row.topic} data-lang={row.lang}>
                <th scope="row">
                  <IntentName id={row.topic} />
                </th>
                <td>{t.langName[row.lang]}</td>
                <td class="num">{formatPercent(row.precision, t)}</td>
                <td class="num">
                  {formatPercent(row.recall, t)}
                  <RecallMark mark={topicMark(row.recall, split.value)} />
                </td>
                <td class="num">{row.support}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Scroll>
    </section>
  );
}

/** A low recall said against the gate's floor (it blocks) or content:test's target (it does not). */
function RecallMark(props: { mark: ReturnType<typeof topicMark> }) {
  const t = text.value;
  if (props.mark === "blocks") {
    return (
      <span class="badge error" data-testid="below-gate">
        {t.belowGate(formatPercent(MIN_GATE_TOPIC_RECALL, t))}
      </span>
    );
  }
  if (props.mark === "target") {
    return (
      <span class="badge warning" data-testid="below-target">
        {t.belowTarget(formatPercent(MIN_TOPIC_RECALL, t))}
      </span>
    );
  }
  return null;
}

function Confusions() {
  const t = text.value;
  const report = result.value;
  if (!report) return null;
  const rows = confusionRows(report.splits[split.value]);
  return (
    <section aria-labelledby="confusions-title">
      <h3 id="confusions-title">{t.confusionsTitle}</h3>
      {rows.length === 0 ? (
        <p class="muted">{t.noConfusions}</p>
      ) : (
        <Scroll labelledBy="confusions-caption">
          <table class="data" data-testid="confusions">
            <caption id="confusions-caption">
              {t.confusionsCaption(t.splitNames[split.value])}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t.colExpected}</th>
                <th scope="col">{t.colGot}</th>
                <th scope="col">{t.colLang}</th>
                <th scope="col">{t.colCount}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={`${row.expected}-${row.got}-${row.lang}`}>
                  <th scope="row">
                    <IntentName id={row.expected} />
                  </th>
                  <td>
                    <IntentName id={row.got} />
                  </td>
                  <td>{t.langName[row.lang]}</td>
                  <td class="num">{row.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
      )}
    </section>
  );
}

function Changed() {
  const t = text.value;
  const report = result.value;
  if (!report) return null;
  return (
    <section aria-labelledby="changed-title">
      <h3 id="changed-title">{t.changedTitle}</h3>
      <ChangedAnswers
        changed={report.changed}
        captionId="changed-caption"
        caption={t.changedCaption}
        newColumn={t.colDraft}
        testId="changed-answers"
      />
    </section>
  );
}
