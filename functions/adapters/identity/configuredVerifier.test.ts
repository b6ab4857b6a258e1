import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { manualClock } from "../../domain/clock.ts";
import { createConfiguredVerifier } from "./configuredVerifier.ts";

const ISSUER = "https://idp.example.test";
const NOW = new Date("2026-08-03T09:00:00+03:00");
const AUDIENCES = { OIDC_AUDIENCE: "asiointi-chat", STAFF_AUDIENCE: "asiointi-console" };

let server: Server;
let jwksUrl: string;
let keyRequests = 0;
let privateKey: CryptoKey;

beforeAll(async () => {
  const pair = await generateKeyPair("ES256", { extractable: true });
  privateKey = pair.privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: "k1", alg: "ES256", use: "sig" };
  server = createServer((_req, res) => {
    keyRequests++;
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("the verifier for the configured issuer", () => {
  it("fetches the issuer's keys on the first token, not when it is built", async () => {
    // Prepare
    const verifier = createConfiguredVerifier(
      { ...AUDIENCES, OIDC_ISSUER: ISSUER, OIDC_JWKS_URL: jwksUrl },
      manualClock(NOW),
    );
    const now = Math.floor(NOW.getTime() / 1000);
    const token = await new SignJWT({ sub: "s1", name: "Aino Virtanen" })
      .setProtectedHeader({ alg: "ES256", kid: "k1" })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCES.OIDC_AUDIENCE)
      .setIssuedAt(now - 10)
      .setExpirationTime(now + 3600)
      .sign(privateKey);
    expect(keyRequests).toBe(0);

    // Act
    const customer = await verifier?.verifyCustomer(token);
    await verifier?.verifyCustomer(token);

    // Assess
    expect(customer).toMatchObject({ subject: "s1", name: "Aino Virtanen" });
    expect(keyRequests).toBe(1);
  });

  it("is absent without a configured issuer", () => {
    expect(createConfiguredVerifier(AUDIENCES, manualClock(NOW))).toBeUndefined();
  });
});
