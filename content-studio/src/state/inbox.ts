/**
 * The missed-question inbox: the period and language asked for, the groups the server found,
 * and the actions on one question or a whole group. A handled question leaves the open list
 * at once (the groups are updated here), so the page does not jump by asking again.
 */
import { batch, computed, signal } from "@preact/signals";
import {
  daysOf,
  helsinkiToday,
  type Period,
  periodProblem,
  presetPeriod,
} from "../../../handoff-console/src/reports/periods.ts";
import {
  ContentInvalidError,
  type Lang,
  type MissAction,
  type MissGroup,
  type MissStatus,
  type Problem,
  type ReferralSummary,
} from "../api.ts";
import { text } from "../i18n.ts";
import { announce, call, errorText, onSignOut } from "./app.ts";
import { draft } from "./topics.ts";

export type StatusFilter = "open" | "all";

/** The last 30 days in Helsinki, today included. */
export function defaultPeriod(now = new Date()): Period {
  return presetPeriod("last30", helsinkiToday(now));
}

export const period = signal<Period>(defaultPeriod());
export const langFilter = signal<Lang | "">("");
export const statusFilter = signal<StatusFilter>("open");
export const groups = signal<MissGroup[] | undefined>(undefined);
/** The period the shown groups are for (the form may have changed since). */
export const shownPeriod = signal<Period | undefined>(undefined);
export const loading = signal(false);
export const loadError = signal("");
/** A period the form cannot send, said next to the date fields. */
export const periodError = signal<{ field: "from" | "to"; text: string } | undefined>(undefined);
export const exporting = signal(false);
export const exportError = signal("");

/** The draft's referral groups: where a question can be referred. */
export const referralChoices = computed<ReferralSummary[]>(() => draft.value?.referrals ?? []);

let loadSeq = 0;

/** Asks the server for the groups of the chosen period, language and status. */
export async function loadInbox(options: { announce?: boolean } = {}): Promise<void> {
  const t = text.value;
  const asked = period.value;
  const problem = periodProblem(asked);
  if (problem) {
    periodError.value = {
      field: problem === "fromInvalid" ? "from" : "to",
      text: t.inboxPeriodProblem[problem],
    };
    return;
  }
  periodError.value = undefined;
  const seq = ++loadSeq;
  loading.value = true;
  const lang = langFilter.value;
  const result = await call(
    (c) => c.misses({ ...asked, ...(lang ? { lang } : {}), status: statusFilter.value }),
    (e) => {
      if (seq === loadSeq) loadError.value = errorText(e);
    },
  );
  if (seq !== loadSeq) return;
  batch(() => {
    loading.value = false;
    if (!result) return;
    groups.value = result.groups;
    shownPeriod.value = { from: result.from, to: result.to };
    loadError.value = "";
  });
  if (result && options.announce)
    announce(t.inboxCount(result.groups.length, totalOf(result.groups)));
}

export function totalOf(list: readonly MissGroup[]): number {
  return list.reduce((sum, g) => sum + g.size, 0);
}

/** The status a question has after an action. */
export function statusAfter(action: MissAction["action"]): MissStatus {
  return action === "teach" ? "taught" : action === "refer" ? "referred" : "dismissed";
}

/**
 * The groups after the questions `ids` got `status`: an open-only list drops them (and a
 * group left empty); a list of every status keeps them with their new status. Pure.
 */
export function afterAction(
  list: readonly MissGroup[],
  ids: readonly string[],
  status: MissStatus,
  filter: StatusFilter,
): MissGroup[] {
  const handled = new Set(ids);
  if (filter === "all") {
    return list.map((g) => ({
      ...g,
      samples: g.samples.map((s) => (handled.has(s.id) ? { ...s, status } : s)),
    }));
  }
  return list.flatMap((g) => {
    const left = g.ids.filter((id) => !handled.has(id));
    if (left.length === g.ids.length) return [g];
    if (left.length === 0) return [];
    return [
      {
        ...g,
        size: Math.max(0, g.size - (g.ids.length - left.length)),
        ids: left,
        samples: g.samples.filter((s) => !handled.has(s.id)),
      },
    ];
  });
}

export type ActionResult =
  | { ok: true; applied: number }
  | { ok: false; message: string; problems: Problem[] };

/** Runs an action; the groups update and the outcome is announced, or the refusal returned. */
export async function act(action: MissAction): Promise<ActionResult> {
  const t = text.value;
  let failure: ActionResult | undefined;
  const result = await call(
    (c) => c.missAction(action),
    (e) => {
      failure =
        e instanceof ContentInvalidError
          ? { ok: false, message: t.actionRefused, problems: e.problems }
          : { ok: false, message: errorText(e), problems: [] };
    },
  );
  if (!result) return failure ?? { ok: false, message: t.noAnswer, problems: [] };
  if (groups.value) {
    groups.value = afterAction(
      groups.value,
      action.ids,
      statusAfter(action.action),
      statusFilter.value,
    );
  }
  announce(t.actionDone(action.action, result.applied));
  return { ok: true, applied: result.applied };
}

/** Each day of the period with its count (days without questions as 0), for the trend. */
export function trendDays(
  trend: readonly { day: string; count: number }[],
  shown: Period,
): { day: string; count: number }[] {
  const counts = new Map(trend.map((d) => [d.day, d.count]));
  return daysOf(shown).map((day) => ({ day, count: counts.get(day) ?? 0 }));
}

/** The downloaded CSV of the period (all statuses, as the server writes it). */
export async function exportCsv(): Promise<void> {
  const asked = period.value;
  if (periodProblem(asked)) return void loadInbox();
  exporting.value = true;
  exportError.value = "";
  const blob = await call(
    (c) => c.missesCsv(asked),
    (e) => {
      exportError.value = errorText(e);
    },
  );
  exporting.value = false;
  if (!blob) return;
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = `${text.value.inboxFile}_${asked.from}_${asked.to}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

onSignOut(() => {
  loadSeq++;
  batch(() => {
    groups.value = undefined;
    shownPeriod.value = undefined;
    loading.value = false;
    loadError.value = "";
    periodError.value = undefined;
    exportError.value = "";
  });
});
