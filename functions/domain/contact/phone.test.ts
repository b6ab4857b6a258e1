import { describe, expect, it } from "vitest";
import { formatPhone, normalisePhone, phoneEnding } from "./phone.ts";

describe("normalisePhone", () => {
  it.each([
    ["040 123 4567", "+358401234567"],
    ["0401234567", "+358401234567"],
    ["040-123 4567", "+358401234567"],
    ["040.123.4567", "+358401234567"],
    ["  040 123 4567  ", "+358401234567"],
    ["+358 40 123 4567", "+358401234567"],
    ["+358401234567", "+358401234567"],
    ["+358 (0)40 123 4567", "+358401234567"],
    ["00358 40 123 4567", "+358401234567"],
    ["358401234567", "+358401234567"],
    ["050 987 6543", "+358509876543"],
    ["(09) 123 4567", "+35891234567"],
    ["09 1234 567", "+35891234567"],
    ["0800 123 456", "+358800123456"],
    ["+46 70 123 45 67", "+46701234567"],
    ["+44 20 7946 0958", "+442079460958"],
    ["+49 30 123456", "+4930123456"],
    ["+1 212 555 0123", "+12125550123"],
    ["+372 5123 4567", "+37251234567"],
  ])("accepts %j as %s", (input, e164) => {
    expect(normalisePhone(input)).toEqual({ ok: true, e164 });
  });

  it.each([
    [""],
    ["   "],
    ["040 123"], // a digit group short
    ["+358 40 123 45678901"], // too long for any Finnish range
    ["112"], // the emergency number is not a line we call back
    ["12345"],
    ["+999 123 4567"], // no such country code
    ["0029 123"],
    ["040 123 4567 ext 12"],
    ["call me 0401234567"],
    ["+358 40 123 4567+"],
    ["++358401234567"],
    ["puhelin"],
  ])("refuses %j as not a phone number", (input) => {
    expect(normalisePhone(input)).toEqual({ ok: false, reason: "NOT_A_PHONE_NUMBER" });
  });

  it("refuses premium-rate numbers, which would bill the agency", () => {
    expect(normalisePhone("0600 12345")).toEqual({ ok: false, reason: "PREMIUM_RATE" });
  });
});

describe("phoneEnding and formatPhone", () => {
  it("shows only the last four digits", () => {
    expect(phoneEnding("+358401234567")).toBe("4567");
  });

  it("formats E.164 for an advisor to read", () => {
    expect(formatPhone("+358401234567")).toBe("+358 40 1234567");
  });
});
