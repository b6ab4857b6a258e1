/**
 * The missed-question inbox: period and language, groups of similar questions largest first,
 * each known by a question of its own (count, trend, the bot's guesses, masked samples as
 * text), and the actions on one question or a group's checked ones: teach to a topic (the
 * customers' picks from the bot's which-one first, then the bot's guesses; split chosen
 * explicitly), refer to another agency, start a new topic from the group, keep as uncovered
 * questions under a matter (no topic covers them: the publish gate tests them), dismiss. Refusals are shown next to the action that got them; an outcome
 * takes the handled group's place and focus. A switch (the address's `?kind=sampled`) shows
 * the answer review instead: sampled sure answers with the topic each got, confirmed right in
 * one click or corrected (teach, by default to the test split; refer; keep as uncovered), and
 * the review's figure above them.
 */
import { useSignal } from "@preact/signals";
import { Fragment, type RefObject } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { LANGS } from "../../../functions/contracts/lang.ts";
import type { Lang, MissGroup, MissSample, Problem, Reopened, TestSplit } from "../api.ts";
import {
  formatDateTime,
  formatDayMonth,
  formatPercent,
  outcomeText,
  text,
  type UiText,
} from "../i18n.ts";
import { fieldLabel, placeProblem } from "../problems.ts";
import { routeHash } from "../route.ts";
import { startNewFrom } from "../state/editor.ts";
import {
  act,
  actionableIds,
  answeredNow,
  answersRound,
  chooseAll,
  chosenIds,
  dismissAsAnswered,
  exportCsv,
  exportError,
  exporting,
  groupLabel,
  groupOffer,
  groups,
  keptAlready,
  kind,
  langFilter,
  lastOutcome,
  leftOut,
  likelyGuesses,
  loadError,
  loadInbox,
  loading,
  loadUncoveredMatters,
  matterProblem,
  period,
  periodError,
  preselectedTopic,
  referralChoices,
  referralTitle,
  review,
  reviewText,
  type StatusFilter,
  setChosen,
  shownGuesses,
  shownPeriod,
  statusFilter,
  statusText,
  topicChoices,
  topicTitle,
  totalOf,
  trendDays,
  uncoveredMatters,
  uncoveredSet,
  wantAnswers,
} from "../state/inbox.ts";
import { draft } from "../state/topics.ts";
import { ProblemPageLink } from "./ProblemPageLink.tsx";
import { SplitChoice, TopicOptionGroups } from "./TeachFields.tsx";
import { describedBy, focusControl, LoadError, SlowNotice } from "./ui.tsx";

/** Samples shown before "show all". */
const FIRST_SAMPLES = 3;

export function Inbox() {
  const t = text.value;
  const list = groups.value;
  const outcome = lastOutcome.value;
  // Where the group acted on was: the outcome stands there, just before the group that now
  // has that place (the same one, when some of its questions are left).
  const outcomeAt = outcome && list ? Math.min(outcome.index, list.length) : -1;
  const sampled = kind.value === "sampled";
  return (
    <section aria-labelledby="view-heading" class="view inbox">
      <div class="view-head">
        <h2 id="view-heading" tabIndex={-1}>
          {t.inboxTitle}
        </h2>
        <button
          type="button"
          class="secondary"
          data-testid="inbox-export"
          aria-describedby="inbox-export-hint"
          aria-disabled={exporting.value ? "true" : undefined}
          onClick={() => {
            if (!exporting.value) void exportCsv();
          }}
        >
          {exporting.value ? t.exporting : t.exportCsv}
        </button>
      </div>
      <KindSwitch />
      <p class="muted">{sampled ? t.sampledIntro : t.inboxIntro}</p>
      <p id="inbox-export-hint" class="muted small-text">
        {t.exportHint}
      </p>
      <Filters />
      <LoadError
        message={loadError.value}
        id="inbox-load-error"
        retry={() => loadInbox({ announce: true })}
      />
      {/* The export is tried again with its own button. */}
      <LoadError message={exportError.value} id="inbox-export-error" />
      {loading.value && !list ? <p class="muted">{t.loading}</p> : null}
      {sampled ? <ReviewSummary /> : null}
      {list ? (
        <>
          <h3 id="inbox-groups-heading" tabIndex={-1} data-testid="inbox-count">
            {t.inboxCount(list.length, totalOf(list))}
          </h3>
          {list.length || outcome ? (
            <ol class="miss-groups">
              {list.map((group, i) => (
                <Fragment key={group.id}>
                  {i === outcomeAt ? <OutcomeItem /> : null}
                  <GroupCard group={group} index={i} />
                </Fragment>
              ))}
              {outcomeAt === list.length ? <OutcomeItem /> : null}
            </ol>
          ) : null}
          {list.length === 0 ? <p>{sampled ? t.sampledEmpty : t.inboxEmpty}</p> : null}
        </>
      ) : null}
    </section>
  );
}

/** The two lists of the page, each with its own address: the misses and the answer review. */
function KindSwitch() {
  const t = text.value;
  return (
    <nav class="inbox-kinds" aria-label={t.inboxKindLabel}>
      <ul>
        {(["misses", "sampled"] as const).map((k) => (
          <li key={k}>
            <a
              href={routeHash(k === "sampled" ? { view: "inbox", kind: k } : { view: "inbox" })}
              aria-current={kind.value === k ? "page" : undefined}
              data-testid={`inbox-kind-${k}`}
            >
              {t.inboxKinds[k]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The answer review's figure per language: of the sampled answers reviewed, how many right. */
function ReviewSummary() {
  const t = text.value;
  const figure = review.value;
  if (!figure) return null;
  return (
    <section class="review-figure" aria-labelledby="review-heading" data-testid="review-figure">
      <h3 id="review-heading">{t.reviewHeading}</h3>
      <ul>
        {LANGS.map((lang) => (
          <li key={lang} data-lang={lang}>
            <strong>{t.langColumn[lang]}:</strong> {reviewText(figure[lang], t)}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The last action's outcome, where its group was: how many questions went where and, for a
 * change to the draft, that it reaches customers once published, with the way there. It takes
 * focus after the action, so the keyboard goes on from it to the next group.
 */
function OutcomeItem() {
  const t = text.value;
  const outcome = lastOutcome.value;
  if (!outcome) return null;
  return (
    <li class="miss-outcome">
      <div
        id="inbox-outcome"
        class="notice ok"
        role="status"
        tabIndex={-1}
        data-testid="inbox-outcome"
      >
        <p>{outcome.text}</p>
        {outcome.uncovered ? (
          <p>
            <a href="#/uncovered">{t.openUncovered}</a>
          </p>
        ) : null}
        {outcome.publish ? (
          <p>
            <a href="#/versions">{t.publishLink}</a>
          </p>
        ) : null}
      </div>
    </li>
  );
}

function Filters() {
  const t = text.value;
  const problem = periodError.value;
  const fieldError = (field: "from" | "to") =>
    problem?.field === field ? `inbox-${field}-error` : undefined;
  return (
    <form
      class="inbox-filters"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void loadInbox({ announce: true }).then(() => {
          if (periodError.value) focusControl(`inbox-${periodError.value.field}`);
        });
      }}
    >
      {(["from", "to"] as const).map((field) => (
        <div class="field" key={field}>
          <label for={`inbox-${field}`}>{field === "from" ? t.periodFrom : t.periodTo}</label>
          <input
            id={`inbox-${field}`}
            type="date"
            value={period.value[field]}
            aria-invalid={fieldError(field) ? "true" : undefined}
            aria-describedby={fieldError(field)}
            onInput={(event) => {
              const value = event.currentTarget.value;
              period.value = { ...period.value, [field]: value };
            }}
          />
          {fieldError(field) ? (
            <p id={fieldError(field)} class="error">
              {problem?.text}
            </p>
          ) : null}
        </div>
      ))}
      <div class="field">
        <label for="inbox-lang">{t.tryLang}</label>
        <select
          id="inbox-lang"
          value={langFilter.value}
          onChange={(event) => {
            langFilter.value = event.currentTarget.value as Lang | "";
          }}
        >
          <option value="">{t.langAll}</option>
          <option value="fi">{t.langColumn.fi}</option>
          <option value="sv">{t.langColumn.sv}</option>
        </select>
      </div>
      <div class="field">
        <label for="inbox-status">{t.statusFilterLabel}</label>
        <select
          id="inbox-status"
          value={statusFilter.value}
          onChange={(event) => {
            statusFilter.value = event.currentTarget.value as StatusFilter;
          }}
        >
          <option value="open">{t.statusOpen}</option>
          <option value="all">{t.statusAll}</option>
        </select>
      </div>
      <button type="submit" class="primary">
        {t.showInbox}
      </button>
    </form>
  );
}

/** The title of the topic or referral group a reopened question had gone to, if it names one. */
function reopenedName(reopened: Reopened, t: UiText): string {
  if (reopened.topicId) return topicTitle(reopened.topicId, t);
  return reopened.referral ? referralTitle(reopened.referral, t) : "";
}

function GroupCard(props: { group: MissGroup; index: number }) {
  const t = text.value;
  const { group, index } = props;
  const [allSamples, setAllSamples] = useState(false);
  const [acting, setActing] = useState(false);
  const base = `group-${group.id}`;
  const samples = allSamples ? group.samples : group.samples.slice(0, FIRST_SAMPLES);
  const card = useRef<HTMLLIElement>(null);
  // A sampled question's own answer is what is under review: no "the bot answers this now".
  useAnswersWhenShown(card, kind.value === "sampled" ? [] : samples);
  const label = groupLabel(group);
  // One question is no group to pick from; with more, each can be taken out of the action.
  const open = actionableIds(group);
  const choosable = open.length > 1;
  const chosen = chosenIds(group, leftOut.value);
  const chosenSet = new Set(chosen);
  const offer = groupOffer(group, leftOut.value, t);
  return (
    <li class="miss-group" data-group={group.id} ref={card}>
      {/* Known by a question of its own, not by its place: places change as groups are handled. */}
      <h4 id={`${base}-heading`} tabIndex={-1}>
        {label ? (
          <>
            ”<span lang={label.lang}>{label.text}</span>”{" "}
          </>
        ) : null}
        <span class="muted">({t.groupSize(group.size)})</span>
      </h4>
      <Trend group={group} />
      {shownGuesses(group.guesses).length ? (
        <p class="small-text">
          <strong>{t.guessesLabel}:</strong>{" "}
          {shownGuesses(group.guesses)
            .map((g) => t.guessCount(topicTitle(g.intent, t), g.count))
            .join(", ")}
        </p>
      ) : null}
      {group.choices?.length ? (
        <p class="small-text">
          <strong>{t.choicesLabel}:</strong>{" "}
          {group.choices.map((c) => t.guessCount(topicTitle(c.topic, t), c.count)).join(", ")}
        </p>
      ) : null}
      {choosable ? (
        <p id={`${base}-choose-hint`} class="muted small-text">
          {t.chooseHint}
        </p>
      ) : null}
      <ul class="samples" aria-label={t.samplesLabel(group.samples.length, group.size)}>
        {samples.map((sample) => (
          <SampleItem
            key={sample.id}
            sample={sample}
            group={group}
            index={index}
            choosable={choosable && sample.status === "open"}
            ownAction={offer.perQuestion}
          />
        ))}
      </ul>
      {group.samples.length > FIRST_SAMPLES ? (
        <button
          type="button"
          class="secondary small"
          aria-expanded={allSamples ? "true" : "false"}
          onClick={() => setAllSamples(!allSamples)}
        >
          {allSamples ? t.showFewerSamples : t.showAllSamples(group.samples.length)}
        </button>
      ) : null}
      {/* A group whose questions are all handled has nothing left to act on as a group. */}
      {open.length ? (
        <div class="group-actions">
          <button
            type="button"
            class="secondary"
            id={`${base}-act`}
            aria-expanded={acting ? "true" : "false"}
            aria-describedby={describedBy(`${base}-heading`, choosable && `${base}-choose-hint`)}
            onClick={() => setActing(!acting)}
          >
            {offer.label}
          </button>
          {acting ? (
            <ActionPanel
              idBase={base}
              ids={chosen}
              samples={group.samples.filter((s) => chosenSet.has(s.id))}
              guesses={offer.guesses}
              choices={offer.choices}
              choicesLabel={offer.choicesLabel}
              allowNewTopic
              where={{ groupId: group.id, index }}
              chooseControl={
                choosable
                  ? `sample-${group.samples.find((s) => s.status === "open")?.id}-chosen`
                  : undefined
              }
              onApplied={() => {
                // What is left of the group is all in again, and the form closes: sending it
                // once more would act on those left out on purpose.
                chooseAll(group.ids);
                setActing(false);
              }}
              onCancel={() => {
                setActing(false);
                focusControl(`${base}-act`);
              }}
            />
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

/**
 * Asks what the bot now answers the open questions `samples` shows, once the card is near the
 * window: a long inbox costs only the recognitions of what the owner scrolls to.
 */
function useAnswersWhenShown(
  card: RefObject<HTMLLIElement | null>,
  samples: readonly MissSample[],
): void {
  const round = answersRound.value;
  const open = samples.filter((s) => s.status === "open").map((s) => s.id);
  // The ids shown (as a key) and each load decide; the array itself is new each render.
  const key = open.join(" ");
  useEffect(() => {
    if (open.length === 0) return;
    const element = card.current;
    if (!element || typeof IntersectionObserver === "undefined") {
      wantAnswers(open);
      return;
    }
    const observer = new IntersectionObserver(
      (seen) => {
        if (!seen.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        wantAnswers(open);
      },
      { rootMargin: "200px" },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [key, round]);
}

/**
 * After an action: to its outcome, standing where the group was. The places of the groups after
 * it have moved up by one; the outcome says what happened and the next group follows it.
 */
function focusOutcome(): void {
  focusControl("inbox-outcome", "inbox-groups-heading");
}

function Trend(props: { group: MissGroup }) {
  const t = text.value;
  const shown = shownPeriod.value;
  if (!shown) return null;
  const days = trendDays(props.group.trend, shown);
  const total = days.reduce((sum, d) => sum + d.count, 0);
  const peak = days.reduce((best, d) => (d.count > best.count ? d : best), { day: "", count: 0 });
  const max = Math.max(1, peak.count);
  const step = 4;
  const height = 24;
  return (
    <div class="trend">
      <svg
        aria-hidden="true"
        focusable="false"
        viewBox={`0 0 ${Math.max(1, days.length * step)} ${height}`}
        preserveAspectRatio="none"
        width="160"
        height={height}
      >
        <line x1="0" y1={height - 0.5} x2={days.length * step} y2={height - 0.5} class="axis" />
        {days.map((d, i) =>
          d.count ? (
            <rect
              key={d.day}
              x={i * step}
              y={height - (d.count / max) * height}
              width={step - 1}
              height={(d.count / max) * height}
            />
          ) : null,
        )}
      </svg>
      <span class="small-text">
        {t.trendSummary(total, days.length, peak.count, formatDayMonth(peak.day, t))}
      </span>
    </div>
  );
}

function SampleItem(props: {
  sample: MissSample;
  group: MissGroup;
  index: number;
  /** Whether the question can be taken out of its group's action (a checkbox). */
  choosable: boolean;
  /** Whether it has an action of its own beside its group's (not when it is the group). */
  ownAction: boolean;
}) {
  const t = text.value;
  const { sample, group, index } = props;
  const [acting, setActing] = useState(false);
  const base = `sample-${sample.id}`;
  const reasons = sample.reasons.map((r) => t.reasons[r]).join(", ");
  const chosen = !leftOut.value.has(sample.id);
  const likely = likelyGuesses(sample.guesses);
  const reviewing = kind.value === "sampled";
  const confirmable = reviewing && sample.status === "open";
  return (
    <li class={chosen ? "sample" : "sample left-out"} data-sample={sample.id}>
      <p class="sample-text" lang={sample.lang} id={`${base}-text`}>
        {sample.text}
      </p>
      {reviewing && sample.topic ? (
        <p class="small-text" id={`${base}-topic`} data-testid="sample-topic">
          <strong>{t.answeredWithLabel}:</strong> {topicTitle(sample.topic, t)}
        </p>
      ) : null}
      {/* First under the text: where a handled question went is what a later reader looks for. */}
      {sample.status !== "open" ? (
        <p class="small-text sample-status" data-testid="sample-status">
          <strong>{t.statusLabel}:</strong> {statusText(sample, t)}
        </p>
      ) : null}
      <p class="muted small-text">
        {[
          t.langColumn[sample.lang],
          formatDateTime(sample.at, t),
          sample.contentVersion ? t.answeredByVersion(sample.contentVersion) : "",
          reasons ? `${t.reasonsLabel}: ${reasons}` : "",
          sample.referral ? `${t.referredToLabel}: ${referralTitle(sample.referral, t)}` : "",
          sample.chosen ? `${t.chosenByCustomerLabel}: ${topicTitle(sample.chosen, t)}` : "",
          `${t.outcomeLabel}: ${outcomeText(sample, t)}`,
        ]
          .filter(Boolean)
          .join(" · ")}
      </p>
      {sample.reopened ? (
        <p class="small-text reopened" data-testid="reopened-note">
          {t.reopenedNote(sample.reopened, reopenedName(sample.reopened, t))}
        </p>
      ) : null}
      {sample.status === "open" && !reviewing ? (
        <AnsweredNowHint sample={sample} group={group} index={index} />
      ) : null}
      {likely.length ? (
        <p class="muted small-text">
          {t.likelyTopics}:{" "}
          {likely
            .map((g) => `${topicTitle(g.intent, t)} ${formatPercent(g.confidence, t)}`)
            .join(", ")}
        </p>
      ) : null}
      {props.choosable || props.ownAction || confirmable ? (
        <div class="sample-actions">
          {confirmable ? (
            <ConfirmButton
              sample={sample}
              where={{ groupId: group.id, index }}
              describedBy={describedBy(`${base}-text`, sample.topic && `${base}-topic`)}
            />
          ) : null}
          {props.choosable ? (
            <span class="choice">
              <input
                type="checkbox"
                id={`${base}-chosen`}
                checked={chosen}
                aria-describedby={`${base}-text`}
                data-testid="sample-chosen"
                onChange={(event) => setChosen(sample.id, event.currentTarget.checked)}
              />
              <label for={`${base}-chosen`}>{t.chosenForGroup}</label>
            </span>
          ) : null}
          {props.ownAction ? (
            <button
              type="button"
              class="secondary small"
              id={`${base}-act`}
              aria-expanded={acting ? "true" : "false"}
              aria-describedby={`${base}-text`}
              onClick={() => setActing(!acting)}
            >
              {t.sampleActions}
            </button>
          ) : null}
        </div>
      ) : null}
      {acting && props.ownAction ? (
        <ActionPanel
          idBase={base}
          ids={[sample.id]}
          samples={[sample]}
          guesses={sample.guesses.map((g) => ({
            id: g.intent,
            note: formatPercent(g.confidence, t),
          }))}
          choices={sample.chosen ? [{ id: sample.chosen, note: "" }] : []}
          choicesLabel={t.choiceLabel}
          allowNewTopic={false}
          where={{ groupId: group.id, index }}
          onApplied={() => setActing(false)}
          onCancel={() => {
            setActing(false);
            focusControl(`${base}-act`);
          }}
        />
      ) : null}
    </li>
  );
}

/** The answer review's one click: the answer the bot gave this sampled question was right. */
function ConfirmButton(props: {
  sample: MissSample;
  where: { groupId: string; index: number };
  describedBy: string | undefined;
}) {
  const t = text.value;
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState("");
  const slow = useSignal("");
  return (
    <>
      <button
        type="button"
        class="secondary small"
        id={`sample-${props.sample.id}-confirm`}
        data-testid="confirm-answer"
        aria-describedby={props.describedBy}
        aria-disabled={busy ? "true" : undefined}
        onClick={async () => {
          if (busy) return;
          setBusy(true);
          setFailure("");
          const result = await act({ action: "confirm", ids: [props.sample.id] }, props.where, {
            slow,
          });
          setBusy(false);
          if (result.ok) focusOutcome();
          else setFailure(result.message);
        }}
      >
        {busy ? t.applying : t.confirmAnswer}
      </button>
      <SlowNotice slow={slow} testId="confirm-answer-slow" />
      {failure ? (
        <p class="error" role="alert">
          {failure}
        </p>
      ) : null}
    </>
  );
}

/**
 * Which topic the live version (and the draft, where it differs) now answers an open question
 * with, when it answers surely, and one click to dismiss it as needing nothing more.
 */
function AnsweredNowHint(props: { sample: MissSample; group: MissGroup; index: number }) {
  const t = text.value;
  const { sample, group, index } = props;
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState("");
  const slow = useSignal("");
  const now = answeredNow.value.get(sample.id);
  if (!now) return null;
  const base = `sample-${sample.id}`;
  const draftToo = now.draft && now.draft.topic !== now.live?.topic ? now.draft : undefined;
  return (
    <div class="answered-now small-text" data-testid="answered-now">
      <p id={`${base}-answered`}>
        {[
          now.live ? t.answeredNowLive(topicTitle(now.live.topic, t)) : "",
          draftToo ? t.answeredNowDraft(topicTitle(draftToo.topic, t)) : "",
        ]
          .filter(Boolean)
          .join(" · ")}
      </p>
      <button
        type="button"
        class="secondary small"
        data-testid="mark-answered"
        aria-describedby={`${base}-text ${base}-answered`}
        aria-disabled={busy ? "true" : undefined}
        onClick={async () => {
          if (busy) return;
          setBusy(true);
          setFailure("");
          const result = await dismissAsAnswered(sample.id, { groupId: group.id, index }, slow);
          setBusy(false);
          if (result.ok) focusOutcome();
          else setFailure(result.message);
        }}
      >
        {busy ? t.applying : t.markAnswered}
      </button>
      <SlowNotice slow={slow} testId="mark-answered-slow" />
      {failure ? (
        <p class="error" role="alert">
          {failure}
        </p>
      ) : null}
    </div>
  );
}

type ActionChoice = "teach" | "refer" | "newTopic" | "uncovered" | "dismiss" | "confirm";

function ActionPanel(props: {
  idBase: string;
  ids: string[];
  samples: MissSample[];
  /** The bot's guesses for these questions, most likely first, each with how often or how sure. */
  guesses: { id: string; note: string }[];
  /**
   * The topics customers picked for these questions when the bot asked which one they meant,
   * most picked first, each with how often (none for one question): offered before the guesses.
   */
  choices: { id: string; note: string }[];
  /** The picker's heading for `choices`. */
  choicesLabel: string;
  allowNewTopic: boolean;
  /** The group acted on and its place in the list, for the outcome. */
  where: { groupId: string; index: number };
  /** Where the owner chooses the questions, when they can: focus goes there if none is. */
  chooseControl?: string | undefined;
  /** After the action was applied, before focus moves to its outcome. */
  onApplied?: () => void;
  onCancel: () => void;
}) {
  const t = text.value;
  const { idBase } = props;
  const topics = topicChoices(
    draft.value?.topics ?? [],
    props.guesses.map((g) => g.id),
    t,
    props.choices.map((c) => c.id),
  );
  const guessNotes = new Map(props.guesses.map((g) => [g.id, g.note]));
  const choiceNotes = new Map(props.choices.map((c) => [c.id, c.note]));
  const [action, setAction] = useState<ActionChoice | "">("");
  const reviewing = kind.value === "sampled";
  // Ready to confirm: the customer's own pick, else the bot's likeliest topic (with 46 topics
  // the right one is usually it). Not in the answer review: there the likeliest is the topic
  // the bot answered with, the one a correction is about to say was wrong.
  const [topicId, setTopicId] = useState(() => (reviewing ? "" : preselectedTopic(topics)));
  // A sampled question the bot answered wrongly is evidence of a mistake: by default a test
  // message that checks every publish, not a training sentence.
  const [split, setSplit] = useState<TestSplit | "">(reviewing ? "tests" : "");
  const [referral, setReferral] = useState("");
  const [matter, setMatter] = useState("");
  // What was wrong with the matter when sent: it stays as said until the next try.
  const [matterError, setMatterError] = useState("");
  const [missing, setMissing] = useState<
    "questions" | "action" | "topic" | "split" | "referral" | "matter" | ""
  >("");
  const [busy, setBusy] = useState(false);
  const slow = useSignal("");
  const [refusal, setRefusal] = useState<{ message: string; problems: Problem[] } | undefined>();
  // In the answer review an answer is confirmed right or corrected: dismissing one would leave
  // it neither, out of the review's figure. A group's questions are confirmed together here;
  // one question has its own button for it.
  const choices: ActionChoice[] = reviewing
    ? props.allowNewTopic
      ? ["confirm", "teach", "refer", "newTopic", "uncovered"]
      : ["teach", "refer", "uncovered"]
    : props.allowNewTopic
      ? ["teach", "refer", "newTopic", "uncovered", "dismiss"]
      : ["teach", "refer", "uncovered", "dismiss"];
  const ids = {
    action: `${idBase}-action`,
    topic: `${idBase}-topic`,
    split: `${idBase}-split`,
    referral: `${idBase}-referral`,
    matter: `${idBase}-matter`,
    error: `${idBase}-missing`,
    refusal: `${idBase}-refusal`,
  };
  const missingText = missing
    ? {
        questions: t.questionsMissing,
        action: t.actionMissing,
        topic: t.topicMissing,
        split: t.splitMissing,
        referral: t.referralMissing,
        matter: matterError,
      }[missing]
    : "";
  const errorFor = (field: typeof missing) => (missing === field ? ids.error : undefined);
  // Said before sending: the set keeps these under its own matter whatever is typed.
  const kept = action === "uncovered" ? keptAlready(props.samples, uncoveredSet.value) : [];

  async function submit(): Promise<void> {
    if (busy) return;
    const lacking =
      props.ids.length === 0
        ? "questions"
        : !action
          ? "action"
          : action === "teach" && !topicId
            ? "topic"
            : action === "teach" && !split
              ? "split"
              : action === "refer" && !referral
                ? "referral"
                : action === "uncovered" && matterProblem(matter, t)
                  ? "matter"
                  : "";
    setMatterError(lacking === "matter" ? matterProblem(matter, t) : "");
    setMissing(lacking);
    setRefusal(undefined);
    if (lacking) {
      focusControl(lacking === "questions" ? (props.chooseControl ?? ids.error) : ids[lacking]);
      return;
    }
    if (action === "newTopic") {
      startNewFrom({
        samples: props.samples.map((s) => ({ id: s.id, text: s.text, lang: s.lang })),
      });
      return;
    }
    setBusy(true);
    const result = await act(
      action === "teach"
        ? { action, ids: props.ids, topicId, split: split as TestSplit }
        : action === "refer"
          ? { action, ids: props.ids, referral }
          : action === "uncovered"
            ? { action, ids: props.ids, matter: matter.trim() }
            : action === "confirm"
              ? { action, ids: props.ids }
              : { action: "dismiss", ids: props.ids },
      props.where,
      { slow },
    );
    setBusy(false);
    if (result.ok) {
      props.onApplied?.();
      focusOutcome();
    } else {
      setRefusal({ message: result.message, problems: result.problems });
      focusControl(ids.refusal);
    }
  }

  return (
    <form
      class="miss-action"
      noValidate
      aria-label={t.actionFormLabel(props.ids.length)}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          props.onCancel();
        }
      }}
    >
      <fieldset id={ids.action} class="choice-group" aria-describedby={errorFor("action")}>
        <legend>{t.actionLegend}</legend>
        {choices.map((choice) => (
          <span class="choice" key={choice}>
            <input
              type="radio"
              id={`${ids.action}-${choice}`}
              name={ids.action}
              value={choice}
              checked={action === choice}
              onChange={() => {
                setAction(choice);
                setMissing("");
                if (choice === "uncovered") void loadUncoveredMatters();
              }}
            />
            <label for={`${ids.action}-${choice}`}>{t.actionNames[choice]}</label>
          </span>
        ))}
      </fieldset>
      {action === "teach" ? (
        <>
          <div class="field">
            <label for={ids.topic}>{t.teachTopic}</label>
            <select
              id={ids.topic}
              value={topicId}
              aria-invalid={missing === "topic" ? "true" : undefined}
              aria-describedby={errorFor("topic")}
              onChange={(event) => setTopicId(event.currentTarget.value)}
            >
              <option value="">{t.chooseTopic}</option>
              <TopicOptionGroups
                groups={[
                  {
                    label: props.choicesLabel,
                    topics: topics.chosen,
                    note: (id) => choiceNotes.get(id),
                  },
                  {
                    label: t.guessesLabel,
                    topics: topics.guessed,
                    note: (id) => guessNotes.get(id),
                  },
                  { label: t.allTopics, topics: topics.all },
                ]}
              />
            </select>
          </div>
          <SplitChoice
            id={ids.split}
            legend={t.splitLegend}
            value={split}
            onChange={setSplit}
            describedBy={errorFor("split")}
          />
        </>
      ) : null}
      {action === "refer" ? (
        <div class="field">
          <label for={ids.referral}>{t.referTo}</label>
          <select
            id={ids.referral}
            value={referral}
            aria-invalid={missing === "referral" ? "true" : undefined}
            aria-describedby={errorFor("referral")}
            onChange={(event) => setReferral(event.currentTarget.value)}
          >
            <option value="">{t.chooseReferral}</option>
            {referralChoices.value.map((r) => (
              <option key={r.id} value={r.id}>
                {r[t.lang]?.title || r.id}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {action === "uncovered" ? (
        <div class="field">
          <p id={`${ids.matter}-about`} class="hint">
            {t.uncoveredActionHint}
          </p>
          <label for={ids.matter}>{t.matterLabel}</label>
          <input
            id={ids.matter}
            type="text"
            value={matter}
            list={`${ids.matter}-used`}
            autoComplete="off"
            spellcheck={false}
            aria-invalid={missing === "matter" ? "true" : undefined}
            aria-describedby={describedBy(
              `${ids.matter}-about`,
              kept.length > 0 && `${ids.matter}-kept`,
              `${ids.matter}-hint`,
              errorFor("matter"),
            )}
            data-testid="miss-action-matter"
            onInput={(event) => setMatter(event.currentTarget.value)}
          />
          {kept.length > 0 ? (
            <p id={`${ids.matter}-kept`} class="hint" data-testid="miss-action-kept">
              {kept.map((k) => t.alreadyKeptHint(k.count, k.matter)).join(" ")}
            </p>
          ) : null}
          <p id={`${ids.matter}-hint`} class="hint">
            {t.matterHint}
          </p>
          <datalist id={`${ids.matter}-used`}>
            {uncoveredMatters.value.map((m) => (
              <option key={m} value={m} />
            ))}
          </datalist>
        </div>
      ) : null}
      {action === "newTopic" ? <p class="hint">{t.newTopicHint}</p> : null}
      {missingText ? (
        <p id={ids.error} class="error" role="alert">
          {missingText}
        </p>
      ) : null}
      <div class="actions">
        <button
          type="submit"
          class="primary"
          aria-disabled={busy ? "true" : undefined}
          data-testid="miss-action-submit"
        >
          {busy ? t.applying : t.applyAction(props.ids.length)}
        </button>
        <button type="button" class="secondary" onClick={props.onCancel}>
          {t.cancel}
        </button>
      </div>
      <SlowNotice slow={slow} testId="miss-action-slow" />
      {refusal ? (
        <div id={ids.refusal} class="notice error" role="alert" tabIndex={-1}>
          <p>{refusal.message}</p>
          {refusal.problems.length ? (
            <ul class="problem-list">
              {refusal.problems.map((p) => (
                <li key={`${p.path}|${p.message}`} class="error">
                  {refusedField(p, t)}
                  {p.message}
                  {p.fix ? <span class="fix">{`${t.fixLabel} ${p.fix}`}</span> : null}
                  <ProblemPageLink problem={p} />
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}

/** The field a refused teach names, as the topic editor labels it ("Suomi: opetuslauseet: "). */
function refusedField(problem: Problem, t: UiText): string {
  const placed = placeProblem(problem);
  return placed.field === "general" ? "" : `${fieldLabel(placed, t)}: `;
}
