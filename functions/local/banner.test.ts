import { describe, expect, it } from "vitest";
import { startBanner } from "./banner.ts";

const server = {
  url: "http://127.0.0.1:3000",
  dynamoEndpoint: "http://127.0.0.1:8000",
  content: { version: 3, repoChanges: 0 },
};

describe("the npm start banner", () => {
  it("lists the customer chat, the console, the reports page and the studio", () => {
    const banner = startBanner(server, { readySeconds: "2.0", dataDir: ".data" });
    expect(banner).toContain("Customer chat   http://127.0.0.1:3000/\n");
    expect(banner).toContain("Advisor console http://127.0.0.1:3000/console\n");
    expect(banner).toMatch(/Reports {9}http:\/\/127\.0\.0\.1:3000\/console\/reports\b/);
    expect(banner).toContain("Content studio  http://127.0.0.1:3000/studio\n");
  });

  it("says when the clock is fake", () => {
    const banner = startBanner(server, {
      readySeconds: "2.0",
      fakeTime: "2026-12-24T10:00:00+02:00",
      dataDir: ".data",
    });
    expect(banner).toContain("clock starts at 2026-12-24T10:00:00+02:00");
  });
});
