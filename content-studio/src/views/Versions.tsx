/**
 * Versions and publishing: the draft's diff and Publish (or Send for review), the version
 * list with review actions (approve and reject for reviewers, never their own version; the
 * author's withdraw), rollback, and the audit trail. Every action on a version asks first.
 */
import { Fragment } from "preact";
import { useEffect } from "preact/hooks";
import { MAX_UNCOVERED_ANSWERED } from "../../../functions/contracts/contentTargets.ts";
import { wasLiveBefore } from "../../../functions/domain/content/versions.ts";
import type {
  AnswerPreviews,
  ContentVersion,
  DraftDiff,
  FieldChange,
  Problem,
  VersionDiff,
  VersionScores,
  VersionTestResult,
} from "../api.ts";
import {
  type BrokenFollowUp,
  type DiffRow,
  detailSections,
  fieldLabel,
  listSummary,
  partText,
  previewShown,
  type RollbackTouch,
  rowLabel,
  type TextPiece,
  textPieces,
  versionDiffRows,
} from "../diff.ts";
import { actorName, formatDateTime, formatPercent, text } from "../i18n.ts";
import { versionProblemPlace } from "../problems.ts";
import { routeHash } from "../route.ts";
import { isReviewer, me } from "../state/app.ts";
import {
  forgetShownDecisions,
  shownDecisions,
  takeUnseenDecisions,
  unseenDecisions,
} from "../state/decisions.ts";
import {
  approve,
  auditTrail,
  busyVersion,
  checkRollback,
  comment,
  commentError,
  confirming,
  diffs,
  draftDetailsOpen,
  draftDiff,
  draftDiffError,
  draftOffer,
  expanded,
  lastCreated,
  list,
  listError,
  load,
  loadAudit,
  loadDraftDiff,
  loadingOlder,
  loadOlder,
  notice,
  publish,
  publishing,
  reject,
  rejectComment,
  rejectError,
  rejectedBefore,
  rollback,
  rollbackCheck,
  rollbackComment,
  rollbackError,
  sinceDiffs,
  sinceExpanded,
  slow,
  testVersion,
  toggleDiff,
  toggleSinceDiff,
  versionTests,
  withdraw,
} from "../state/versions.ts";
import { againstLiveHint, scoreLines } from "../versionScores.ts";
import { AnswerSideBySide } from "./AnswerPreview.tsx";
import { AuditTable } from "./AuditTable.tsx";
import { ChangedAnswers } from "./ChangedAnswers.tsx";
import { ProblemPageLink } from "./ProblemPageLink.tsx";
import { UncoveredQuestions } from "./UncoveredQuestions.tsx";
import {
  Badge,
  Confirm,
  describedBy,
  focusControl,
  LoadError,
  OlderEntries,
  Outcome,
  SlowNotice,
} from "./ui.tsx";

export function Versions() {
  const t = text.value;
  // Looking at this page is seeing how one's versions were decided: they are listed at its
  // top, and the navigation stops counting them. Those that come while it is open join them.
  const unseen = unseenDecisions.value;
  useEffect(() => {
    if (unseen.length) takeUnseenDecisions();
  }, [unseen]);
  useEffect(() => forgetShownDecisions, []);
  return (
    <section aria-labelledby="view-heading" class="view">
      <h2 id="view-heading" tabIndex={-1}>
        {t.versionsTitle}
      </h2>
      <DecisionsPanel />
      <PublishPanel />
      <VersionListPanel />
      <AuditPanel />
    </section>
  );
}

/** How the reviews of the reader's own versions ended since they last looked, newest first. */
function DecisionsPanel() {
  const t = text.value;
  const shown = shownDecisions.value;
  if (!shown.length) return null;
  return (
    <section aria-labelledby="decisions-title" class="panel" data-testid="decisions">
      <h3 id="decisions-title">{t.decisionsTitle}</h3>
      <ul>
        {shown.map((d) => (
          <li
            key={`${d.version}:${d.outcome}:${d.at}`}
            data-version={d.version}
            data-outcome={d.outcome}
          >
            {t.decisionLine(
              d.version,
              t.decisionOutcomes[d.outcome],
              actorName({ subject: d.by, name: d.byName }, t),
              formatDateTime(d.at, t),
            )}
            {d.outcome === "approved" && d.state !== "live"
              ? ` ${t.stateNow(t.states[d.state])}`
              : ""}
            {d.reason ? (
              <>
                {" "}
                <strong>{t.failedReason}:</strong> {d.reason}
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The outcome of the publish or version action taken at `at` (under Publish, or in that
 * version's row), where the person who pressed it is looking: the page's top may be scrolled
 * out of sight. A success was announced once by the store; a failure is an alert.
 */
function ActionNotice(props: { at: "publish" | number; testId: string }) {
  const shown = notice.value;
  if (!shown || shown.at !== props.at) return null;
  return (
    <div data-testid={props.testId}>
      <Outcome outcome={shown} />
      <RefusalProblems problems={shown.problems ?? []} />
    </div>
  );
}

/** What the check or the test gate found when it refused a publish, approval or rollback. */
function RefusalProblems(props: { problems: readonly Problem[] }) {
  const t = text.value;
  if (!props.problems.length) return null;
  return (
    <ul class="problem-list" data-testid="versions-problems">
      {props.problems.map((p) => {
        const severity = p.severity ?? "error";
        const place = versionProblemPlace(p.path, t);
        return (
          <li key={`${p.path}|${p.message}`} class={severity}>
            <strong>{t.severity[severity]}</strong> {place ? `${place}: ` : ""}
            {p.message}
            {p.fix ? <span class="fix">{` ${t.fixLabel} ${p.fix}`}</span> : null}
            <ProblemPageLink problem={p} />
          </li>
        );
      })}
    </ul>
  );
}

/**
 * Rows of changes; with `details`, what each changed part says (a version's review), a new or
 * changed answer as customers get it first. `against` is the version the rows compare with.
 */
function DiffList(props: { rows: DiffRow[]; testId: string; details?: boolean; against?: number }) {
  const t = text.value;
  if (!props.rows.length) return <p class="muted">{t.noDiff}</p>;
  return (
    <ul class="diff" data-testid={props.testId}>
      {props.rows.map((row) => (
        <li
          key={`${row.kind ?? "topic"}:${row.id}`}
          data-topic={row.id}
          data-kind={row.kind}
          data-change={row.change}
        >
          <Badge kind={row.change}>{t.change[row.change]}</Badge> <RowName row={row} />
          {row.fields.length ? ` (${row.fields.join(", ")})` : ""}
          {row.answerOnlyIn ? (
            <p class="diff-warning" data-testid="answer-only-in" data-lang={row.answerOnlyIn}>
              <strong>{t.severity.warning}:</strong> {t.answerOnlyIn[row.answerOnlyIn]}
            </p>
          ) : null}
          {props.details && row.preview && previewShown(row) ? (
            <DiffPreview preview={row.preview} against={props.against} />
          ) : null}
          {props.details && row.details?.length ? <ChangeDetails row={row} /> : null}
        </li>
      ))}
    </ul>
  );
}

/** A change's name: the title in the studio's language first, the id after it, smaller. */
function RowName(props: { row: Pick<DiffRow, "id" | "kind" | "title"> }) {
  const label = rowLabel(props.row, text.value);
  if (label.id === undefined) return <span class="diff-name">{label.name}</span>;
  return (
    <>
      <span class="diff-name" lang={label.lang}>
        {label.name}
      </span>{" "}
      <span class="diff-id">
        {label.kindNote ? `${label.kindNote} ` : ""}
        <code>{label.id}</code>
      </span>
    </>
  );
}

/**
 * A new or changed answer as customers will get it, Finnish and Swedish side by side; a
 * changed one's earlier form folded under it, for the reviewer who wants both whole.
 */
function DiffPreview(props: { preview: AnswerPreviews; against: number | undefined }) {
  const t = text.value;
  const before = props.preview.before;
  return (
    <div class="diff-preview" data-testid="diff-preview">
      <p>{t.customerSees}</p>
      <AnswerSideBySide messages={props.preview.after} />
      {before && props.against !== undefined ? (
        <details data-testid="diff-preview-before">
          <summary>{t.previewBefore(props.against)}</summary>
          <AnswerSideBySide messages={before} />
        </details>
      ) : null}
    </div>
  );
}

/**
 * What each changed part said and says now: a text word by word, a short list's items in and
 * out, and a long list (training sentences, test messages...) counted, its items folded.
 * What the customer reads comes first.
 */
function ChangeDetails(props: { row: DiffRow }) {
  const t = text.value;
  const { shown, counted } = detailSections(props.row);
  return (
    <dl class="change-details">
      {shown.map((d) => (
        <Fragment key={d.field}>
          <dt>{fieldLabel(d.field, t)}</dt>
          <dd data-field={d.field}>
            {"before" in d ? (
              <p class="diff-text">
                {textPieces(partText(d.field, d.before, t), partText(d.field, d.after, t)).map(
                  (piece, i) => (
                    <Piece key={i} {...piece} />
                  ),
                )}
              </p>
            ) : d.added.length + d.removed.length === 0 ? (
              <p class="muted">{t.diffOnlyOrder}</p>
            ) : (
              <ItemChanges added={d.added} removed={d.removed} />
            )}
          </dd>
        </Fragment>
      ))}
      {counted.map((d) => (
        <Fragment key={d.field}>
          <dt>{fieldLabel(d.field, t)}</dt>
          <dd data-field={d.field}>
            <CountedList change={d} />
          </dd>
        </Fragment>
      ))}
    </dl>
  );
}

/** A long list's change as counts, its items in a folded list to open. */
function CountedList(props: { change: FieldChange }) {
  const t = text.value;
  const d = props.change;
  if ("before" in d) return null;
  const summary = listSummary(d.field, d, t);
  if (!summary) return <p class="muted">{t.diffOnlyOrder}</p>;
  return (
    <details class="counted-list">
      <summary>{summary}</summary>
      <ItemChanges added={d.added} removed={d.removed} />
    </details>
  );
}

/** A list's items in and out, one a line. */
function ItemChanges(props: { added: readonly string[]; removed: readonly string[] }) {
  return (
    <ul class="diff-items">
      {props.added.map((item, i) => (
        <li key={`+${i}`}>
          <Piece text={item} mark="added" />
        </li>
      ))}
      {props.removed.map((item, i) => (
        <li key={`-${i}`}>
          <Piece text={item} mark="removed" />
        </li>
      ))}
    </ul>
  );
}

/** Marked text says what it is in words too: colour and strike-through only repeat it. */
function Piece(props: TextPiece) {
  const t = text.value;
  if (!props.mark) return <>{props.text}</>;
  const Mark = props.mark === "added" ? "ins" : "del";
  return (
    <Mark>
      <span class="sr-only">{`${props.mark === "added" ? t.diffAdded : t.diffRemoved} `}</span>
      {props.text}
    </Mark>
  );
}

/** The topics saved unfinished: in the draft, but a publish leaves them out. */
function NotPublished(props: { topics: { id: string; title?: string }[] }) {
  const t = text.value;
  return (
    <div class="notice" data-testid="publish-in-progress">
      <p>{t.inProgressNotPublished(props.topics.length)}</p>
      <ul>
        {props.topics.map((topic) => (
          <li key={topic.id}>
            <a href={routeHash({ view: "topic", id: topic.id })}>{topic.id}</a>
            {topic.title ? ` (${topic.title})` : ""}
          </li>
        ))}
      </ul>
    </div>
  );
}

function PublishPanel() {
  const t = text.value;
  const d = draftDiff.value;
  const offer = draftOffer(d);
  const created = lastCreated.value;
  return (
    <section aria-labelledby="publish-title" class="panel">
      <h3 id="publish-title" tabIndex={-1}>
        {t.publishTitle}
      </h3>
      <LoadError
        message={draftDiffError.value}
        id="draft-diff-load-error"
        retry={loadDraftDiff}
        after="publish-title"
      />
      {d ? <h4>{t.draftChanges(d.against)}</h4> : null}
      {offer.kind === "nothing" ? (
        <p class="muted" id="publish-nothing" data-testid="publish-nothing">
          {t.noDraftChanges}
        </p>
      ) : null}
      {offer.kind === "pending" ? <DraftPending version={offer.version} /> : null}
      {offer.kind === "send" && d ? <DraftChanges diff={d} /> : null}
      {d?.inProgress?.length ? <NotPublished topics={d.inProgress} /> : null}
      {offer.kind === "loading" && !draftDiffError.value ? <p class="muted">{t.loading}</p> : null}
      {/* Without the diff the form stays: the server still refuses what it cannot take. */}
      {offer.kind === "send" || (offer.kind === "loading" && draftDiffError.value) ? (
        <PublishForm />
      ) : null}
      <ActionNotice at="publish" testId="publish-notice" />
      {created?.diff ? (
        <div data-testid="published-diff">
          <h4>
            {created.state === "pending-review"
              ? t.sentChanges(created.version, created.diff.against)
              : t.createdChanges(created.version, created.diff.against)}
          </h4>
          <DiffList rows={versionDiffRows(created.diff, t)} testId="published-diff-list" />
        </div>
      ) : null}
    </section>
  );
}

/** The draft's content waits for review already: where, instead of a form that would be refused. */
function DraftPending(props: { version: number }) {
  const t = text.value;
  return (
    <p class="notice" data-testid="publish-pending" data-version={props.version}>
      {t.draftPending(props.version)}{" "}
      <button
        type="button"
        class="secondary small"
        data-testid="publish-pending-show"
        onClick={() => focusControl(`version-${props.version}-title`, "versions-list-title")}
      >
        {t.showVersion(props.version)}
      </button>
    </p>
  );
}

/** What publishing the draft would change, with each part's words on request. */
function DraftChanges(props: { diff: DraftDiff }) {
  const t = text.value;
  const open = draftDetailsOpen.value;
  return (
    <>
      <div>
        <button
          type="button"
          class="secondary small"
          id="draft-details-toggle"
          aria-expanded={open ? "true" : "false"}
          aria-controls="draft-diff"
          onClick={() => {
            draftDetailsOpen.value = !open;
          }}
        >
          {open ? t.hideChangeDetails : t.showChangeDetails}
        </button>
      </div>
      <div id="draft-diff">
        <DiffList
          rows={versionDiffRows(props.diff, t)}
          testId="draft-diff"
          details={open}
          against={props.diff.against}
        />
      </div>
    </>
  );
}

function PublishForm() {
  const t = text.value;
  const busy = publishing.value;
  // With four-eyes (the default, and until the list says) a publish only asks for a review.
  const review = list.value?.reviewRequired ?? true;
  return (
    <form
      class="stack"
      onSubmit={(event) => {
        event.preventDefault();
        if (busy) return;
        void publish().then((ok) => {
          if (!ok && commentError.value) focusControl("publish-comment");
          // The form goes once the draft is sent: focus stays in its panel, over the outcome.
          else if (ok) focusControl("publish-title");
        });
      }}
    >
      <label for="publish-comment">{t.commentLabel}</label>
      <p id="publish-comment-hint" class="hint">
        {t.commentHint}
      </p>
      <textarea
        id="publish-comment"
        rows={3}
        value={comment.value}
        aria-invalid={commentError.value ? "true" : undefined}
        aria-describedby={describedBy(
          "publish-comment-hint",
          commentError.value && "publish-comment-error",
        )}
        onInput={(event) => {
          comment.value = event.currentTarget.value;
        }}
      />
      {commentError.value ? (
        <p id="publish-comment-error" class="error">
          {commentError.value}
        </p>
      ) : null}
      <div>
        <button
          type="submit"
          class="primary"
          id="publish"
          aria-disabled={busy ? "true" : undefined}
        >
          {busy ? (review ? t.sendingToReview : t.publishing) : review ? t.sendToReview : t.publish}
        </button>
      </div>
      {/* Beside the button pressed, not at the page's top, which may be scrolled away. */}
      {busy ? <SlowNotice slow={slow} testId="publish-slow" /> : null}
    </form>
  );
}

function VersionListPanel() {
  const t = text.value;
  const versions = list.value;
  return (
    <section aria-labelledby="versions-list-title" class="panel">
      <div class="view-head">
        <h3 id="versions-list-title" tabIndex={-1}>
          {t.versionListTitle}
        </h3>
        <button type="button" class="secondary small" onClick={() => void load()}>
          {t.refresh}
          <span class="sr-only">{`: ${t.versionListTitle}`}</span>
        </button>
      </div>
      <LoadError
        message={listError.value}
        id="versions-load-error"
        retry={load}
        after="versions-list-title"
      />
      {versions ? (
        <>
          <p data-testid="live-version">{t.liveNow(versions.live)}</p>
          <ol class="versions" data-testid="version-list">
            {versions.versions.map((v) => (
              <VersionItem
                key={v.version}
                version={v}
                rejectedBefore={
                  v.state === "pending-review" ? rejectedBefore(v, versions.versions) : undefined
                }
                live={versions.live}
                liveScores={versions.versions.find((x) => x.version === versions.live)?.scores}
              />
            ))}
          </ol>
          {versions.more ? (
            <button
              type="button"
              class="secondary"
              data-testid="older-versions"
              disabled={loadingOlder.value}
              onClick={() => void loadOlder()}
            >
              {t.olderVersions}
            </button>
          ) : null}
        </>
      ) : listError.value ? null : (
        <p class="muted">{t.loading}</p>
      )}
    </section>
  );
}

function isOwn(v: ContentVersion): boolean {
  const self = me.value;
  if (!self) return false;
  return v.author === self.subject || v.author === self.displayName;
}

/** The reader wrote part of a version someone else published: they may not approve it. */
function hasOwnChanges(v: ContentVersion): boolean {
  const self = me.value;
  return !!self && !!v.editors?.some((editor) => editor.subject === self.subject);
}

function VersionItem(props: {
  version: ContentVersion;
  /** The rejected version this one was published again after, to compare it with. */
  rejectedBefore: ContentVersion | undefined;
  live: number;
  /** The live version's test-gate numbers, to set a pending version's beside. */
  liveScores: VersionScores | undefined;
}) {
  const t = text.value;
  const v = props.version;
  const base = `version-${v.version}`;
  const pending = v.state === "pending-review";
  // Only a version waiting for review has the test that shows which messages changed.
  const testHint = pending && v.scores ? againstLiveHint(v.scores, t) : undefined;
  const own = isOwn(v);
  const ownChanges = !own && hasOwnChanges(v);
  const mayNotApprove = own || ownChanges;
  const reviewer = isReviewer.value;
  const canRollBack = wasLiveBefore(v) && v.version < props.live;
  const busy = busyVersion.value === v.version;
  const diff = diffs.value[v.version];
  const tested = versionTests.value[v.version];
  const open = expanded.value.has(v.version);
  const since = props.rejectedBefore?.version;
  const openSince = since !== undefined && sinceExpanded.value.has(v.version);
  const confirm = confirming.value?.version === v.version ? confirming.value : undefined;
  const context = <span class="sr-only">{t.versionContext(v.version)}</span>;
  // A slow action on this version says so under the confirmation's buttons, where it was asked.
  const slowHere = busy ? <SlowNotice slow={slow} testId={`${base}-slow`} /> : null;
  return (
    <li
      class={`version state-${v.state}`}
      data-version={v.version}
      data-state={v.state}
      data-testid={base}
      aria-labelledby={`${base}-title`}
    >
      <h4 id={`${base}-title`} tabIndex={-1}>
        {t.versionName(v.version)} <Badge kind={v.state}>{t.states[v.state]}</Badge>
      </h4>
      <dl class="meta">
        <div>
          <dt>{t.author}</dt>
          <dd>{actorName({ subject: v.author, name: v.authorName }, t)}</dd>
        </div>
        {v.editors?.length ? (
          <div>
            <dt>{t.editors}</dt>
            <dd data-testid={`${base}-editors`}>
              {v.editors.map((editor) => editor.name || editor.subject).join(", ")}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t.created}</dt>
          <dd>{formatDateTime(v.createdAt, t)}</dd>
        </div>
        {v.approvedBy ? (
          <div>
            <dt>{t.approvedBy}</dt>
            <dd>
              {actorName({ subject: v.approvedBy, name: v.approvedByName }, t)}
              {v.approvedAt ? `, ${formatDateTime(v.approvedAt, t)}` : ""}
            </dd>
          </div>
        ) : null}
        {v.state === "rejected" && v.rejectedBy ? (
          <div>
            <dt>{v.rejectedBy === v.author ? t.withdrawnBy : t.rejectedBy}</dt>
            <dd data-testid={`${base}-rejected-by`}>
              {actorName({ subject: v.rejectedBy, name: v.rejectedByName }, t)}
              {v.rejectedAt ? `, ${formatDateTime(v.rejectedAt, t)}` : ""}
            </dd>
          </div>
        ) : null}
        {v.state === "superseded" && v.supersededByVersion !== undefined ? (
          <div>
            <dt>{t.supersededTerm}</dt>
            <dd data-testid={`${base}-superseded-by`}>
              {t.supersededWhen(v.supersededByVersion, formatDateTime(v.supersededAt, t))}
            </dd>
          </div>
        ) : null}
        {v.comment ? (
          <div>
            <dt>{t.commentTerm}</dt>
            <dd>{v.comment}</dd>
          </div>
        ) : null}
        {v.scores ? (
          <div>
            <dt>{t.scoresTerm}</dt>
            <dd data-testid={`${base}-scores`}>
              {scoreLines(v.scores, pending ? props.liveScores : undefined, t).map((line) => (
                <span key={line.lang} class="score-line" data-lang={line.lang}>
                  {line.text}
                  {line.overUncoveredLimit ? (
                    <span class="badge error" data-testid={`${base}-uncovered-over-${line.lang}`}>
                      {t.overUncoveredGate(formatPercent(MAX_UNCOVERED_ANSWERED, t))}
                    </span>
                  ) : null}
                  {line.againstLive ? (
                    <span data-testid={`${base}-against-live-${line.lang}`}>
                      {`; ${line.againstLive.lead} `}
                      {/* What gets worse is what a reviewer must not miss. */}
                      {line.againstLive.worse ? (
                        <Badge kind="broken">{line.againstLive.newMistakes}</Badge>
                      ) : (
                        line.againstLive.newMistakes
                      )}
                      {`, ${line.againstLive.fixed}`}
                    </span>
                  ) : null}
                </span>
              ))}
              {testHint ? (
                <span class="score-line hint" data-testid={`${base}-against-live-hint`}>
                  {testHint}
                </span>
              ) : null}
            </dd>
          </div>
        ) : null}
      </dl>
      {v.rollbackOf !== undefined ? <p class="small-text">{t.rollbackOf(v.rollbackOf)}</p> : null}
      {v.error ? (
        <p class="notice error" data-testid={`${base}-error`}>
          <strong>{t.failedReason}:</strong> {v.error}
        </p>
      ) : null}
      <div class="actions">
        <button
          type="button"
          class="secondary small"
          aria-expanded={open ? "true" : "false"}
          aria-controls={`${base}-diff`}
          onClick={() => toggleDiff(v.version)}
        >
          {t.showDiff}
          {context}
        </button>
        {since !== undefined ? (
          <button
            type="button"
            class="secondary small"
            id={`${base}-diff-since-toggle`}
            aria-expanded={openSince ? "true" : "false"}
            aria-controls={`${base}-diff-since`}
            onClick={() => toggleSinceDiff(v.version, since)}
          >
            {t.showDiffSince(since)}
            {context}
          </button>
        ) : null}
        {pending ? (
          <button
            type="button"
            class="secondary small"
            id={`${base}-test`}
            aria-controls={`${base}-test-result`}
            aria-disabled={tested === "loading" ? "true" : undefined}
            onClick={() => void testVersion(v.version)}
          >
            {tested === "loading" ? t.testing : t.testVersion}
            {tested === "loading" ? null : context}
          </button>
        ) : null}
        {pending && reviewer ? (
          <>
            <button
              type="button"
              class="primary small"
              id={`${base}-approve`}
              aria-disabled={mayNotApprove || busy ? "true" : undefined}
              aria-describedby={mayNotApprove ? `${base}-own` : undefined}
              onClick={() => {
                if (mayNotApprove || busy) return;
                // One click would change what every customer gets: it asks first, as reject does.
                confirming.value = { kind: "approve", version: v.version };
              }}
            >
              {t.approve}
              {context}
            </button>
            <button
              type="button"
              class="secondary small danger"
              id={`${base}-reject`}
              onClick={() => {
                rejectError.value = "";
                confirming.value = { kind: "reject", version: v.version };
              }}
            >
              {t.reject}
              {context}
            </button>
          </>
        ) : null}
        {pending && own ? (
          <button
            type="button"
            class="secondary small danger"
            id={`${base}-withdraw`}
            onClick={() => {
              confirming.value = { kind: "withdraw", version: v.version };
            }}
          >
            {t.withdraw}
            {context}
          </button>
        ) : null}
        {canRollBack ? (
          <button
            type="button"
            class="secondary small"
            id={`${base}-rollback`}
            onClick={() => {
              rollbackError.value = "";
              confirming.value = { kind: "rollback", version: v.version };
              void checkRollback(v.version);
            }}
          >
            {t.rollback}
            {context}
          </button>
        ) : null}
      </div>
      {pending && reviewer && mayNotApprove ? (
        <p id={`${base}-own`} class="notice">
          {own ? t.ownVersion : t.ownChangesInVersion}
        </p>
      ) : null}
      {pending && !reviewer ? <p class="muted small-text">{t.reviewerOnly}</p> : null}
      {confirm?.kind === "approve" ? (
        <Confirm
          id={`${base}-approve-confirm`}
          status={slowHere}
          question={t.approveConfirm(v.version)}
          yes={busy ? t.approving : t.approveYes}
          busy={busy}
          onYes={() =>
            // The button goes away with the state; focus goes to the version's heading, over
            // the outcome in its row. A refusal leaves it (unless the version was superseded
            // meanwhile) for another try.
            void approve(v.version).then((done) =>
              focusControl(done ? `${base}-title` : `${base}-approve`, `${base}-title`),
            )
          }
          onCancel={() => {
            confirming.value = undefined;
            focusControl(`${base}-approve`);
          }}
        />
      ) : null}
      {confirm?.kind === "withdraw" ? (
        <Confirm
          id={`${base}-withdraw-confirm`}
          status={slowHere}
          question={t.withdrawConfirm(v.version)}
          yes={t.withdrawYes}
          busy={busy}
          onYes={() =>
            void withdraw(v.version).then((done) =>
              focusControl(done ? `${base}-title` : `${base}-withdraw`, `${base}-title`),
            )
          }
          onCancel={() => {
            confirming.value = undefined;
            focusControl(`${base}-withdraw`);
          }}
        />
      ) : null}
      {confirm?.kind === "rollback" ? (
        <Confirm
          id={`${base}-rollback-confirm`}
          status={slowHere}
          question={t.rollbackConfirm(v.version)}
          yes={t.rollbackYes}
          busy={busy}
          onYes={() =>
            void rollback(v.version).then(() =>
              // Without a reason the question stays open at its field; otherwise it closed.
              focusControl(
                rollbackError.value ? `${base}-rollback-reason` : `${base}-title`,
                `${base}-title`,
              ),
            )
          }
          onCancel={() => {
            confirming.value = undefined;
            focusControl(`${base}-rollback`);
          }}
        >
          <RollbackTouches version={v.version} id={`${base}-rollback-touches`} />
          <RollbackFollowUps version={v.version} id={`${base}-rollback-follow-ups`} />
          <div class="stack">
            <label for={`${base}-rollback-reason`}>{t.rollbackReason}</label>
            <p id={`${base}-rollback-reason-hint`} class="hint">
              {t.rollbackReasonHint}
            </p>
            <textarea
              id={`${base}-rollback-reason`}
              rows={2}
              value={rollbackComment.value}
              aria-invalid={rollbackError.value ? "true" : undefined}
              aria-describedby={describedBy(
                // What it does to the draft's own changes is read with the field focus goes to.
                rollbackTouchesShown(v.version) && `${base}-rollback-touches`,
                brokenFollowUps(v.version).length > 0 && `${base}-rollback-follow-ups`,
                `${base}-rollback-reason-hint`,
                rollbackError.value && `${base}-rollback-error`,
              )}
              onInput={(event) => {
                rollbackComment.value = event.currentTarget.value;
              }}
            />
            {rollbackError.value ? (
              <p id={`${base}-rollback-error`} class="error">
                {rollbackError.value}
              </p>
            ) : null}
          </div>
        </Confirm>
      ) : null}
      {confirm?.kind === "reject" ? (
        <Confirm
          id={`${base}-reject-confirm`}
          status={slowHere}
          question={`${t.reject}: ${t.versionName(v.version)}`}
          yes={t.rejectYes}
          busy={busy}
          onYes={() =>
            void reject(v.version).then((done) => {
              if (done) focusControl(`${base}-title`);
            })
          }
          onCancel={() => {
            confirming.value = undefined;
            focusControl(`${base}-reject`);
          }}
        >
          <div class="stack">
            <label for={`${base}-reject-reason`}>{t.rejectReason}</label>
            <textarea
              id={`${base}-reject-reason`}
              rows={2}
              value={rejectComment.value}
              aria-invalid={rejectError.value ? "true" : undefined}
              aria-describedby={rejectError.value ? `${base}-reject-error` : undefined}
              onInput={(event) => {
                rejectComment.value = event.currentTarget.value;
              }}
            />
            {rejectError.value ? (
              <p id={`${base}-reject-error`} class="error">
                {rejectError.value}
              </p>
            ) : null}
          </div>
        </Confirm>
      ) : null}
      <ActionNotice at={v.version} testId={`${base}-notice`} />
      <div id={`${base}-diff`} hidden={!open}>
        {open ? <VersionDiffView diff={diff} /> : null}
      </div>
      {since !== undefined ? (
        <div id={`${base}-diff-since`} hidden={!openSince}>
          {openSince ? (
            <VersionDiffView
              diff={sinceDiffs.value[v.version]}
              testId={`${base}-diff-since-list`}
            />
          ) : null}
        </div>
      ) : null}
      <div id={`${base}-test-result`}>
        {tested && tested !== "loading" ? (
          <VersionTestView version={v.version} tested={tested} />
        ) : null}
      </div>
    </li>
  );
}

/** Whether the rollback to `version` being confirmed says anything about the draft's changes. */
function rollbackTouchesShown(version: number): boolean {
  const check = rollbackCheck.value;
  if (check?.version !== version) return false;
  return typeof check.touches === "string" || check.draftChanged;
}

/**
 * In a rollback's confirmation, before it is sent: which of the draft's own changes the
 * rolled-back content changes too, and what the server will do with them when the rollback
 * goes live (keep the draft's, so customers get the rollback but the draft does not).
 */
function RollbackTouches(props: { version: number; id: string }) {
  const t = text.value;
  const check = rollbackCheck.value;
  if (!check || !rollbackTouchesShown(props.version)) return null;
  if (check.touches === "loading")
    return (
      <p id={props.id} class="muted small-text">
        {t.rollbackTouchesChecking}
      </p>
    );
  if (check.touches === "error")
    return (
      <p id={props.id} class="notice">
        {t.rollbackTouchesFailed}
      </p>
    );
  const touches: RollbackTouch[] = check.touches;
  if (!touches.length)
    return (
      <p id={props.id} class="small-text" data-testid={`${props.id}-none`}>
        {t.rollbackTouchesNone}
      </p>
    );
  return (
    <div id={props.id} class="notice" data-testid={props.id}>
      <p>{t.rollbackTouchesLead(touches.length)}</p>
      <ul>
        {touches.map((x) => (
          <li key={`${x.kind ?? "topic"}:${x.id}`} data-topic={x.id} data-kind={x.kind}>
            <RowName row={x} />
            {`: ${t.rollbackTouchDraft[x.draft]}; ${t.rollbackTouchRollback(props.version, x.rollback)}.`}
          </li>
        ))}
      </ul>
      <p>{t.rollbackTouchesOutcome(props.version, touches.length)}</p>
    </div>
  );
}

/** The kept draft topics whose follow-up the rollback to `version` leaves without its topic. */
function brokenFollowUps(version: number): BrokenFollowUp[] {
  const check = rollbackCheck.value;
  return check?.version === version && "followUps" in check ? check.followUps : [];
}

/**
 * In a rollback's confirmation: the draft topics it keeps whose follow-up is a topic the
 * rolled-back content does not have, which the next publish's check would refuse.
 */
function RollbackFollowUps(props: { version: number; id: string }) {
  const t = text.value;
  const broken = brokenFollowUps(props.version);
  if (!broken.length) return null;
  return (
    <div id={props.id} class="notice" data-testid={props.id}>
      <p>
        <strong>{t.rollbackFollowUpsLead(props.version, broken.length)}</strong>
      </p>
      <ul>
        {broken.map((x) => (
          <li
            key={`${x.topic.id}>${x.followUp.id}`}
            data-topic={x.topic.id}
            data-follow-up={x.followUp.id}
          >
            <RowName row={x.topic} />
            {`, ${t.rollbackFollowUpTo} `}
            <RowName row={x.followUp} />
          </li>
        ))}
      </ul>
      <p>{t.rollbackFollowUpsOutcome(broken.length)}</p>
    </div>
  );
}

/**
 * A version's test against live: its accuracy per language, whose topic it changes, and the
 * questions no topic covers that it would answer with a topic.
 */
function VersionTestView(props: {
  version: number;
  tested: VersionTestResult | { error: string };
}) {
  const t = text.value;
  const tested = props.tested;
  if ("error" in tested) return <p class="error">{tested.error}</p>;
  // The test split's numbers are the gate's, shown above; the dev split's are news.
  const dev = tested.splits.dev;
  return (
    <section aria-labelledby={`version-${props.version}-test-title`} class="version-test">
      <h5 id={`version-${props.version}-test-title`}>
        {t.versionTestTitle(props.version, tested.against)}
      </h5>
      <p data-testid={`version-${props.version}-test-scores`}>
        {`${t.splitNames.dev}: ${scoreLines(dev, undefined, t)
          .map((line) => line.text)
          .join(" · ")}`}
      </p>
      <ChangedAnswers
        changed={tested.changed}
        captionId={`version-${props.version}-changed-caption`}
        caption={t.versionChangedCaption(props.version)}
        newColumn={t.versionColumn(props.version)}
        testId={`version-${props.version}-changed`}
      />
      <UncoveredQuestions report={tested} idPrefix={`version-${props.version}-`} heading="h6" />
    </section>
  );
}

function VersionDiffView(props: {
  diff: VersionDiff | "loading" | "error" | undefined;
  testId?: string;
}) {
  const t = text.value;
  const diff = props.diff;
  if (diff === "loading" || diff === undefined) return <p class="muted">{t.loading}</p>;
  if (diff === "error") return <p class="error">{t.noAnswer}</p>;
  return (
    <>
      <p class="small-text">{t.versionChanges(diff.version, diff.against)}</p>
      <DiffList
        rows={versionDiffRows(diff, t)}
        testId={props.testId ?? `version-${diff.version}-diff-list`}
        details
        against={diff.against}
      />
    </>
  );
}

function AuditPanel() {
  const t = text.value;
  const entries = auditTrail.entries.value;
  return (
    <section aria-labelledby="audit-title" class="panel">
      <div class="view-head">
        <h3 id="audit-title" tabIndex={-1}>
          {t.auditTitle}
        </h3>
        <button type="button" class="secondary small" onClick={() => void loadAudit()}>
          {t.refresh}
          <span class="sr-only">{`: ${t.auditTitle}`}</span>
        </button>
      </div>
      <LoadError
        message={auditTrail.error.value}
        id="audit-load-error"
        retry={loadAudit}
        after="audit-title"
      />
      {entries && entries.length === 0 ? <p class="muted">{t.noAudit}</p> : null}
      {entries && entries.length > 0 ? (
        <>
          <AuditTable
            entries={entries}
            caption={t.auditCaption}
            captionId="audit-caption"
            testId="audit"
            rowId={(i) => `audit-entry-${i}`}
            withItem
          />
          <OlderEntries
            pages={auditTrail}
            rowId={(i) => `audit-entry-${i}`}
            context={t.auditTitle}
            afterLast="audit-title"
            testId="older-audit"
          />
        </>
      ) : null}
    </section>
  );
}
