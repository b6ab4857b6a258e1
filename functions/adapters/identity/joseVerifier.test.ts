import {
  base64url,
  createLocalJWKSet,
  exportJWK,
  exportSPKI,
  generateKeyPair,
  type JWK,
  type JWTPayload,
  SignJWT,
} from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { manualClock } from "../../domain/clock.ts";
import { canSeePersonalData, IdentityError } from "../../domain/identity/identity.ts";
import { createJoseVerifier } from "./joseVerifier.ts";

const ISSUER = "https://idp.example.test";
const AUDIENCE = "asiointi-chat";
const STAFF_AUDIENCE = "asiointi-console";
const NOW = new Date("2026-08-03T09:00:00+03:00");
const nowSeconds = Math.floor(NOW.getTime() / 1000);
const HETU = "010190-999P";

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;
let trusted: KeyPair;
let stranger: KeyPair;
let publicJwk: JWK;

beforeAll(async () => {
  trusted = await generateKeyPair("ES256", { extractable: true });
  stranger = await generateKeyPair("ES256");
  publicJwk = { ...(await exportJWK(trusted.publicKey)), kid: "k1", alg: "ES256", use: "sig" };
});

function verifier() {
  return createJoseVerifier({
    issuer: ISSUER,
    audience: AUDIENCE,
    staffAudience: STAFF_AUDIENCE,
    jwks: createLocalJWKSet({ keys: [publicJwk] }),
    clock: manualClock(NOW),
  });
}

function claims(overrides: JWTPayload = {}): JWTPayload {
  return {
    iss: ISSUER,
    aud: AUDIENCE,
    sub: "3f0c1c1e-2b7a-4d7e-9a51-0d6f1d3b8a10",
    iat: nowSeconds - 10,
    nbf: nowSeconds - 10,
    exp: nowSeconds + 3600,
    acr: "http://eidas.europa.eu/LoA/substantial",
    name: "Aino Virtanen",
    hetu: HETU,
    ...overrides,
  };
}

async function sign(payload: JWTPayload, key: CryptoKey = trusted.privateKey): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ alg: "ES256", kid: "k1" }).sign(key);
}

async function refusal(promise: Promise<unknown>): Promise<IdentityError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IdentityError);
  return error as IdentityError;
}

describe("createJoseVerifier: customer ID tokens", () => {
  it("accepts a valid token and returns subject, name, assurance and its expiry only", async () => {
    // Prepare
    const token = await sign(claims());

    // Act
    const identity = await verifier().verifyCustomer(token);

    // Assess
    expect(identity).toEqual({
      subject: "3f0c1c1e-2b7a-4d7e-9a51-0d6f1d3b8a10",
      name: "Aino Virtanen",
      assurance: "substantial",
      // Kept with the chat: personal answers stop when the sign-in does.
      expiresAt: new Date((nowSeconds + 3600) * 1000),
    });
    expect(JSON.stringify(identity)).not.toContain(HETU);
    expect(canSeePersonalData(identity)).toBe(true);
  });

  it("builds the name from given_name and family_name when name is absent", async () => {
    const token = await sign(
      claims({ name: undefined, given_name: "Aino", family_name: "Virtanen" }),
    );

    const identity = await verifier().verifyCustomer(token);

    expect(identity.name).toBe("Aino Virtanen");
  });

  it("refuses a token signed by another key (forged signature)", async () => {
    const token = await sign(claims(), stranger.privateKey);

    const error = await refusal(verifier().verifyCustomer(token));

    expect(error.code).toBe("TOKEN_INVALID");
  });

  it("refuses a token whose payload was altered after signing", async () => {
    const [header, , signature] = (await sign(claims())).split(".");
    const forgedPayload = base64url.encode(JSON.stringify(claims({ sub: "someone-else" })));

    const error = await refusal(
      verifier().verifyCustomer(`${header}.${forgedPayload}.${signature}`),
    );

    expect(error.code).toBe("TOKEN_INVALID");
  });

  it('refuses an unsecured token with alg "none"', async () => {
    const header = base64url.encode(JSON.stringify({ alg: "none", typ: "JWT" }));
    const payload = base64url.encode(JSON.stringify(claims()));

    const error = await refusal(verifier().verifyCustomer(`${header}.${payload}.`));

    expect(error.code).toBe("TOKEN_INVALID");
  });

  it("refuses HS256 signed with the public key as the secret (algorithm confusion)", async () => {
    const pem = new TextEncoder().encode(await exportSPKI(trusted.publicKey));
    const jwkSecret = new TextEncoder().encode(JSON.stringify(publicJwk));
    for (const secret of [pem, jwkSecret]) {
      const token = await new SignJWT(claims())
        .setProtectedHeader({ alg: "HS256", kid: "k1" })
        .sign(secret);

      const error = await refusal(verifier().verifyCustomer(token));

      expect(error.code).toBe("TOKEN_INVALID");
    }
  });

  it("refuses an expired token with TOKEN_EXPIRED", async () => {
    const token = await sign(claims({ iat: nowSeconds - 7200, exp: nowSeconds - 61 }));

    const error = await refusal(verifier().verifyCustomer(token));

    expect(error.code).toBe("TOKEN_EXPIRED");
  });

  it("accepts a token that expired within the clock tolerance", async () => {
    const token = await sign(claims({ iat: nowSeconds - 3600, exp: nowSeconds - 30 }));

    await expect(verifier().verifyCustomer(token)).resolves.toMatchObject({
      assurance: "substantial",
    });
  });

  it("refuses a token issued in the future beyond the clock tolerance, for customers and staff", async () => {
    const customer = await sign(claims({ iat: nowSeconds + 600, nbf: undefined }));
    const staff = await sign(
      claims({ aud: STAFF_AUDIENCE, roles: ["advisor"], iat: nowSeconds + 600, nbf: undefined }),
    );

    const refusals = [
      await refusal(verifier().verifyCustomer(customer)),
      await refusal(verifier().verifyStaff(staff)),
    ];

    for (const error of refusals) {
      expect(error).toMatchObject({
        code: "TOKEN_INVALID",
        message: "The sign-in token has an unusable issue time.",
      });
    }
    // A few seconds ahead is clock skew, not a forgery.
    await expect(
      verifier().verifyCustomer(await sign(claims({ iat: nowSeconds + 30, nbf: undefined }))),
    ).resolves.toMatchObject({ assurance: "substantial" });
  });

  it("refuses a token that lives longer than the configured maximum", async () => {
    const week = await sign(claims({ iat: nowSeconds - 10, exp: nowSeconds + 7 * 86_400 }));
    const twoHours = await sign(claims({ iat: nowSeconds - 10, exp: nowSeconds + 7_190 }));
    const strict = createJoseVerifier({
      issuer: ISSUER,
      audience: AUDIENCE,
      jwks: createLocalJWKSet({ keys: [publicJwk] }),
      clock: manualClock(NOW),
      maxLifetimeSeconds: 3600,
    });

    expect(await refusal(verifier().verifyCustomer(week))).toMatchObject({
      code: "TOKEN_INVALID",
      message: "The sign-in token is valid for longer than this service accepts.",
    });
    await expect(verifier().verifyCustomer(twoHours)).resolves.toBeDefined();
    expect((await refusal(strict.verifyCustomer(twoHours))).code).toBe("TOKEN_INVALID");
  });

  it("refuses a token that is not valid yet", async () => {
    const token = await sign(claims({ nbf: nowSeconds + 600 }));

    const error = await refusal(verifier().verifyCustomer(token));

    expect(error.code).toBe("TOKEN_INVALID");
    expect(error.message).toMatch(/not valid yet/);
  });

  it("refuses a token for another audience", async () => {
    const token = await sign(claims({ aud: "some-other-client" }));

    const error = await refusal(verifier().verifyCustomer(token));

    expect(error.code).toBe("TOKEN_INVALID");
    expect(error.message).toMatch(/another service/);
  });

  it("refuses a staff token offered as a customer token", async () => {
    const token = await sign(claims({ aud: STAFF_AUDIENCE, roles: ["advisor"] }));

    const error = await refusal(verifier().verifyCustomer(token));

    expect(error.code).toBe("TOKEN_INVALID");
  });

  it("refuses a token from another issuer", async () => {
    const token = await sign(claims({ iss: "https://evil.example.test" }));

    const error = await refusal(verifier().verifyCustomer(token));

    expect(error.code).toBe("TOKEN_INVALID");
    expect(error.message).toMatch(/issuer/);
  });

  it("refuses a token without sub", async () => {
    const token = await sign(claims({ sub: undefined }));

    const error = await refusal(verifier().verifyCustomer(token));

    expect(error.code).toBe("TOKEN_INVALID");
  });

  it("refuses garbage, empty and oversized input as TOKEN_INVALID", async () => {
    for (const token of ["", "not-a-jwt", "a.b.c", "x".repeat(20_000)]) {
      const error = await refusal(verifier().verifyCustomer(token));
      expect(error.code).toBe("TOKEN_INVALID");
    }
  });

  it("maps eIDAS, Finnish Trust Network and short acr values; unknown or missing is low", async () => {
    const cases: [unknown, string][] = [
      ["http://eidas.europa.eu/LoA/low", "low"],
      ["http://eidas.europa.eu/LoA/high", "high"],
      ["http://ftn.ficora.fi/2017/loa2", "substantial"],
      ["http://ftn.ficora.fi/2017/loa3", "high"],
      ["substantial", "substantial"],
      ["made-up", "low"],
      [undefined, "low"],
    ];
    for (const [acr, assurance] of cases) {
      const token = await sign(claims({ acr }));

      const identity = await verifier().verifyCustomer(token);

      expect(identity.assurance, String(acr)).toBe(assurance);
    }
  });

  it("returns a low-assurance identity that may not see personal data", async () => {
    const token = await sign(claims({ acr: "http://eidas.europa.eu/LoA/low" }));

    const identity = await verifier().verifyCustomer(token);

    expect(identity.assurance).toBe("low");
    expect(canSeePersonalData(identity)).toBe(false);
  });

  it("never puts the token, its claims or the identity code into error messages", async () => {
    const tokens = [
      await sign(claims(), stranger.privateKey),
      await sign(claims({ exp: nowSeconds - 3600, iat: nowSeconds - 7200 })),
      await sign(claims({ aud: "x" })),
      await sign(claims({ iss: "y" })),
      await sign(claims({ nbf: nowSeconds + 3600 })),
      await sign(claims({ sub: undefined })),
    ];
    for (const token of tokens) {
      const error = await refusal(verifier().verifyCustomer(token));

      const shown = `${error.message} ${String(error.stack)} ${JSON.stringify(error)}`;
      expect(shown).not.toContain(token.slice(0, 20));
      expect(shown).not.toContain(token.split(".")[2]);
      expect(shown).not.toContain(HETU);
      expect(shown).not.toContain("Aino");
      expect(error.cause).toBeUndefined();
    }
  });
});

describe("createJoseVerifier: staff tokens", () => {
  function staffClaims(overrides: JWTPayload = {}): JWTPayload {
    return claims({ aud: STAFF_AUDIENCE, acr: undefined, hetu: undefined, ...overrides });
  }

  it("reads roles and languages from roles/languages claims", async () => {
    const token = await sign(staffClaims({ roles: ["advisor", "janitor"], languages: ["sv"] }));

    const staff = await verifier().verifyStaff(token);

    expect(staff).toMatchObject({
      displayName: "Aino Virtanen",
      roles: ["advisor"],
      languages: ["sv"],
    });
  });

  it("reads Cognito groups and comma-separated custom:languages", async () => {
    const token = await sign(
      staffClaims({ "cognito:groups": ["supervisor"], "custom:languages": "fi, sv" }),
    );

    const staff = await verifier().verifyStaff(token);

    expect(staff).toMatchObject({ roles: ["supervisor"], languages: ["fi", "sv"] });
  });

  it("refuses a valid staff-audience token without a staff role with NOT_STAFF", async () => {
    const token = await sign(staffClaims({ roles: ["customer"] }));

    const error = await refusal(verifier().verifyStaff(token));

    expect(error.code).toBe("NOT_STAFF");
  });

  it("refuses a customer ID token offered as a staff token", async () => {
    const token = await sign(claims({ roles: ["advisor"] }));

    const error = await refusal(verifier().verifyStaff(token));

    expect(error.code).toBe("TOKEN_INVALID");
  });
});
