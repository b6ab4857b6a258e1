/**
 * Sign-in for the studio: the local identity provider's content personas, and the token kept
 * in this tab's sessionStorage under the studio's own key (signing out of the studio does not
 * sign the same tab out of the advisor console, nor the other way round).
 */
import {
  fetchPersonaToken,
  fetchStaffPersonas,
  sessionStore,
} from "../../handoff-console/src/auth.ts";

export { fetchPersonaToken };

export interface Session {
  token: string;
  /** The persona's name until `/api/content/me` says otherwise. */
  name?: string;
}

export const SESSION_KEY = "asiointi-studio-session";

/** The roles that reach the studio's API. */
export const CONTENT_ROLES = ["content-owner", "content-reviewer"] as const;

export interface StudioPersona {
  id: string;
  name: string;
  description: string;
  descriptionSv?: string;
  roles?: string[];
}

const studioSession = sessionStore(SESSION_KEY);
export const loadSession = studioSession.load;
export const saveSession = studioSession.save;
export const clearSession = studioSession.clear;

/**
 * The staff personas meant for content work: those whose roles (when the list carries them)
 * include a content role, else those named `content-…`; every staff persona when neither
 * finds one (the server still refuses the wrong roles).
 */
export function contentPersonas<P extends StudioPersona>(staff: readonly P[]): P[] {
  const byRole = staff.filter((p) =>
    p.roles?.some((r) => (CONTENT_ROLES as readonly string[]).includes(r)),
  );
  if (byRole.length) return byRole;
  const byId = staff.filter((p) => p.id.startsWith("content-"));
  return byId.length ? byId : [...staff];
}

/** Content personas of the local identity provider; undefined where there is none (production). */
export async function fetchContentPersonas(): Promise<StudioPersona[] | undefined> {
  const staff = await fetchStaffPersonas();
  return staff ? contentPersonas(staff as StudioPersona[]) : undefined;
}
