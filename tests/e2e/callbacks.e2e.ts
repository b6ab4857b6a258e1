/**
 * The advisors' callback list in Chromium against the real local stack: more than one page
 * of requests (the service pages at 200) left through the HTTP API, the first page shown
 * oldest first with what the customer asked for, "Näytä lisää" for the rest, a refused close
 * that keeps the advisor's note, a close that takes the request away for good, and axe-core
 * on the list and the close form.
 */

import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LocalServer } from "../../functions/local/localServer.ts";
import { createLogger } from "../../functions/observability/logger.ts";
import { type AdvisorConsole, connectAdvisor } from "../support/advisorConsole.ts";
import { devToken } from "../support/devToken.ts";
import { OPEN_HOUR_ISO, startTestStack } from "../support/localStack.ts";
import { axeViolations, HAS_CHROMIUM, launchChromium, screenshot } from "./support/browser.ts";

/** One page (200) and three more. */
const REQUESTS = 203;

describe.skipIf(!HAS_CHROMIUM)("callback requests in the advisor console", () => {
  let stack: LocalServer;
  let browser: Browser;
  let colleague: AdvisorConsole;
  const references: string[] = [];
  const logLines: string[] = [];

  async function leaveCallback(body: Record<string, unknown>): Promise<string> {
    const res = await fetch(`${stack.url}/api/callbacks`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ lang: "fi", ...body }),
    });
    const answer = (await res.json()) as { reference: string };
    // A refusal names its cause: the service's own warnings and errors go with it.
    expect(res.status, JSON.stringify({ answer, log: logLines.slice(-5) })).toBe(201);
    return answer.reference;
  }

  beforeAll(async () => {
    [stack, browser] = await Promise.all([
      startTestStack({
        env: { FAKE_TIME: OPEN_HOUR_ISO },
        logger: createLogger("warn", (line) => logLines.push(line)),
      }),
      launchChromium(),
    ]);
    // The oldest has a topic and a time of day; the rest are plain, from other numbers
    // (one open request per number).
    references.push(
      await leaveCallback({
        phone: "040 100 0000",
        preferredWindow: "afternoon",
        topic: "tax-card",
      }),
    );
    for (let i = 1; i < REQUESTS; i += 25) {
      const batch = Array.from({ length: Math.min(25, REQUESTS - i) }, (_, k) => i + k);
      references.push(
        ...(await Promise.all(
          batch.map((n) =>
            leaveCallback({
              lang: n % 2 ? "sv" : "fi",
              phone: `040 100 ${String(n).padStart(4, "0")}`,
            }),
          ),
        )),
      );
    }
    colleague = await connectAdvisor(stack.url, "advisor-both");
  });
  afterAll(async () => {
    colleague?.socket.disconnect();
    await browser?.close();
    await stack?.close();
  });

  async function expectNoAxeViolations(page: Page, state: string): Promise<void> {
    await screenshot(page, state);
    expect(await axeViolations(page), `axe violations in state "${state}"`).toEqual([]);
  }

  async function signedInConsole(): Promise<Page> {
    const context = await browser.newContext({
      bypassCSP: true,
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(`${stack.url}/console`);
    // Both languages: the list holds only the requests in the languages the advisor serves.
    const idToken = await devToken(stack.url, "advisor-both");
    await page.evaluate(
      (token) => sessionStorage.setItem("asiointi-console-session", JSON.stringify({ token })),
      idToken,
    );
    await page.reload();
    return page;
  }

  it("pages through every request, and closes one with a note", async () => {
    const page = await signedInConsole();
    const section = page.locator("section", {
      has: page.getByRole("heading", { level: 2, name: /^Soittopyynnöt/ }),
    });
    const rows = section.locator("tbody > tr:not(.close-row)");
    const heading = page.getByRole("heading", { level: 2, name: /^Soittopyynnöt/ });

    // The first page, oldest first, counted as "more than 200" in the heading and the nav.
    await expect.poll(() => rows.count()).toBe(200);
    expect(await heading.textContent()).toBe("Soittopyynnöt (200+)");
    expect(
      await page
        .getByRole("navigation")
        .getByRole("link", { name: /^Soittopyynnöt/ })
        .textContent(),
    ).toBe("Soittopyynnöt (200+)");
    const first = rows.first();
    expect(await first.locator("th").textContent()).toBe(references[0]);
    expect(await first.getByRole("link").getAttribute("href")).toBe("tel:+358401000000");
    expect(await first.getByRole("link").textContent()).toBe("+358 40 1000000");
    const firstText = (await first.textContent()) ?? "";
    expect(firstText).toContain("Iltapäivällä 12–16");
    expect(firstText).toContain("Verokortti");
    expect(firstText).toMatch(/ti 24\.11\. klo 10\.\d\d/);
    expect(firstText).toMatch(/alle 1 min|\d+ min/);
    await expectNoAxeViolations(page, "console-callbacks-first-page");

    // The rest, after the page already shown; focus goes to the first new row.
    const more = page.getByRole("button", { name: "Näytä lisää" });
    await more.click();
    await expect.poll(() => rows.count()).toBe(REQUESTS);
    expect(await more.isVisible()).toBe(false);
    expect(await heading.textContent()).toBe(`Soittopyynnöt (${REQUESTS})`);
    const listed = await rows.locator("th").allTextContents();
    expect([...listed].sort()).toEqual([...references].sort());
    expect(listed.at(-1)).toBe(references.at(-1));
    expect(
      await page.evaluate(
        () => document.activeElement?.closest("tr")?.querySelector("th")?.textContent,
      ),
    ).toBe(listed[200]);

    // A colleague closes the second one while this advisor writes its note: the row stays
    // (the service's push refreshes the list, but not under the note), the refusal is said
    // in words and the note written here stays.
    const taken = listed[1] as string;
    const takenRow = rows.filter({ has: page.locator("th", { hasText: taken }) });
    await takenRow.getByRole("button", { name: `Merkitse hoidetuksi ${taken}` }).click();
    const takenNote = page.locator(`#close-${taken}-note`);
    await expect.poll(() => takenNote.evaluate((el) => el === document.activeElement)).toBe(true);
    await takenNote.fill("Soitin, ei vastannut");
    const alsoTaken = listed[2] as string;
    for (const reference of [taken, alsoTaken]) {
      expect((await colleague.socket.emitWithAck("callback:close", { reference })).ok).toBe(true);
    }
    // The push comes and the list is read again: the row nobody here was using goes.
    await expect.poll(() => rows.locator("th", { hasText: alsoTaken }).count()).toBe(0);
    expect(await takenRow.count()).toBe(1);
    expect(await takenNote.inputValue()).toBe("Soitin, ei vastannut");
    await page
      .getByRole("form", { name: `Merkitse hoidetuksi: ${taken}` })
      .getByRole("button", { name: "Merkitse hoidetuksi" })
      .click();
    await expect
      .poll(() => page.getByRole("alert").allTextContents())
      .toContain("Soittopyyntö on jo merkitty hoidetuksi. Päivitä lista.");
    expect(await takenNote.inputValue()).toBe("Soitin, ei vastannut");
    expect(await takenNote.getAttribute("aria-describedby")).toContain(`close-${taken}-error`);
    await expectNoAxeViolations(page, "console-callbacks-close-refused");

    // Escape closes the form and gives focus back to the row's button.
    await takenNote.press("Escape");
    expect(await takenNote.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-expanded"))).toBe(
      "false",
    );

    // The oldest, with the keyboard: open, write the note, send; it leaves the list.
    const oldest = references[0] as string;
    await first.getByRole("button", { name: `Merkitse hoidetuksi ${oldest}` }).focus();
    await page.keyboard.press("Enter");
    await page.keyboard.type("Soitettu 040 123 4567, verokortti neuvottu");
    await page.keyboard.press("Tab"); // past the box to the submit button
    await page.keyboard.press("Enter");
    await expect.poll(() => rows.locator("th", { hasText: oldest }).count()).toBe(0);
    // Focus went to the next row, the one the colleague closed: it stays while focus is there.
    await expect.poll(() => heading.textContent()).toBe(`Soittopyynnöt (${REQUESTS - 2})`);
    expect(await takenRow.count()).toBe(1);
    await expect
      .poll(() => page.locator("div.sr-only[aria-live=polite]").textContent())
      .toBe(`Soittopyyntö ${oldest} merkitty hoidetuksi.`);
    await expectNoAxeViolations(page, "console-callbacks-closed");

    // Refreshing keeps the pages shown and drops what others closed, once not in use.
    await section.getByRole("button", { name: "Päivitä" }).click();
    await expect.poll(() => rows.count()).toBe(REQUESTS - 3);
    expect(await rows.locator("th", { hasText: taken }).count()).toBe(0);

    // The service agrees: neither is open any more.
    const open: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await colleague.socket.emitWithAck(
        "callbacks:list",
        cursor === undefined ? {} : { cursor },
      );
      if (!page.ok) throw new Error(page.error.message);
      open.push(...page.callbacks.map((c) => c.reference));
      cursor = page.nextCursor;
    } while (cursor);
    expect(open).toHaveLength(REQUESTS - 3);
    expect(open).not.toContain(oldest);
    expect(open).not.toContain(taken);
    expect(open).not.toContain(alsoTaken);
  });
});
