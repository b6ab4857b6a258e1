/**
 * Booked phone appointments in the advisor console, in Chromium against the real local stack:
 * a customer books a time in the web chat, the Finnish advisor finds it under Ajanvaraukset
 * with the number to call, cannot mark it handled before its time, and after the call marks
 * it handled with a note; it leaves the list for good. A Swedish-only advisor never gets it.
 * axe-core on the list, the refusal and the result.
 */

import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Clock } from "../../functions/domain/ports.ts";
import type { LocalServer } from "../../functions/local/localServer.ts";
import { connectAdvisor } from "../support/advisorConsole.ts";
import { devToken } from "../support/devToken.ts";
import { OPEN_HOUR_ISO, startTestStack } from "../support/localStack.ts";
import { axeViolations, HAS_CHROMIUM, launchChromium, screenshot } from "./support/browser.ts";

/** The service's clock: runs at real speed from Tuesday 24.11. 10:00, and can be moved on. */
function movableClock(start: string): Clock & { skip(ms: number): void } {
  let offset = Date.parse(start) - Date.now();
  return {
    now: () => new Date(Date.now() + offset),
    skip: (ms) => {
      offset += ms;
    },
  };
}

describe.skipIf(!HAS_CHROMIUM)("booked appointments in the advisor console", () => {
  let stack: LocalServer;
  let browser: Browser;
  const clock = movableClock(OPEN_HOUR_ISO);

  beforeAll(async () => {
    [stack, browser] = await Promise.all([
      startTestStack({ clock, env: { LOG_LEVEL: "warn" } }),
      launchChromium(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  async function expectNoAxeViolations(page: Page, state: string): Promise<void> {
    await screenshot(page, state);
    expect(await axeViolations(page), `axe violations in state "${state}"`).toEqual([]);
  }

  /** Books the first free time in the web chat, as a customer does; answers the reference. */
  async function bookInChat(phone: string): Promise<string> {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${stack.url}/`);
    await page.getByRole("button", { name: /Avaa chat/ }).click();
    await expect.poll(() => page.locator(".msg.bot").count()).toBeGreaterThan(0);
    const before = await page.locator(".msg.bot").count();
    await page.getByRole("textbox", { name: /Kirjoita kysymyksesi/ }).fill("Haluan varata ajan");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator(".msg.bot").count()).toBeGreaterThan(before);
    await page
      .locator(".msg.bot")
      .last()
      .getByRole("button", { name: /Varaa aika/ })
      .click();
    const slot = page.getByRole("combobox", { name: "Vapaa aika" });
    await expect.poll(() => slot.locator("option").count()).toBeGreaterThan(1);
    await slot.selectOption({ index: 1 });
    await page.getByRole("textbox", { name: "Puhelinnumero" }).fill(phone);
    await page.getByRole("button", { name: "Varaa valittu aika" }).click();
    await expect
      .poll(() => page.locator(".msg.local").last().textContent())
      .toMatch(/AV-[0-9A-Z]{8}/);
    const confirmation = (await page.locator(".msg.local").last().textContent()) ?? "";
    await context.close();
    return confirmation.match(/AV-[0-9A-Z]{8}/)?.[0] as string;
  }

  /** Refreshes a list section and waits for the service's answer. */
  async function refreshed(section: Locator): Promise<void> {
    const button = section.locator(".section-head button");
    await button.click();
    await expect.poll(() => button.textContent()).toBe("Päivitä");
  }

  async function signedInConsole(persona: string): Promise<Page> {
    const context = await browser.newContext({
      bypassCSP: true,
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(`${stack.url}/console`);
    const idToken = await devToken(stack.url, persona);
    await page.evaluate(
      (token) => sessionStorage.setItem("asiointi-console-session", JSON.stringify({ token })),
      idToken,
    );
    await page.reload();
    return page;
  }

  it("shows a booking made in the web chat to the Finnish advisor, who marks it handled after the call", async () => {
    const reference = await bookInChat("040 765 4321");

    const page = await signedInConsole("advisor-fi");
    const heading = page.getByRole("heading", { level: 2, name: /^Ajanvaraukset/ });
    // By its heading's id: the heading's words change with the UI language.
    const section = page.locator('section[aria-labelledby="appointments-title"]');
    const rows = section.locator("tbody > tr:not(.close-row)");
    await expect.poll(() => rows.count()).toBe(1);
    expect(await heading.textContent()).toBe("Ajanvaraukset (1)");
    expect(
      await page
        .getByRole("navigation")
        .getByRole("link", { name: /^Ajanvaraukset/ })
        .textContent(),
    ).toBe("Ajanvaraukset (1)");
    const row = rows.first();
    // The first free time, today after two hours' notice, in Helsinki time.
    expect(await row.locator("th").textContent()).toMatch(/^ti 24\.11\. klo 1[2-5]\.[03]0$/);
    const start = Date.parse((await row.locator("th time").getAttribute("datetime")) as string);
    expect(await row.getByRole("link").getAttribute("href")).toBe("tel:+358407654321");
    expect(await row.getByRole("link").textContent()).toBe("+358 40 7654321");
    expect(await row.textContent()).toContain(reference);
    expect(await row.textContent()).toContain("suomi");
    // Booked in the chat's booking flow: no matter named, rather than "Varaa aika".
    expect(await row.textContent()).toContain("Ei aihetta");
    await expectNoAxeViolations(page, "console-appointments");

    // In Swedish, as Finland-Swedish writes the time.
    await page.getByRole("button", { name: "På svenska" }).click();
    const svHeading = page.getByRole("heading", { level: 2, name: /^Tidsbokningar/ });
    expect(await svHeading.textContent()).toBe("Tidsbokningar (1)");
    expect(await row.locator("th").textContent()).toMatch(/^tis 24\.11 kl\. 1[2-5]\.[03]0$/);
    expect(await row.textContent()).toContain("finska");
    await expectNoAxeViolations(page, "console-appointments-sv");
    await page.getByRole("button", { name: "Suomeksi" }).click();

    // Not yet: the customer may still cancel or move it until its time.
    await row.getByRole("button", { name: `Merkitse hoidetuksi ${reference}` }).click();
    const note = page.locator(`#close-${reference}-note`);
    await expect.poll(() => note.evaluate((el) => el === document.activeElement)).toBe(true);
    await note.fill("Soitettu, neuvottu verokortin muutoksessa");
    const form = page.getByRole("form", { name: `Merkitse hoidetuksi: ${reference}` });
    await form.getByRole("button", { name: "Merkitse hoidetuksi" }).click();
    await expect
      .poll(() => page.getByRole("alert").allTextContents())
      .toContain("Puhelinaika ei ole vielä alkanut. Merkitse hoidetuksi puhelun jälkeen.");
    expect(await note.inputValue()).toBe("Soitettu, neuvottu verokortin muutoksessa");
    await expectNoAxeViolations(page, "console-appointment-not-started");

    // Ten minutes into the appointment, after the call: handled, it leaves the list and the
    // advisor hears so.
    clock.skip(start + 10 * 60_000 - clock.now().getTime());
    await form.getByRole("button", { name: "Merkitse hoidetuksi" }).click();
    await expect.poll(() => rows.count()).toBe(0);
    expect(await heading.textContent()).toBe("Ajanvaraukset (0)");
    await expect
      .poll(() => page.locator("div.sr-only[aria-live=polite]").textContent())
      .toBe(`Ajanvaraus ${reference} merkitty hoidetuksi.`);
    expect(await section.getByText("Ei varattuja puhelinaikoja.").isVisible()).toBe(true);
    await expectNoAxeViolations(page, "console-appointment-handled");

    // For good: a refresh does not bring it back, and a second close names why.
    await refreshed(section);
    expect(await rows.count()).toBe(0);
    const colleague = await connectAdvisor(stack.url, "advisor-both");
    expect(await colleague.socket.emitWithAck("appointment:close", { reference })).toMatchObject({
      ok: false,
      error: { code: "APPOINTMENT_ALREADY_HANDLED" },
    });
    colleague.socket.disconnect();
  });

  it("never lists a Finnish customer's booking to a Swedish-only advisor", async () => {
    const reference = await bookInChat("040 765 4322");
    const page = await signedInConsole("advisor-sv");
    // The console is in Finnish until switched; the Swedish advisor's list stays empty.
    const heading = page.getByRole("heading", { level: 2, name: /^Ajanvaraukset/ });
    await expect.poll(() => page.locator(".connection").getAttribute("data-state")).toBe("online");
    await refreshed(page.locator("section", { has: heading }));
    expect(await heading.textContent()).toBe("Ajanvaraukset (0)");
    expect(await page.content()).not.toContain(reference);
    expect(await page.content()).not.toContain("7654322");
  });
});
