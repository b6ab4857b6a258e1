/**
 * A customer and an advisor in two Chromium contexts against the real local stack: the
 * customer asks for a person, the advisor accepts in the console at /console and answers,
 * the advisor ends the chat and the customer's survey is stored. axe-core checks the
 * queued and advisor states of the widget and the console.
 */

import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LocalServer } from "../../functions/local/localServer.ts";
import { availableAdvisor } from "../support/advisorConsole.ts";
import { devToken } from "../support/devToken.ts";
import { type CustomerSocket, connectCustomer } from "../support/localStack.ts";
import { axeViolations, HAS_CHROMIUM, launchChromium, screenshot } from "./support/browser.ts";
import { startOpenStack } from "./support/stack.ts";

describe.skipIf(!HAS_CHROMIUM)("handoff to an advisor in Chromium", () => {
  let stack: LocalServer;
  let browser: Browser;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startOpenStack(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  async function expectNoAxeViolations(page: Page, state: string): Promise<void> {
    await screenshot(page, state);
    const found = await axeViolations(page);
    if (state.startsWith("console")) {
      consoleFindings.push(...found.map((v) => `${state}: ${v}`));
      return;
    }
    expect(found, `axe violations in state "${state}"`).toEqual([]);
  }
  /** The console is checked in every state of the flow; reported in one test of its own. */
  const consoleFindings: string[] = [];

  async function advisorConsole(): Promise<Page> {
    const context = await browser.newContext({
      bypassCSP: true,
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(`${stack.url}/console`);
    await expectNoAxeViolations(page, "console-sign-in");
    const idToken = await devToken(stack.url, "advisor-fi");
    await page.evaluate(
      (token) => sessionStorage.setItem("asiointi-console-session", JSON.stringify({ token })),
      idToken,
    );
    await page.reload();
    await page.getByRole("radio", { name: "Vapaana" }).check();
    // The presence form saves on change.
    await expect
      .poll(() => page.getByRole("status").allTextContents())
      .toEqual(expect.arrayContaining([expect.stringMatching(/Tila: Vapaana/i)]));
    return page;
  }

  it("signing in with the keyboard leaves focus on the status, where the shift starts", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${stack.url}/console`);
    await page.getByRole("button", { name: "Kirjaudu: Sanna Heikkinen" }).focus();
    await page.keyboard.press("Enter");
    await expect
      .poll(() =>
        page.evaluate(() => {
          const el = document.activeElement as HTMLInputElement | null;
          return el?.type === "radio" ? `${el.value} ${el.checked}` : el?.tagName;
        }),
      )
      .toBe("away true");
    // The next keys set the status without first finding the way back from the page's end.
    await page.keyboard.press("ArrowUp");
    await expect
      .poll(() => page.getByRole("status").allTextContents())
      .toEqual(expect.arrayContaining([expect.stringMatching(/Tila: Vapaana/i)]));
    await page.getByRole("radio", { name: "Poissa" }).check();
    await context.close();
  });

  it("customer asks for a person, advisor accepts and answers, the survey is stored", async () => {
    const advisor = await advisorConsole();
    await expectNoAxeViolations(advisor, "console-available");

    const context = await browser.newContext({
      bypassCSP: true,
      viewport: { width: 390, height: 800 },
    });
    const customer = await context.newPage();
    await customer.goto(`${stack.url}/`);
    await customer.getByRole("button", { name: "Avaa chat" }).click();
    await expect.poll(() => customer.locator(".msg.bot").count()).toBeGreaterThan(0);
    await customer
      .getByRole("textbox", { name: "Kirjoita kysymyksesi" })
      .fill("Haluan puhua asiakasneuvojan kanssa");
    await customer.keyboard.press("Enter");
    // Asking in words is the request: the answer starts routing and offers no second ask.

    const queue = customer.locator(".queue p");
    await expect
      .poll(() => queue.textContent())
      .toMatch(/Olet jonossa asiakasneuvojalle, sijasi on 1\./);
    await expectNoAxeViolations(customer, "fi-queued");

    // The advisor sees the chat in the queue and takes it.
    const take = advisor.getByRole("button", { name: /^Ota/ }).first();
    await take.waitFor();
    await expectNoAxeViolations(advisor, "console-queue");
    await take.click();
    // The server's stored notice is the only one (the widget adds none of its own).
    await expect
      .poll(() => customer.locator(".msg.system").last().textContent())
      .toMatch(/liittyi keskusteluun/);
    expect(await customer.locator(".msg.system", { hasText: /liittyi keskusteluun/ }).count()).toBe(
      1,
    );
    expect(await customer.locator(".queue").isVisible()).toBe(false);

    // Typing indicator, then the advisor's answer.
    const compose = advisor.getByRole("textbox", { name: "Viesti asiakkaalle" });
    await compose.pressSequentially("Hei, ");
    await expect.poll(() => customer.locator(".typing").isVisible()).toBe(true);
    await expectNoAxeViolations(customer, "fi-with-advisor-typing");
    await compose.fill("Hei, olen asiakasneuvoja. Miten voin auttaa?");
    await advisor.keyboard.press("Enter");
    await expect
      .poll(() => customer.locator(".msg.advisor").last().textContent())
      .toContain("Miten voin auttaa?");
    await expect.poll(() => customer.locator(".typing").isVisible()).toBe(false);

    await customer
      .getByRole("textbox", { name: "Kirjoita kysymyksesi" })
      .fill("Kiitos, kysyin jo botilta.");
    await customer.keyboard.press("Enter");
    await expect
      .poll(() => advisor.getByText("Kiitos, kysyin jo botilta.").count())
      .toBeGreaterThan(0);
    await expectNoAxeViolations(customer, "fi-with-advisor");
    await expectNoAxeViolations(advisor, "console-chat");

    // The advisor ends the chat: the customer gets the survey and answers it.
    await advisor.getByRole("button", { name: "Lopeta keskustelu" }).click();
    await advisor.getByRole("button", { name: "Kyllä" }).click();
    await expect
      .poll(() => customer.getByRole("form", { name: "Miten onnistuimme chatissa?" }).count())
      .toBe(1);
    const surveyToken = await customer.evaluate(
      () => JSON.parse(sessionStorage.getItem("asiointi-chat") ?? "{}").surveyToken as string,
    );
    await customer.getByRole("radio", { name: "Kyllä" }).check();
    await customer.getByRole("radio", { name: "5 tähteä viidestä" }).check();
    await customer.getByRole("button", { name: "Lähetä palaute" }).click();
    await expect
      .poll(() => customer.locator(".msg.local").last().textContent())
      .toContain("Kiitos palautteestasi.");
    await expectNoAxeViolations(customer, "fi-ended-after-advisor");
    await expectNoAxeViolations(advisor, "console-wrap-up");
    const again = await fetch(`${stack.url}/api/surveys`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ surveyToken, gotHelp: true, score: 5 }),
    });
    expect(again.status).toBe(409);
  });

  it("opens at the customer's latest message, follows a language switch, and the customer confirms the end", async () => {
    const advisor = await advisorConsole();
    const context = await browser.newContext({
      bypassCSP: true,
      viewport: { width: 390, height: 800 },
    });
    const customer = await context.newPage();
    await customer.goto(`${stack.url}/`);
    await customer.getByRole("button", { name: "Avaa chat" }).click();
    await expect.poll(() => customer.locator(".msg.bot").count()).toBeGreaterThan(0);
    // Enough conversation with the bot that the console's log has to scroll.
    for (const question of [
      // Swedish in the Finnish chat: the bot answers in Swedish.
      "Hur får jag ett nytt skattekort?",
      "Milloin saan veronpalautuksen?",
      "Miten saan uuden verokortin?",
      "Milloin jäännösvero pitää maksaa?",
      "Haluan puhua asiakasneuvojan kanssa",
    ]) {
      const before = await customer.locator(".msg.bot").count();
      await customer.getByRole("textbox", { name: "Kirjoita kysymyksesi" }).fill(question);
      await customer.keyboard.press("Enter");
      await expect.poll(() => customer.locator(".msg.bot").count()).toBeGreaterThan(before);
    }
    await customer.locator(".queue").waitFor();

    // Ending while queued asks too; Escape keeps the place in the queue (and the panel open).
    await customer.getByRole("button", { name: "Lopeta keskustelu" }).click();
    const confirmEnd = customer.getByRole("group", { name: /lopettaa keskustelun/ });
    await confirmEnd.waitFor();
    await expectNoAxeViolations(customer, "fi-confirm-end-queued");
    await customer.keyboard.press("Escape");
    await expect.poll(() => confirmEnd.count()).toBe(0);
    expect(await customer.getByRole("dialog").isVisible()).toBe(true);
    expect(await customer.locator(".queue").isVisible()).toBe(true);

    await advisor.getByRole("button", { name: /^Ota/ }).first().click();
    // The chat of the test before waits for its wrap-up in an ended panel of its own.
    const open = advisor.locator("article.chat:not(.ended)");
    await open.waitFor();
    const panel = advisor.locator(
      `article.chat[data-chat-id="${await open.getAttribute("data-chat-id")}"]`,
    );
    const log = panel.locator("ol.log");
    // The log opens where the customer last spoke, not at the bot's greeting.
    const latest = panel.locator(".msg.customer").last();
    expect(await latest.textContent()).toContain("Haluan puhua asiakasneuvojan kanssa");
    await expect
      .poll(async () => {
        const [item, view] = await Promise.all([latest.boundingBox(), log.boundingBox()]);
        return Boolean(
          item && view && item.y >= view.y && item.y + item.height <= view.y + view.height,
        );
      })
      .toBe(true);
    expect(await log.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
    // Each message in the language it is written in: the Swedish answer in the Finnish chat.
    const swedishAnswer = panel.locator(".msg.bot", { hasText: "skattekort" }).first();
    expect(await swedishAnswer.getAttribute("lang")).toBe("sv");
    expect(await latest.getAttribute("lang")).toBe("fi");

    // The customer switches to Swedish: the panel says so, and still offers the queue the chat
    // is not in (it came from the Finnish one), where a Swedish-speaking advisor takes it.
    await customer.getByRole("button", { name: "På svenska" }).click();
    await expect.poll(() => panel.locator(".meta").textContent()).toContain("ruotsi");
    await panel.getByRole("button", { name: "Siirrä ruotsinkieliseen jonoon" }).waitFor();
    expect(await log.getAttribute("lang")).toBe("sv");
    await expectNoAxeViolations(advisor, "console-chat-switched-to-swedish");

    // Ending with a person asks first; confirmed, the chat ends for both.
    await customer.getByRole("button", { name: "Avsluta chatten" }).click();
    const confirmSv = customer.getByRole("group", { name: /Vill du avsluta chatten/ });
    await confirmSv.waitFor();
    await expectNoAxeViolations(customer, "sv-confirm-end-with-advisor");
    expect(await customer.locator(".survey").count()).toBe(0);
    await confirmSv.getByRole("button", { name: "Ja, avsluta" }).click();
    await customer.getByRole("form", { name: "Hur lyckades vi i chatten?" }).waitFor();
    await expect.poll(() => panel.getAttribute("class")).toContain("ended");
    // The wrap-up offers the chat's own topics first, then every topic by its name.
    const reason = panel.getByRole("combobox", { name: "Yhteydenoton syy" });
    const fromChat = await reason
      .locator('optgroup[label="Keskustelun aiheet"] option')
      .allTextContents();
    expect(fromChat).toEqual(expect.arrayContaining(["Verokortti", "Jäännösvero"]));
    expect(fromChat).not.toContain("Asiakasneuvoja");
    const others = await reason.locator('optgroup[label="Kaikki aiheet"] option').allTextContents();
    expect(others.at(-1)).toBe("Muu asia");
    const topics = others.slice(0, -1);
    expect(topics).toEqual([...topics].sort(new Intl.Collator("fi").compare));
    expect(others).not.toContain("Verokortti");
    await context.close();
    await advisor.context().close();
  });

  it("announces the customer's messages with the chat's name and language, never the advisor's own, and a message that waited for the connection once sent", async () => {
    const advisor = await advisorConsole();
    const context = await browser.newContext({
      bypassCSP: true,
      viewport: { width: 390, height: 800 },
    });
    const customer = await context.newPage();
    await customer.goto(`${stack.url}/`);
    await customer.getByRole("button", { name: "Avaa chat" }).click();
    await expect.poll(() => customer.locator(".msg.bot").count()).toBeGreaterThan(0);
    const say = async (text: string) => {
      await customer
        .getByRole("textbox", { name: /Kirjoita kysymyksesi|Skriv din fråga/ })
        .fill(text);
      await customer.keyboard.press("Enter");
    };
    for (const question of [
      "Miten saan uuden verokortin?",
      "Haluan puhua asiakasneuvojan kanssa",
    ]) {
      const before = await customer.locator(".msg.bot").count();
      await say(question);
      await expect.poll(() => customer.locator(".msg.bot").count()).toBeGreaterThan(before);
    }
    await customer.locator(".queue").waitFor();
    await advisor.getByRole("button", { name: /^Ota/ }).first().click();
    const open = advisor.locator("article.chat:not(.ended)");
    await open.waitFor();
    const panel = advisor.locator(
      `article.chat[data-chat-id="${await open.getAttribute("data-chat-id")}"]`,
    );
    const name = (await panel.getByRole("heading", { level: 3 }).textContent()) ?? "";
    expect(name).toMatch(/^Tunnistamaton asiakas \([0-9A-Z]{4}\)$/);
    // The chat's topics are what the customer asked, not the moves of the conversation.
    const topics = panel.locator(".meta div", { hasText: "Aiheet" }).locator("dd");
    await expect.poll(() => topics.textContent()).toBe("Verokortti");

    // The list is no live region; the one announcer says who wrote, in the words' language.
    const log = panel.locator("ol.log");
    expect(
      await log.evaluate((el) => el.closest("[aria-live], [role=log], [role=status]") === null),
    ).toBe(true);
    const announcer = advisor.locator("#announcer");
    expect(await advisor.locator("[aria-live=polite]").count()).toBe(1);
    await say("Kiitos, odotan.");
    // Said once the burst it may belong to is over (half a second).
    const heard = { timeout: 5_000 };
    await expect.poll(() => announcer.textContent(), heard).toBe(`${name}: Kiitos, odotan.`);
    expect(await announcer.locator("span[lang=fi] > span[lang=fi]").textContent()).toBe(
      `${name}: `,
    );
    await expectNoAxeViolations(advisor, "console-announcing");

    // The advisor's own message is not read back to them.
    const compose = panel.getByRole("textbox", { name: "Viesti asiakkaalle" });
    await compose.fill("Hei, autan mielelläni.");
    await advisor.keyboard.press("Enter");
    await expect
      .poll(() => log.locator(".msg.advisor", { hasText: "autan mielelläni" }).count())
      .toBe(1);
    await advisor.waitForTimeout(1_500);
    expect(await announcer.textContent()).not.toContain("autan mielelläni");

    // In Swedish now: the words are marked Swedish, the chat's name stays in the UI language.
    await customer.getByRole("button", { name: "På svenska" }).click();
    await expect.poll(() => panel.locator(".meta").textContent()).toContain("ruotsi");
    await say("Hej, är ni kvar?");
    await expect.poll(() => announcer.textContent(), heard).toContain("Hej, är ni kvar?");
    const words = announcer.locator("span[lang=sv]");
    expect(await words.textContent()).toMatch(/Hej, är ni kvar\?$/);
    expect(await words.locator("span[lang=fi]").textContent()).toBe(`${name}: `);

    // The connection drops: a message waits, saying it goes when the connection is back.
    const cdp = await advisor.context().newCDPSession(advisor);
    const offline = (value: boolean) =>
      cdp.send("Network.emulateNetworkConditions", {
        offline: value,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: -1,
      });
    await offline(true);
    for (const socket of stack.io.of("/advisor").sockets.values()) socket.conn.close();
    await expect.poll(() => advisor.locator(".connection").textContent()).toMatch(/Yhteys katkesi/);
    await compose.fill("Palaan asiaan pian.");
    await advisor.keyboard.press("Enter");
    const pending = panel.locator(".pending-list li");
    await expect
      .poll(() => pending.locator(".who").textContent())
      .toBe("Lähetetään, kun yhteys palaa");
    await expectNoAxeViolations(advisor, "console-offline-pending");
    await offline(false);
    await expect.poll(() => pending.count(), { timeout: 20_000 }).toBe(0);
    await expect
      .poll(() => announcer.textContent(), heard)
      .toBe(`${name}: odottanut viesti lähetetty.`);
    await expect
      .poll(() => customer.locator(".msg.advisor").last().textContent())
      .toContain("Palaan asiaan pian.");
    await context.close();
    await advisor.context().close();
  });

  it("keeps a Finnish-only advisor's chats in sight beside a long queue of both languages, the accept line in place after a reload, and asks before signing out from open chats", async () => {
    const advisor = await advisorConsole();
    await advisor.setViewportSize({ width: 1280, height: 800 });
    // A Swedish colleague is in, so Swedish customers queue too.
    const colleague = await availableAdvisor(stack.url, "advisor-sv", ["sv"], 1);
    const customers: CustomerSocket[] = [];
    try {
      for (let i = 0; i < 14; i++) {
        const socket = await connectCustomer(stack.url);
        customers.push(socket);
        const lang = i % 3 === 2 ? "sv" : "fi";
        const start = await socket.emitWithAck("chat:start", { lang });
        if (!start.ok) throw new Error(start.error.message);
        expect(await socket.emitWithAck("chat:handoff", {})).toMatchObject({ outcome: "queued" });
      }
      const swedish = customers.filter((_, i) => i % 3 === 2).length;

      // Only the advisor's language is listed; the others are counted and can be shown.
      const rows = advisor.locator("table.queue tbody tr");
      await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(customers.length - swedish);
      expect(await rows.filter({ hasText: "ruotsi" }).count()).toBe(0);
      const showAll = advisor.getByRole("checkbox", {
        name: `Näytä myös muut kielet (${swedish})`,
      });
      await showAll.check();
      await expect.poll(() => rows.filter({ hasText: "ruotsi" }).count()).toBe(swedish);
      // The service would refuse them: a Swedish row offers no "Ota".
      expect(await rows.filter({ hasText: "ruotsi" }).getByRole("button").count()).toBe(0);
      await expectNoAxeViolations(advisor, "console-queue-all-languages");
      await showAll.uncheck();
      await expect.poll(() => rows.filter({ hasText: "ruotsi" }).count()).toBe(0);

      // Two chats taken (besides any an earlier test left this advisor); the first answered.
      const going = advisor.locator("article.chat:not(.ended)");
      const before = await going.count();
      await advisor.getByRole("button", { name: /^Ota/ }).first().click();
      await expect.poll(() => going.count()).toBe(before + 1);
      // Taking a chat leaves focus in its message box.
      await expect
        .poll(() => advisor.evaluate(() => document.activeElement?.tagName))
        .toBe("TEXTAREA");
      await advisor.keyboard.type("Katsotaan asiaasi yhdessä.");
      await advisor.keyboard.press("Enter");
      const answered = advisor.locator("article.chat", { hasText: "Katsotaan asiaasi yhdessä." });
      await expect.poll(() => answered.locator(".msg.advisor").count()).toBe(1);
      await advisor.getByRole("button", { name: /^Ota/ }).first().click();
      await expect.poll(() => going.count()).toBe(before + 2);
      await expectNoAxeViolations(advisor, "console-two-chats-long-queue");

      // The queue is one line a chat in a region that scrolls by itself; the chats start on the
      // first screen, at 1280 px and at 1024 px wide, with nothing to scroll sideways.
      for (const [width, height] of [
        [1280, 800],
        [1024, 768],
      ] as const) {
        await advisor.setViewportSize({ width, height });
        await advisor.evaluate(() => window.scrollTo(0, 0));
        await screenshot(advisor, `console-long-queue-${width}`);
        const layout = await advisor.evaluate(() => {
          const region = document.querySelector(".queue-section .table-scroll") as HTMLElement;
          const row = document.querySelector("table.queue tbody tr") as HTMLElement;
          const heading = document.querySelector("article.chat h3") as HTMLElement;
          return {
            regionScrolls: region.scrollHeight > region.clientHeight,
            regionHeight: region.getBoundingClientRect().height,
            rowHeight: row.getBoundingClientRect().height,
            chatHeadingBottom: heading.getBoundingClientRect().bottom,
            pageWidth: document.documentElement.scrollWidth,
          };
        });
        expect(layout.regionScrolls, `queue scrolls inside its region at ${width} px`).toBe(true);
        expect(layout.regionHeight, `queue region bounded at ${width} px`).toBeLessThanOrEqual(200);
        expect(layout.rowHeight, `one line a chat at ${width} px`).toBeLessThan(40);
        // However many chats the navigation lists (earlier tests leave this advisor some).
        expect(
          layout.chatHeadingBottom,
          `first chat on the first screen at ${width} px`,
        ).toBeLessThan(height);
        expect(layout.pageWidth, `no sideways scroll at ${width} px`).toBeLessThanOrEqual(width);
      }

      // After a reload the line marking where the advisor took the chat is where it was:
      // after the joined notice, above the advisor's own answer.
      await advisor.reload();
      await answered.waitFor();
      const around = await answered.locator("li.separator").evaluate((line) => ({
        before: line.previousElementSibling?.textContent ?? "",
        after: line.nextElementSibling?.textContent ?? "",
      }));
      expect(around.before).toMatch(/liittyi keskusteluun/);
      expect(around.after).toContain("Katsotaan asiaasi yhdessä.");

      // Signing out with chats going asks first, saying how many and what happens to them.
      await advisor.getByRole("button", { name: "Kirjaudu ulos" }).click();
      const question = advisor.getByRole("group", {
        name: `Sinulla on avoimia keskusteluja: ${before + 2}. Ne palaavat jonoon muille neuvojille, ellet kirjaudu pian takaisin. Kirjaudutaanko ulos?`,
      });
      await question.waitFor();
      await expectNoAxeViolations(advisor, "console-sign-out-question");
      await advisor.keyboard.press("Escape");
      await expect
        .poll(() => advisor.evaluate(() => document.activeElement?.textContent))
        .toBe("Kirjaudu ulos");
      expect(await going.count()).toBe(before + 2);
      await advisor.getByRole("button", { name: "Kirjaudu ulos" }).click();
      await advisor.getByRole("button", { name: "Kyllä" }).click();
      await advisor.getByRole("heading", { name: "Kirjaudu sisään" }).waitFor();
    } finally {
      // No chat of this test is left waiting for the tests after it.
      await Promise.all(
        customers.map((socket) =>
          socket
            .timeout(5_000)
            .emitWithAck("chat:end", {})
            .catch(() => undefined),
        ),
      );
      for (const socket of customers) socket.disconnect();
      colleague.socket.disconnect();
      await advisor.context().close();
    }
  });

  it("spaces the navigation's links evenly after Keskusteluni with no chats, on a desktop and a phone", async () => {
    for (const width of [1280, 360]) {
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      const page = await context.newPage();
      await page.goto(`${stack.url}/console`);
      const idToken = await devToken(stack.url, "advisor-sv");
      await page.evaluate(
        (token) => sessionStorage.setItem("asiointi-console-session", JSON.stringify({ token })),
        idToken,
      );
      await page.reload();
      await page.getByRole("link", { name: /^Soittopyynnöt/ }).waitFor();
      await screenshot(page, `console-nav-${width}`);
      // The gaps between neighbouring links on one line, and where each line starts.
      const layout = await page.evaluate(() => {
        const links = [...document.querySelectorAll<HTMLElement>("nav > ul > li > a")];
        const boxes = links.map((a) => a.getBoundingClientRect());
        const gaps: number[] = [];
        const starts: number[] = [];
        boxes.forEach((box, i) => {
          const before = boxes[i - 1];
          if (before && Math.abs(before.top - box.top) < 2)
            gaps.push(Math.round(box.left - before.right));
          else starts.push(Math.round(box.left));
        });
        return { texts: links.map((a) => a.textContent), gaps, starts };
      });
      expect(layout.texts.slice(0, 2)).toEqual(["Jono (0)", "Keskusteluni"]);
      expect(layout.gaps.length, `links side by side at ${width} px`).toBeGreaterThan(0);
      expect(new Set(layout.gaps).size, `gaps ${layout.gaps} at ${width} px`).toBe(1);
      expect(new Set(layout.starts).size, `line starts at ${width} px`).toBe(1);
      await context.close();
    }
  });

  it("the advisor console has no axe violations in any state of that flow", () => {
    expect(consoleFindings).toEqual([]);
  });
});
