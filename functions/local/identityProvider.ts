/**
 * A small OpenID Connect-style identity provider for synthetic test persons, served under
 * /dev/ by the local server only. It signs ES256 ID tokens with a key created on first start
 * and kept in the data directory, and publishes the public key as a JWKS, so the service
 * verifies these tokens with exactly the code that verifies Suomi.fi or Cognito tokens.
 *
 * There is no password and no consent: anyone who can reach a local server can be anyone of
 * the personas. That is the point locally, and why every route answers 404 in production.
 */
import { createHash } from "node:crypto";
import { linkSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { join } from "node:path";
import {
  calculateJwkThumbprint,
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  SignJWT,
} from "jose";
import { createJoseVerifier } from "../adapters/identity/joseVerifier.ts";
import type { IdentityVerifier } from "../domain/identity/identity.ts";
import type { Clock } from "../domain/ports.ts";
import { CUSTOMER_PERSONAS, findPersona, PERSONAS, type Persona } from "./personas.ts";
import { ensurePrivateDir } from "./privateDir.ts";

/** Audience of customer ID tokens (the web chat's client id). */
export const LOCAL_CUSTOMER_AUDIENCE = "asiointi-chat";
/** Audience of staff tokens (the advisor console's client id). */
export const LOCAL_STAFF_AUDIENCE = "asiointi-console";
/** DATA_DIR value that keeps everything in memory (tests). */
const IN_MEMORY = ":memory:";
const KEY_FILE = "idp-key.json";
const TOKEN_LIFETIME_SECONDS = 3600;
const ALG = "ES256";

export interface IdpSigningKey {
  kid: string;
  privateKey: CryptoKey;
  /** The public half, as published in the JWKS. */
  publicJwk: JWK;
}

/** Holds the identity provider's signing key. */
export interface IdpKeyStore {
  /** The signing key, created on first use and the same on every later call. */
  signingKey(): Promise<IdpSigningKey>;
}

/**
 * A key store in `<dataDir>/idp-key.json` (private JWK, owner-readable only), or in memory
 * when dataDir is ":memory:". Tokens issued before a restart stay valid after it.
 */
export function createIdpKeyStore(dataDir: string): IdpKeyStore {
  let loading: Promise<IdpSigningKey> | undefined;
  return {
    signingKey() {
      loading ??= (dataDir === IN_MEMORY ? newPrivateJwk() : loadOrCreate(dataDir)).then(toKey);
      return loading;
    },
  };
}

async function newPrivateJwk(): Promise<JWK> {
  const { privateKey } = await generateKeyPair(ALG, { extractable: true });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, kid: await calculateJwkThumbprint(jwk), alg: ALG, use: "sig" };
}

async function loadOrCreate(dataDir: string): Promise<JWK> {
  const path = join(dataDir, KEY_FILE);
  const existing = readJwk(path);
  if (existing) return existing;
  ensurePrivateDir(dataDir);
  const jwk = await newPrivateJwk();
  // Write aside, then link into place: link fails if another process won the race, and a
  // reader never sees a half-written key.
  const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(temp, `${JSON.stringify(jwk, null, 2)}\n`, { mode: 0o600 });
  try {
    linkSync(temp, path);
    return jwk;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const winner = readJwk(path);
    if (!winner) throw error;
    return winner;
  } finally {
    rmSync(temp, { force: true });
  }
}

function readJwk(path: string): JWK | undefined {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as JWK;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new Error(`${path} is not a readable key; delete it to have a new key created.`);
  }
}

async function toKey(privateJwk: JWK): Promise<IdpSigningKey> {
  const { d: _d, ...publicJwk } = privateJwk;
  const privateKey = await importJWK(privateJwk, ALG);
  return { kid: privateJwk.kid ?? "", privateKey: privateKey as CryptoKey, publicJwk };
}

/** The issuer (`iss`) of the local identity provider under a server's base URL. */
export function localIssuer(baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/dev`;
}

/** A signed ID token (customers) or console token (staff) for one persona. */
export async function issuePersonaToken(options: {
  persona: Persona;
  key: IdpSigningKey;
  issuer: string;
  clock: Clock;
}): Promise<string> {
  const { persona, key, issuer } = options;
  const now = Math.floor(options.clock.now().getTime() / 1000);
  const claims =
    persona.kind === "customer"
      ? {
          name: persona.name,
          given_name: persona.givenName,
          family_name: persona.familyName,
          locale: persona.lang,
          acr: persona.acr,
          hetu: persona.hetu,
          auth_time: now,
        }
      : { name: persona.name, roles: persona.roles, languages: persona.languages };
  return new SignJWT(claims)
    .setProtectedHeader({ alg: ALG, kid: key.kid, typ: "JWT" })
    .setIssuer(issuer)
    .setAudience(persona.kind === "customer" ? LOCAL_CUSTOMER_AUDIENCE : LOCAL_STAFF_AUDIENCE)
    .setSubject(persona.subject)
    .setIssuedAt(now)
    .setNotBefore(now)
    .setExpirationTime(now + TOKEN_LIFETIME_SECONDS)
    .sign(key.privateKey);
}

/**
 * The verifier for a local server: the production jose verifier, pointed at this identity
 * provider's issuer and its public key (read in-process instead of over HTTP).
 */
export async function createLocalIdentityVerifier(options: {
  baseUrl: string;
  keyStore: IdpKeyStore;
  clock: Clock;
  maxLifetimeSeconds?: number;
}): Promise<IdentityVerifier> {
  const { publicJwk } = await options.keyStore.signingKey();
  return createJoseVerifier({
    issuer: localIssuer(options.baseUrl),
    audience: LOCAL_CUSTOMER_AUDIENCE,
    staffAudience: LOCAL_STAFF_AUDIENCE,
    jwks: createLocalJWKSet({ keys: [publicJwk] }),
    clock: options.clock,
    ...(options.maxLifetimeSeconds ? { maxLifetimeSeconds: options.maxLifetimeSeconds } : {}),
  });
}

export interface IdentityProviderRouteOptions {
  /** The server's public base URL, e.g. http://localhost:3000; a function when known late. */
  baseUrl: string | (() => string);
  keyStore: IdpKeyStore;
  clock: Clock;
  /** When true every /dev/ route answers 404, as if it did not exist. */
  production: boolean;
}

/**
 * The /dev/ routes of the local identity provider. The returned handler answers and returns
 * true for every path under /dev/, and returns false (touching nothing) for any other path.
 */
export function createIdentityProviderRoutes(
  options: IdentityProviderRouteOptions,
): (req: IncomingMessage, res: ServerResponse) => boolean {
  const baseUrl = () =>
    typeof options.baseUrl === "function" ? options.baseUrl() : options.baseUrl;
  const loginPage = renderLoginPage();

  async function route(path: string, url: URL, res: ServerResponse): Promise<void> {
    const issuer = localIssuer(baseUrl());
    switch (path) {
      case "/dev/personas":
        return sendJson(
          res,
          200,
          PERSONAS.map((p) => ({
            id: p.id,
            kind: p.kind,
            name: p.name,
            description: p.description.fi,
            descriptionSv: p.description.sv,
            // Staff apps list only the personas that can use them (the studio: content roles).
            ...(p.kind === "staff" ? { roles: p.roles } : {}),
          })),
        );
      case "/dev/token": {
        const id = url.searchParams.get("persona") ?? "";
        const persona = findPersona(id);
        if (!persona) {
          return sendError(
            res,
            400,
            "UNKNOWN_PERSONA",
            `Query parameter persona must be one of: ${PERSONAS.map((p) => p.id).join(", ")}`,
          );
        }
        const key = await options.keyStore.signingKey();
        const idToken = await issuePersonaToken({ persona, key, issuer, clock: options.clock });
        return sendJson(res, 200, { idToken });
      }
      case "/dev/jwks.json": {
        const { publicJwk } = await options.keyStore.signingKey();
        return sendJson(res, 200, { keys: [publicJwk] });
      }
      case "/dev/.well-known/openid-configuration":
        return sendJson(res, 200, {
          issuer,
          jwks_uri: `${issuer}/jwks.json`,
          response_types_supported: ["id_token"],
          subject_types_supported: ["public"],
          id_token_signing_alg_values_supported: [ALG],
          acr_values_supported: [
            "http://eidas.europa.eu/LoA/low",
            "http://eidas.europa.eu/LoA/substantial",
            "http://eidas.europa.eu/LoA/high",
          ],
        });
      case "/dev/login":
        res.writeHead(200, {
          "content-type": "text/html; charset=utf-8",
          "cache-control": "no-store",
          "content-security-policy": loginPage.csp,
          "x-content-type-options": "nosniff",
        });
        res.end(loginPage.html);
        return;
      default:
        return sendError(res, 404, "NOT_FOUND", "No such page or route");
    }
  }

  return (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname !== "/dev" && !url.pathname.startsWith("/dev/")) return false;
    if (options.production) {
      sendError(res, 404, "NOT_FOUND", "No such page or route");
      return true;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.setHeader("allow", "GET");
      sendError(res, 405, "METHOD_NOT_ALLOWED", "Only GET is supported here");
      return true;
    }
    route(url.pathname, url, res).catch(() => {
      if (!res.headersSent) sendError(res, 500, "INTERNAL", "Internal error");
      else res.end();
    });
    return true;
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  // Tokens and keys must not be cached by anything between the server and the browser.
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { error: { code, message } });
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

// Posts the token only to a window of this page's own origin: the web chat served by the same
// server. Another site that opened this page gets nothing.
const LOGIN_SCRIPT = `
const status = document.getElementById("status");
for (const button of document.querySelectorAll("button[data-persona]")) {
  button.addEventListener("click", async () => {
    status.textContent = "Kirjaudutaan… / Loggar in…";
    try {
      const response = await fetch("token?persona=" + encodeURIComponent(button.dataset.persona));
      if (!response.ok) throw new Error("token request failed");
      const { idToken } = await response.json();
      if (!window.opener) {
        status.textContent = "Avaa tämä sivu chatin Kirjaudu-painikkeesta. / Öppna sidan via chattens Logga in-knapp.";
        return;
      }
      window.opener.postMessage({ type: "asiointi:login", idToken }, window.location.origin);
      status.textContent = "Kirjauduttu. Voit sulkea tämän ikkunan. / Inloggad. Du kan stänga fönstret.";
      window.close();
    } catch {
      status.textContent = "Kirjautuminen epäonnistui. Yritä uudelleen. / Inloggningen misslyckades. Försök igen.";
    }
  });
}
`;

const LOGIN_STYLE = `
body { font-family: system-ui, sans-serif; margin: 0; color: #1a1a1a; background: #fff; line-height: 1.5; }
main { max-width: 40rem; margin: 0 auto; padding: 1.5rem; }
ul { list-style: none; padding: 0; }
li { margin: 0 0 1rem; }
button { font: inherit; font-weight: 600; min-height: 44px; min-width: 16rem; padding: 0.5rem 1rem;
  color: #fff; background: #0b4f8a; border: 2px solid #0b4f8a; border-radius: 4px; cursor: pointer; }
button:hover { background: #083a66; }
button:focus-visible { outline: 3px solid #1a1a1a; outline-offset: 2px; }
.description { display: block; color: #333; }
.note { border-left: 4px solid #0b4f8a; padding-left: 0.75rem; }
`;

function renderLoginPage(): { html: string; csp: string } {
  const items = CUSTOMER_PERSONAS.map(
    (p) => `      <li>
        <button type="button" data-persona="${escapeHtml(p.id)}" aria-describedby="desc-${escapeHtml(p.id)}">${escapeHtml(p.name)}</button>
        <span class="description" id="desc-${escapeHtml(p.id)}">${escapeHtml(p.description.fi)} / <span lang="sv">${escapeHtml(p.description.sv)}</span></span>
      </li>`,
  ).join("\n");
  const html = `<!doctype html>
<html lang="fi">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Testitunnistautuminen / Testidentifiering</title>
  <style>${LOGIN_STYLE}</style>
</head>
<body>
  <main>
    <h1>Testitunnistautuminen <span lang="sv">/ Testidentifiering</span></h1>
    <p class="note">Vain paikalliseen kehitykseen. Henkilöt ovat keksittyjä, eikä heillä ole oikeita tietoja.
      <span lang="sv">Endast för lokal utveckling. Personerna är påhittade och har inga riktiga uppgifter.</span></p>
    <h2>Valitse testihenkilö <span lang="sv">/ Välj testperson</span></h2>
    <ul>
${items}
    </ul>
    <p id="status" role="status" aria-live="polite"></p>
  </main>
  <script>${LOGIN_SCRIPT}</script>
</body>
</html>
`;
  const csp = [
    "default-src 'none'",
    `script-src ${sha256(LOGIN_SCRIPT)}`,
    `style-src ${sha256(LOGIN_STYLE)}`,
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
  return { html, csp };
}
