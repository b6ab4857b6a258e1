import { describe, expect, it } from "vitest";
import { ConfigError, dialogueSettings, loadConfig } from "./config.ts";

describe("loadConfig", () => {
  it("starts on embedded defaults with an empty environment", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, DYNAMODB_PORT: 8000, DATA_DIR: ".data" });
    expect(config.DYNAMODB_ENDPOINT).toBeUndefined();
  });

  it("names the variable and the expected form when a value is bad", () => {
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(
      /PORT: must be a whole number from 0 to 65535$/m,
    );
    // A number's message says what is expected, not zod's "expected number, received NaN".
    expect(() => loadConfig({ TRAINING_CPU_PERCENT: "abc" })).toThrow(
      "TRAINING_CPU_PERCENT: must be a whole number from 1 to 100 (expected a percentage of one core, e.g. 50)",
    );
    expect(() => loadConfig({ CHAT_RATE_PER_SECOND: "0" })).toThrow(
      /CHAT_RATE_PER_SECOND: must be a number above 0 and at most 100$/m,
    );
    expect(() => loadConfig({ REPORT_FLUSH_SECONDS: "soon" })).toThrow(
      /REPORT_FLUSH_SECONDS: must be a number from 0 to 300$/m,
    );
    expect(loadConfig({ REPORT_FLUSH_SECONDS: "2.5", CHAT_RATE_PER_SECOND: "0.5" })).toMatchObject({
      REPORT_FLUSH_SECONDS: 2.5,
      CHAT_RATE_PER_SECOND: 0.5,
    });
    expect(() => loadConfig({ FAKE_TIME: "tomorrow" })).toThrow(/FAKE_TIME: .*ISO 8601/);
  });

  it("accepts FAKE_TIME locally and refuses it in production", () => {
    expect(loadConfig({ FAKE_TIME: "2026-11-23T08:59:59+02:00" }).FAKE_TIME).toBe(
      "2026-11-23T08:59:59+02:00",
    );
    expect(() =>
      loadConfig({ NODE_ENV: "production", FAKE_TIME: "2026-11-23T08:59:59+02:00" }),
    ).toThrow(/FAKE_TIME: .*refused when NODE_ENV=production/);
  });

  it("takes the agency's site search per language and refuses one without {query}", () => {
    const config = loadConfig({ SITE_SEARCH_URL_SV: "https://sok.example.fi/s?q={query}" });
    expect(dialogueSettings(config).siteSearchUrl).toEqual({
      fi: "https://www.vero.fi/haku/?q={query}",
      sv: "https://sok.example.fi/s?q={query}",
    });
    expect(() => loadConfig({ SITE_SEARCH_URL_FI: "https://www.vero.fi/haku/" })).toThrow(
      /SITE_SEARCH_URL_FI: .*"\{query\}"/,
    );
    expect(() => loadConfig({ SITE_SEARCH_URL_FI: "http://x.fi/?q={query}" })).toThrow(
      /SITE_SEARCH_URL_FI: must be an https URL/,
    );
  });

  it("keeps the missed-question inbox unless told not to, and says how to say so", () => {
    expect(loadConfig({}).MISSED_QUESTION_INBOX).toBe(true);
    expect(loadConfig({ MISSED_QUESTION_INBOX: "false" }).MISSED_QUESTION_INBOX).toBe(false);
    expect(() => loadConfig({ MISSED_QUESTION_INBOX: "off" })).toThrow(
      /MISSED_QUESTION_INBOX: .*"true" or "false"/,
    );
  });

  it("trains a new content version at half a core unless told otherwise", () => {
    expect(loadConfig({}).TRAINING_CPU_PERCENT).toBe(50);
    expect(loadConfig({ TRAINING_CPU_PERCENT: "100" }).TRAINING_CPU_PERCENT).toBe(100);
    for (const bad of ["0", "150", "half"]) {
      expect(() => loadConfig({ TRAINING_CPU_PERCENT: bad })).toThrow(
        "TRAINING_CPU_PERCENT: must be a whole number from 1 to 100 (expected a percentage of one core, e.g. 50)",
      );
    }
  });

  it("reads per-address and overall limits, and refuses a limit without both", () => {
    const config = loadConfig({ LIMIT_CALLBACKS: "5/50", TRUSTED_PROXIES: "10.0.0.0/16, ::1" });
    expect(config.LIMIT_CALLBACKS).toEqual({ perAddress: 5, overall: 50 });
    expect(config.LIMIT_BOOKINGS).toEqual({ perAddress: 3, overall: 300 });
    expect(config.TRUSTED_PROXIES).toEqual(["10.0.0.0/16", "::1"]);
    expect(loadConfig({}).TRUSTED_PROXIES).toEqual([]);
    expect(() => loadConfig({ LIMIT_CALLBACKS: "5" })).toThrow(
      /LIMIT_CALLBACKS: .*\(expected <per address>\/<overall>/,
    );
    expect(() => loadConfig({ TRUSTED_PROXIES: "alb.internal" })).toThrow(/TRUSTED_PROXIES: /);
  });

  it("sweeps expired items locally each minute unless told not to (the bench)", () => {
    expect(loadConfig({}).LOCAL_TTL_SWEEP_SECONDS).toBe(60);
    expect(loadConfig({ LOCAL_TTL_SWEEP_SECONDS: "0" }).LOCAL_TTL_SWEEP_SECONDS).toBe(0);
    expect(() => loadConfig({ LOCAL_TTL_SWEEP_SECONDS: "-1" })).toThrow(
      /LOCAL_TTL_SWEEP_SECONDS: /,
    );
  });
});
