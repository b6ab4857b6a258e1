/** The topic list with search: counts per language, score, last change, and state badges. */
import { Fragment } from "preact";
import type { TopicSummary } from "../api.ts";
import {
  actorName,
  formatCount,
  formatDate,
  formatDateTime,
  formatDay,
  formatPercent,
  text,
} from "../i18n.ts";
import { routeHash } from "../route.ts";
import {
  feedback,
  helpfulnessOf,
  orderTopics,
  type TopicOrder,
  topicOrder,
} from "../state/feedback.ts";
import {
  changedIds,
  draft,
  listError,
  listLoading,
  loadDraft,
  query,
  searchError,
  searchHits,
  searching,
  searchOutOfScope,
  setQuery,
} from "../state/topics.ts";
import { Badge, LoadError, Scroll } from "./ui.tsx";

export function Topics() {
  const t = text.value;
  const all = draft.value?.topics ?? [];
  const hits = searchHits.value;
  const byId = new Map(all.map((topic) => [topic.id, topic]));
  const rows: { topic: TopicSummary; match?: string }[] = hits
    ? hits.flatMap((hit) => {
        const topic = byId.get(hit.id);
        return topic ? [{ topic, match: hit.match }] : [];
      })
    : orderTopics(all, topicOrder.value, feedback.value).map((topic) => ({ topic }));
  const q = query.value.trim();

  return (
    <section aria-labelledby="view-heading" class="view">
      <div class="view-head">
        <h2 id="view-heading" tabIndex={-1}>
          {t.topicsTitle}
        </h2>
        <a class="primary button-link" href={routeHash({ view: "new" })} data-testid="new-topic">
          {t.newTopic}
        </a>
      </div>
      <search>
        <form
          class="search"
          onSubmit={(event) => {
            event.preventDefault();
            setQuery(query.value);
          }}
        >
          <label for="topic-search">{t.searchLabel}</label>
          <input
            id="topic-search"
            type="search"
            autocomplete="off"
            value={query.value}
            aria-describedby="topic-search-hint"
            onInput={(event) => setQuery(event.currentTarget.value)}
          />
          <p id="topic-search-hint" class="muted small-text">
            {t.searchHint}
          </p>
        </form>
      </search>
      {hits ? null : (
        <div class="topic-order">
          <label for="topic-order">{t.orderLabel}</label>
          <select
            id="topic-order"
            value={topicOrder.value}
            onChange={(event) => {
              topicOrder.value = event.currentTarget.value as TopicOrder;
            }}
          >
            <option value="id">{t.orderById}</option>
            <option value="answers" disabled={!feedback.value}>
              {t.orderByAnswers}
            </option>
            <option value="helpful" disabled={!feedback.value}>
              {t.orderByHelpful}
            </option>
          </select>
        </div>
      )}
      <LoadError message={listError.value} id="topics-load-error" retry={() => loadDraft()} />
      {/* The search is asked again by typing or Enter in its box. */}
      <LoadError message={searchError.value} id="search-error" />
      {listLoading.value && !draft.value ? <p class="muted">{t.loading}</p> : null}
      <p class="muted small-text" data-testid="topic-count">
        {searching.value
          ? t.searching
          : q && hits
            ? t.searchCount(rows.length, q)
            : t.topicCount(rows.length)}
      </p>
      {q && hits && !searching.value ? <OutOfScopeFound /> : null}
      {draft.value ? (
        <Scroll labelledBy="topics-caption">
          <table class="data topic-table" data-testid="topic-table">
            <caption id="topics-caption">{t.topicsCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.colId}</th>
                <th scope="col">{t.colTitles}</th>
                <th scope="col">{t.colSentences}</th>
                <th scope="col">{t.colTests}</th>
                <th scope="col">{t.colScore}</th>
                <th scope="col">{t.colAnswers}</th>
                <th scope="col">{t.colHelpful}</th>
                <th scope="col">{t.colChanged}</th>
                <th scope="col">{t.colReviewBy}</th>
                <th scope="col">{t.colStatus}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ topic, match }) => (
                <tr key={topic.id} data-topic={topic.id}>
                  <th scope="row">
                    <a class="topic-id" href={routeHash({ view: "topic", id: topic.id })}>
                      {topic.id}
                    </a>
                    {match ? (
                      <span class="match">
                        {t.match}: {match}
                      </span>
                    ) : null}
                  </th>
                  {/* Both titles in one cell, each in its language: two columns did not fit. */}
                  <td class="titles">
                    <span lang="fi">{topic.fi.title}</span>
                    <span lang="sv">{topic.sv.title}</span>
                  </td>
                  <td class="num">
                    {topic.fi.utterances} / {topic.sv.utterances}
                  </td>
                  <td class="num">
                    {topic.fi.tests} / {topic.sv.tests}
                  </td>
                  <td class="num">{formatPercent(topic.score, t)}</td>
                  <td class="num">
                    <AnswersCell id={topic.id} />
                  </td>
                  <td class="num">
                    <HelpfulCell id={topic.id} />
                  </td>
                  <td class="changed">
                    <ChangedCell topic={topic} />
                  </td>
                  <td data-testid="topic-review-by">{formatDay(topic.reviewBy, t)}</td>
                  <td>
                    <div class="badges">
                      {topic.reviewOverdue ? (
                        <Badge kind="overdue">{t.badgeReviewOverdue}</Badge>
                      ) : null}
                      {changedIds.value.has(topic.id) ? (
                        <Badge kind="changed">{t.badgeChanged}</Badge>
                      ) : null}
                      {topic.retired ? <Badge kind="retired">{t.badgeRetired}</Badge> : null}
                      {topic.inProgress ? (
                        <Badge kind="in-progress">
                          {t.badgeInProgress}
                          {topic.problems ? `: ${t.problemsLeft(topic.problems)}` : ""}
                        </Badge>
                      ) : null}
                      {topic.system ? <Badge kind="system">{t.badgeSystem}</Badge> : null}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
      ) : null}
    </section>
  );
}

/**
 * When and by whom the topic last changed: the day, the name on a line of its own. The time of
 * day is in the tooltip and read out by screen readers; with it the column took four lines.
 */
function ChangedCell(props: { topic: TopicSummary }) {
  const t = text.value;
  const { updatedAt, updatedBy } = props.topic;
  if (!updatedAt && !updatedBy) return <>{t.notAvailable}</>;
  const full = formatDateTime(updatedAt, t);
  return (
    <>
      <span aria-hidden="true" title={full}>
        {formatDate(updatedAt, t)}
      </span>
      <span class="visually-hidden">{full}</span>
      {updatedBy ? <span class="by">{actorName({ name: updatedBy }, t)}</span> : null}
    </>
  );
}

/** How many times the bot answered with the topic per language: "1 204 / 37". */
function AnswersCell(props: { id: string }) {
  const t = text.value;
  if (!feedback.value) return <>{t.notAvailable}</>;
  const h = helpfulnessOf(feedback.value, props.id);
  return (
    <>
      {formatCount(h.fi.answers, t)} / {formatCount(h.sv.answers, t)}
    </>
  );
}

/** The topic's helpful share and number of votes per language: "80 % (10) / – (0)". */
function HelpfulCell(props: { id: string }) {
  const t = text.value;
  if (!feedback.value) return <>{t.notAvailable}</>;
  const h = helpfulnessOf(feedback.value, props.id);
  return (
    <>
      {t.helpfulCell(formatPercent(h.fi.share, t), h.fi.votes)} /{" "}
      {t.helpfulCell(formatPercent(h.sv.share, t), h.sv.votes)}
    </>
  );
}

/** The search matched out-of-scope sentences: the matter is left without a topic on purpose. */
function OutOfScopeFound() {
  const t = text.value;
  const found = searchOutOfScope.value;
  if (!found.length) return null;
  return (
    <p class="notice" data-testid="search-out-of-scope">
      {t.foundOutOfScope}{" "}
      {found.map((hit, i) => (
        <Fragment key={`${hit.lang}:${hit.text}`}>
          {i > 0 ? ", " : ""}”<span lang={hit.lang}>{hit.text}</span>”
        </Fragment>
      ))}
      . <a href={routeHash({ view: "out-of-scope" })}>{t.openOutOfScope}</a>
    </p>
  );
}
