/**
 * Versions and publishing: the list, the draft's diff before publishing, publish, approve,
 * reject, withdraw, roll back, each version's diff on demand, and the audit trail.
 */
import { batch, signal } from "@preact/signals";
import {
  ContentInvalidError,
  type ContentVersion,
  type DraftDiff,
  type Problem,
  RequestTimeoutError,
  SelfApprovalError,
  type VersionDiff,
  type VersionList,
  VersionStaleError,
  type VersionTestResult,
} from "../api.ts";
import {
  type BrokenFollowUp,
  followUpsToRead,
  type RollbackTouch,
  rollbackBrokenFollowUps,
  rollbackTouches,
  rowName,
} from "../diff.ts";
import { text, type UiText } from "../i18n.ts";
import { changedSaid } from "../testReport.ts";
import { announce, call, errorText, onSignOut, sayWhenSlow } from "./app.ts";
import { createAuditPages } from "./auditPages.ts";
import { loadDraft } from "./topics.ts";

/** How many versions a page of the history shows; older ones come on request. */
export const VERSION_PAGE = 20;
export const list = signal<VersionList | undefined>(undefined);
export const listError = signal("");
export const loadingOlder = signal(false);
export const comment = signal("");
export const commentError = signal("");
export const publishing = signal(false);
/** The last publish (or rollback) in this session, with its diff once loaded. */
export const lastCreated = signal<
  { version: number; state: string; rollbackOf?: number; diff?: VersionDiff } | undefined
>(undefined);
/**
 * The outcome of the last action, with what the check found if it refused. `at` says where
 * it was taken, and so where it is shown: under Publish, or in that version's row (the
 * page's top may be scrolled out of sight).
 */
export const notice = signal<
  { kind: "ok" | "error"; text: string; problems?: Problem[]; at: "publish" | number } | undefined
>(undefined);

/**
 * What the publish or version action under way says once it is slow (`sayWhenSlow`), shown
 * beside the button pressed (Publish, or the version's confirmation: `publishing` and
 * `busyVersion` say which), since the page's top may be scrolled out of sight.
 */
export const slow = signal("");

/** A refused publish, approval or rollback: what the check or the test gate found, listed. */
function refusal(
  error: unknown,
  t: UiText,
  at: "publish" | number,
): NonNullable<typeof notice.value> {
  if (error instanceof ContentInvalidError && error.problems.length) {
    return {
      kind: "error",
      text: t.contentRefused(error.problems.length),
      problems: error.problems,
      at,
    };
  }
  if (error instanceof SelfApprovalError) return { kind: "error", text: t.selfApproval, at };
  // A write that timed out may have landed: the page is read again, and says so.
  if (error instanceof RequestTimeoutError) {
    return { kind: "error", text: `${errorText(error, t)} ${t.mayHaveLanded}`, at };
  }
  return { kind: "error", text: errorText(error, t), at };
}

/** After a refusal: what the server holds now, when the refusal leaves it unknown. */
async function reloadAfter(error: unknown): Promise<void> {
  if (error instanceof RequestTimeoutError) await Promise.all([load(), loadDraftDiff()]);
}
/**
 * After a language switch: a refusal's findings told again in the new language (the server
 * tells them; the studio keeps each one's code and particulars), and its heading with them.
 * Findings it cannot have told again stay as they were.
 */
export async function retellRefusal(): Promise<void> {
  const shown = notice.value;
  const problems = shown?.problems;
  if (!shown || !problems?.length) return;
  const kept = problems.flatMap((p) =>
    p.code && p.params ? [{ code: p.code, params: p.params }] : [],
  );
  if (kept.length !== problems.length) return;
  const told = await call(
    (c) => c.tell(kept),
    () => undefined,
  );
  // Another action's outcome came meanwhile: that one is told already.
  if (!told || told.length !== problems.length || notice.value !== shown) return;
  notice.value = {
    ...shown,
    text: text.value.contentRefused(problems.length),
    problems: problems.map((p, i) => ({ ...p, ...told[i] })),
  };
}

/** The version an action is running for. */
export const busyVersion = signal<number | undefined>(undefined);
/** The version action waiting for its inline confirmation: each of them asks first. */
export const confirming = signal<
  { kind: "approve" | "reject" | "withdraw" | "rollback"; version: number } | undefined
>(undefined);
export const rejectComment = signal("");
export const rejectError = signal("");
/** Why a rollback is asked for: the reviewer reads it on the version, the audit trail keeps it. */
export const rollbackComment = signal("");
export const rollbackError = signal("");
/**
 * What the rollback being confirmed meets among the draft's own changes (`rollbackTouches`),
 * read when its confirmation opens; `draftChanged` says whether the draft had any at all;
 * `followUps`, the kept draft topics whose follow-up the rolled-back content does not have
 * (`rollbackBrokenFollowUps`), which the next publish's check would refuse.
 */
export const rollbackCheck = signal<
  | { version: number; touches: "loading" | "error" }
  | {
      version: number;
      touches: RollbackTouch[];
      draftChanged: boolean;
      followUps: BrokenFollowUp[];
    }
  | undefined
>(undefined);
export const diffs = signal<Record<number, VersionDiff | "loading" | "error">>({});
/** What publishing the draft would change, read with the list. */
export const draftDiff = signal<DraftDiff | undefined>(undefined);
export const draftDiffError = signal("");
/**
 * What the publish panel offers for the draft: nothing to send (it is live already), a note
 * that version `version` waiting for review has it already (sending it again would be
 * refused), or the form to send its changes.
 */
export type DraftOffer =
  | { kind: "loading" }
  | { kind: "nothing" }
  | { kind: "pending"; version: number }
  | { kind: "send" };

export function draftOffer(diff: DraftDiff | undefined): DraftOffer {
  if (!diff) return { kind: "loading" };
  if (diff.topics.length === 0) return { kind: "nothing" };
  if (diff.pendingWithDraft !== undefined)
    return { kind: "pending", version: diff.pendingWithDraft };
  return { kind: "send" };
}

/** Whether the draft's changes show what each part says, not only which parts. */
export const draftDetailsOpen = signal(false);
/** Versions tested against live in this session (a reviewer's "what would change"). */
export const versionTests = signal<
  Record<number, VersionTestResult | "loading" | { error: string }>
>({});
/** Versions whose diff is shown in the list. */
export const expanded = signal<ReadonlySet<number>>(new Set());
/** Versions' diffs against the rejected version before them, by version (`rejectedBefore`). */
export const sinceDiffs = signal<Record<number, VersionDiff | "loading" | "error">>({});
/** Versions whose diff against the rejected version before them is shown. */
export const sinceExpanded = signal<ReadonlySet<number>>(new Set());
/** How many audit entries the page shows at first and adds with each "older". */
export const AUDIT_PAGE = 50;
/** The audit trail below the versions: every item's entries, newest first. */
export const auditTrail = createAuditPages(AUDIT_PAGE);

export async function load(): Promise<void> {
  // A reload after an action keeps the older pages the user already opened.
  const shown = Math.max(VERSION_PAGE, list.value?.versions.length ?? 0);
  const [versions] = await Promise.all([
    call(
      (c) => c.versions({ limit: shown }),
      (e) => {
        listError.value = errorText(e);
      },
    ),
    loadDraft(),
    loadDraftDiff(),
    loadAudit(),
  ]);
  if (versions) {
    batch(() => {
      list.value = versions;
      listError.value = "";
    });
  }
}

/** Appends the next page of older versions to the list. */
export async function loadOlder(): Promise<void> {
  const current = list.value;
  const oldest = current?.versions.at(-1)?.version;
  if (!current || oldest === undefined || loadingOlder.value) return;
  loadingOlder.value = true;
  const older = await call(
    (c) => c.versions({ limit: VERSION_PAGE, before: oldest }),
    (e) => {
      listError.value = errorText(e);
    },
  );
  batch(() => {
    loadingOlder.value = false;
    if (older && list.value === current) {
      list.value = { ...older, versions: [...current.versions, ...older.versions] };
      listError.value = "";
    }
  });
}

export async function loadDraftDiff(): Promise<void> {
  const result = await call(
    (c) => c.draftDiff(),
    (e) => {
      batch(() => {
        // What the draft held before may no longer be so: no stale "send" or "pending".
        draftDiff.value = undefined;
        draftDiffError.value = errorText(e);
      });
    },
  );
  if (result) {
    batch(() => {
      draftDiff.value = result;
      draftDiffError.value = "";
    });
  }
}

/** Reads the audit trail again, keeping the older pages already shown. */
export function loadAudit(): Promise<void> {
  return auditTrail.load();
}

/** Fetches a version's diff against live once and keeps it. */
export async function loadDiff(version: number): Promise<VersionDiff | undefined> {
  const known = diffs.value[version];
  if (known && known !== "error" && known !== "loading") return known;
  diffs.value = { ...diffs.value, [version]: "loading" };
  const diff = await call(
    (c) => c.versionDiff(version),
    () => undefined,
  );
  diffs.value = { ...diffs.value, [version]: diff ?? "error" };
  return diff;
}

/** Tests a version against live: its scores and the messages whose topic it changes. */
export async function testVersion(version: number): Promise<void> {
  if (versionTests.value[version] === "loading") return;
  const t = text.value;
  versionTests.value = { ...versionTests.value, [version]: "loading" };
  announce(t.testing);
  let failed = "";
  const result = await call(
    (c) => c.testVersion(version),
    (e) => {
      failed = errorText(e);
    },
  );
  versionTests.value = {
    ...versionTests.value,
    [version]: result ?? { error: failed || t.noAnswer },
  };
  announce(
    result
      ? `${t.versionTested(version, result.changed.length)}${changedSaid(result.changed, t)}`
      : failed || t.noAnswer,
  );
}

/**
 * The rejected version that `version` was published again after: the newest one before it
 * published against the same live version. Against live a version repeats what that one
 * changed; against it, only what its author changed since the reviewer's verdict.
 */
export function rejectedBefore(
  version: ContentVersion,
  versions: readonly ContentVersion[],
): ContentVersion | undefined {
  if (version.basedOn === undefined) return undefined;
  return versions
    .filter(
      (v) => v.version < version.version && v.state === "rejected" && v.basedOn === version.basedOn,
    )
    .sort((a, b) => b.version - a.version)[0];
}

/** Shows or hides a version's diff against version `against`, loading it the first time. */
export function toggleSinceDiff(version: number, against: number): void {
  const next = new Set(sinceExpanded.value);
  if (next.has(version)) next.delete(version);
  else {
    next.add(version);
    const known = sinceDiffs.value[version];
    if (!known || known === "error") void loadSinceDiff(version, against);
  }
  sinceExpanded.value = next;
}

async function loadSinceDiff(version: number, against: number): Promise<void> {
  sinceDiffs.value = { ...sinceDiffs.value, [version]: "loading" };
  const diff = await call(
    (c) => c.versionDiff(version, against),
    () => undefined,
  );
  sinceDiffs.value = { ...sinceDiffs.value, [version]: diff ?? "error" };
}

/** Shows or hides a version's diff in the list, loading it the first time. */
export function toggleDiff(version: number): void {
  const next = new Set(expanded.value);
  if (next.has(version)) next.delete(version);
  else {
    next.add(version);
    void loadDiff(version);
  }
  expanded.value = next;
}

export async function publish(): Promise<boolean> {
  const t = text.value;
  const note = comment.value.trim();
  if (!note) {
    commentError.value = t.commentRequired;
    return false;
  }
  batch(() => {
    commentError.value = "";
    publishing.value = true;
    notice.value = undefined;
  });
  let failure: unknown;
  const result = await sayWhenSlow(
    slow,
    () => text.value.actionSlow,
    () =>
      call(
        (c) => c.publish(note),
        (e) => {
          notice.value = refusal(e, t, "publish");
          failure = e;
        },
      ),
  );
  publishing.value = false;
  if (!result) {
    await reloadAfter(failure);
    return false;
  }
  const message = t.published(result.version, t.states[result.state]);
  batch(() => {
    comment.value = "";
    lastCreated.value = { version: result.version, state: result.state };
    notice.value = { kind: "ok", text: message, at: "publish" };
  });
  announce(message);
  await load();
  const diff = await loadDiff(result.version);
  if (diff && lastCreated.value?.version === result.version)
    lastCreated.value = { ...lastCreated.value, diff };
  return true;
}

async function act(
  version: number,
  run: Parameters<typeof call<{ version: number; state: string }>>[0],
  success: (result: { version: number; state: string }) => string,
): Promise<boolean> {
  const t = text.value;
  batch(() => {
    busyVersion.value = version;
    notice.value = undefined;
  });
  let stale = false;
  let failure: unknown;
  const result = await sayWhenSlow(
    slow,
    () => text.value.actionSlow,
    () =>
      call(run, (e) => {
        notice.value = refusal(e, t, version);
        stale = e instanceof VersionStaleError;
        failure = e;
      }),
  );
  batch(() => {
    busyVersion.value = undefined;
    confirming.value = undefined;
  });
  // The server superseded the version when it refused it: the list shows why.
  if (stale) await load();
  if (!result) {
    await reloadAfter(failure);
    return false;
  }
  const message = success(result);
  notice.value = { kind: "ok", text: message, at: version };
  announce(message);
  await load();
  return true;
}

export function approve(version: number): Promise<boolean> {
  const t = text.value;
  return act(
    version,
    (c) => c.approve(version),
    (r) => t.approved(r.version, t.states[r.state as keyof typeof t.states] ?? r.state),
  );
}

export async function reject(version: number): Promise<boolean> {
  const t = text.value;
  const reason = rejectComment.value.trim();
  if (!reason) {
    rejectError.value = t.rejectReasonRequired;
    return false;
  }
  rejectError.value = "";
  const done = await act(
    version,
    (c) => c.reject(version, reason),
    (r) => t.rejected(r.version),
  );
  if (done) rejectComment.value = "";
  return done;
}

/** The author takes back their own version waiting for review. */
export function withdraw(version: number): Promise<boolean> {
  const t = text.value;
  return act(
    version,
    (c) => c.withdraw(version),
    (r) => t.withdrawn(r.version),
  );
}

/**
 * Asks for a new version with `version`'s content, with the reason typed: a rollback undoes
 * reviewed content, often in a hurry, and its reviewer and the audit trail need to know why.
 */
export async function rollback(version: number): Promise<boolean> {
  const t = text.value;
  const reason = rollbackComment.value.trim();
  if (!reason) {
    rollbackError.value = t.rollbackReasonRequired;
    return false;
  }
  rollbackError.value = "";
  const done = await act(
    version,
    (c) => c.rollback(version, reason),
    (r) => {
      lastCreated.value = { version: r.version, state: r.state, rollbackOf: version };
      void loadDiff(r.version).then((diff) => {
        if (diff && lastCreated.value?.version === r.version)
          lastCreated.value = { ...lastCreated.value, diff };
      });
      return t.rolledBack(
        version,
        r.version,
        t.states[r.state as keyof typeof t.states] ?? r.state,
      );
    },
  );
  if (done) rollbackComment.value = "";
  return done;
}

/**
 * Reads, for the rollback to `version` being confirmed, which of the draft's own changes its
 * content changes too: the draft's changes against live, then the version's diff against that
 * same live version. The server keeps those draft items as they are when the rollback goes
 * live, so the person is told before they confirm. Announced once when there are some.
 */
export async function checkRollback(version: number): Promise<void> {
  const asked = { version, touches: "loading" } as const;
  rollbackCheck.value = asked;
  const current = () => rollbackCheck.value === asked;
  const draftNow = await call(
    (c) => c.draftDiff(),
    () => undefined,
  );
  const target =
    draftNow && draftNow.topics.length > 0 && current()
      ? await call(
          (c) => c.versionDiff(version, draftNow.against),
          () => undefined,
        )
      : undefined;
  // A confirmation opened again meanwhile asked anew: this answer is no longer wanted.
  if (!current()) return;
  if (!draftNow || (draftNow.topics.length > 0 && !target)) {
    rollbackCheck.value = { version, touches: "error" };
    return;
  }
  // A kept topic the rolled-back content does not have: only its draft copy says what it
  // follows up with. One that cannot be read is judged by what the draft's diff says.
  const toRead = target ? followUpsToRead(draftNow, target) : [];
  const read = new Map<string, readonly string[]>();
  await Promise.all(
    toRead.map(async (id) => {
      const got = await call(
        (c) => c.draftTopic(id),
        () => undefined,
      );
      if (got) read.set(id, got.topic.followUps ?? []);
    }),
  );
  if (!current()) return;
  const t = text.value;
  const touches = target ? rollbackTouches(draftNow, target, t) : [];
  const followUps = target ? rollbackBrokenFollowUps(draftNow, target, read, t) : [];
  rollbackCheck.value = {
    version,
    touches,
    draftChanged: draftNow.topics.length > 0,
    followUps,
  };
  const said = [
    touches.length
      ? `${t.rollbackTouchesLead(touches.length)} ${touches.map((x) => rowName(x, t)).join(", ")}.`
      : "",
    followUps.length
      ? `${t.rollbackFollowUpsLead(version, followUps.length)} ${followUps
          .map((x) => t.rollbackFollowUpLine(rowName(x.topic, t), rowName(x.followUp, t)))
          .join(", ")}.`
      : "",
  ].filter(Boolean);
  if (said.length) announce(said.join(" "));
}

onSignOut(() => {
  list.value = undefined;
  listError.value = "";
  loadingOlder.value = false;
  comment.value = "";
  commentError.value = "";
  lastCreated.value = undefined;
  notice.value = undefined;
  busyVersion.value = undefined;
  confirming.value = undefined;
  rejectComment.value = "";
  rejectError.value = "";
  rollbackComment.value = "";
  rollbackError.value = "";
  rollbackCheck.value = undefined;
  diffs.value = {};
  expanded.value = new Set();
  sinceDiffs.value = {};
  sinceExpanded.value = new Set();
  draftDiff.value = undefined;
  draftDiffError.value = "";
  draftDetailsOpen.value = false;
  versionTests.value = {};
});
