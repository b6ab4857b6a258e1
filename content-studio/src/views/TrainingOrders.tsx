/**
 * Test all over several training orders: the recogniser learns its sentences in a shuffled
 * order, so a figure can move a message or two between orders for no reason of the content
 * owner's. Each figure's mean and range per split and language against the publish gate, the
 * topics under a floor on how many orders, and on how many the gate would refuse the draft.
 */
import { MAX_ORDERS, MIN_ORDERS } from "../../../functions/contracts/trainingOrders.ts";
import {
  LANGS,
  type Lang,
  type LangSpread,
  type OrdersSpreadResult,
  type SplitName,
  type SpreadFigure,
} from "../api.ts";
import { formatPercent, text } from "../i18n.ts";
import { gateStanding } from "../orderSpread.ts";
import {
  ordersBusy,
  ordersCount,
  ordersError,
  ordersResult,
  ordersRunningCount,
  ordersStale,
  runOrders,
} from "../state/trainingOrders.ts";
import { IntentName } from "./IntentName.tsx";
import { LoadError, Scroll } from "./ui.tsx";

const SPLITS: SplitName[] = ["tests", "dev"];
const FIGURES: SpreadFigure[] = ["accuracy", "noneRecall", "right", "wrong", "uncoveredAnswered"];
const COUNTS = Array.from({ length: MAX_ORDERS - MIN_ORDERS + 1 }, (_, i) => MIN_ORDERS + i);

export function TrainingOrders() {
  const t = text.value;
  const result = ordersResult.value;
  const busy = ordersBusy.value;
  const count = ordersCount.value;
  return (
    <section aria-labelledby="orders-title" data-testid="training-orders">
      <h3 id="orders-title">{t.ordersTitle}</h3>
      <p class="hint">{t.ordersIntro}</p>
      <div class="orders-count">
        <label for="orders-count">{t.ordersCount}</label>
        <select
          id="orders-count"
          aria-describedby="orders-count-hint"
          value={String(count)}
          onChange={(e) => {
            ordersCount.value = Number((e.currentTarget as HTMLSelectElement).value);
          }}
        >
          {COUNTS.map((n) => (
            <option key={n} value={String(n)}>
              {n}
            </option>
          ))}
        </select>
        <p id="orders-count-hint" class="hint">
          {t.ordersCountHint(MIN_ORDERS, MAX_ORDERS)}
        </p>
      </div>
      <div class="actions">
        <button
          type="button"
          class="secondary"
          id="run-orders"
          aria-disabled={busy ? "true" : undefined}
          aria-describedby={busy ? "orders-busy" : undefined}
          onClick={() => void runOrders()}
        >
          {t.runOrders(count)}
        </button>
      </div>
      {busy ? (
        <p id="orders-busy" class="notice busy" data-testid="orders-busy">
          {t.ordersRunning(ordersRunningCount.value)}
        </p>
      ) : null}
      <LoadError message={ordersError.value} id="orders-error" retry={runOrders} />
      {result ? <Spread result={result} busy={busy} /> : null}
    </section>
  );
}

function Spread(props: { result: OrdersSpreadResult; busy: boolean }) {
  const t = text.value;
  const { result } = props;
  const n = result.seeds.length;
  return (
    <div aria-busy={props.busy ? "true" : undefined} data-testid="orders-results">
      {ordersStale.value ? (
        <p class="notice warning" role="status" data-testid="orders-stale">
          {t.ordersStale}
        </p>
      ) : null}
      <p class={`notice ${result.gateFailsOn === 0 ? "ok" : "error"}`} data-testid="orders-gate">
        {t.ordersGate(result.gateFailsOn, n)}
      </p>
      <p class="hint">{t.ordersSeeds(result.seeds.join(", "), result.seeds[0] ?? 7)}</p>
      {SPLITS.flatMap((split) =>
        LANGS.map((lang) => (
          <LangTable
            key={`${split}-${lang}`}
            split={split}
            lang={lang}
            spread={result.splits[split][lang]}
            orders={n}
            floors={result.floors}
          />
        )),
      )}
    </div>
  );
}

function LangTable(props: {
  split: SplitName;
  lang: Lang;
  spread: LangSpread;
  orders: number;
  floors: OrdersSpreadResult["floors"];
}) {
  const t = text.value;
  const { split, lang, spread, orders } = props;
  const id = `orders-${split}-${lang}`;
  return (
    <div class="orders-lang" data-split={split} data-lang={lang}>
      <Scroll labelledBy={`${id}-caption`}>
        <table class="data" data-testid={id}>
          <caption id={`${id}-caption`}>
            {t.ordersCaption(t.splitNames[split], t.langName[lang], orders)}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t.colFigure}</th>
              <th scope="col">{t.colGate}</th>
              <th scope="col">{t.colMean}</th>
              <th scope="col">{t.colRange}</th>
            </tr>
          </thead>
          <tbody>
            {FIGURES.map((key) => {
              const figure = spread[key];
              const standing = gateStanding(figure);
              const gate = figure.gate;
              return (
                <tr key={key} data-figure={key} data-standing={standing}>
                  <th scope="row">{t.figureNames[key]}</th>
                  <td>
                    {!gate
                      ? t.noGate
                      : "min" in gate
                        ? t.gateAtLeast(formatPercent(gate.min, t))
                        : t.gateAtMost(formatPercent(gate.max, t))}
                  </td>
                  <td class="num">{formatPercent(figure.mean, t)}</td>
                  <td class="num">
                    {t.range(formatPercent(figure.min, t), formatPercent(figure.max, t))}
                    {standing === "crosses" ? (
                      <span class="badge warning" data-testid="range-crosses-gate">
                        {t.rangeCrossesGate}
                      </span>
                    ) : null}
                    {standing === "fails" ? (
                      <span class="badge error" data-testid="range-under-gate">
                        {t.rangeFailsGate}
                      </span>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </Scroll>
      <TopicsUnder spread={spread} orders={orders} floors={props.floors} testId={`${id}-topics`} />
    </div>
  );
}

function TopicsUnder(props: {
  spread: LangSpread;
  orders: number;
  floors: OrdersSpreadResult["floors"];
  testId: string;
}) {
  const t = text.value;
  const target = formatPercent(props.floors.topic, t);
  const gate = formatPercent(props.floors.gateTopic, t);
  if (props.spread.topicsUnder.length === 0) {
    return (
      <p class="muted" data-testid={props.testId}>
        {t.ordersNoTopicsUnder(target)}
      </p>
    );
  }
  return (
    <div data-testid={props.testId}>
      <p>{t.ordersTopicsUnder(target, gate)}</p>
      <ul>
        {props.spread.topicsUnder.map((topic) => (
          <li key={topic.topic} data-topic={topic.topic}>
            <IntentName id={topic.topic} />
            {": "}
            {t.ordersTopicUnder(topic.orders, props.orders, topic.ordersUnderGate)}
          </li>
        ))}
      </ul>
    </div>
  );
}
