import { describe, expect, it } from "vitest";
import {
  createRequestLimiter,
  LIMITED_ACTIONS,
  type LimitedAction,
  RateLimitedError,
  type RequestLimitSettings,
} from "./requestLimits.ts";

const HOUR = 3_600_000;

function settings(perAddress: number, overall: number): RequestLimitSettings {
  const allowances = Object.fromEntries(
    LIMITED_ACTIONS.map((a) => [a, { perAddress, overall }]),
  ) as RequestLimitSettings["allowances"];
  return { windowMs: HOUR, allowances };
}

function refusal(take: () => void): RateLimitedError | undefined {
  try {
    take();
    return undefined;
  } catch (error) {
    if (error instanceof RateLimitedError) return error;
    throw error;
  }
}

describe("request limits", () => {
  it("refuses an address past its allowance and lets another address through", () => {
    let now = 0;
    const refused: { action: LimitedAction; scope: string }[] = [];
    const limiter = createRequestLimiter(settings(3, 100), {
      now: () => now,
      onRefused: (r) => refused.push(r),
    });
    for (let i = 0; i < 3; i++) limiter.take("callback", "203.0.113.7", "fi");
    const error = refusal(() => limiter.take("callback", "203.0.113.7", "sv"));
    expect(error).toMatchObject({ code: "RATE_LIMITED", scope: "address", httpStatus: 429 });
    expect(error?.message).toMatch(/Försök igen om en stund/);
    expect(refused).toEqual([{ action: "callback", scope: "address" }]);
    expect(refusal(() => limiter.take("callback", "198.51.100.1"))).toBeUndefined();
    // Each action has its own allowance.
    expect(refusal(() => limiter.take("booking", "203.0.113.7"))).toBeUndefined();
    now += HOUR / 3;
    expect(refusal(() => limiter.take("callback", "203.0.113.7"))).toBeUndefined();
  });

  it("refuses everyone once the service-wide allowance is used, whatever the address", () => {
    const limiter = createRequestLimiter(settings(10, 5), { now: () => 0 });
    for (let i = 0; i < 5; i++) limiter.take("survey", `198.51.100.${i}`);
    expect(refusal(() => limiter.take("survey", "203.0.113.9"))).toMatchObject({
      scope: "overall",
    });
  });

  it("speaks both languages when the customer's is not known", () => {
    const limiter = createRequestLimiter(settings(0, 0), { now: () => 0 });
    expect(refusal(() => limiter.take("survey", "x"))?.message).toMatch(/Yritä .* \/ Tyvärr/);
  });

  it("forgets addresses whose allowance is whole again, so memory stays bounded", () => {
    let now = 0;
    const limiter = createRequestLimiter(settings(2, 1_000_000), { now: () => now });
    for (let i = 0; i < 2000; i++) limiter.take("chatStart", `198.51.${i >> 8}.${i & 255}`);
    expect(limiter.trackedKeys()).toBeGreaterThan(2000);
    now += HOUR;
    for (let i = 0; i < 2000; i++) limiter.take("chatStart", `203.0.${i >> 8}.${i & 255}`);
    expect(limiter.trackedKeys()).toBeLessThan(3000);
  });
});
