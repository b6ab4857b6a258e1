/**
 * The bot learns from its misses (issue 19, "Done when"), in Chromium against the real local
 * stack, as customers and a new content owner would go: customers ask a few similar questions
 * the live bot does not answer (one with an identity code), vote an answer unhelpful and ask
 * about another agency's matter (Traficom's referral); the content owner finds the questions
 * grouped and masked in the studio's inbox, picks the topic from the bot's guesses or the full
 * list, takes a question out of the group and teaches the rest to a topic, then that one too
 * (each outcome naming the topic and that it needs publishing), publishes; the
 * reviewer approves; a new chat is answered from that topic within 10 s. The same question,
 * asked again while the version waited for review, is shown as now answered by OmaVero and
 * marked answered in one click. The topic editor shows the unhelpful vote's question. First,
 * a customer who taps one of the two topics of the bot's which-one has their question in the
 * inbox with that pick, offered first and ready to teach (then dismissed, out of the walk's way).
 * Then a new topic made from an inbox question: while its question is being marked taught
 * after the save, Save says so (in Finnish and Swedish) and stays busy. Last, a real tax
 * question no topic covers is kept as an uncovered question under a matter (a bad one refused
 * in the form first), its status shown with the matter, and found on the uncovered questions'
 * page; asked again and kept under another matter, it keeps the set's, and the studio says so.
 * Apart, on a stack that samples every sure answer for the answer review: the owner switches
 * to the review, sees the question with the topic it was answered with, confirms it right
 * from the keyboard and sees the review's figure count it, in Finnish and Swedish.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LocalServer } from "../../functions/local/localServer.ts";
import { helsinkiToday } from "../../handoff-console/src/reports/periods.ts";
import { AUDIT_ANSWER_MARK_FI, AUDIT_QUESTION_FI, auditTopic } from "../support/auditTopic.ts";
import { OPEN_HOUR_ISO, startTestStack } from "../support/localStack.ts";
import { axeViolations, HAS_CHROMIUM, launchChromium, screenshot } from "./support/browser.ts";
import { startOpenStack } from "./support/stack.ts";
import {
  approveVersion,
  checkSettled,
  fillTopicFields,
  groupSamples,
  inboxGroupsWith,
  latestUnhelpful,
  openTopic,
  publishDraft,
  showInbox,
  signInToStudio,
  signOutOfStudio,
  studioTopicOf,
  teachGroup,
  withStudioPage,
} from "./support/studio.ts";
import { ask, askUntil, openWidget } from "./support/widget.ts";

/** How soon an approved version must answer in the running widget (issue 18). */
const LIVE_WITHIN_MS = 10_000;
const POLL = { timeout: 15_000 } as const;

/** A valid identity code (check character T): masked in the transcript and in the inbox. */
const IDENTITY_CODE = "131052-308T";
/**
 * Questions the live content does not answer (`classify` says `none`, no referral) and the
 * inbox groups together; each is asked in a chat of its own, so no chat has two misses in a
 * row (which would offer the customer a person instead).
 */
const MISSES = [
  "Verottajan nettisivut ei lataudu",
  `Nettisivut jumittaa ja ei lataudu, hetuni on ${IDENTITY_CODE}`,
  "Verottajan nettisivut jumittaa koko ajan",
] as const;
/** The masked form of the second question, as the inbox shows it. */
const MASKED = "Nettisivut jumittaa ja ei lataudu, hetuni on [ID-CODE]";
/** The topic the group is taught to, and a phrase only its Finnish answer has. */
const TAUGHT_TOPIC = "omavero";
const TAUGHT_ANSWER_MARK = "OmaVerossa voit hoitaa veroasiasi verkossa";
/** A question the bot answers from the content (tax-refund): the customer votes it unhelpful. */
const VOTED_QUESTION = "Milloin saan veronpalautuksen?";
const VOTED_TOPIC = "tax-refund";
const VEHICLE_TAX_QUESTION = "Ajoneuvovero on erääntynyt, mihin sen maksan?";
/** Residual tax and the refund are about equally likely for it: the bot asks which one. */
const WHICH_ONE_QUESTION = "Maksanko jäännösveroa vai saanko veronpalautusta?";
/** A topic the live bot does not have, made in the studio from an inbox question about it. */
const AUDIT = studioTopicOf(auditTopic);
/** A tax question no topic of the live bot covers, kept as an uncovered question. */
const UNCOVERED_QUESTION = "Paljonko plörövänkästä menee hömppäveroa?";
const UNCOVERED_MATTER = "plorovanka-tax";
/** A question the bot answers surely (tax-card): sampled for the answer review on its own stack. */
const SURE_QUESTION = "Miten saan verokortin?";
/** How the bot's Finnish "no answer" begins. */
const NOT_UNDERSTOOD = "Minulla ei ole tähän vastausta";

describe.skipIf(!HAS_CHROMIUM)("missed-question inbox in Chromium", () => {
  let stack: LocalServer;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startOpenStack(), launchChromium()]);
    // bypassCSP: axe-core is injected as an inline script; the pages themselves run under the CSP.
    context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    // The browser lives on the stack's (fake) day, so the studio's "last 30 days" hold it.
    await context.clock.setSystemTime(stack.clock.now());
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  async function expectNoAxeViolations(page: Page, state: string): Promise<void> {
    await screenshot(page, state);
    expect(await axeViolations(page), `axe violations in state "${state}"`).toEqual([]);
  }

  it("a customer's pick from the bot's which-one is shown in the inbox and offered first to teach", async () => {
    // Prepare: a customer asks between two topics and taps the refund.
    const widget = await openWidget(context, stack.url);
    expect(await ask(widget, WHICH_ONE_QUESTION)).toContain("Kumpaa tarkoitat?");
    const which = widget.locator(".msg.bot").last();
    const before = await widget.locator(".msg.bot").count();
    await which.getByRole("button", { name: "Veronpalautus" }).click();
    await expect.poll(() => widget.locator(".msg.bot").count(), POLL).toBeGreaterThan(before);
    await widget.close();
    // Act: the content owner opens the inbox and the question's own action.
    await withStudioPage(context, stack.url, "content-owner", async (studio) => {
      const day = helsinkiToday(stack.clock.now());
      await showInbox(studio, { from: day, to: day });
      const sample = studio.locator(".sample").filter({
        has: studio.locator(".sample-text", { hasText: WHICH_ONE_QUESTION }),
      });
      await expect.poll(() => sample.count(), POLL).toBe(1);
      // Assess: the pick is said in words, the title tapped is no question of its own.
      expect(await sample.textContent()).toContain("Asiakas valitsi: Veronpalautus");
      expect(await studio.locator(".sample-text").allTextContents()).not.toContain("Veronpalautus");
      // Alone in its group: one button acts on it (the group's), not two that do the same.
      const group = studio.locator("li.miss-group").filter({ has: sample });
      expect(await group.getByRole("button", { name: /^Käsittele/ }).count()).toBe(1);
      await group.getByRole("button", { name: "Käsittele tämä kysymys" }).click();
      const form = group.locator("form.miss-action");
      await form.getByRole("radio", { name: "Opeta aiheeseen" }).check();
      const picker = form.getByRole("combobox", { name: "Aihe" });
      expect(await picker.inputValue()).toBe("tax-refund");
      expect(
        await picker
          .locator("optgroup")
          .evaluateAll((gs) => gs.map((g) => g.getAttribute("label"))),
      ).toEqual(["Asiakkaan valinta", "Botin arvaukset", "Kaikki aiheet"]);
      await expectNoAxeViolations(studio, "inbox-customer-pick");
      // Dismissed, so the walk below finds only its own questions open (and the live bot as
      // it was: a teach published there would change what the which-one is asked for).
      await form.getByRole("radio", { name: "Hylkää (ei opeteta)" }).check();
      await form.getByTestId("miss-action-submit").click();
      await expect.poll(() => sample.count(), POLL).toBe(0);
    });
  }, 120_000);

  it("customers' misses are grouped and masked in the inbox; teaching the group makes the bot answer them", async () => {
    const errors: string[] = [];
    const watch = (page: Page) => page.on("pageerror", (error) => errors.push(String(error)));

    // A customer: a miss, then a normal answer voted unhelpful, then another agency's matter.
    const first = await openWidget(context, stack.url);
    watch(first);
    expect(await ask(first, MISSES[0])).toContain(NOT_UNDERSTOOD);
    expect(await ask(first, VOTED_QUESTION)).toMatch(/palautus/i);
    // Pinned by place: the ways onward offered after the vote become the last bot message.
    const botMessages = await first.locator(".msg.bot").count();
    const answer = first.locator(".msg.bot").nth(botMessages - 1);
    const no = answer.getByRole("button", { name: "Ei, vastauksesta ei ollut apua" });
    await answer.getByRole("group", { name: "Oliko vastauksesta apua?" }).waitFor();
    await no.click();
    await expect.poll(() => no.getAttribute("aria-pressed"), POLL).toBe("true");
    expect(
      await answer
        .getByRole("button", { name: "Kyllä, vastauksesta oli apua" })
        .getAttribute("aria-pressed"),
    ).toBe("false");
    // The thanks is said through the widget's polite live region (no visible line carries it).
    const thanks = first.locator('.panel > [role="status"].visually-hidden');
    await expect.poll(() => thanks.textContent(), POLL).toBe("Kiitos palautteesta!");
    // Then the ways onward, a person among them, before the advisor offers are counted below.
    await expect.poll(() => first.locator(".msg.bot").count(), POLL).toBe(botMessages + 1);
    await expectNoAxeViolations(first, "inbox-widget-voted");

    // Vehicle tax is Traficom's: their referral with a link there, and no offer of our advisors
    // (the miss before it offered one, honestly; the referral adds none).
    const advisorButtons = first.getByRole("button", { name: "Asiakasneuvoja" });
    const advisorOffersBefore = await advisorButtons.count();
    const referral = await ask(first, VEHICLE_TAX_QUESTION);
    expect(referral).toMatch(/Traficom/);
    const referralMessage = first.locator(".msg.bot").last();
    const link = referralMessage.getByRole("link");
    expect(await link.count()).toBe(1);
    expect(new URL((await link.getAttribute("href")) ?? "").hostname).toMatch(
      /^(www\.)?traficom\.fi$/,
    );
    expect(await referralMessage.getByRole("button", { name: "Asiakasneuvoja" }).count()).toBe(0);
    expect(await advisorButtons.count()).toBe(advisorOffersBefore);
    await expectNoAxeViolations(first, "inbox-widget-referral");
    await first.close();

    // Two more customers with the same trouble, one of them typing an identity code.
    for (const question of MISSES.slice(1)) {
      const widget = await openWidget(context, stack.url);
      watch(widget);
      const reply = await ask(widget, question);
      expect(reply).toContain(NOT_UNDERSTOOD);
      // The bot warns about the identity code and keeps the chat without it.
      if (question.includes(IDENTITY_CODE)) expect(reply).toMatch(/Älä kirjoita .*henkilötunnusta/);
      await widget.close();
    }

    // The same in Swedish: Traficom's Swedish referral, linked to their Swedish pages.
    const swedish = await openWidget(context, stack.url);
    watch(swedish);
    await swedish.getByRole("button", { name: "På svenska" }).click();
    await swedish.getByRole("heading", { name: "Skatteförvaltningens chatt" }).waitFor();
    expect(await ask(swedish, "Fordonsskatten har förfallit, var betalar jag den?")).toMatch(
      /Traficom/,
    );
    const svLink = swedish.locator(".msg.bot").last().getByRole("link");
    const svUrl = new URL((await svLink.getAttribute("href")) ?? "");
    expect(svUrl.hostname).toMatch(/^(www\.)?traficom\.fi$/);
    expect(svUrl.pathname).toMatch(/^\/sv/);
    expect(await swedish.getByRole("button", { name: "Kundrådgivare" }).count()).toBe(0);
    await swedish.close();

    // The content owner opens the inbox for the stack's day.
    await withStudioPage(
      context,
      stack.url,
      "content-owner",
      async (studio) => {
        const day = helsinkiToday(stack.clock.now());
        await showInbox(studio, { from: day, to: day });
        // The three misses and the unhelpful answer's question; referrals are no misses.
        expect(await studio.getByTestId("inbox-count").textContent()).toBe("2 ryhmää, 4 kysymystä");
        const groups = inboxGroupsWith(studio, "nettisivut");
        await expect.poll(() => groups.count(), POLL).toBe(1);
        const group = groups.first();
        expect((await groupSamples(group)).sort()).toEqual([MISSES[0], MASKED, MISSES[2]].sort());
        expect(await group.locator("h4").textContent()).toMatch(/3 kysymystä/);
        // Each says why it was kept in words ("no topic"), not the API's reason name.
        expect(await group.locator(".sample").allTextContents()).toEqual(
          Array(3).fill(expect.stringContaining("Syy: ei aihetta")),
        );
        // Masked everywhere on the page, the markup included; the mask token is what shows.
        expect(await studio.content()).not.toContain(IDENTITY_CODE);
        expect(await studio.locator("main").textContent()).toContain("[ID-CODE]");
        // The CSV export holds the same masked texts.
        const download = studio.waitForEvent("download");
        await studio.getByTestId("inbox-export").click();
        const file = await download;
        expect(file.suggestedFilename()).toBe(`vastaamattomat-kysymykset_${day}_${day}.csv`);
        let csv = "";
        for await (const chunk of await file.createReadStream()) csv += chunk;
        expect(csv).toContain(MASKED);
        expect(csv).not.toContain(IDENTITY_CODE);
        // The unhelpful answer's question is kept too, in a group of its own.
        await expect.poll(() => inboxGroupsWith(studio, VOTED_QUESTION).count(), POLL).toBe(1);
        await expectNoAxeViolations(studio, "inbox-groups");

        // The topic picker starts with the bot's own guesses, the likeliest chosen, then every
        // topic by title, each guess with how sure the bot was of this one question. (The
        // misses' group has none: the bot found no topic for them.)
        const votedGroup = inboxGroupsWith(studio, VOTED_QUESTION).first();
        await votedGroup.getByRole("button", { name: "Käsittele tämä kysymys" }).click();
        const votedForm = votedGroup.locator("form.miss-action");
        await votedForm.getByRole("radio", { name: "Opeta aiheeseen" }).check();
        const picker = votedForm.getByRole("combobox", { name: "Aihe" });
        expect(await picker.inputValue()).toBe(VOTED_TOPIC);
        expect(
          await picker
            .locator("optgroup")
            .evaluateAll((gs) => gs.map((g) => g.getAttribute("label"))),
        ).toEqual(["Botin arvaukset", "Kaikki aiheet"]);
        expect(
          (await picker.locator("optgroup").first().locator("option").allTextContents())[0],
        ).toMatch(new RegExp(`^Veronpalautus \\(${VOTED_TOPIC}\\): \\d+(,\\d)?\\s%$`));
        const titles = (
          await picker.locator('optgroup[label="Kaikki aiheet"] option').allTextContents()
        ).map((option) => option.replace(/ \([^)]*\)$/, ""));
        expect(titles.length).toBeGreaterThan(10);
        expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, "fi")));
        await expectNoAxeViolations(studio, "inbox-teach-picker");
        await votedForm.getByRole("button", { name: "Peruuta" }).click();

        // The owner takes one question out of the group: the action leaves it alone.
        const maskedSample = group.locator(".sample").filter({ hasText: MASKED });
        const maskedId = await maskedSample.getAttribute("data-sample");
        await maskedSample.getByRole("checkbox", { name: "Mukana ryhmän käsittelyssä" }).uncheck();
        expect(await group.getByRole("button", { name: /^Käsittele valitut/ }).textContent()).toBe(
          "Käsittele valitut 2/3",
        );
        await expectNoAxeViolations(studio, "inbox-question-left-out");
        // Teach the chosen two to OmaVero's training sentences; the draft topic has them.
        const teachRequest = studio.waitForRequest((r) => r.url().endsWith("/misses/actions"));
        await teachGroup(studio, group, TAUGHT_TOPIC, "training");
        const taughtIds = ((await teachRequest).postDataJSON() as { ids: string[] }).ids;
        expect(taughtIds).toHaveLength(2);
        expect(taughtIds).not.toContain(maskedId);
        // The outcome names the topic, says it still needs publishing, and has focus.
        const outcome = studio.getByTestId("inbox-outcome");
        await expect
          .poll(() => outcome.locator("p").first().textContent(), POLL)
          .toBe(
            "2 kysymystä opetettu aiheeseen OmaVero luonnokseen. Botti oppii ne, kun versio on otettu käyttöön.",
          );
        expect(await outcome.evaluate((el) => el === document.activeElement)).toBe(true);
        expect(
          await outcome
            .getByRole("link", { name: "Julkaise sivulla Versiot ja julkaisu" })
            .getAttribute("href"),
        ).toBe("#/versions");
        // The question left out is still open, now the group's only one.
        expect(await groupSamples(group)).toEqual([MASKED]);
        await expectNoAxeViolations(studio, "inbox-taught");
        // It is about the same trouble after all: teach it too.
        await teachGroup(studio, group, TAUGHT_TOPIC, "training");
        await expect
          .poll(() => outcome.locator("p").first().textContent(), POLL)
          .toBe(
            "1 kysymys opetettu aiheeseen OmaVero luonnokseen. Botti oppii sen, kun versio on otettu käyttöön.",
          );
        await expect.poll(() => inboxGroupsWith(studio, "nettisivut").count(), POLL).toBe(0);
        await openTopic(studio, TAUGHT_TOPIC);
        const sentences = (await studio.locator("#topic-fi-utterances").inputValue()).split("\n");
        // Taught without the mask: "[ID-CODE]" is no word to learn.
        expect(sentences).toEqual(
          expect.arrayContaining([
            MISSES[0],
            "Nettisivut jumittaa ja ei lataudu, hetuni on",
            MISSES[2],
          ]),
        );
        expect(sentences.join("\n")).not.toContain("[ID-CODE]");

        // Publish; the reviewer approves; a new chat is answered from OmaVero within 10 s.
        const published = await publishDraft(studio, "Vastaamattomat: verottajan nettisivut");
        // Meanwhile another customer asks the first question again: the live bot still misses it.
        const meanwhile = await openWidget(context, stack.url);
        watch(meanwhile);
        expect(await ask(meanwhile, MISSES[0])).toContain(NOT_UNDERSTOOD);
        await meanwhile.close();
        await signOutOfStudio(studio);
        await signInToStudio(studio, stack.url, "content-reviewer");
        const approvedAt = Date.now();
        await approveVersion(studio, published);
        const later = await openWidget(context, stack.url);
        watch(later);
        const live = await askUntil(later, MISSES[2], approvedAt, LIVE_WITHIN_MS, (a) =>
          a.includes(TAUGHT_ANSWER_MARK),
        );
        expect(live.answer, `answer ${live.afterMs} ms after approval`).toContain(
          TAUGHT_ANSWER_MARK,
        );
        // Not only the taught words: a shorter way to say it is answered from OmaVero too.
        expect(await ask(later, "Nettisivut jumittaa")).toContain(TAUGHT_ANSWER_MARK);
        await later.close();

        // Back in the inbox, the repeated question says the live bot now answers it from OmaVero;
        // one click marks it answered and it leaves the open list.
        await signOutOfStudio(studio);
        await signInToStudio(studio, stack.url, "content-owner");
        await showInbox(studio, { from: day, to: day });
        const repeated = studio.locator(".sample").filter({
          has: studio.locator(".sample-text", { hasText: MISSES[0] }),
        });
        await expect.poll(() => repeated.count(), POLL).toBe(1);
        await expect
          .poll(() => repeated.getByTestId("answered-now").locator("p").textContent(), POLL)
          .toBe("Nyt vastaa: OmaVero (käytössä oleva versio)");
        await expectNoAxeViolations(studio, "inbox-answered-now");
        await repeated.getByRole("button", { name: "Merkitse vastatuksi" }).click();
        await expect.poll(() => repeated.count(), POLL).toBe(0);
        await expect
          .poll(() => studio.getByTestId("inbox-outcome").textContent(), POLL)
          .toBe("1 kysymys: merkitty vastatuksi (hylätty, ei opeteta).");

        // The refund topic's editor lists the question whose answer did not help.
        expect(await latestUnhelpful(studio, VOTED_TOPIC, "fi")).toContain(VOTED_QUESTION);
        await expectNoAxeViolations(studio, "inbox-topic-feedback");
        expect(errors).toEqual([]);
      },
      { beforeSignIn: watch },
    );
  }, 300_000);

  it("a new topic made from an inbox question says on Save that it is marking the question taught once the topic is saved", async () => {
    // Prepare: a customer asks about a matter the live bot has no topic for (it can only ask
    // which of two others was meant; the question is kept in the inbox either way).
    const widget = await openWidget(context, stack.url);
    expect(await ask(widget, AUDIT_QUESTION_FI)).not.toContain(AUDIT_ANSWER_MARK_FI);
    await widget.close();
    await withStudioPage(context, stack.url, "content-owner", async (studio) => {
      const day = helsinkiToday(stack.clock.now());
      await showInbox(studio, { from: day, to: day });
      const group = inboxGroupsWith(studio, AUDIT_QUESTION_FI);
      await expect.poll(() => group.count(), POLL).toBe(1);
      await group.getByRole("button", { name: "Käsittele tämä kysymys" }).click();
      const form = group.locator("form.miss-action");
      await form.getByRole("radio", { name: "Uusi aihe näistä kysymyksistä" }).check();
      await form.getByTestId("miss-action-submit").click();
      await studio.getByRole("heading", { level: 2, name: "Uusi aihe" }).waitFor();
      // The question stays among the training sentences, so saving marks it taught.
      await fillTopicFields(studio, {
        ...AUDIT,
        fi: { ...AUDIT.fi, utterances: [AUDIT_QUESTION_FI, ...AUDIT.fi.utterances] },
      });
      expect((await checkSettled(studio)).errors).toBe(0);
      // The teach after the save is held, as on a slow day, until the button has been read.
      let release: () => void = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      await studio.route("**/api/content/misses/actions", async (route) => {
        await held;
        await route.continue();
      });
      const save = studio.locator("#topic-save");

      // Act
      await save.click();

      // Assess: saved, and now teaching: Save says so and stays busy, in either language.
      await expect.poll(() => save.textContent(), POLL).toBe("Merkitään kysymyksiä opetetuiksi…");
      expect(await save.getAttribute("aria-disabled")).toBe("true");
      await expectNoAxeViolations(studio, "studio-new-topic-teaching");
      await studio.getByRole("button", { name: "På svenska" }).click();
      await expect.poll(() => save.textContent(), POLL).toBe("Frågorna märks som inlärda…");
      await studio.getByRole("button", { name: "Suomeksi" }).click();
      await expect.poll(() => save.textContent(), POLL).toBe("Merkitään kysymyksiä opetetuiksi…");
      release();
      const outcome = studio.locator(".notice.ok", {
        hasText: `(${AUDIT.id}) tallennettu luonnokseen`,
      });
      await expect
        .poll(() => outcome.textContent(), POLL)
        .toContain("1 kysymys merkitty opetetuiksi tähän aiheeseen.");
      expect(await save.textContent()).toBe("Tallenna luonnokseen");
      expect(await save.getAttribute("aria-disabled")).toBeNull();
    });
  }, 120_000);

  it("a question no topic covers is kept from the inbox as an uncovered question under its matter, and asked again keeps the matter the set has", async () => {
    // Prepare: a customer asks what no topic covers.
    const widget = await openWidget(context, stack.url);
    await ask(widget, UNCOVERED_QUESTION);
    await widget.close();
    await withStudioPage(context, stack.url, "content-owner", async (studio) => {
      const day = helsinkiToday(stack.clock.now());
      await showInbox(studio, { from: day, to: day });
      const group = inboxGroupsWith(studio, UNCOVERED_QUESTION);
      await expect.poll(() => group.count(), POLL).toBe(1);
      await group.getByRole("button", { name: "Käsittele tämä kysymys" }).click();
      const form = group.locator("form.miss-action");
      await form.getByRole("radio", { name: "Ei aihetta: pidä testikysymyksenä" }).check();
      // A text field with suggestions: a combobox to assistive technology.
      const matter = form.getByRole("combobox", { name: "Asia" });
      // The matters the set has already are offered, so one matter keeps one id.
      await expect
        .poll(
          () =>
            form
              .locator("datalist option")
              .evaluateAll((os) => os.map((o) => o.getAttribute("value"))),
          POLL,
        )
        .toContain("dog-tax");

      // A matter that is no id is refused in the form, in the studio's words, before sending.
      await matter.fill("Myyntivoitto");
      await form.getByTestId("miss-action-submit").click();
      const refusal = form.locator(".error[role=alert]");
      await expect
        .poll(() => refusal.textContent(), POLL)
        .toBe(
          "Asia: ”Myyntivoitto” ei ole tunnus. Käytä pieniä kirjaimia, numeroita ja väliviivoja, esimerkiksi dog-tax.",
        );
      expect(await matter.getAttribute("aria-invalid")).toBe("true");
      await expectNoAxeViolations(studio, "inbox-uncovered-matter-refused");

      // Act
      await matter.fill(UNCOVERED_MATTER);
      await form.getByTestId("miss-action-submit").click();

      // Assess: said where it went, with the way to the set's page; the status is shown.
      const outcome = studio.getByTestId("inbox-outcome");
      await expect
        .poll(() => outcome.textContent(), POLL)
        .toContain(
          `1 kysymys lisätty luonnoksen kysymyksiin, joihin mikään aihe ei vastaa (asia ${UNCOVERED_MATTER}).`,
        );
      await expectNoAxeViolations(studio, "inbox-uncovered-kept");
      // The outcome's link opens the set's page, which lists it under its matter.
      await outcome.getByRole("link", { name: "Avaa Kysymykset ilman aihetta" }).click();
      const finnish = studio.locator("#uncovered-fi");
      await expect
        .poll(() => finnish.inputValue(), POLL)
        .toContain(`${UNCOVERED_MATTER}: ${UNCOVERED_QUESTION}`);
      // Back in the inbox it has left the open questions, and every status names it.
      await showInbox(studio, { from: day, to: day });
      await expect.poll(() => group.count(), POLL).toBe(0);
      await studio.locator("#inbox-status").selectOption("all");
      await studio.getByRole("button", { name: "Näytä kysymykset" }).click();
      const sample = group.locator(".sample").filter({
        has: studio.locator(".sample-text", { hasText: UNCOVERED_QUESTION }),
      });
      await expect
        .poll(() => sample.getByTestId("sample-status").textContent(), POLL)
        .toBe(`Tila: pidetty testikysymyksenä ilman aihetta (asia ${UNCOVERED_MATTER})`);

      // Another customer asks the same; the owner, not remembering, keeps it under another
      // matter. The set already has it: it keeps its matter, and the outcome says which.
      const again = await openWidget(context, stack.url);
      await ask(again, UNCOVERED_QUESTION);
      await again.close();
      await studio.locator("#inbox-status").selectOption("open");
      await showInbox(studio, { from: day, to: day });
      await expect.poll(() => group.count(), POLL).toBe(1);
      await group.getByRole("button", { name: "Käsittele tämä kysymys" }).click();
      await form.getByRole("radio", { name: "Ei aihetta: pidä testikysymyksenä" }).check();
      // Said before sending, beside the matter field.
      await expect
        .poll(() => form.getByTestId("miss-action-kept").textContent(), POLL)
        .toBe(
          `1 kysymys näistä on jo pidetty testikysymyksenä (asia ${UNCOVERED_MATTER}) ja pysyy siinä, vaikka kirjoittaisit toisen asian.`,
        );
      await form.getByRole("combobox", { name: "Asia" }).fill("hompat");
      await form.getByTestId("miss-action-submit").click();
      await expect
        .poll(() => outcome.textContent(), POLL)
        .toContain(
          `1 kysymys oli jo pidetty testikysymyksenä toisella asialla (${UNCOVERED_MATTER}), ja se pysyy siinä.`,
        );
      // Nothing new in the draft: no way to publish offered, only the set's page.
      expect(await outcome.getByRole("link").allTextContents()).toEqual([
        "Avaa Kysymykset ilman aihetta",
      ]);
      expect(await studio.evaluate(() => document.activeElement?.id)).toBe("inbox-outcome");
      await expectNoAxeViolations(studio, "inbox-uncovered-already-kept");
      await studio.locator("#inbox-status").selectOption("all");
      await studio.getByRole("button", { name: "Näytä kysymykset" }).click();
      await expect
        .poll(() => sample.getByTestId("sample-status").allTextContents(), POLL)
        .toEqual([
          `Tila: pidetty testikysymyksenä ilman aihetta (asia ${UNCOVERED_MATTER})`,
          `Tila: pidetty testikysymyksenä ilman aihetta (asia ${UNCOVERED_MATTER})`,
        ]);
    });
  }, 120_000);

  it("the answer review shows a sampled sure answer with its topic; confirming it from the keyboard counts it in the figure", async () => {
    // Prepare: a stack of its own that keeps every sure answer for the review; a customer
    // asks what the bot answers surely.
    const sampling = await startTestStack({
      env: { FAKE_TIME: OPEN_HOUR_ISO, LOG_LEVEL: "warn", INBOX_SAMPLE_RATE: "1" },
    });
    const own = await browser.newContext({
      bypassCSP: true,
      viewport: { width: 1280, height: 900 },
    });
    try {
      await own.clock.setSystemTime(sampling.clock.now());
      const widget = await openWidget(own, sampling.url);
      await ask(widget, SURE_QUESTION);
      await widget.close();
      await withStudioPage(own, sampling.url, "content-owner", async (studio) => {
        const day = helsinkiToday(sampling.clock.now());
        await showInbox(studio, { from: day, to: day });
        // Not a miss: the default list does not have it.
        await expect.poll(() => inboxGroupsWith(studio, SURE_QUESTION).count(), POLL).toBe(0);

        // Act: to the answer review, by its link.
        await studio.getByRole("link", { name: "Vastausten pistokoe" }).click();
        await expect
          .poll(() => studio.evaluate(() => location.hash), POLL)
          .toBe("#/inbox?kind=sampled");
        const sample = studio.locator(".sample").filter({
          has: studio.locator(".sample-text", { hasText: SURE_QUESTION }),
        });
        await expect.poll(() => sample.count(), POLL).toBe(1);
        const figure = studio.getByTestId("review-figure");
        const finnish = figure.locator("li[data-lang=fi]");
        expect(await finnish.textContent()).toBe("Suomi: Ei vielä tarkistettuja vastauksia");
        expect(await sample.getByTestId("sample-topic").textContent()).toBe(
          "Botti vastasi aiheella: Verokortti",
        );
        expect(
          await studio
            .getByRole("link", { name: "Vastausten pistokoe" })
            .getAttribute("aria-current"),
        ).toBe("page");
        await expectNoAxeViolations(studio, "answer-review");
        // From the keyboard: the button is reached and pressed as any other.
        const confirm = sample.getByRole("button", { name: "Vastaus oikein" });
        await confirm.focus();
        await studio.keyboard.press("Enter");

        // Assess: the outcome takes focus, the question leaves the open list, the figure counts it.
        const outcome = studio.getByTestId("inbox-outcome");
        await expect.poll(() => outcome.textContent(), POLL).toBe("1 vastaus merkitty oikeaksi.");
        expect(await studio.evaluate(() => document.activeElement?.id)).toBe("inbox-outcome");
        await expect.poll(() => sample.count(), POLL).toBe(0);
        expect((await finnish.textContent())?.replace(/\s/g, " ")).toBe(
          "Suomi: Tarkistetuista 1 vastauksesta 1 oikein (100 %)",
        );
        await expectNoAxeViolations(studio, "answer-review-confirmed");
        // The figure is the server's too, and in Swedish: a reload of the address keeps the view.
        await studio.getByRole("button", { name: "På svenska" }).click();
        await studio.reload();
        await studio.getByTestId("signed-in-user").waitFor(POLL);
        await expect
          .poll(
            () =>
              studio.getByRole("link", { name: "Stickprov på svar" }).getAttribute("aria-current"),
            POLL,
          )
          .toBe("page");
        await expect
          .poll(async () => (await finnish.textContent())?.replace(/\s/g, " "), POLL)
          .toBe("Finska: Av 1 granskat svar var 1 rätt (100 %)");
        await expectNoAxeViolations(studio, "answer-review-sv");
      });
    } finally {
      await own.close();
      await sampling.close();
    }
  });
});
