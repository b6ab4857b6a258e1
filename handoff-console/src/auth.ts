/** Sign-in for the console: the local identity provider's personas, and the saved token. */

export interface StaffPersona {
  id: string;
  kind: "customer" | "staff";
  name: string;
  description: string;
  descriptionSv?: string;
}

export interface Session {
  token: string;
  /** Display name until the server says otherwise in `advisor:status`. */
  name?: string;
}

const KEY = "asiointi-console-session";

export function loadSession(): Session | undefined {
  try {
    const raw = sessionStorage.getItem(KEY);
    const parsed = raw ? (JSON.parse(raw) as Session) : undefined;
    return typeof parsed?.token === "string" && parsed.token ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export function saveSession(session: Session): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(session));
  } catch {
    // Storage disabled: the session lasts until the page is reloaded.
  }
}

export function clearSession(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing stored.
  }
}

/**
 * Staff personas of the local identity provider, or undefined when there is none (the
 * /dev/ routes answer 404 in production).
 */
export async function fetchStaffPersonas(): Promise<StaffPersona[] | undefined> {
  try {
    const response = await fetch("/dev/personas", { headers: { accept: "application/json" } });
    if (!response.ok) return undefined;
    const list = (await response.json()) as unknown;
    if (!Array.isArray(list)) return undefined;
    return (list as StaffPersona[]).filter(
      (p) => p && p.kind === "staff" && typeof p.id === "string" && typeof p.name === "string",
    );
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
