/** Sign-in for the console: the local identity provider's personas, and the saved token. */

export interface StaffPersona {
  id: string;
  kind: "customer" | "staff";
  name: string;
  description: string;
  descriptionSv?: string;
  /** The persona's staff roles, where the identity provider lists them. */
  roles?: string[];
}

/** The roles the console and the Reports page serve; content staff sign in at the studio. */
export const CONSOLE_ROLES = ["advisor", "supervisor"] as const;

export interface Session {
  token: string;
  /** Display name until the server says otherwise in `advisor:status`. */
  name?: string;
}

/**
 * A staff app's signed-in session in this tab's sessionStorage under `key`: each app keeps its
 * own, so signing out of one does not sign the same tab out of another.
 */
export function sessionStore(key: string) {
  return {
    load(): Session | undefined {
      try {
        const raw = sessionStorage.getItem(key);
        const parsed = raw ? (JSON.parse(raw) as Session) : undefined;
        return typeof parsed?.token === "string" && parsed.token ? parsed : undefined;
      } catch {
        return undefined;
      }
    },
    save(session: Session): void {
      try {
        sessionStorage.setItem(key, JSON.stringify(session));
      } catch {
        // Storage disabled: the session lasts until the page is reloaded.
      }
    },
    clear(): void {
      try {
        sessionStorage.removeItem(key);
      } catch {
        // Nothing stored.
      }
    },
  };
}

const consoleSession = sessionStore("asiointi-console-session");
export const loadSession = consoleSession.load;
export const saveSession = consoleSession.save;
export const clearSession = consoleSession.clear;

/**
 * Staff personas of the local identity provider, or undefined when there is none (the /dev/
 * routes answer 404 in production). With `roles`, only those who hold one of them (a persona
 * without listed roles is offered too): the console asks for advisors and supervisors, the
 * studio sorts out its content staff itself.
 */
export async function fetchStaffPersonas(
  roles?: readonly string[],
): Promise<StaffPersona[] | undefined> {
  try {
    const response = await fetch("/dev/personas", { headers: { accept: "application/json" } });
    if (!response.ok) return undefined;
    const list = (await response.json()) as unknown;
    if (!Array.isArray(list)) return undefined;
    return (list as StaffPersona[]).filter(
      (p) =>
        p &&
        p.kind === "staff" &&
        typeof p.id === "string" &&
        typeof p.name === "string" &&
        (!roles || !Array.isArray(p.roles) || p.roles.some((role) => roles.includes(role))),
    );
  } catch {
    return undefined;
  }
}

/**
 * The name in a pasted ID token's claims (`name`, or `given_name` + `family_name`, as the
 * server reads it), for the header: a supervisor hears no `advisor:status` that would bring
 * it. Read, not verified; the server checks the token itself.
 */
export function nameInToken(token: string): string | undefined {
  try {
    const payload = atob(token.split(".")[1]?.replace(/-/g, "+").replace(/_/g, "/") ?? "");
    const claims = JSON.parse(
      new TextDecoder().decode(Uint8Array.from(payload, (c) => c.charCodeAt(0))),
    );
    const name =
      typeof claims.name === "string" && claims.name.trim()
        ? claims.name
        : [claims.given_name, claims.family_name].filter((p) => typeof p === "string").join(" ");
    return name.trim() || undefined;
  } catch {
    return undefined;
  }
}

export async function fetchPersonaToken(personaId: string): Promise<string | undefined> {
  try {
    const response = await fetch(`/dev/token?persona=${encodeURIComponent(personaId)}`);
    if (!response.ok) return undefined;
    const body = (await response.json()) as { idToken?: unknown };
    return typeof body.idToken === "string" ? body.idToken : undefined;
  } catch {
    return undefined;
  }
}
