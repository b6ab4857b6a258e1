/**
 * The supervisors' Reports page in Chromium against the real local stack: a few real chats
 * are counted, the supervisor sees the figures, charts and tables, switches to Swedish,
 * changes the filters, exports CSV, and an advisor is told the page is for supervisors; a
 * supervisor who pastes a token sees their name in the console; queue waits, requests
 * abandoned in the queue and the advisors' wrap-up reasons are shown and exported. axe-core
 * checks each state.
 */

import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LocalServer } from "../../functions/local/localServer.ts";
import { availableAdvisor } from "../support/advisorConsole.ts";
import { devToken } from "../support/devToken.ts";
import { collect, connectCustomer, eventually, OPEN_HOUR_ISO } from "../support/localStack.ts";
import { axeViolations, HAS_CHROMIUM, launchChromium, screenshot } from "./support/browser.ts";
import { startOpenStack } from "./support/stack.ts";

const BROWSER_NOW_ISO = "2027-03-15T12:00:00+02:00";

describe.skipIf(!HAS_CHROMIUM)("supervisor reports page in Chromium", () => {
  let stack: LocalServer;
  let browser: Browser;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startOpenStack(), launchChromium()]);
    await chatAbout("fi", "Miten saan uuden verokortin?", 5);
    await chatAbout("fi", "Milloin veronpalautukset maksetaan?", 2);
    await chatAbout("sv", "Hur får jag ett nytt skattekort?");
    // Two appointments booked, one of them cancelled: one booking stands.
    // Two customers: one phone number holds one open booking at a time.
    const first = await bookAppointment("040 123 4567");
    const second = await bookAppointment("040 765 4321");
    const cancelled = await fetch(`${stack.url}/api/appointments/${first}`, { method: "DELETE" });
    expect(cancelled.status).toBe(200);
    expect(second).toMatch(/^AV-/);
  });

  async function bookAppointment(phone: string): Promise<string> {
    const listed = await fetch(`${stack.url}/api/appointments/slots?lang=fi`);
    const { slots } = (await listed.json()) as { slots: { slotId: string }[] };
    const booked = await fetch(`${stack.url}/api/appointments`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ slotId: slots[0]?.slotId, lang: "fi", phone }),
    });
    expect(booked.status).toBe(201);
    return ((await booked.json()) as { reference: string }).reference;
  }
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  async function chatAbout(lang: "fi" | "sv", question: string, score?: number): Promise<void> {
    const socket = await connectCustomer(stack.url);
    const messages = collect(socket, "chat:message");
    await socket.emitWithAck("chat:start", { lang });
    await socket.emitWithAck("chat:message", { text: question });
    await eventually(() => messages.some((m) => m.from === "bot" && m.topic));
    const ended = await socket.emitWithAck("chat:end", {});
    if (ended.ok && score) {
      await socket.emitWithAck("survey:submit", {
        surveyToken: ended.surveyToken,
        gotHelp: score >= 4,
        score,
      });
    }
    socket.disconnect();
  }

  async function signedIn(persona: string, width = 1280): Promise<Page> {
    const context = await browser.newContext({
      bypassCSP: true,
      viewport: { width, height: 900 },
      acceptDownloads: true,
    });
    // The browser's clock is months past the service's (FAKE_TIME): the page's default
    // "last 30 days" must follow the service.
    await context.clock.setFixedTime(new Date(BROWSER_NOW_ISO));
    const page = await context.newPage();
    const idToken = await devToken(stack.url, persona);
    await page.goto(`${stack.url}/console/reports`);
    await page.evaluate(
      (token) => sessionStorage.setItem("asiointi-console-session", JSON.stringify({ token })),
      idToken,
    );
    await page.reload();
    return page;
  }

  /** A supervisor on a 1280 px screen sees every column without scrolling sideways. */
  async function expectTablesFit(page: Page, names: (string | RegExp)[]): Promise<void> {
    for (const name of names) {
      const table = page.getByRole("table", { name });
      await table.waitFor();
      const overflow = await table.evaluate((el) => {
        const box = el.closest(".table-scroll") ?? el;
        return box.scrollWidth - box.clientWidth;
      });
      expect(overflow, `columns cut off in "${String(name)}"`).toBeLessThanOrEqual(0);
    }
  }

  async function expectNoAxeViolations(page: Page, state: string): Promise<void> {
    await screenshot(page, state);
    expect(await axeViolations(page), `axe violations in state "${state}"`).toEqual([]);
  }

  it("shows a supervisor the figures, charts with tables, and exports CSV", async () => {
    const page = await signedIn("supervisor");
    const chats = page.locator('[data-figure="chats"] .value');
    await expect.poll(() => chats.textContent()).toBe("3");
    // The default period is the service's last 30 days, up to its today (OPEN_HOUR_ISO).
    expect(await page.getByLabel("Alkaen").inputValue()).toBe("2026-10-26");
    expect(await page.getByLabel("Päättyen").inputValue()).toBe(OPEN_HOUR_ISO.slice(0, 10));
    expect(await page.getByLabel("Ajanjakso").inputValue()).toBe("last30");
    // The page says whose it is, from the token alone (the session here holds no name).
    expect(await page.locator(".who-am-i").textContent()).toBe("Kirjautuneena: Tuula Järvinen");
    // A cancelled appointment is not counted as booked; it is counted as cancelled beside it.
    expect(await page.locator('[data-figure="bookings"] .value').textContent()).toBe("1");
    expect(await page.locator('[data-figure="cancellations"] .value').textContent()).toBe("1");
    expect(await page.locator('[data-figure="cancellations"] dt').textContent()).toBe(
      "Perutut ajat",
    );
    await expect
      .poll(() => page.locator('[data-figure="averageScore"] .value').textContent())
      .toBe("3,5\u00a0/\u00a05");
    expect(await page.locator("canvas").count()).toBeGreaterThanOrEqual(2);
    await expect.poll(() => page.getByRole("img", { name: /Viivakaavio/ }).count()).toBe(1);
    await page.getByText("Näytä taulukkona").first().click();
    // The chart's table: the stack's day has all three chats; the topic table sums per topic.
    expect(await page.getByRole("row", { name: /^24\.11\.2026 3 3 100,0/ }).count()).toBe(1);
    expect(await page.getByRole("columnheader", { name: "Perutut ajat" }).count()).toBe(1);
    expect(await page.getByRole("row", { name: /^Verokortti 2 / }).count()).toBe(1);
    await expectNoAxeViolations(page, "reports-fi");

    // Each section's heading keeps its distance from the box above it.
    for (const heading of ["Kaaviot", "Kielittäin", "Lataa CSV"]) {
      const gap = await page
        .getByRole("heading", { level: 2, name: heading, exact: true })
        .evaluate((h2) => {
          const above = h2.closest("section")?.previousElementSibling;
          return above ? h2.getBoundingClientRect().top - above.getBoundingClientRect().bottom : -1;
        });
      expect(gap, `space above "${heading}"`).toBeGreaterThanOrEqual(16);
    }

    await expectTablesFit(page, [
      "Aiheet keskustelujen määrän mukaan, suurin ensin",
      "Suomen- ja ruotsinkieliset keskustelut",
    ]);

    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Lataa aihekohtaiset luvut (CSV)" }).click();
    const file = await download;
    const csv = readFileSync((await file.path()) ?? "", "utf8");
    expect(csv.startsWith("\ufeffid;Aihe;Keskustelut;")).toBe(true);
    expect(csv).toMatch(/\r\ntax-card;Verokortti;2;/);
    expect(file.suggestedFilename()).toMatch(
      /^raportti-aiheittain_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/,
    );

    await page.getByRole("button", { name: "På svenska" }).click();
    await page.getByLabel("Språk", { exact: true }).selectOption("sv");
    await page.getByRole("button", { name: "Visa" }).click();
    await expect.poll(() => chats.textContent()).toBe("1");
    await expect.poll(() => page.getByRole("status").first().textContent()).toMatch(/svenska/);
    await expectNoAxeViolations(page, "reports-sv-filtered");
    await expectTablesFit(page, [
      "Ämnen efter antal chattar, störst först",
      "Finsk- och svenskspråkiga chattar",
    ]);
  });

  it("says what is wrong with a period and tells an advisor the page is for supervisors", async () => {
    const page = await signedIn("supervisor");
    await page.getByLabel("Päättyen").fill("2020-01-01");
    await page.getByRole("button", { name: "Näytä" }).click();
    await expect
      .poll(() => page.locator("#report-period-error").textContent())
      .toMatch(/Loppupäivä ei voi olla ennen alkupäivää/);
    await expectNoAxeViolations(page, "reports-period-error");

    const advisor = await signedIn("advisor-fi");
    await expect
      .poll(() => advisor.getByRole("alert").textContent())
      .toMatch(/vain esihenkilöille.*Palvelimen viesti: This needs the supervisor role/);
    await expectNoAxeViolations(advisor, "reports-forbidden");
  });

  it("says a period without chats has no figures per topic or language, instead of empty tables", async () => {
    const page = await signedIn("supervisor");
    await page.goto(`${stack.url}/console/reports?from=2026-01-01&to=2026-01-31`);
    await page.getByText("Ajanjaksolla ei ole keskusteluja näillä rajauksilla.").waitFor();
    for (const section of ["Aiheittain", "Kielittäin"]) {
      const region = page.getByRole("region", { name: section, exact: true });
      expect(await region.getByText("Ei lukuja näillä rajauksilla.").count()).toBe(1);
      expect(await region.getByRole("table").count()).toBe(0);
    }
    // No answers: said in words, not drawn as an empty axis (the chats per day still draw).
    const scores = page.locator("figure.report-chart", { hasText: "Tyytyväisyyden jakauma" });
    expect(await scores.getByText("Ei vastauksia tällä jaksolla.").count()).toBe(1);
    expect(await scores.locator("canvas, [role=img], details").count()).toBe(0);
    await expectNoAxeViolations(page, "reports-empty-period");
  });

  it("shows the longest period choice whole, with room before the select's arrow", async () => {
    const page = await signedIn("supervisor");
    const period = page.getByLabel("Ajanjakso");
    await period.selectOption("last30");
    const room = await period.evaluate((el: HTMLSelectElement) => {
      const style = getComputedStyle(el);
      const canvas = document.createElement("canvas").getContext("2d");
      if (!canvas) return -1;
      canvas.font = style.font;
      const widest = Math.max(...[...el.options].map((o) => canvas.measureText(o.text).width));
      const inner =
        el.getBoundingClientRect().width -
        Number.parseFloat(style.borderLeftWidth) -
        Number.parseFloat(style.borderRightWidth) -
        Number.parseFloat(style.paddingLeft);
      return (inner - widest) / Number.parseFloat(style.fontSize);
    });
    // The arrow takes about 1.25em; platforms differ, so the text keeps 2em clear of the edge.
    expect(room, "em between the longest choice and the select's edge").toBeGreaterThanOrEqual(2);
  });

  it("shows a supervisor the console's contact lists read-only, without numbers, beside Reports, and offers an advisor no Reports link", async () => {
    // A supervisor is no advisor: they follow the callback requests and bookings of both
    // languages, without the numbers to call or anything to mark handled, and no queue or chats.
    const supervisor = await signedIn("supervisor");
    await supervisor.goto(`${stack.url}/console`);
    await supervisor.getByRole("heading", { level: 2, name: "Ajanvaraukset (1)" }).waitFor();
    await supervisor.getByRole("heading", { level: 2, name: /^Soittopyynnöt/ }).waitFor();
    expect(await supervisor.getByRole("heading", { name: /^Jono/ }).count()).toBe(0);
    expect(await supervisor.getByRole("radio", { name: "Vapaana" }).count()).toBe(0);
    expect(await supervisor.locator('a[href^="tel:"]').count()).toBe(0);
    expect(await supervisor.getByText(/7654321/).count()).toBe(0);
    expect(await supervisor.getByRole("button", { name: /Merkitse hoidetuksi/ }).count()).toBe(0);
    const headers = await supervisor.getByRole("columnheader").allTextContents();
    expect(headers).toContain("Aika");
    expect(headers).not.toContain("Puhelin");
    expect(headers).not.toContain("Toiminto");
    await expectNoAxeViolations(supervisor, "console-supervisor");
    await supervisor.getByRole("link", { name: "Raportit" }).click();
    await supervisor.getByRole("heading", { level: 1, name: "Raportit" }).waitFor();

    const advisor = await signedIn("advisor-fi");
    await advisor.goto(`${stack.url}/console`);
    await advisor.getByRole("navigation").waitFor();
    expect(await advisor.getByRole("link", { name: "Raportit" }).count()).toBe(0);
  });

  it("shows a supervisor who signs in with a pasted token their name in the console's header, as the persona sign-in does", async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    // As in production: no local identity provider, so the sign-in offers the token field.
    await page.route("**/dev/personas", (route) => route.fulfill({ status: 404, body: "" }));
    await page.goto(`${stack.url}/console`);
    await page
      .getByRole("textbox", { name: "Neuvojan ID-tunniste (token)" })
      .fill(await devToken(stack.url, "supervisor"));
    await page.getByRole("button", { name: "Kirjaudu tunnisteella" }).click();
    await page.getByRole("heading", { level: 2, name: /^Ajanvaraukset/ }).waitFor();
    // A supervisor hears no advisor:status, which brings an advisor's name: it is the token's.
    expect(await page.locator(".who-am-i").textContent()).toBe("Kirjautuneena: Tuula Järvinen");
    await page.reload();
    await page.getByRole("heading", { level: 2, name: /^Ajanvaraukset/ }).waitFor();
    expect(await page.locator(".who-am-i").textContent()).toBe("Kirjautuneena: Tuula Järvinen");
    await context.close();
  });

  it("reflows on a 320 px wide screen without axe violations", async () => {
    const page = await signedIn("supervisor", 320);
    await expect.poll(() => page.locator('[data-figure="chats"] .value').textContent()).toBe("3");
    await page.locator("canvas").first().waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, "the page scrolls sideways").toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page, "reports-320px");
  });

  it("shows the queue wait, requests abandoned in the queue and the advisors' contact reasons, and exports the reasons", async () => {
    // Prepare: an advisor takes one request and wraps it up as a tax card matter (with a
    // note that must not reach the report); another customer gives up while waiting.
    const advisor = await availableAdvisor(stack.url, "advisor-fi", ["fi"]);
    const queued = async () => {
      const socket = await connectCustomer(stack.url);
      const start = await socket.emitWithAck("chat:start", { lang: "fi" });
      if (!start.ok) throw new Error("start failed");
      expect(await socket.emitWithAck("chat:handoff", {})).toMatchObject({ outcome: "queued" });
      return { socket, chatId: start.chatId };
    };
    const taken = await queued();
    expect((await advisor.socket.emitWithAck("chat:accept", { chatId: taken.chatId })).ok).toBe(
      true,
    );
    const wrapped = await advisor.socket.emitWithAck("chat:wrapup", {
      chatId: taken.chatId,
      reason: "tax-card",
      note: "Soitin numeroon 040 111 2222",
    });
    expect(wrapped.ok).toBe(true);
    const leaves = await queued();
    expect((await leaves.socket.emitWithAck("chat:end", {})).ok).toBe(true);
    for (const socket of [taken.socket, leaves.socket, advisor.socket]) socket.disconnect();

    // Act
    const page = await signedIn("supervisor");

    // Assess
    const abandoned = page.locator('[data-figure="queueAbandoned"]');
    await expect.poll(() => abandoned.locator(".value").textContent()).toBe("1");
    expect(await abandoned.locator(".hint").textContent()).toMatch(/^50,0\u00a0% jonoon/);
    const wait = page.locator('[data-figure="queueWait"]');
    expect(await wait.locator("dt").textContent()).toBe("Jonotusaika, mediaani");
    expect(await wait.locator(".value").textContent()).toMatch(/^\d+\u00a0s$/);
    expect(await wait.locator(".hint").textContent()).toMatch(/neuvoja otti jonosta 1\. Arvio/);
    const reasons = page.getByRole("region", { name: "Yhteydenottojen syyt", exact: true });
    expect(await reasons.getByRole("row", { name: /^Verokortti 1 100,0/ }).count()).toBe(1);
    expect(await page.getByText(/040 111 2222|Soitin/).count()).toBe(0);
    await page.getByText("Näytä taulukkona").first().click();
    expect(await page.getByRole("columnheader", { name: "Jonosta poistuneet" }).count()).toBe(1);
    // The day table sits beside a chart and scrolls in its own region; this one fits.
    await expectTablesFit(page, ["Neuvojien yhteenvetoihin kirjaamat syyt, suurin ensin"]);
    await expectNoAxeViolations(page, "reports-queue-and-reasons");

    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Lataa yhteydenottojen syyt (CSV)" }).click();
    const csv = readFileSync((await (await download).path()) ?? "", "utf8");
    expect(csv).toBe("\ufeffid;Syy;Yhteenvedot;Osuus %\r\ntax-card;Verokortti;1;100,0\r\n");

    await page.getByRole("button", { name: "På svenska" }).click();
    await page.getByRole("region", { name: "Kontaktorsaker", exact: true }).waitFor();
    expect(await page.locator('[data-figure="queueAbandoned"] dt').textContent()).toBe(
      "Lämnade kön",
    );
    await expectNoAxeViolations(page, "reports-queue-and-reasons-sv");
  });
});
