/**
 * Issue 22's walkthrough of the customer widget in a small window (320 × 640), in Finnish and
 * Swedish, on an open weekday, a Saturday and a public holiday on a weekday (24.12.), with the
 * service clock set by FAKE_TIME: the title stays clear of the language button, the fixed
 * bottom leaves the conversation the room, the contact forms and the survey fit without
 * scrolling, survey errors go once fixed, and axe finds nothing. The customer also asks for
 * the hours and for a person; the whole transcript then says nothing twice and writes every
 * range with an en dash.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LocalServer } from "../../functions/local/localServer.ts";
import { OPEN_HOUR_ISO, startTestStack } from "../support/localStack.ts";
import { expectNothingSaidTwice } from "../support/saidTwice.ts";
import { hyphenRanges } from "../support/wording.ts";
import { axeViolations, HAS_CHROMIUM, launchChromium, screenshot } from "./support/browser.ts";

const DAYS = [
  { day: "open-weekday", at: OPEN_HOUR_ISO, open: true },
  { day: "saturday", at: "2026-11-28T10:00:00+02:00", open: false },
  { day: "christmas-eve-thursday", at: "2026-12-24T10:00:00+02:00", open: false },
] as const;

/** What asking for a person leads to: open with no advisor online, or closed that day. */
const PERSON_OUTCOME = {
  fi: { open: /ei valitettavasti ole juuri nyt vapaana/, closed: /seuraavan kerran paikalla/ },
  sv: { open: /ingen kundrådgivare ledig/, closed: /De är tillbaka/ },
} as const;

const SMALL = { width: 320, height: 640 } as const;

/** At most this share of the panel's height may go to what stays below the conversation. */
const FIXED_BOTTOM_MAX = 0.25;

const TEXT = {
  fi: {
    open: "Avaa chat",
    input: "Kirjoita kysymyksesi",
    callback: { ask: "Haluan soittopyynnön", action: /Soittopyyntö|soittopyyntö/ },
    appointment: { ask: "Haluan varata ajan", action: /Varaa|puhelinaika/i },
    cancel: "Peruuta",
    hours: "Milloin chat on auki?",
    person: "Haluan puhua asiakasneuvojan kanssa",
    end: "Lopeta keskustelu",
    submit: "Lähetä palaute",
    yes: "Kyllä",
    helpful: "Oliko vastauksesta apua?",
    notHelpful: "Ei, vastauksesta ei ollut apua",
    star: "3 tähteä viidestä",
    skip: "Ohita kysely",
  },
  sv: {
    open: "Öppna chatten",
    input: "Skriv din fråga",
    callback: { ask: "Jag vill begära återuppringning", action: /uppringd|återuppringning/i },
    appointment: { ask: "Jag vill boka en telefontid", action: /Boka/ },
    cancel: "Avbryt",
    hours: "När är chatten öppen?",
    person: "Jag vill prata med en kundrådgivare",
    end: "Avsluta chatten",
    submit: "Skicka respons",
    yes: "Ja",
    helpful: "Var svaret till hjälp?",
    notHelpful: "Nej, svaret var inte till hjälp",
    star: "3 stjärnor av fem",
    skip: "Hoppa över enkäten",
  },
} as const;

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
  height: number;
}

/** Boxes of the widget's parts inside its shadow root (undefined when not rendered). */
function boxes(page: Page): Promise<Record<string, Box | undefined>> {
  return page.evaluate(() => {
    const root = document.getElementById("asiointi-chat")?.shadowRoot;
    const box = (selector: string) => {
      const el = root?.querySelector<HTMLElement>(selector);
      if (!el || el.getClientRects().length === 0) return undefined;
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height };
    };
    // The heading's text itself, not its box: text that overflows runs past the box.
    const heading = root?.querySelector("#chat-title");
    let title: Box | undefined;
    if (heading) {
      const range = document.createRange();
      range.selectNodeContents(heading);
      const r = range.getBoundingClientRect();
      title = { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height };
    }
    return {
      title,
      switch: box("header .switch"),
      panel: box(".panel"),
      body: box(".body"),
      form: box(".form-area form"),
    };
  });
}

describe.skipIf(!HAS_CHROMIUM).each(DAYS)("web chat at 320 × 640 on $day", ({ day, at, open }) => {
  let stack: LocalServer;
  let browser: Browser;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([
      startTestStack({ env: { FAKE_TIME: at } }),
      launchChromium(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  async function expectNoAxeViolations(page: Page, state: string): Promise<void> {
    await screenshot(page, `layout-${day}-${state}`);
    expect(await axeViolations(page), `axe violations in state "${state}"`).toEqual([]);
  }

  async function ask(page: Page, lang: "fi" | "sv", question: string) {
    const before = await page.locator(".msg.bot").count();
    await page.getByRole("textbox", { name: TEXT[lang].input }).fill(question);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator(".msg.bot").count()).toBeGreaterThan(before);
    await page.waitForTimeout(300);
    return page.locator(".msg.bot").last();
  }

  /** The form is shown whole in the conversation area, so nothing in it needs scrolling to. */
  async function expectFormFits(page: Page, state: string): Promise<void> {
    const b = await boxes(page);
    expect(b.form, `a form is open in state "${state}"`).toBeDefined();
    expect(b.form?.height ?? 0, `the form's height in state "${state}"`).toBeLessThanOrEqual(
      b.body?.height ?? 0,
    );
  }

  it.each(["fi", "sv"] as const)("in %s", async (lang) => {
    const context = await browser.newContext({ bypassCSP: true, viewport: SMALL });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(String(error)));
    await page.goto(`${stack.url}/`);
    await page.getByRole("button", { name: TEXT.fi.open }).click();
    await expect.poll(() => page.locator(".msg.bot").count()).toBeGreaterThan(0);
    if (lang === "sv") {
      await page.getByRole("button", { name: "På svenska" }).click();
      await page.getByRole("button", { name: "Suomeksi" }).waitFor();
    }

    // The title, however long in this language, ends before the language button begins.
    const start = await boxes(page);
    expect(start.title?.right ?? 0, "the title runs under the language button").toBeLessThanOrEqual(
      start.switch?.left ?? 0,
    );
    if (!start.panel || !start.body) throw new Error("the chat panel is not shown");
    const panelHeight = start.panel.height;
    const fixedBottom = start.panel.bottom - start.body.bottom;
    expect(fixedBottom, "height below the conversation").toBeLessThanOrEqual(
      panelHeight * FIXED_BOTTOM_MAX,
    );
    await expectNoAxeViolations(page, `${lang}-open`);

    // Both contact forms fit whole, whatever the day offers.
    for (const kind of ["callback", "appointment"] as const) {
      const answer = await ask(page, lang, TEXT[lang][kind].ask);
      const action = answer.locator("button.action", { hasText: TEXT[lang][kind].action });
      expect(await action.count(), `the bot offers the ${kind} form`).toBeGreaterThan(0);
      await action.first().click();
      await page.locator(".form-area form h3").waitFor();
      await expectFormFits(page, `${lang}-${kind}`);
      await expectNoAxeViolations(page, `${lang}-${kind}-form`);
      await page.locator(".form-area").getByRole("button", { name: TEXT[lang].cancel }).click();
    }

    // The hours, and a person: open, closed for the weekend or for the holiday, each day
    // says what will actually happen.
    const hours = await ask(page, lang, TEXT[lang].hours);
    expect(await hours.textContent()).toMatch(/9\.00–16\.00/);
    const hoursId = await hours.getAttribute("data-id");
    // Only what came after asking: on a closed day the welcome says when advisors are in too.
    const said = await page.locator(".log .msg").count();
    await ask(page, lang, TEXT[lang].person);
    await expect
      .poll(async () => (await page.locator(".log .msg").allTextContents()).slice(said))
      .toContainEqual(expect.stringMatching(PERSON_OUTCOME[lang][open ? "open" : "closed"]));

    // A vote moves nothing in its row: the check mark has room kept for it, and the two
    // buttons stay together.
    const answered = page.locator(`li[data-id="${hoursId}"]`);
    const vote = answered.getByRole("group", { name: TEXT[lang].helpful });
    // Measured from the row's corner: the conversation scrolls as the bot's offer comes.
    const places = () =>
      vote.evaluate((row) => {
        const at = row.getBoundingClientRect();
        return [row, ...row.querySelectorAll("button")].map((e) => {
          const r = e.getBoundingClientRect();
          return [r.left - at.left, r.top - at.top, r.width, r.height];
        });
      });
    const unpressed = await places();
    expect(unpressed[1]?.[1], "the vote buttons on one line").toBe(unpressed[2]?.[1]);
    const no = vote.getByRole("button", { name: TEXT[lang].notHelpful });
    await no.click();
    await expect.poll(() => no.getAttribute("aria-pressed")).toBe("true");
    expect(await places(), "the vote row after pressing no").toEqual(unpressed);

    // The survey fits too; an error goes as soon as its question is answered.
    await page.getByRole("button", { name: TEXT[lang].end }).click();
    await page.locator(".form-area form.survey").waitFor();
    await expectFormFits(page, `${lang}-survey`);
    await page.getByRole("button", { name: TEXT[lang].submit }).click();
    const shownErrors = page.locator(".survey .field-error:visible");
    await expect.poll(() => shownErrors.count()).toBe(2);
    await expectNoAxeViolations(page, `${lang}-survey-errors`);
    await page.getByRole("radio", { name: TEXT[lang].yes, exact: true }).check();
    await expect.poll(() => shownErrors.count()).toBe(1);
    await page.getByRole("radio", { name: TEXT[lang].star }).check();
    await expect.poll(() => shownErrors.count()).toBe(0);
    expect(await page.locator(".survey [aria-invalid=true]").count()).toBe(0);
    await page.getByRole("button", { name: TEXT[lang].skip }).click();
    await page.locator(".ended").waitFor();
    await expectNoAxeViolations(page, `${lang}-ended`);

    const transcript = await page.locator(".log .msg").evaluateAll((items) =>
      items.map((li) => ({
        from: ["system", "bot", "customer", "advisor"].find((c) => li.classList.contains(c)) ?? "",
        text: (li.childNodes[1]?.textContent ?? "").trim(),
      })),
    );
    expect(transcript.filter((m) => m.from === "customer")).toHaveLength(4);
    expectNothingSaidTwice(transcript);
    expect(transcript.flatMap((m) => hyphenRanges(m.text))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

/** A phone's width: the cancel-or-move form with its two lists (day, then time). */
const PHONE = { width: 360, height: 640 } as const;

const MOVE = {
  fi: {
    ask: "miten siirrän puhelinajan",
    action: "Peru tai siirrä aika",
    reference: "Varauksen viite",
    phone: "Puhelinnumero",
    move: "Siirrä uuteen aikaan",
    day: "Päivä",
    time: "Uusi aika",
  },
  sv: {
    ask: "flytta min bokade tid",
    action: "Avboka eller flytta tid",
    reference: "Bokningens referens",
    phone: "Telefonnummer",
    move: "Flytta till den nya tiden",
    day: "Dag",
    time: "Ny tid",
  },
} as const;

describe.skipIf(!HAS_CHROMIUM)("the cancel-or-move form's two lists at 360 px", () => {
  let stack: LocalServer;
  let browser: Browser;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([
      startTestStack({ env: { FAKE_TIME: OPEN_HOUR_ISO } }),
      launchChromium(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  // Swedish with a Finnish booking: the longer words, and the sentence above both lists that
  // says the times are the Finnish service's.
  it.each([
    ["fi", "fi", "040 765 1001"],
    ["sv", "fi", "040 765 1002"],
  ] as const)("in %s, a booking made in %s", async (lang, bookedIn, phone) => {
    const slots = await fetch(`${stack.url}/api/appointments/slots?lang=${bookedIn}`).then(
      (r) => r.json() as Promise<{ slots: { slotId: string }[] }>,
    );
    const booked = await fetch(`${stack.url}/api/appointments`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ slotId: slots.slots[0]?.slotId, lang: bookedIn, phone }),
    }).then((r) => r.json() as Promise<{ reference: string }>);
    const context = await browser.newContext({ bypassCSP: true, viewport: PHONE });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(String(error)));
    await page.goto(`${stack.url}/`);
    await page.getByRole("button", { name: TEXT.fi.open }).click();
    await expect.poll(() => page.locator(".msg.bot").count()).toBeGreaterThan(0);
    if (lang === "sv") {
      await page.getByRole("button", { name: "På svenska" }).click();
      await page.getByRole("button", { name: "Suomeksi" }).waitFor();
    }
    const t = MOVE[lang];
    const before = await page.locator(".msg.bot").count();
    await page.getByRole("textbox", { name: TEXT[lang].input }).fill(t.ask);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator(".msg.bot").count()).toBeGreaterThan(before);
    await page.locator(".msg.bot").last().getByRole("button", { name: t.action }).click();
    await page.getByRole("textbox", { name: t.reference }).fill(booked.reference);
    await page.getByRole("textbox", { name: t.phone }).fill(phone);
    await page.getByRole("button", { name: t.move }).click();
    const day = page.getByRole("combobox", { name: t.day });
    const time = page.getByRole("combobox", { name: t.time });
    await expect.poll(() => time.count()).toBe(1);
    await expect.poll(() => time.locator("option").count()).toBeGreaterThan(1);

    // Nothing runs past the panel or the form sideways, at either list or their labels.
    const layout = await page.evaluate(() => {
      const root = document.getElementById("asiointi-chat")?.shadowRoot;
      const panel = root?.querySelector<HTMLElement>(".panel");
      const form = root?.querySelector<HTMLElement>(".form-area form");
      if (!panel || !form) return undefined;
      const edge = form.getBoundingClientRect();
      const outside = [...form.querySelectorAll<HTMLElement>("*")]
        .filter((e) => e.getClientRects().length > 0)
        .filter((e) => {
          const r = e.getBoundingClientRect();
          return r.left < edge.left - 0.5 || r.right > edge.right + 0.5;
        })
        .map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
      return {
        page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        panel: panel.scrollWidth - panel.clientWidth,
        form: form.scrollWidth - form.clientWidth,
        outside,
      };
    });
    expect(layout).toEqual({ page: 0, panel: 0, form: 0, outside: [] });

    // Both lists' labels are shown whole, above their lists, with the lists in the form's width.
    for (const list of [day, time]) {
      const shown = await list.evaluate((select) => {
        const label =
          select.getRootNode() instanceof ShadowRoot
            ? (select.getRootNode() as ShadowRoot).querySelector<HTMLElement>(
                `label[for="${select.id}"]`,
              )
            : null;
        if (!label) return undefined;
        const l = label.getBoundingClientRect();
        const s = select.getBoundingClientRect();
        return {
          visible: l.width > 0 && l.height > 0 && getComputedStyle(label).visibility === "visible",
          whole: label.scrollWidth <= label.clientWidth,
          above: l.bottom <= s.top + 0.5,
          text: label.textContent,
          width: s.width,
        };
      });
      expect(shown).toMatchObject({ visible: true, whole: true, above: true });
      expect(shown?.width ?? 0).toBeGreaterThan(PHONE.width / 2);
    }
    expect(await day.isVisible()).toBe(true);
    expect(await time.isVisible()).toBe(true);
    await screenshot(page, `layout-360-${lang}-move-${bookedIn}-booking`);
    expect(await axeViolations(page), "axe violations in the move form").toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
