// The local identity provider's tokens for tests: GET /dev/token?persona=… answers an ID token
// for one of the personas in functions/local/personas.ts.

/** An ID token for one of the local identity provider's personas. */
export async function devToken(url: string, persona: string): Promise<string> {
  const res = await fetch(`${url}/dev/token?persona=${encodeURIComponent(persona)}`);
  if (!res.ok) throw new Error(`/dev/token?persona=${persona} answered ${res.status}`);
  const body = (await res.json()) as { idToken: string };
  return body.idToken;
}
