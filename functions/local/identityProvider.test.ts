import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLocalJWKSet, createRemoteJWKSet, decodeJwt } from "jose";
import { afterEach, describe, expect, it } from "vitest";
import { createJoseVerifier } from "../adapters/identity/joseVerifier.ts";
import { manualClock } from "../domain/clock.ts";
import { canSeePersonalData } from "../domain/identity/identity.ts";
import { isValidIdentityCode } from "../domain/privacy/personalData.ts";
import {
  createIdentityProviderRoutes,
  createIdpKeyStore,
  createLocalIdentityVerifier,
  type IdpKeyStore,
  LOCAL_CUSTOMER_AUDIENCE,
  localIssuer,
} from "./identityProvider.ts";
import { CUSTOMER_PERSONAS, PERSONAS } from "./personas.ts";

const NOW = new Date("2026-08-03T09:00:00+03:00");
const running: Server[] = [];
const dirs: string[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => new Promise((r) => s.close(r))));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "asiointi-idp-"));
  dirs.push(dir);
  return dir;
}

/** Starts the identity provider routes alone on a random port; returns the base URL. */
async function startIdp(
  options: { keyStore?: IdpKeyStore; production?: boolean } = {},
): Promise<{ url: string; keyStore: IdpKeyStore }> {
  const keyStore = options.keyStore ?? createIdpKeyStore(":memory:");
  let url = "";
  const routes = createIdentityProviderRoutes({
    baseUrl: () => url,
    keyStore,
    clock: manualClock(NOW),
    production: options.production ?? false,
  });
  const server = createServer((req, res) => {
    if (!routes(req, res)) {
      res.writeHead(418);
      res.end();
    }
  });
  running.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, keyStore };
}

async function tokenFor(url: string, persona: string): Promise<string> {
  const response = await fetch(`${url}/dev/token?persona=${persona}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { idToken: string }).idToken;
}

describe("local identity provider", () => {
  it("issues customer tokens that the production verifier accepts via the published JWKS", async () => {
    // Prepare
    const { url } = await startIdp();
    const verifier = createJoseVerifier({
      issuer: localIssuer(url),
      audience: LOCAL_CUSTOMER_AUDIENCE,
      jwks: createRemoteJWKSet(new URL(`${url}/dev/jwks.json`)),
      clock: manualClock(NOW),
    });

    // Act
    const identity = await verifier.verifyCustomer(await tokenFor(url, "customer-refund"));

    // Assess
    expect(identity).toEqual({
      subject: "d73e9f6f-7c4c-4782-b331-d3d7f7db1473",
      name: "Aino Virtanen",
      assurance: "substantial",
      expiresAt: new Date(NOW.getTime() + 3_600_000),
    });
  });

  it("issues tokens for every persona that the local verifier accepts with the right identity", async () => {
    const { url, keyStore } = await startIdp();
    const verifier = await createLocalIdentityVerifier({
      baseUrl: url,
      keyStore,
      clock: manualClock(NOW),
    });

    for (const persona of PERSONAS) {
      const token = await tokenFor(url, persona.id);

      if (persona.kind === "customer") {
        const identity = await verifier.verifyCustomer(token);
        expect(identity.subject, persona.id).toBe(persona.subject);
        expect(canSeePersonalData(identity), persona.id).toBe(persona.id !== "customer-low");
        await expect(verifier.verifyStaff(token)).rejects.toMatchObject({ code: "TOKEN_INVALID" });
      } else {
        const staff = await verifier.verifyStaff(token);
        expect(staff, persona.id).toEqual({
          subject: persona.subject,
          displayName: persona.name,
          roles: persona.roles,
          languages: persona.languages,
        });
        await expect(verifier.verifyCustomer(token)).rejects.toMatchObject({
          code: "TOKEN_INVALID",
        });
      }
    }
  });

  it("sets iat and nbf from the clock and expiry one hour later", async () => {
    const { url } = await startIdp();

    const claims = decodeJwt(await tokenFor(url, "customer-sv"));

    const now = NOW.getTime() / 1000;
    expect(claims).toMatchObject({ iat: now, nbf: now, exp: now + 3600, iss: `${url}/dev` });
    expect(claims.locale).toBe("sv");
  });

  it("gives customers synthetic identity codes (valid checksum, individual number 900-999) only", () => {
    for (const persona of CUSTOMER_PERSONAS) {
      expect(isValidIdentityCode(persona.hetu), persona.id).toBe(true);
      expect(Number(persona.hetu.slice(7, 10)), persona.id).toBeGreaterThanOrEqual(900);
    }
  });

  it("keeps the signing key across two instances on the same data directory", async () => {
    // Prepare
    const dir = tempDir();
    const first = await startIdp({ keyStore: createIdpKeyStore(dir) });
    const token = await tokenFor(first.url, "customer-residual");

    // Act: a fresh key store on the same directory, as after a restart.
    const second = createIdpKeyStore(dir);
    const verifier = createJoseVerifier({
      issuer: localIssuer(first.url),
      audience: LOCAL_CUSTOMER_AUDIENCE,
      jwks: createLocalJWKSet({ keys: [(await second.signingKey()).publicJwk] }),
      clock: manualClock(NOW),
    });

    // Assess
    await expect(verifier.verifyCustomer(token)).resolves.toMatchObject({ assurance: "high" });
    expect((await second.signingKey()).kid).toBe((await first.keyStore.signingKey()).kid);
    const file = join(dir, "idp-key.json");
    expect(JSON.parse(readFileSync(file, "utf8"))).toHaveProperty("d");
    expect(statSync(file).mode & 0o077).toBe(0);
  });

  it("publishes only the public key and an openid-configuration naming it", async () => {
    const { url } = await startIdp();

    const jwks = (await (await fetch(`${url}/dev/jwks.json`)).json()) as { keys: object[] };
    const discovery = (await (
      await fetch(`${url}/dev/.well-known/openid-configuration`)
    ).json()) as Record<string, unknown>;

    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).not.toHaveProperty("d");
    expect(discovery).toMatchObject({ issuer: `${url}/dev`, jwks_uri: `${url}/dev/jwks.json` });
  });

  it("lists personas with id, kind, name and description, without identity codes", async () => {
    const { url } = await startIdp();

    const response = await fetch(`${url}/dev/personas`);
    const body = await response.text();

    const list = JSON.parse(body) as { id: string; kind: string }[];
    expect(list.map((p) => p.id)).toEqual([
      "customer-refund",
      "customer-residual",
      "customer-none",
      "customer-sv",
      "customer-low",
      "advisor-fi",
      "advisor-sv",
      "advisor-both",
      "supervisor",
      "content-owner",
      "content-reviewer",
    ]);
    expect(list[0]).toMatchObject({ kind: "customer", name: "Aino Virtanen" });
    for (const persona of CUSTOMER_PERSONAS) expect(body).not.toContain(persona.hetu);
  });

  it("answers an unknown or missing persona with 400 naming the parameter", async () => {
    const { url } = await startIdp();

    for (const query of ["?persona=customer-nobody", ""]) {
      const response = await fetch(`${url}/dev/token${query}`);

      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("UNKNOWN_PERSONA");
      expect(body.error.message).toMatch(/persona must be one of: customer-refund/);
    }
  });

  it("serves a Finnish login page with Swedish labels, customer buttons and a strict CSP", async () => {
    const { url } = await startIdp();

    const response = await fetch(`${url}/dev/login`);
    const html = await response.text();

    expect(response.headers.get("content-type")).toMatch(/text\/html/);
    expect(response.headers.get("content-security-policy")).toMatch(/script-src 'sha256-/);
    expect(html).toContain('<html lang="fi">');
    expect(html).toContain('lang="sv"');
    for (const persona of CUSTOMER_PERSONAS) expect(html).toContain(`data-persona="${persona.id}"`);
    expect(html).not.toContain('data-persona="advisor-fi"');
    expect(html).toContain("window.location.origin");
  });

  it("answers every /dev/ route with 404 JSON in production", async () => {
    const { url } = await startIdp({ production: true });

    for (const path of [
      "/dev/personas",
      "/dev/token?persona=customer-refund",
      "/dev/jwks.json",
      "/dev/.well-known/openid-configuration",
      "/dev/login",
    ]) {
      const response = await fetch(`${url}${path}`);

      expect(response.status, path).toBe(404);
      expect(await response.json()).toEqual({
        error: { code: "NOT_FOUND", message: "No such page or route" },
      });
    }
  });

  it("leaves paths outside /dev/ to the rest of the server", async () => {
    const { url } = await startIdp();

    const response = await fetch(`${url}/developer`);

    expect(response.status).toBe(418);
  });
});
