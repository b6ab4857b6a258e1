/**
 * The customer web chat in Debian's Chromium against the real local stack (in memory):
 * conversation in Finnish and Swedish, login, callback and appointment forms, reloads and
 * dropped connections, survey; axe-core finds no violations in any state.
 */
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDynamoClients } from "../../functions/adapters/dynamodb/client.ts";
import { createDynamoAppointmentStore } from "../../functions/adapters/dynamodb/dynamoContactStore.ts";
import { tableNames } from "../../functions/adapters/dynamodb/tables.ts";
import { closeAppointment } from "../../functions/domain/contact/appointments.ts";
import { phrase } from "../../functions/domain/dialogue/phrases.ts";
import { rateLimitedMessage } from "../../functions/domain/limits/requestLimits.ts";
import { limitEventRate } from "../../functions/gateway/rateLimit.ts";
import type { LocalServer } from "../../functions/local/localServer.ts";
import { UI } from "../../web-chat/src/i18n.ts";
import { availableAdvisor } from "../support/advisorConsole.ts";
import { expectNothingSaidTwice } from "../support/saidTwice.ts";
import { axeViolations, HAS_CHROMIUM, launchChromium, screenshot } from "./support/browser.ts";
import { startOpenStack } from "./support/stack.ts";

describe.skipIf(!HAS_CHROMIUM)("customer web chat in Chromium", () => {
  let stack: LocalServer;
  let browser: Browser;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startOpenStack(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  async function customerPage(
    options: { width?: number; height?: number; reducedMotion?: boolean } = {},
  ) {
    // bypassCSP: axe-core is injected as an inline script; the widget itself runs under the CSP.
    const context = await browser.newContext({
      bypassCSP: true,
      viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
      reducedMotion: options.reducedMotion ? "reduce" : "no-preference",
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(String(error)));
    await page.goto(`${stack.url}/`);
    return { context, page, errors };
  }

  const panel = (page: Page) => page.getByRole("dialog");
  const messages = (page: Page) => page.locator(".log:not(.pending-list) > li");

  async function openChat(page: Page): Promise<void> {
    await page.getByRole("button", { name: /Avaa chat|Öppna chatten/ }).click();
    await expect.poll(() => messages(page).count()).toBeGreaterThan(0);
    await expect.poll(() => panel(page).getAttribute("data-connection")).toBe("online");
  }

  async function ask(page: Page, question: string): Promise<Locator> {
    const before = await page.locator(".msg.bot").count();
    await page
      .getByRole("textbox", { name: /Kirjoita kysymyksesi|Skriv din fråga/ })
      .fill(question);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator(".msg.bot").count()).toBeGreaterThan(before);
    return page.locator(".msg.bot").last();
  }

  async function expectNoAxeViolations(page: Page, state: string): Promise<void> {
    await screenshot(page, state);
    expect(await axeViolations(page), `axe violations in state "${state}"`).toEqual([]);
  }

  it("chats in Finnish, keyboard only: welcome, answer with quick replies, no axe violations", async () => {
    const { context, page, errors } = await customerPage();
    await expectNoAxeViolations(page, "fi-closed");

    // Keyboard only: Tab to the launcher, Enter opens the dialog and focus lands in the input.
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press("Tab");
      if ((await page.evaluate(() => document.activeElement?.id)) === "asiointi-chat") break;
    }
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("asiointi-chat");
    await page.keyboard.press("Enter");
    await expect.poll(() => messages(page).count()).toBeGreaterThan(0);
    const focused = () =>
      page.evaluate(() => document.getElementById("asiointi-chat")?.shadowRoot?.activeElement?.id);
    expect(await focused()).toBe("chat-input");
    await expect
      .poll(() => messages(page).first().textContent())
      .toMatch(/yksi kysymys|yhden kysymyksen/i);
    await expect
      .poll(() => messages(page).allTextContents())
      .toEqual(expect.arrayContaining([expect.stringMatching(/9[.:]00/)]));
    await expectNoAxeViolations(page, "fi-open");

    const answer = await ask(page, "Milloin saan veronpalautuksen?");
    expect(await answer.textContent()).toMatch(/palautus/i);
    expect(await answer.locator("button.reply").count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, "fi-answer-with-quick-replies");

    // A quick reply is sent as the customer's next message.
    const reply = answer.locator("button.reply:not(.action)").first();
    const replyText = (await reply.textContent()) ?? "";
    await reply.click();
    await expect
      .poll(() => page.locator(".msg.customer").last().textContent())
      .toContain(replyText);

    // Escape closes the dialog and gives focus back to the launcher.
    await page.keyboard.press("Escape");
    expect(await panel(page).isVisible()).toBe(false);
    expect(
      await page.evaluate(
        () => document.getElementById("asiointi-chat")?.shadowRoot?.activeElement?.className,
      ),
    ).toBe("launcher");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("switches to Swedish inside the chat and keeps the conversation", async () => {
    const { context, page } = await customerPage();
    await openChat(page);
    await ask(page, "Milloin saan veronpalautuksen?");
    const before = await messages(page).count();
    await page.getByRole("button", { name: "På svenska" }).click();
    await expect
      .poll(() => page.getByRole("heading", { name: "Skatteförvaltningens chatt" }).count())
      .toBe(1);
    expect(await messages(page).count()).toBeGreaterThanOrEqual(before);
    expect(await page.locator("#asiointi-chat").getAttribute("lang")).toBe("sv");
    const answer = await ask(page, "När får jag min skatteåterbäring?");
    expect(await answer.textContent()).toMatch(/återbäring/i);
    await page.getByRole("textbox", { name: "Skriv din fråga" }).focus();
    await expectNoAxeViolations(page, "sv-answer");

    // Each message keeps the language it is written in (a screen reader's voice), labelled in
    // it: the Finnish part stays Finnish, the note of the switch is Swedish.
    const languages = () =>
      messages(page).evaluateAll((items) =>
        items.map((li) => [
          li.getAttribute("lang"),
          li.querySelector(".who")?.textContent,
          li.lastChild?.nodeType === Node.TEXT_NODE ? li.lastChild.textContent : "",
        ]),
      );
    const shown = await languages();
    expect(shown.slice(0, before).every(([lang]) => lang === "fi")).toBe(true);
    expect(shown.slice(0, before).map(([, who]) => who)).toContain("Sinä");
    expect(shown).toContainEqual(["sv", "Meddelande", "Chatten fortsätter på svenska."]);
    expect(shown.at(-2)?.slice(0, 2)).toEqual(["sv", "Du"]);
    expect(shown.at(-1)?.[0]).toBe("sv");
    // A reload replays the conversation with the same languages.
    await page.reload();
    await expect.poll(() => messages(page).count()).toBe(shown.length);
    expect(await languages()).toEqual(shown);
    await context.close();
  });

  it("keeps a Swedish chat Swedish for a Finnish name or word, and points English to vero.fi/en", async () => {
    const { context, page } = await customerPage();
    await openChat(page);
    await page.getByRole("button", { name: "På svenska" }).click();
    await expect.poll(() => page.locator("#asiointi-chat").getAttribute("lang")).toBe("sv");

    // One Finnish word: recognised (the tax card) but answered in Swedish, with no offer.
    const answer = await ask(page, "verokortti");
    expect(await answer.textContent()).toMatch(/skattekort/i);
    expect(await answer.getAttribute("lang")).toBe("sv");
    const kela = await ask(page, "Kela");
    expect(await kela.textContent()).toMatch(/FPA/);
    expect(await page.getByRole("button", { name: phrase("switchToThis", "fi") }).count()).toBe(0);

    // English: no answer, in Swedish, with the English pages first.
    const english = await ask(page, "How do I get a tax card?");
    expect(await english.textContent()).toContain(phrase("inEnglish", "sv"));
    expect(await english.getAttribute("lang")).toBe("sv");
    const link = english.getByRole("link", { name: "vero.fi in English" });
    expect(await link.getAttribute("href")).toBe("https://www.vero.fi/en/");
    await expectNoAxeViolations(page, "sv-english-pointer");
    await context.close();
  });

  it("stays in the chat's language when the server refuses the switch, and says so in it", async () => {
    const { context, page } = await customerPage();
    await openChat(page);
    // A reply with no answer offers a person (the stack is at an open hour).
    const miss = await ask(page, "kvarkki zebra lohikäärme");
    const person = miss.getByRole("button", { name: "Asiakasneuvoja" });
    expect(await person.count()).toBe(1);
    const chatId = await page.evaluate(
      () => JSON.parse(sessionStorage.getItem("asiointi-chat") ?? "{}").chatId as string,
    );
    const chatSockets = () =>
      [...stack.io.of("/chat").sockets.values()].filter((s) => s.data.chatId === chatId);
    const [refusing] = chatSockets();
    if (!refusing) throw new Error("the widget's connection is not on the server");
    // The server's own per-connection limit with an empty bucket: the switch is answered
    // RATE_LIMITED, as for a customer who has clicked too much.
    limitEventRate(refusing, { burst: 0, perSecond: 0 });

    const switchButton = page.getByRole("button", { name: "På svenska" });
    await switchButton.click();
    const refusal = page.locator(".msg.system.local").last();
    await expect.poll(() => refusal.textContent()).toContain("ei voitu vaihtaa ruotsiksi");
    expect(await refusal.getAttribute("lang")).toBe("fi");
    expect(await refusal.locator(".who").textContent()).toBe("Ilmoitus");
    // Everything is still Finnish, as the chat is: heading, host language, field, the switch.
    expect(await page.getByRole("heading", { name: "Verohallinnon chat" }).count()).toBe(1);
    expect(await page.locator("#asiointi-chat").getAttribute("lang")).toBe("fi");
    expect(await page.getByRole("textbox", { name: "Kirjoita kysymyksesi" }).count()).toBe(1);
    expect(await switchButton.count()).toBe(1);
    expect(
      await page.evaluate(
        () => document.getElementById("asiointi-chat")?.shadowRoot?.activeElement?.className,
      ),
    ).toBe("switch");
    expect(
      await messages(page).evaluateAll((li) => li.map((m) => m.getAttribute("lang"))),
    ).not.toContain("sv");
    await expectNoAxeViolations(page, "fi-switch-refused");
    // A request for a person refused by the same limit is worded in the UI's language only
    // (the connection's own refusal is in both, as it does not know the chat's).
    const notes = page.locator(".msg.system.local");
    const notesBefore = await notes.count();
    await person.click();
    await expect.poll(() => notes.count()).toBe(notesBefore + 1);
    expect(await notes.last().textContent()).toBe(`Ilmoitus${rateLimitedMessage("fi")}`);
    // A reload resumes in the chat's language, not the one refused.
    await page.reload();
    await expect.poll(() => panel(page).getAttribute("data-connection")).toBe("online");
    expect(await page.getByRole("heading", { name: "Verohallinnon chat" }).count()).toBe(1);

    // On the new connection the same switch goes through.
    await expect.poll(() => chatSockets().some((s) => s.id !== refusing.id)).toBe(true);
    await page.getByRole("button", { name: "På svenska" }).click();
    await expect
      .poll(() => page.getByRole("heading", { name: "Skatteförvaltningens chatt" }).count())
      .toBe(1);
    await expect
      .poll(() => messages(page).last().textContent())
      .toContain("Chatten fortsätter på svenska.");
    await context.close();
  });

  it("shows a message refused while the language switches as not sent, in the new language, and sends it again", async () => {
    const { context, page } = await customerPage({ width: 360 });
    await openChat(page);
    const chatId = await page.evaluate(
      () => JSON.parse(sessionStorage.getItem("asiointi-chat") ?? "{}").chatId as string,
    );
    const [socket] = [...stack.io.of("/chat").sockets.values()].filter(
      (s) => s.data.chatId === chatId,
    );
    if (!socket) throw new Error("the widget's connection is not on the server");
    // One event's room: the switch takes it, and the message sent while it is in flight is
    // refused RATE_LIMITED; another comes back two seconds later.
    limitEventRate(socket, { burst: 1, perSecond: 0.5 });
    // The switch takes its time on the server, so the message surely goes while it is in flight.
    socket.use((packet, next) => {
      if (packet[0] === "chat:language") setTimeout(next, 800);
      else next();
    });

    const input = page.locator("#chat-input");
    await input.fill("Hej, får jag hjälp?");
    await page.getByRole("button", { name: "På svenska" }).click();
    await input.press("Enter");

    await page.getByRole("button", { name: "Suomeksi" }).waitFor();
    const refused = page.locator(".msg.refused");
    await expect.poll(() => refused.count()).toBe(1);
    await expect.poll(() => refused.locator(".who").textContent()).toBe("Inte skickat");
    expect(await refused.textContent()).toContain("Hej, får jag hjälp?");
    expect(await refused.locator(".why").textContent()).toBe(UI.sv.messageNotSentBusy);
    expect(await refused.getAttribute("lang")).toBe("sv");
    await expectNoAxeViolations(page, "sv-message-refused-360px");

    await page.waitForTimeout(2_100);
    await refused.getByRole("button", { name: "Skicka igen" }).click();
    const sent = page.locator(".log .msg.customer", { hasText: "Hej, får jag hjälp?" });
    await expect.poll(() => sent.count()).toBe(1);
    await expect.poll(() => refused.count()).toBe(0);
    await context.close();
  });

  it("renders server text as text: markup typed by the customer is not injected", async () => {
    const { context, page } = await customerPage();
    await openChat(page);
    await ask(page, '<img src=x onerror="window.__pwned=1"><b>veronpalautus</b>');
    expect(await page.locator(".msg.customer").last().textContent()).toContain("<img src=x");
    expect(await page.locator(".log img, .log b").count()).toBe(0);
    expect(await page.evaluate(() => "__pwned" in window)).toBe(false);
    await context.close();
  });

  it("takes a vote on another agency's pointer as on an answer, and offers the ways onward after a no", async () => {
    const { context, page } = await customerPage();
    await openChat(page);
    // Taxing a Kela benefit is ours, yet the bot points to Kela: the customer can say so.
    const question = "Miten sairauspäiväraha verotetaan?";
    await ask(page, question);
    // Pinned by place: the offer that follows the vote becomes the last bot message.
    const pointer = page.locator(".msg.bot").nth((await page.locator(".msg.bot").count()) - 1);
    expect(await pointer.textContent()).toMatch(/Kela/);
    await pointer.getByRole("group", { name: "Oliko vastauksesta apua?" }).waitFor();
    const no = pointer.getByRole("button", { name: "Ei, vastauksesta ei ollut apua" });
    const before = await page.locator(".msg.bot").count();
    await no.click();
    await expect.poll(() => no.getAttribute("aria-pressed")).toBe("true");
    // Not just a thank-you: other words, the search with the question's words, the channels.
    await expect.poll(() => page.locator(".msg.bot").count()).toBe(before + 1);
    const onward = page.locator(".msg.bot").last();
    expect(await onward.textContent()).toMatch(/Kirjoita kysymyksesi vähän toisin sanoin/);
    const search = onward.getByRole("link", { name: /Hae vero\.fi:stä/ });
    const href = new URL((await search.getAttribute("href")) ?? "");
    expect(href.searchParams.get("q")).toBe(question);
    for (const name of ["Asiakasneuvoja", "Soittopyyntö", "Varaa aika"]) {
      expect(await onward.getByRole("button", { name }).count(), name).toBe(1);
    }
    await expectNoAxeViolations(page, "fi-referral-voted");
    await context.close();
  });

  it("callback form inside the chat: errors name the field, a valid request gets a reference", async () => {
    const { context, page } = await customerPage({ width: 320 });
    await openChat(page);
    // The advisor who calls back sees what the chat was about: the tax question, not the
    // callback request that came after it.
    await ask(page, "Milloin jäännösvero pitää maksaa?");
    await openContactForm(page, "callback", /Soittopyyntö/);
    await page.getByRole("button", { name: "Lähetä soittopyyntö" }).click();
    const phone = page.getByRole("textbox", { name: "Puhelinnumero" });
    expect(await phone.getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator(".field-error:visible").first().textContent()).toMatch(
      /^Puhelinnumero:/,
    );
    await phone.fill("abc");
    await page.getByRole("button", { name: "Lähetä soittopyyntö" }).click();
    expect(await page.locator(".field-error:visible").first().textContent()).toMatch(
      /^Puhelinnumero:.*040 123 4567/,
    );
    await expectNoAxeViolations(page, "fi-callback-form-errors-320px");
    await expectNoHorizontalOverflow(page);

    await phone.fill("040 123 4567");
    await page.getByRole("radio", { name: "Aamupäivällä 9–12" }).check();
    const sent = page.waitForRequest(
      (r) => r.url().endsWith("/api/callbacks") && r.method() === "POST",
    );
    await page.getByRole("button", { name: "Lähetä soittopyyntö" }).click();
    expect((await sent).postDataJSON()).toMatchObject({ topic: "residual-tax" });
    await expect
      .poll(() => page.locator(".msg.local").last().textContent())
      .toMatch(/SP-[0-9A-Z]{6}/);
    await context.close();
  });

  it("a second callback request for the same number is refused in the form, naming the open one", async () => {
    const first = await customerPage();
    await openChat(first.page);
    await openContactForm(first.page, "callback", /Soittopyyntö/);
    await first.page.getByRole("textbox", { name: "Puhelinnumero" }).fill("040 987 1122");
    await first.page.getByRole("button", { name: "Lähetä soittopyyntö" }).click();
    await expect
      .poll(() => first.page.locator(".msg.local").last().textContent())
      .toMatch(/SP-[0-9A-Z]{6}/);
    const reference = (await first.page.locator(".msg.local").last().textContent())?.match(
      /SP-[0-9A-Z]{6}/,
    )?.[0];
    await first.context.close();

    const { context, page } = await customerPage({ width: 320 });
    await openChat(page);
    await openContactForm(page, "callback", /Soittopyyntö/);
    await page.getByRole("textbox", { name: "Puhelinnumero" }).fill("+358 40 9871122");
    await page.getByRole("button", { name: "Lähetä soittopyyntö" }).click();
    const refusal = page.locator(".contact-form .form-error:visible");
    await expect.poll(() => refusal.textContent()).toContain(`(viite ${reference})`);
    expect(await refusal.textContent()).toMatch(/^Olemme jo vastaanottaneet soittopyyntösi/);
    expect(await activeClass(page)).toContain("form-error");
    await expectNoAxeViolations(page, "fi-callback-already-open-320px");
    await expectNoHorizontalOverflow(page);
    await context.close();
  });

  it("appointment form inside the chat books a free slot", async () => {
    const { context, page } = await customerPage();
    await openChat(page);
    await openContactForm(page, "appointment", /Varaa aika/);
    const slot = page.getByRole("combobox", { name: "Vapaa aika" });
    await expect.poll(() => slot.locator("option").count()).toBeGreaterThan(1);
    await page.getByRole("button", { name: "Varaa valittu aika" }).click();
    expect(await slot.getAttribute("aria-invalid")).toBe("true");
    await slot.selectOption({ index: 1 });
    await page.getByRole("textbox", { name: "Puhelinnumero" }).fill("+358 40 765 4321");
    await expectNoAxeViolations(page, "fi-appointment-form");
    await page.getByRole("button", { name: "Varaa valittu aika" }).click();
    await expect
      .poll(() => page.locator(".msg.local").last().textContent())
      .toMatch(/AV-[0-9A-Z]{8}/);
    await context.close();
  });

  it("after a refusal that belongs to no field, focus is on the message, read, and Tab goes on to the button", async () => {
    const { context, page } = await customerPage({ width: 360 });
    await openChat(page);
    await openContactForm(page, "callback", /Soittopyyntö/);
    // Keyboard only: from the heading to the phone field, past the choices, to the button.
    await page.keyboard.press("Tab");
    await page.keyboard.type("040 123 4567");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    expect(await activeClass(page)).toBe("primary");
    // The service unreachable: the button was disabled while sending, which dropped focus.
    await page.route("**/api/callbacks", (route) => route.abort());
    await page.keyboard.press("Enter");
    const message = page.locator(".contact-form .form-error");
    await expect.poll(() => activeClass(page)).toContain("form-error");
    expect(await message.textContent()).toBe(
      "Lähetys epäonnistui. Yritä hetken kuluttua uudelleen.",
    );
    await expectNoAxeViolations(page, "fi-callback-failed-360px");
    await page.keyboard.press("Tab");
    expect(await activeClass(page)).toBe("primary");
    // Too many requests: the server's polite words for it, focused the same way.
    await page.unroute("**/api/callbacks");
    await page.route("**/api/callbacks", (route) =>
      route.fulfill({
        status: 429,
        contentType: "application/json",
        body: JSON.stringify({ error: { code: "RATE_LIMITED", message: "x" } }),
      }),
    );
    await page.keyboard.press("Enter");
    await expect.poll(() => message.textContent()).toBe(rateLimitedMessage("fi"));
    expect(await activeClass(page)).toContain("form-error");
    await context.close();
  });

  it("books from a list of days, then that day's times, in the chat's words; a switch of language keeps what was entered", async () => {
    const { context, page } = await customerPage({ width: 360 });
    await openChat(page);
    await openContactForm(page, "appointment", /Varaa aika/);
    const day = page.getByRole("combobox", { name: "Päivä" });
    const time = page.getByRole("combobox", { name: "Vapaa aika" });
    await expect.poll(() => day.locator("option").count()).toBeGreaterThan(5);
    const days = await day.locator("option").allTextContents();
    // Each day once, as a heading says it; the first ones as today and tomorrow too.
    expect(new Set(days).size).toBe(days.length);
    expect(days[0]).toMatch(/^tänään, tiistai 24\.11\.$/);
    expect(days[1]).toMatch(/^huomenna, keskiviikko 25\.11\.$/);
    expect(days).toContain("tiistai 1.12.");
    await day.selectOption({ label: "tiistai 1.12." });
    const times = await time.locator("option").allTextContents();
    expect(times[0]).toBe("–");
    expect(times.slice(1)).toEqual(times.slice(1).map((t) => t.match(/^klo \d{1,2}\.\d{2}$/)?.[0]));
    expect(times.length).toBeLessThanOrEqual(1 + 14);
    await time.selectOption({ label: "klo 10.30" });
    const phone = page.getByRole("textbox", { name: "Puhelinnumero" });
    await phone.fill("040 765 1100");
    await expectNoAxeViolations(page, "fi-appointment-days-and-times-360px");

    // Switched to Swedish with the form open: built anew in Swedish, nothing entered lost; the
    // same time, now the Swedish service's, and focus where the customer pressed.
    await page.getByRole("button", { name: "På svenska" }).click();
    const dag = page.getByRole("combobox", { name: "Dag" });
    const tid = page.getByRole("combobox", { name: "Ledig tid" });
    await expect.poll(() => tid.inputValue()).toBe("sv-2026-12-01T0830Z");
    expect(await dag.locator("option:checked").textContent()).toBe("tisdag 1.12");
    expect(await tid.locator("option:checked").textContent()).toBe("kl. 10.30");
    expect(await page.getByRole("textbox", { name: "Telefonnummer" }).inputValue()).toBe(
      "040 765 1100",
    );
    expect(await activeClass(page)).toBe("switch");
    await expectNoAxeViolations(page, "sv-appointment-kept-after-switch-360px");
    await page.getByRole("button", { name: "Boka den valda tiden" }).click();
    await expect
      .poll(() => page.locator(".msg.local").last().textContent())
      .toMatch(/tisdag 1\.12 kl\. 10\.30.*AV-[0-9A-Z]{8}/s);
    await context.close();
  });

  it("a switch of language keeps the callback's number and window, and the survey's answers", async () => {
    const { context, page } = await customerPage();
    await openChat(page);
    await openContactForm(page, "callback", /Soittopyyntö/);
    await page.getByRole("textbox", { name: "Puhelinnumero" }).fill("040 765 2200");
    await page.getByRole("radio", { name: "Iltapäivällä 12–16" }).check();
    await page.getByRole("button", { name: "På svenska" }).click();
    await expect
      .poll(() => page.getByRole("textbox", { name: "Telefonnummer" }).inputValue())
      .toBe("040 765 2200");
    expect(await page.getByRole("radio", { name: "På eftermiddagen 12–16" }).isChecked()).toBe(
      true,
    );
    await page.getByRole("button", { name: "Avbryt" }).click();

    await page.getByRole("button", { name: "Avsluta chatten" }).click();
    const enkät = page.getByRole("form", { name: "Hur lyckades vi i chatten?" });
    await expect.poll(() => enkät.count()).toBe(1);
    await page.getByRole("radio", { name: "Nej" }).check();
    await page.getByRole("radio", { name: "3 stjärnor av fem" }).check();
    await page.getByRole("textbox", { name: /Vill du berätta/ }).fill("Bra.");
    await page.getByRole("button", { name: "Suomeksi" }).click();
    const survey = page.getByRole("form", { name: "Miten onnistuimme chatissa?" });
    await expect.poll(() => survey.count()).toBe(1);
    expect(await page.getByRole("radio", { name: "Ei" }).isChecked()).toBe(true);
    expect(await page.getByRole("radio", { name: "3 tähteä viidestä" }).isChecked()).toBe(true);
    // The stars up to the chosen one are lit, as after choosing.
    expect(await survey.locator("label.on").count()).toBe(3);
    expect(await page.getByRole("textbox", { name: /Kertoisitko vielä/ }).inputValue()).toBe(
      "Bra.",
    );
    await context.close();
  });

  it("cancels a booked appointment in the chat with its reference and phone number", async () => {
    const { context, page } = await customerPage();
    await openChat(page);
    await openContactForm(page, "appointment", /Varaa aika/);
    const slot = page.getByRole("combobox", { name: "Vapaa aika" });
    await expect.poll(() => slot.locator("option").count()).toBeGreaterThan(1);
    await slot.selectOption({ index: 1 });
    await page.getByRole("textbox", { name: "Puhelinnumero" }).fill("040 111 2233");
    await page.getByRole("button", { name: "Varaa valittu aika" }).click();
    await expect
      .poll(() => page.locator(".msg.local").last().textContent())
      .toMatch(/AV-[0-9A-Z]{8}/);
    const confirmation = (await page.locator(".msg.local").last().textContent()) ?? "";
    const reference = confirmation.match(/AV-[0-9A-Z]{8}/)?.[0] as string;
    // The reference once: the widget no longer puts its own "your reference is" before it.
    expect(confirmation.split(reference)).toHaveLength(2);

    const answer = await ask(page, "miten peruutan puhelinajan");
    await answer.getByRole("button", { name: "Peru tai siirrä aika" }).click();
    await page.getByRole("textbox", { name: "Varauksen viite" }).fill(reference);
    await page.getByRole("textbox", { name: "Puhelinnumero" }).fill("0401112233");
    await expectNoAxeViolations(page, "fi-appointment-change-form");
    await page.getByRole("button", { name: "Peru aika" }).click();
    await expect.poll(() => page.locator(".msg.system").last().textContent()).toMatch(/on peruttu/);
    const log = await page.locator(".log .msg").evaluateAll((items) =>
      items.map((li) => ({
        from: ["system", "bot", "customer", "advisor"].find((c) => li.classList.contains(c)) ?? "",
        text: (li.childNodes[1]?.textContent ?? "").trim(),
      })),
    );
    expectNothingSaidTwice(log);
    await context.close();
  });

  it("cancel-or-move form in Swedish at 360 px: fits, errors at their field are read, a Finnish booking's notice is Finnish", async () => {
    const { context, page } = await customerPage({ width: 360 });
    await openChat(page);
    await page.getByRole("button", { name: "På svenska" }).click();
    await expect.poll(() => page.locator("#asiointi-chat").getAttribute("lang")).toBe("sv");
    const answer = await ask(page, "Jag vill avboka min telefontid");
    await answer.getByRole("button", { name: "Avboka eller flytta tid" }).click();
    const form = page.getByRole("form", { name: "Avboka eller flytta tid" });
    await expect.poll(() => form.count()).toBe(1);
    // Like the callback and booking forms: the message box and privacy line step aside.
    expect(await page.getByRole("textbox", { name: "Skriv din fråga" }).isVisible()).toBe(false);
    expect(await page.locator(".privacy").isVisible()).toBe(false);
    // The reference field looks like the phone field beside it (it was left unstyled).
    const reference = page.getByRole("textbox", { name: "Bokningens referens" });
    const phone = page.getByRole("textbox", { name: "Telefonnummer" });
    const box = (l: typeof reference) =>
      l.evaluate((e) => {
        const c = getComputedStyle(e);
        return [e.getBoundingClientRect().height, c.borderTopColor, c.borderTopWidth];
      });
    expect(await box(reference)).toEqual(await box(phone));

    // Enter in the empty field: focus was there already, so it is entered anew for a screen
    // reader to read it again, now invalid and described by its error.
    await reference.focus();
    await reference.evaluate((e) => {
      e.addEventListener("focus", () => e.setAttribute("data-focused-again", "yes"));
    });
    await page.keyboard.press("Enter");
    await expect.poll(() => reference.getAttribute("aria-invalid")).toBe("true");
    expect(await reference.getAttribute("data-focused-again")).toBe("yes");
    const errorId = (await reference.getAttribute("aria-describedby"))?.split(" ").at(-1);
    expect(await page.locator(`[id="${errorId}"]`).textContent()).toMatch(/^Bokningens referens:/);
    await expectNoAxeViolations(page, "sv-appointment-change-form-error-360px");
    await expectNoHorizontalOverflow(page);

    // A booking made in Finnish: moving it offers the Finnish service's times (its advisors
    // keep it), labelled in Swedish, and one sentence says why they are not the Swedish ones.
    const slots = await fetch(`${stack.url}/api/appointments/slots?lang=fi`).then(
      (r) => r.json() as Promise<{ slots: { slotId: string }[] }>,
    );
    const booked = await fetch(`${stack.url}/api/appointments`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ slotId: slots.slots[0]?.slotId, lang: "fi", phone: "040 222 3344" }),
    }).then((r) => r.json() as Promise<{ reference: string }>);
    await reference.fill(booked.reference);
    await phone.fill("040 222 3344");
    const newSlot = page.getByRole("combobox", { name: "Ny tid" });
    const newDay = page.getByRole("combobox", { name: "Dag" });
    expect(await newSlot.count()).toBe(0);
    await page.getByRole("button", { name: "Flytta till den nya tiden" }).click();
    await expect.poll(() => newSlot.count()).toBe(1);
    const optionValues = await newSlot
      .locator("option")
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(optionValues.length).toBeGreaterThan(0);
    expect(optionValues.every((v) => v.startsWith("fi-"))).toBe(true);
    expect(await newSlot.locator("option").nth(1).textContent()).toMatch(/^kl\. \d/);
    // Said above both lists, with the first of them: the times below are the Finnish service's.
    const hintId = (await newDay.getAttribute("aria-describedby"))?.split(" ")[0];
    expect(await page.locator(`[id="${hintId}"]`).textContent()).toBe(
      "Din tid är bokad i den finskspråkiga servicen, så tiderna nedan är den finskspråkiga servicens lediga tider.",
    );
    expect(
      await page.evaluate(
        () => document.getElementById("asiointi-chat")?.shadowRoot?.activeElement?.tagName,
      ),
    ).toBe("SELECT");
    await expectNoAxeViolations(page, "sv-appointment-move-finnish-booking-360px");
    await expectNoHorizontalOverflow(page);
    // Cancelling works whatever its language; the notice is in Finnish words, and marked so.
    await page.getByRole("button", { name: "Avboka tiden" }).click();
    const notice = page.locator(".msg.system", { hasText: booked.reference });
    await expect.poll(() => notice.count()).toBe(1);
    expect(await notice.textContent()).toMatch(/on peruttu/);
    expect(await notice.getAttribute("lang")).toBe("fi");
    expect(await notice.locator(".who").textContent()).toBe("Ilmoitus");
    expect(await page.getByRole("textbox", { name: "Skriv din fråga" }).isVisible()).toBe(true);
    await context.close();
  });

  it("moves a booking made in a Swedish chat from a Finnish chat to a Swedish service time, and says why", async () => {
    const swedish = await customerPage();
    await openChat(swedish.page);
    await swedish.page.getByRole("button", { name: "På svenska" }).click();
    await expect.poll(() => swedish.page.locator("#asiointi-chat").getAttribute("lang")).toBe("sv");
    const offer = await ask(swedish.page, "Jag vill boka en telefontid");
    await offer.getByRole("button", { name: "Boka tid" }).click();
    const slot = swedish.page.getByRole("combobox", { name: "Ledig tid" });
    await expect.poll(() => slot.locator("option").count()).toBeGreaterThan(2);
    await slot.selectOption({ index: 1 });
    await swedish.page.getByRole("textbox", { name: "Telefonnummer" }).fill("040 333 4455");
    await swedish.page.getByRole("button", { name: "Boka den valda tiden" }).click();
    await expect
      .poll(() => swedish.page.locator(".msg.local").last().textContent())
      .toMatch(/AV-[0-9A-Z]{8}/);
    const confirmation = (await swedish.page.locator(".msg.local").last().textContent()) ?? "";
    const reference = confirmation.match(/AV-[0-9A-Z]{8}/)?.[0] as string;
    await swedish.context.close();

    const { context, page } = await customerPage();
    await openChat(page);
    const answer = await ask(page, "miten siirrän puhelinajan");
    await answer.getByRole("button", { name: "Peru tai siirrä aika" }).click();
    await page.getByRole("textbox", { name: "Varauksen viite" }).fill(reference);
    await page.getByRole("textbox", { name: "Puhelinnumero" }).fill("0403334455");
    await page.getByRole("button", { name: "Siirrä uuteen aikaan" }).click();
    const newSlot = page.getByRole("combobox", { name: "Uusi aika" });
    await expect.poll(() => newSlot.count()).toBe(1);
    const newDay = page.getByRole("combobox", { name: "Päivä" });
    expect(await newDay.getAttribute("aria-describedby")).toBeTruthy();
    const hintId = (await newDay.getAttribute("aria-describedby"))?.split(" ")[0];
    expect(await page.locator(`[id="${hintId}"]`).textContent()).toBe(
      "Aikasi on varattu ruotsinkieliseen palveluun, joten alla ovat ruotsinkielisen palvelun vapaat ajat.",
    );
    // The Swedish service's times, read in Finnish.
    const second = newSlot.locator("option").nth(2);
    const slotId = (await second.getAttribute("value")) ?? "";
    expect(slotId).toMatch(/^sv-/);
    expect(await second.textContent()).toMatch(/^klo \d/);
    await expectNoAxeViolations(page, "fi-appointment-move-swedish-booking");
    await newSlot.selectOption(slotId);
    await page.getByRole("button", { name: "Siirrä uuteen aikaan" }).click();

    // The server's notice, in the booking's (Swedish) words and marked so; the form is done.
    const notice = page.locator(".msg.system", { hasText: reference });
    await expect.poll(() => notice.count()).toBe(1);
    expect(await notice.textContent()).toMatch(/Din telefontid har flyttats från /);
    expect(await notice.getAttribute("lang")).toBe("sv");
    expect(await page.getByRole("form", { name: "Peru tai siirrä aika" }).count()).toBe(0);
    // One sentence of the move; each reference once: the new booking's, and the old one's.
    const references = (await notice.textContent())?.match(/AV-[0-9A-Z]{8}/g) ?? [];
    expect(references).toHaveLength(2);
    expect(references).toContain(reference);
    expect(await notice.textContent()).toContain(`(tidigare ${reference})`);
    await context.close();
  });

  it("says in the server's words that a booking an advisor already marked handled can no longer be cancelled or moved, in either language", async () => {
    const slots = await fetch(`${stack.url}/api/appointments/slots?lang=fi`).then(
      (r) => r.json() as Promise<{ slots: { slotId: string; start: string }[] }>,
    );
    const slot = slots.slots[0];
    if (!slot) throw new Error("no free appointment time to book");
    const booked = await fetch(`${stack.url}/api/appointments`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ slotId: slot.slotId, lang: "fi", phone: "040 765 4400" }),
    }).then((r) => r.json() as Promise<{ reference: string }>);
    // The advisor marks it handled after the call, ten minutes into it: the service's own
    // clock stays at the open hour, so the advisor's is set there.
    const { doc } = createDynamoClients({ region: "eu-north-1", endpoint: stack.dynamoEndpoint });
    await closeAppointment(
      {
        appointments: createDynamoAppointmentStore(doc, tableNames("asiointi-local-")),
        clock: { now: () => new Date(Date.parse(slot.start) + 10 * 60_000) },
      },
      { reference: booked.reference, advisorId: "advisor-fi", langs: ["fi"] },
    );

    const { context, page } = await customerPage({ width: 360 });
    await openChat(page);
    const answer = await ask(page, "miten peruutan puhelinajan");
    await answer.getByRole("button", { name: "Peru tai siirrä aika" }).click();
    await page.getByRole("textbox", { name: "Varauksen viite" }).fill(booked.reference);
    await page.getByRole("textbox", { name: "Puhelinnumero" }).fill("0407654400");
    const message = page.locator(".contact-form .form-error");

    // Cancel: the form says it was handled (not "not found"), focused to be read.
    await page.getByRole("button", { name: "Peru aika" }).click();
    await expect.poll(() => message.textContent()).toBe(phrase("appointmentAlreadyHandled", "fi"));
    expect(await activeClass(page)).toContain("form-error");
    expect(
      await page.getByRole("textbox", { name: "Varauksen viite" }).getAttribute("aria-invalid"),
    ).not.toBe("true");
    await expectNoAxeViolations(page, "fi-appointment-already-handled-360px");
    // Move: the same, and no new times are offered.
    await page.getByRole("button", { name: "Siirrä uuteen aikaan" }).click();
    await expect.poll(() => message.textContent()).toBe(phrase("appointmentAlreadyHandled", "fi"));
    expect(await page.getByRole("combobox", { name: "Uusi aika" }).count()).toBe(0);

    // In Swedish, the chat's language now, though the booking is Finnish.
    await page.getByRole("button", { name: "På svenska" }).click();
    await page.getByRole("button", { name: "Avboka tiden" }).click();
    await expect.poll(() => message.textContent()).toBe(phrase("appointmentAlreadyHandled", "sv"));
    await expectNoAxeViolations(page, "sv-appointment-already-handled-360px");
    await expectNoHorizontalOverflow(page);

    // Nothing was changed, so nothing of the booking is said in the chat (the switch's notice
    // is), and the booking is still handled.
    expect(await page.locator(".msg.system", { hasText: booked.reference }).count()).toBe(0);
    const stillHandled = await fetch(`${stack.url}/api/appointments/${booked.reference}`, {
      method: "DELETE",
    }).then((r) => r.json() as Promise<{ error?: { code: string } }>);
    expect(stillHandled.error?.code).toBe("APPOINTMENT_ALREADY_HANDLED");
    await context.close();
  });

  it("a switch of language while a new time is being chosen shows the times again in it, the choice kept", async () => {
    const slots = await fetch(`${stack.url}/api/appointments/slots?lang=fi`).then(
      (r) => r.json() as Promise<{ slots: { slotId: string }[] }>,
    );
    const booked = await fetch(`${stack.url}/api/appointments`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ slotId: slots.slots[0]?.slotId, lang: "fi", phone: "040 765 3300" }),
    }).then((r) => r.json() as Promise<{ reference: string }>);
    const { context, page } = await customerPage({ width: 360 });
    await openChat(page);
    const answer = await ask(page, "miten siirrän puhelinajan");
    await answer.getByRole("button", { name: "Peru tai siirrä aika" }).click();
    await page.getByRole("textbox", { name: "Varauksen viite" }).fill(booked.reference);
    await page.getByRole("textbox", { name: "Puhelinnumero" }).fill("040 765 3300");
    await page.getByRole("button", { name: "Siirrä uuteen aikaan" }).click();
    const newSlot = page.getByRole("combobox", { name: "Uusi aika" });
    await expect.poll(() => newSlot.count()).toBe(1);
    await page.getByRole("combobox", { name: "Päivä" }).selectOption({ index: 2 });
    await newSlot.selectOption({ index: 3 });
    const chosen = await newSlot.inputValue();

    await page.getByRole("button", { name: "På svenska" }).click();
    const nyTid = page.getByRole("combobox", { name: "Ny tid" });
    await expect.poll(() => nyTid.inputValue()).toBe(chosen);
    expect(await nyTid.locator("option:checked").textContent()).toMatch(/^kl\. \d/);
    expect(await page.getByRole("textbox", { name: "Bokningens referens" }).inputValue()).toBe(
      booked.reference,
    );
    expect(await activeClass(page)).toBe("switch");
    await page.getByRole("button", { name: "Flytta till den nya tiden" }).click();
    const notice = page.locator(".msg.system", {
      hasText: `(aiemmin ${booked.reference})`,
    });
    await expect.poll(() => notice.count()).toBe(1);
    await context.close();
  });

  it("logs in through the identity provider's popup and answers the question personally", async () => {
    const { context, page } = await customerPage();
    await openChat(page);
    const answer = await ask(page, "Milloin saan veronpalautuksen?");
    // This answer's own button, not the latest answer's: later answers come below it.
    const answerId = await answer.getAttribute("data-id");
    const signIn = page
      .locator(`li[data-id="${answerId}"]`)
      .getByRole("button", { name: "Kirjaudu" });
    const signInAs = async (persona: string) => {
      const popupOpened = context.waitForEvent("page");
      await signIn.click();
      const popup = await popupOpened;
      await popup.waitForLoadState();
      await popup.locator(`button[data-persona="${persona}"]`).click();
    };

    // A sign-in too weak for personal data: told once, by the server, with what would do.
    await signInAs("customer-low");
    const weak = page.locator(".msg.system", { hasText: /mobiilivarmenteella/ });
    await expect.poll(() => weak.count()).toBe(1);
    await page.waitForTimeout(300);
    expect(await weak.count()).toBe(1);
    expect(await signIn.isEnabled()).toBe(true);
    await expectNoAxeViolations(page, "fi-sign-in-too-weak");

    await signInAs("customer-refund");
    await expect
      .poll(() => page.locator(".msg.system").last().textContent())
      .toMatch(/Tunnistautuminen onnistui/);
    // The question that prompted the sign-in is answered without asking it again.
    await expect
      .poll(() => page.locator(".msg.bot").last().textContent())
      .toMatch(/veronpalautusta \d/);
    // Signed in: the earlier offer to sign in has done its job, also after a reload.
    expect(await signIn.isDisabled()).toBe(true);
    await page.reload();
    // The panel stays open; the replayed offer comes back inactive.
    await expect.poll(() => signIn.isDisabled()).toBe(true);
    await context.close();
  });

  it("signed in, says as whom with a way out, also in a low window; signing out takes the name and the figures off the screen and the next personal question offers the sign-in", async () => {
    // Prepare: Aino signs in from the refund answer and gets her own figures.
    const { context, page } = await customerPage();
    await openChat(page);
    const offer = await ask(page, "Milloin saan veronpalautuksen?");
    const popupOpened = context.waitForEvent("page");
    await offer.getByRole("button", { name: "Kirjaudu sisään" }).click();
    const popup = await popupOpened;
    await popup.waitForLoadState();
    await popup.locator('button[data-persona="customer-refund"]').click();
    await expect.poll(() => page.locator(".msg.bot").last().textContent()).toMatch(/1\s234,56/);

    // The strip names her, once to a screen reader as it appears.
    const strip = page.getByTestId("signed-in");
    await expect.poll(() => strip.isVisible()).toBe(true);
    expect(await strip.locator("p").textContent()).toBe("Tunnistauduttu: Aino Virtanen");
    await expect
      .poll(() => page.locator('p.visually-hidden[role="status"]').allTextContents())
      .toContain("Tunnistauduttu: Aino Virtanen");
    expect(await strip.getAttribute("role")).toBeNull();
    await expectNoAxeViolations(page, "fi-signed-in");

    // A low window (400 % zoom) and the narrowest phone keep it on one line beside the
    // conversation's two fifths, with nothing running off the side.
    for (const [width, height] of [
      [320, 256],
      [320, 568],
    ] as const) {
      await page.setViewportSize({ width, height });
      const signOut = page.getByRole("button", { name: "Kirjaudu ulos" });
      expect(await signOut.isVisible(), `${width} × ${height}`).toBe(true);
      const share = await page
        .locator(".panel")
        .evaluate(
          (p) =>
            (p.querySelector(".body") as HTMLElement).getBoundingClientRect().height /
            p.getBoundingClientRect().height,
        );
      expect(share, `${width} × ${height}`).toBeGreaterThanOrEqual(0.4);
      await expectNoHorizontalOverflow(page);
      await expectNoAxeViolations(page, `fi-signed-in-${width}x${height}`);
    }
    await page.setViewportSize({ width: 1280, height: 800 });

    // Act
    await page.getByRole("button", { name: "Kirjaudu ulos" }).click();

    // Assess: the server's notice, the strip gone, focus back where the customer writes, and
    // her figures neither on the screen nor in what is downloaded or read out.
    await expect
      .poll(() => page.locator(".msg.system").last().textContent())
      .toMatch(/Kirjauduit ulos\./);
    expect(await strip.isVisible()).toBe(false);
    expect(await page.locator(".panel").textContent()).not.toMatch(/1\s234,56/);
    expect(await page.locator(".log:not(.pending-list)").textContent()).toContain(
      "Tässä ollut henkilökohtainen vastaus ei näy",
    );
    await expect
      .poll(() =>
        page.evaluate(
          () => document.getElementById("asiointi-chat")?.shadowRoot?.activeElement?.id,
        ),
      )
      .toBe("chat-input");
    await expectNoAxeViolations(page, "fi-signed-out");

    // The chat goes on anonymous: the same question gets the general answer and a live offer.
    const general = await ask(page, "Milloin saan veronpalautuksen?");
    expect(await general.textContent()).not.toMatch(/1\s234,56/);
    expect(await general.getByRole("button", { name: "Kirjaudu sisään" }).isEnabled()).toBe(true);

    // A reload on the same computer neither signs in again nor brings the figures back.
    await page.reload();
    await expect.poll(() => page.locator(".msg.system").count()).toBeGreaterThan(1);
    await expect
      .poll(() => page.locator(".log:not(.pending-list)").textContent())
      .toContain("Tässä ollut henkilökohtainen vastaus ei näy");
    expect(await page.locator(".panel").textContent()).not.toMatch(/1\s234,56/);
    expect(await strip.isVisible()).toBe(false);
    await context.close();
  });

  it("signed in, moves a booking made before a switch to Swedish to a Finnish service time, from the own list", async () => {
    const { context, page } = await customerPage();
    await openChat(page);
    const answer = await ask(page, "Milloin saan veronpalautuksen?");
    const popupOpened = context.waitForEvent("page");
    await answer.getByRole("button", { name: "Kirjaudu" }).click();
    const popup = await popupOpened;
    await popup.waitForLoadState();
    const answered = await page.locator(".msg.bot").count();
    await popup.locator('button[data-persona="customer-residual"]').click();
    await expect
      .poll(() => page.locator(".msg.system").last().textContent())
      .toMatch(/Tunnistautuminen onnistui/);
    // The question that prompted the sign-in is answered first, before the next is asked.
    await expect.poll(() => page.locator(".msg.bot").count()).toBeGreaterThan(answered);
    // Booked in Finnish from the signed-in chat: the booking is this person's.
    await openContactForm(page, "appointment", /Varaa aika/);
    const slot = page.getByRole("combobox", { name: "Vapaa aika" });
    await expect.poll(() => slot.locator("option").count()).toBeGreaterThan(2);
    await slot.selectOption({ index: 1 });
    await page.getByRole("textbox", { name: "Puhelinnumero" }).fill("040 444 5566");
    await page.getByRole("button", { name: "Varaa valittu aika" }).click();
    await expect
      .poll(() => page.locator(".msg.local").last().textContent())
      .toMatch(/AV-[0-9A-Z]{8}/);
    const reference = (await page.locator(".msg.local").last().textContent())?.match(
      /AV-[0-9A-Z]{8}/,
    )?.[0] as string;

    await page.getByRole("button", { name: "På svenska" }).click();
    await expect.poll(() => page.locator("#asiointi-chat").getAttribute("lang")).toBe("sv");
    const offer = await ask(page, "Jag vill avboka min telefontid");
    await offer.getByRole("button", { name: "Avboka eller flytta tid" }).click();
    const own = page.getByRole("combobox", { name: "Dina bokningar" });
    await expect.poll(() => own.locator("option").count()).toBe(1);
    expect(await own.locator("option").textContent()).toContain(reference);
    await page.getByRole("button", { name: "Flytta till den nya tiden" }).click();
    const newSlot = page.getByRole("combobox", { name: "Ny tid" });
    await expect.poll(() => newSlot.count()).toBe(1);
    const newDay = page.getByRole("combobox", { name: "Dag" });
    const hintId = (await newDay.getAttribute("aria-describedby"))?.split(" ")[0];
    expect(await page.locator(`[id="${hintId}"]`).textContent()).toMatch(
      /^Din tid är bokad i den finskspråkiga servicen/,
    );
    const slotId = (await newSlot.locator("option").nth(2).getAttribute("value")) ?? "";
    expect(slotId).toMatch(/^fi-/);
    await newSlot.selectOption(slotId);
    await page.getByRole("button", { name: "Flytta till den nya tiden" }).click();
    // The server's notice of the move, in the booking's (Finnish) words and marked so.
    const notice = page.locator(".msg.system", { hasText: `(aiemmin ${reference})` });
    await expect.poll(() => notice.count()).toBe(1);
    expect(await notice.getAttribute("lang")).toBe("fi");
    await context.close();
  });

  it("names removed personal data in the customer's language when the chat is replayed", async () => {
    const { context, page } = await customerPage();
    await openChat(page);
    await ask(page, "hetuni on 131052-308T, miksi en saanut palautusta");
    // The transcript keeps the service's own token; the customer reads it in Finnish.
    await page.reload();
    const own = page.locator(".msg.customer").last();
    await expect.poll(() => own.textContent()).toContain("[henkilötunnus poistettu]");
    expect(await own.textContent()).not.toMatch(/ID-CODE|131052/);
    await context.close();
  });

  it("survives a reload and a dropped connection: same chat, nothing lost or twice", async () => {
    const { context, page } = await customerPage({ reducedMotion: true });
    await openChat(page);
    await ask(page, "Milloin saan veronpalautuksen?");
    const before = await messages(page).allTextContents();

    await page.reload();
    // The panel stays open and the whole conversation is back, once.
    await expect.poll(() => messages(page).count()).toBe(before.length);
    expect(await messages(page).allTextContents()).toEqual(before);

    // The network drops: the widget says so, keeps the message and sends it once when back.
    const cdp = await context.newCDPSession(page);
    const offline = (value: boolean) =>
      cdp.send("Network.emulateNetworkConditions", {
        offline: value,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: -1,
      });
    await offline(true);
    for (const socket of stack.io.of("/chat").sockets.values()) socket.conn.close();
    await expect.poll(() => panel(page).getAttribute("data-connection")).toBe("reconnecting");
    expect(await page.getByRole("status").first().textContent()).toMatch(/Yhteys katkesi/);
    await screenshot(page, "fi-reconnecting");
    await page.getByRole("textbox", { name: "Kirjoita kysymyksesi" }).fill("Entä verokortti?");
    await page.keyboard.press("Enter");
    expect(await page.locator(".pending-list li").count()).toBe(1);
    await offline(false);
    await expect
      .poll(() => panel(page).getAttribute("data-connection"), { timeout: 20_000 })
      .toBe("online");
    await expect.poll(() => page.locator(".pending-list li").count()).toBe(0);
    await expect
      .poll(() => page.locator(".msg.customer", { hasText: "Entä verokortti?" }).count())
      .toBe(1);
    const ids = await page
      .locator(".log > li[data-id]")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-id")));
    expect(new Set(ids).size).toBe(ids.length);
    await context.close();
  });

  it("shows a message the replay brings late in its place, not last", async () => {
    const { context, page } = await customerPage({ reducedMotion: true });
    await openChat(page);
    await ask(page, "Milloin saan veronpalautuksen?");
    const before = await messages(page).allTextContents();

    // On the next connection the server's first replayed message (the oldest) comes last,
    // as when a replay is overtaken by the messages after it.
    const chat = stack.io.of("/chat");
    let delayed = 0;
    const delayFirstReplayed = (socket: {
      emit: (event: string, ...args: unknown[]) => boolean;
    }) => {
      const emit = socket.emit.bind(socket);
      socket.emit = (event: string, ...args: unknown[]) => {
        if (event !== "chat:message" || delayed++ > 0) return emit(event, ...args);
        setTimeout(() => emit(event, ...args), 300);
        return true;
      };
    };
    chat.on("connection", delayFirstReplayed);
    try {
      await page.reload();
      await expect.poll(() => messages(page).count()).toBe(before.length);
      await expect.poll(() => delayed).toBeGreaterThan(1);
      expect(await messages(page).allTextContents()).toEqual(before);
    } finally {
      chat.off("connection", delayFirstReplayed);
    }
    await context.close();
  });

  it("after the end the switch is the widget's own: the survey and the next chat follow it", async () => {
    const { context, page } = await customerPage();
    await openChat(page);
    await page.getByRole("button", { name: "Lopeta keskustelu" }).click();
    await expect
      .poll(() => page.getByRole("form", { name: "Miten onnistuimme chatissa?" }).count())
      .toBe(1);
    // The ended chat refuses chat:language; the customer still gets the survey in Swedish.
    await page.getByRole("button", { name: "På svenska" }).click();
    await expect
      .poll(() => page.getByRole("form", { name: "Hur lyckades vi i chatten?" }).count())
      .toBe(1);
    expect(await page.locator("#asiointi-chat").getAttribute("lang")).toBe("sv");
    expect(await page.locator(".msg.system.local").count()).toBe(0);
    // The switch goes both ways, and the next chat starts in the language last chosen.
    await page.getByRole("button", { name: "Suomeksi" }).click();
    await expect.poll(() => page.locator("#asiointi-chat").getAttribute("lang")).toBe("fi");
    await page.getByRole("button", { name: "På svenska" }).click();
    await page.getByRole("button", { name: "Hoppa över enkäten" }).click();
    await page.getByRole("button", { name: "Starta en ny chatt" }).click();
    await expect
      .poll(() => page.locator(".msg.bot").first().textContent())
      .toMatch(/Skatteförvaltningens chattbot/);
    expect(await page.locator("#asiointi-chat").getAttribute("lang")).toBe("sv");
    expect(await page.getByRole("button", { name: "Suomeksi" }).getAttribute("lang")).toBe("fi");
    await context.close();
  });

  it("ends with the survey: star scale by keyboard, stored once, then the ended state", async () => {
    const { context, page } = await customerPage();
    await openChat(page);
    await ask(page, "Milloin saan veronpalautuksen?");
    await page.getByRole("button", { name: "Lopeta keskustelu" }).click();
    const survey = page.getByRole("form", { name: "Miten onnistuimme chatissa?" });
    await expect.poll(() => survey.count()).toBe(1);
    await page.getByRole("button", { name: "Lähetä palaute" }).click();
    expect(await page.locator(".field-error:visible").allTextContents()).toEqual([
      "Saitko tarvitsemaasi apua: valitse kyllä tai ei.",
      "Tyytyväisyys: valitse 1–5 tähteä.",
    ]);
    await expectNoAxeViolations(page, "fi-survey-errors");
    await page.getByRole("radio", { name: "Kyllä" }).check();
    await page.getByRole("radio", { name: "1 tähti viidestä" }).focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
    expect(await page.getByRole("radio", { name: "4 tähteä viidestä" }).isChecked()).toBe(true);
    await page.getByRole("textbox", { name: /Kertoisitko vielä/ }).fill("Selkeä vastaus.");
    const surveyToken = await page.evaluate(
      () => JSON.parse(sessionStorage.getItem("asiointi-chat") ?? "{}").surveyToken as string,
    );
    await expectNoAxeViolations(page, "fi-survey");
    await page.getByRole("button", { name: "Lähetä palaute" }).click();
    await expect
      .poll(() => page.locator(".msg.local").last().textContent())
      .toContain("Kiitos palautteestasi.");
    await expectNoAxeViolations(page, "fi-ended");

    // Stored: the same token cannot answer twice.
    const again = await fetch(`${stack.url}/api/surveys`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ surveyToken, gotHelp: true, score: 4 }),
    });
    expect(again.status).toBe(409);

    // Download conversation gives the transcript as text.
    const download = page.waitForEvent("download");
    // One download button after the end: the footer's, no second one beside "new chat".
    const downloadButtons = page.getByRole("button", { name: "Lataa keskustelu" });
    expect(await downloadButtons.count()).toBe(1);
    await downloadButtons.click();
    const file = await (await download).createReadStream();
    let content = "";
    for await (const chunk of file) content += chunk;
    expect(content).toMatch(/Chatbot:\n/);
    expect(content).toContain("Milloin saan veronpalautuksen?");
    await context.close();
  });

  it("minimised, says on the launcher and outside the panel that an advisor joined and wrote; opening clears it", async () => {
    const advisor = await availableAdvisor(stack.url, "advisor-fi", ["fi"]);
    try {
      const { context, page } = await customerPage();
      await openChat(page);
      // Asking in words is the request: the answer starts routing by itself.
      await ask(page, "Haluan puhua asiakasneuvojan kanssa");
      await expect.poll(() => page.locator(".queue p").textContent()).toMatch(/jonossa/);
      const chatId = await page.evaluate(
        () => JSON.parse(sessionStorage.getItem("asiointi-chat") ?? "{}").chatId as string,
      );
      await page.getByRole("button", { name: "Pienennä chat" }).click();
      const launcher = page.locator(".launcher");
      // The live region that speaks while minimised is outside the hidden panel.
      const notice = page.locator("#asiointi-chat > p[role=status]");
      expect(await notice.count()).toBe(1);

      expect((await advisor.socket.emitWithAck("chat:accept", { chatId })).ok).toBe(true);
      const named = (name: string | RegExp) =>
        page.getByRole("button", { name, exact: typeof name === "string" }).count();
      await expect.poll(() => named("Asiakasneuvoja liittyi – avaa chat")).toBe(1);
      await expect.poll(() => notice.textContent()).toBe("Asiakasneuvoja liittyi chattiin.");
      await advisor.socket.emitWithAck("chat:message", {
        chatId,
        text: "Hei, miten voin auttaa?",
        clientId: "minimised-1",
      });
      await expect.poll(() => named("Asiakasneuvoja liittyi – avaa chat – 1 uusi viesti")).toBe(1);
      expect(await launcher.locator(".badge").textContent()).toBe("1");
      await expect
        .poll(() => notice.textContent())
        .toBe("Asiakasneuvoja liittyi chattiin. Chatissa on 1 uusi viesti.");
      await expectNoAxeViolations(page, "fi-minimised-unread");

      // Opened, everything is read: minimised again, the launcher is as before.
      await launcher.click();
      await expect
        .poll(() => page.locator(".msg.advisor").last().textContent())
        .toContain("Hei, miten voin auttaa?");
      await page.keyboard.press("Escape");
      expect(await named("Avaa chat")).toBe(1);
      expect(await launcher.locator(".badge").isVisible()).toBe(false);
      expect(await notice.textContent()).toBe("");
      // A reload replays what was seen: nothing counts as new.
      await page.reload();
      await expect.poll(() => messages(page).count()).toBeGreaterThan(0);
      await page.waitForTimeout(600);
      expect(await named("Avaa chat")).toBe(1);
      await context.close();
      await advisor.socket.emitWithAck("chat:end", { chatId });
    } finally {
      advisor.socket.disconnect();
    }
  });

  it("shows an answer taller than the log from its start, and a short one at the end, at 1280 × 900 and 360 × 640", async () => {
    for (const [width, height] of [
      [1280, 900],
      [360, 640],
    ] as const) {
      const { context, page } = await customerPage({ width, height });
      await openChat(page);
      const long = await ask(page, "verokortti");
      // The turn may bring more than one message.
      await page.waitForTimeout(300);
      const seen = await long.evaluate((li) => {
        const log = li.closest(".body") as HTMLElement;
        return {
          startInLog: li.getBoundingClientRect().top - log.getBoundingClientRect().top,
          taller: li.getBoundingClientRect().height > log.clientHeight,
        };
      });
      expect(seen.taller, `the answer is taller than the log at ${width} px`).toBe(true);
      // Its first line is in view, a little below the log's top edge.
      expect(seen.startInLog).toBeGreaterThanOrEqual(4);
      expect(seen.startInLog).toBeLessThanOrEqual(24);
      await screenshot(page, `fi-long-answer-${width}px`);
      if (width === 1280) {
        const short = await ask(page, "Miten sairauspäiväraha verotetaan?");
        expect(
          await short.evaluate(
            (li) =>
              li.getBoundingClientRect().height < (li.closest(".body") as HTMLElement).clientHeight,
          ),
        ).toBe(true);
        const fromEnd = () =>
          page
            .locator(".body")
            .evaluate((log) => log.scrollHeight - log.clientHeight - log.scrollTop);
        await expect.poll(fromEnd).toBeLessThanOrEqual(1);
      }
      await context.close();
    }
  });

  it("takes older answers' choices out of the tab order, keeps their links, and reads only what the service says", async () => {
    const { context, page } = await customerPage();
    await openChat(page);
    // Pinned by place: ask() gives the last bot message, whichever that is by then.
    const pinned = async (question: string) => {
      await ask(page, question);
      return page.locator(".msg.bot").nth((await page.locator(".msg.bot").count()) - 1);
    };
    const first = await pinned("Milloin saan veronpalautuksen?");
    const firstReplies = first.locator(".replies button.reply");
    expect(await firstReplies.count()).toBeGreaterThan(0);
    expect(await firstReplies.first().isEnabled()).toBe(true);
    await ask(page, "verokortti");
    const latest = await pinned("Miten sairauspäiväraha verotetaan?");

    // The older answers' quick replies and actions are off, shown as used; the newest's are not.
    for (const button of await firstReplies.all()) expect(await button.isDisabled()).toBe(true);
    expect(await first.locator(".replies.retired").count()).toBe(1);
    for (const button of await latest.locator(".replies button").all()) {
      expect(await button.isEnabled()).toBe(true);
    }
    // Links are content: they stay.
    const links = page.locator(".log a.reply");
    expect(await links.count()).toBeGreaterThan(0);

    // Tab from the language button to the message field passes no retired choice.
    await page.getByRole("button", { name: "På svenska" }).focus();
    const stops: string[] = [];
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press("Tab");
      const where = await page.evaluate(() => {
        const active = document.getElementById("asiointi-chat")?.shadowRoot?.activeElement;
        if (!active) return "outside";
        return active.id === "chat-input"
          ? "input"
          : `${active.tagName} ${active.closest(".replies")?.className ?? ""}`;
      });
      if (where === "input") break;
      stops.push(where);
    }
    expect(stops.filter((stop) => stop.startsWith("BUTTON") && stop.includes("retired"))).toEqual(
      [],
    );
    expect(stops.filter((stop) => stop.startsWith("A ")).length).toBe(await links.count());
    await expectNoAxeViolations(page, "fi-older-choices-retired");

    // Read aloud: the bot's words, not the customer's echo, nor the buttons; the log is no
    // live region of its own.
    expect(await page.locator(".log").first().getAttribute("aria-live")).toBeNull();
    const said = (await page.locator("div[aria-live=polite]").textContent()) ?? "";
    expect(said).toContain("Chatbot: ");
    expect(said).not.toContain("Sinä");
    expect(said).not.toContain("Oliko vastauksesta apua?");

    // After a switch of language the last Finnish answer's quick replies send nothing more.
    await page.getByRole("button", { name: "På svenska" }).click();
    await expect.poll(() => page.locator("#asiointi-chat").getAttribute("lang")).toBe("sv");
    await expect.poll(() => latest.locator(".replies button:not(:disabled)").count()).toBe(0);
    await context.close();
  });

  it("in a low window (400 % zoom, a phone on its side) gives the conversation two fifths of the height, the privacy line behind an info button", async () => {
    for (const [width, height] of [
      [320, 256],
      [640, 360],
    ] as const) {
      const { context, page } = await customerPage({ width, height });
      await openChat(page);
      const share = () =>
        page
          .locator(".panel")
          .evaluate(
            (p) =>
              (p.querySelector(".body") as HTMLElement).getBoundingClientRect().height /
              p.getBoundingClientRect().height,
          );
      // It was a quarter at 320 × 256 (63 px) and a half at 640 × 360.
      expect(await share(), `${width} × ${height}`).toBeGreaterThanOrEqual(0.4);
      const privacy = page.locator(".privacy");
      expect(await privacy.isVisible()).toBe(false);
      // Folded, it still describes the message field.
      const input = page.getByRole("textbox", { name: "Kirjoita kysymyksesi" });
      const describedBy = (await input.getAttribute("aria-describedby")) ?? "";
      expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe(UI.fi.privacy);
      const info = page.getByRole("button", { name: "Tietosuoja" });
      await info.click();
      expect(await info.getAttribute("aria-expanded")).toBe("true");
      expect(await privacy.isVisible()).toBe(true);
      await expectNoAxeViolations(page, `fi-low-window-${width}x${height}`);
      await info.click();
      expect(await privacy.isVisible()).toBe(false);
      await expectNoHorizontalOverflow(page);
      await context.close();
    }
    // A window of ordinary height shows the line as before, with no button for it.
    const { context, page } = await customerPage();
    await openChat(page);
    expect(await page.locator(".privacy").isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "Tietosuoja" }).isVisible()).toBe(false);
    await context.close();
  });

  it("filling a phone's screen the panel is a modal dialog: Tab goes round inside it, Escape minimises", async () => {
    const { context, page } = await customerPage({ width: 360, height: 640 });
    await openChat(page);
    expect(await panel(page).getAttribute("aria-modal")).toBe("true");
    const end = page.getByRole("button", { name: "Lopeta keskustelu" });
    await end.focus();
    await page.keyboard.press("Tab");
    expect(await activeClass(page)).toBe("switch");
    await page.keyboard.press("Shift+Tab");
    expect(await activeClass(page)).toBe("secondary end");
    await page.keyboard.press("Escape");
    expect(await panel(page).isVisible()).toBe(false);
    expect(await activeClass(page)).toBe("launcher");
    await context.close();

    // Beside the page on a wide screen it stays non-modal: the page is still there to use.
    const wide = await customerPage();
    await openChat(wide.page);
    expect(await panel(wide.page).getAttribute("aria-modal")).toBe("false");
    await wide.context.close();
  });

  async function openContactForm(page: Page, type: string, label: RegExp): Promise<void> {
    // The bot's callback and appointment topics end with the matching action.
    const answer = await ask(
      page,
      type === "callback" ? "Haluan soittopyynnön" : "Haluan varata ajan",
    );
    const action = answer.getByRole("button", { name: label });
    if ((await action.count()) === 0) {
      throw new Error(`the bot did not offer "${label}": ${await answer.textContent()}`);
    }
    await action.click();
    await expect
      .poll(() =>
        page.evaluate(
          () => document.getElementById("asiointi-chat")?.shadowRoot?.activeElement?.tagName,
        ),
      )
      .toBe("H3");
  }

  /** The class of what has focus inside the widget ("" when focus is outside it). */
  function activeClass(page: Page): Promise<string> {
    return page.evaluate(
      () => document.getElementById("asiointi-chat")?.shadowRoot?.activeElement?.className ?? "",
    );
  }

  async function expectNoHorizontalOverflow(page: Page): Promise<void> {
    const overflow = await page.evaluate(() => {
      const p = document.getElementById("asiointi-chat")?.shadowRoot?.querySelector(".panel");
      return p ? p.scrollWidth - p.clientWidth : -1;
    });
    expect(overflow).toBe(0);
  }
});
