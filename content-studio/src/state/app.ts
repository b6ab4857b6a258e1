/**
 * The studio's shared state, outside any component: who is signed in, the API client for
 * them, the current view, and the announcer. Views' own stores sit beside this file.
 */
import { batch, computed, type Signal, signal } from "@preact/signals";
import { tokenRoles, tokenSubject } from "../../../handoff-console/src/reports/reportsApi.ts";
import {
  type ContentApi,
  ContentApiError,
  createContentApi,
  ForbiddenError,
  type Me,
  NotFoundError,
  RequestTimeoutError,
  ServiceUnavailableError,
  UnauthorizedError,
} from "../api.ts";
import { clearSession, loadSession, type Session, saveSession } from "../auth.ts";
import { text, type UiText, uiLang } from "../i18n.ts";
import { parseRoute, type Route, routeHash } from "../route.ts";

export const session = signal<Session | undefined>(loadSession());
export const me = signal<Me | undefined>(undefined);
/** Why the sign-in screen is shown again (refused token); shown there as an alert. */
export const signInNotice = signal("");

export const api = computed<ContentApi | undefined>(() =>
  session.value
    ? createContentApi({ token: session.value.token, lang: () => uiLang.peek() })
    : undefined,
);

/** Roles from `/api/content/me`, or the token's claims until that answers (UI hints only). */
export const roles = computed<string[]>(() => {
  if (me.value) return me.value.roles;
  return session.value ? tokenRoles(session.value.token) : [];
});
export const isReviewer = computed(() => roles.value.includes("content-reviewer"));
/**
 * Whether the person edits content (the content-owner role): a reviewer-only person reads and
 * decides, so the studio does not offer them the actions that write to the draft.
 */
export const isOwner = computed(() => roles.value.includes("content-owner"));
/** The signed-in person's name: from `/api/content/me`, or the persona's until that answers. */
export const myName = computed(() => me.value?.displayName ?? session.value?.name);
/**
 * Who the signed-in person is, by identity (`sub`): what tells their own saves from those of
 * someone with the same name. From `/api/content/me`, or the token until that answers.
 */
export const mySubject = computed(
  () => me.value?.subject ?? (session.value ? tokenSubject(session.value.token) : undefined),
);

export const route = signal<Route>(parseRoute(globalThis.location?.hash ?? ""));

export function navigate(next: Route): void {
  const hash = routeHash(next);
  if (location.hash === hash) route.value = parseRoute(hash);
  else location.hash = hash;
}

globalThis.addEventListener?.("hashchange", () => {
  route.value = parseRoute(location.hash);
});

// Announcer ---------------------------------------------------------------------------------

/** The polite live region's text. */
export const announcement = signal("");
let announceTimer: ReturnType<typeof setTimeout> | undefined;

/** Says a status message once through the live region (emptied first so a repeat is read). */
export function announce(message: string): void {
  announcement.value = "";
  clearTimeout(announceTimer);
  announceTimer = setTimeout(() => {
    announcement.value = message;
    announceTimer = setTimeout(() => {
      announcement.value = "";
    }, 8000);
  }, 50);
}

/** An action still running after this long says so: the usual one answers in well under it. */
export const SLOW_ACTION_MS = 5_000;

/**
 * Runs `run`; once it has taken SLOW_ACTION_MS, `slow` holds `message` (shown by the action's
 * own message, `SlowNotice`) until it ends, and the live region says it once.
 */
export async function sayWhenSlow<T>(
  slow: Signal<string>,
  message: () => string,
  run: () => Promise<T>,
): Promise<T> {
  slow.value = "";
  const timer = setTimeout(() => {
    const said = message();
    slow.value = said;
    announce(said);
  }, SLOW_ACTION_MS);
  try {
    return await run();
  } finally {
    clearTimeout(timer);
    slow.value = "";
  }
}

// Session -------------------------------------------------------------------------------------

const resets: (() => void)[] = [];

/** Registers what a store forgets when the user signs out. */
export function onSignOut(reset: () => void): void {
  resets.push(reset);
}

/**
 * Whose work the stores still hold after a sign-in expired under them (a token lasts an
 * hour; a topic can take longer to write): kept until the next sign-in, given back if it is
 * the same person and forgotten for anyone else.
 */
let heldFor: string | undefined;
/** Set by a sign-in that took held work back, until a view has read it (`resumedWork`). */
let resumed = false;

/** Whether the last sign-in took back work an expired one left: the editors keep their forms. */
export function resumedWork(): boolean {
  const was = resumed;
  resumed = false;
  return was;
}

export function signIn(token: string, name?: string): void {
  const next: Session = { token, ...(name ? { name } : {}) };
  saveSession(next);
  // Work held for someone else is forgotten before this person sees anything.
  const forOther = heldFor !== undefined && tokenSubject(token) !== heldFor;
  resumed = heldFor !== undefined && !forOther;
  heldFor = undefined;
  batch(() => {
    if (forOther) for (const reset of resets) reset();
    session.value = next;
    signInNotice.value = "";
  });
  void loadMe();
}

/**
 * Signs out: the stores forget what they hold, or with `keepWork` (a refused token, not the
 * person's own choice) keep it for the same person's next sign-in.
 */
export function signOut(notice = "", options: { keepWork?: boolean } = {}): void {
  const subject = session.value ? tokenSubject(session.value.token) : undefined;
  clearSession();
  heldFor = options.keepWork ? subject : undefined;
  batch(() => {
    session.value = undefined;
    me.value = undefined;
    signInNotice.value = notice;
    if (heldFor === undefined) for (const reset of resets) reset();
  });
}

export async function loadMe(): Promise<void> {
  const client = api.value;
  if (!client) return;
  try {
    me.value = await client.me();
  } catch (error) {
    if (error instanceof ForbiddenError) {
      const t = text.value;
      signOut(error.message ? `${t.forbidden} ${t.serverSaid(error.message)}` : t.forbidden);
    } else handleAuthError(error);
  }
}

/**
 * Signs out with the reason when the server no longer accepts the token; true if it did.
 * Unsaved work is kept for the same person's next sign-in (an expired token is no choice of
 * theirs), and the notice says so.
 */
export function handleAuthError(error: unknown): boolean {
  if (!(error instanceof UnauthorizedError)) return false;
  const t = text.value;
  const said = error.message ? `${t.unauthorized} ${t.serverSaid(error.message)}` : t.unauthorized;
  signOut(`${said} ${t.workKept}`, { keepWork: true });
  return true;
}

/** A failure in words for the user, with the server's own message where it gave one. */
export function errorText(error: unknown, t: UiText = text.value): string {
  const said = error instanceof ContentApiError && error.message ? error.message : "";
  if (error instanceof RequestTimeoutError) return t.noAnswerInTime;
  if (error instanceof ServiceUnavailableError) return t.noAnswer;
  if (error instanceof ForbiddenError)
    return said ? `${t.forbidden} ${t.serverSaid(said)}` : t.forbidden;
  if (error instanceof NotFoundError) return t.notFound;
  if (error instanceof UnauthorizedError) return t.unauthorized;
  return t.failed(said ? t.serverSaid(said) : "");
}

/**
 * Runs an API call for the signed-in user; undefined (and signed out) when refused with 401.
 * A `background` call (a refresh nobody asked for) signs nobody out: that would empty a form
 * someone is still writing in. Their own next action meets the refusal instead.
 */
export async function call<T>(
  run: (client: ContentApi) => Promise<T>,
  onError: (error: unknown) => void,
  options: { background?: boolean } = {},
): Promise<T | undefined> {
  const client = api.value;
  if (!client) return undefined;
  try {
    const result = await run(client);
    // Signed out (or in as someone else) meanwhile: the answer is not for this screen.
    return api.value === client ? result : undefined;
  } catch (error) {
    if (api.value !== client) return undefined;
    if (options.background && error instanceof UnauthorizedError) return undefined;
    if (!handleAuthError(error)) onError(error);
    return undefined;
  }
}
