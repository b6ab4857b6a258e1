import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { expect } from "vitest";

/**
 * The content studio (/studio) as a content owner or reviewer uses it, for browser tests.
 * Selectors are the studio's stable ids and data attributes (content-studio/src/views/), and
 * Finnish labels where a person would read them.
 */

/** A topic as the editor's fields take it: sentences and test messages one per line. */
export interface StudioTopic {
  id: string;
  fi: StudioLocale;
  sv: StudioLocale;
}
export interface StudioLocale {
  title: string;
  utterances: string[];
  answer: string;
  links: { label: string; url: string }[];
  tests: string[];
}

/** The editor's view of a topic as the content API takes it (test messages beside it). */
export function studioTopicOf(topic: {
  id: string;
  fi: Omit<StudioLocale, "tests">;
  sv: Omit<StudioLocale, "tests">;
  tests: { fi: string[]; sv: string[] };
}): StudioTopic {
  return {
    id: topic.id,
    fi: { ...topic.fi, tests: topic.tests.fi },
    sv: { ...topic.sv, tests: topic.tests.sv },
  };
}

/** UI steps wait for the server (token, training, checks) on a shared two-core machine. */
const POLL = { timeout: 15_000 } as const;

const NAV = {
  topics: "Aiheet",
  try: "Kokeile viestiä",
  test: "Testaa kaikki",
  versions: "Versiot ja julkaisu",
  inbox: "Vastaamattomat kysymykset",
  "out-of-scope": "Aiheen ulkopuoliset",
  uncovered: "Kysymykset ilman aihetta",
} as const;

/** Opens the studio's sign-in and signs in as a local persona (`content-owner`, …). */
export async function signInToStudio(page: Page, url: string, persona: string): Promise<void> {
  if (!page.url().startsWith(`${url}/studio`)) await page.goto(`${url}/studio`);
  await page.locator(`[data-persona="${persona}"]`).click();
  // The header names the role once /api/content/me has answered.
  await expect
    .poll(() => page.getByTestId("signed-in-user").textContent(), POLL)
    .toMatch(persona === "content-reviewer" ? /sisällön tarkastaja/ : /sisällön omistaja/);
}

/**
 * Runs `use` with a studio page signed in as `persona`, and closes the page afterwards, whether
 * `use` passed or threw. From a browser the page gets a context of its own (its session, kept
 * work and routes apart from every other test's; closed with the page), with bypassCSP since
 * axe-core is injected as an inline script (the studio itself runs under the CSP). From a
 * context (one living on the stack's fake day, say) the page opens in it. `beforeSignIn` sees
 * the page first, to listen for what sign-in may already bring (page errors, dialogs).
 */
export async function withStudioPage<T>(
  from: Browser | BrowserContext,
  url: string,
  persona: string,
  use: (page: Page) => Promise<T>,
  options: { beforeSignIn?: (page: Page) => void } = {},
): Promise<T> {
  const page =
    "newContext" in from ? await from.newPage({ bypassCSP: true }) : await from.newPage();
  try {
    options.beforeSignIn?.(page);
    await signInToStudio(page, url, persona);
    return await use(page);
  } finally {
    await page.close();
  }
}

export async function signOutOfStudio(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Kirjaudu ulos" }).click();
  await page.getByRole("heading", { level: 2, name: "Kirjaudu sisään" }).waitFor();
}

/** Follows a navigation link and waits until the view's heading has focus; stays when there. */
export async function openView(page: Page, view: keyof typeof NAV): Promise<void> {
  const here = await page.evaluate(() => location.hash || "#/topics");
  if (here === `#/${view}`) return;
  // The Versions link may carry counts after its name ("(1 odottaa tarkastusta)").
  await page
    .getByRole("navigation")
    .getByRole("link", { name: new RegExp(`^${NAV[view]}`) })
    .click();
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.id), POLL)
    .toBe("view-heading");
}

/** Waits until the as-you-type check has answered for what is in the form. */
export async function checkSettled(page: Page): Promise<{ errors: number; warnings: number }> {
  await expect.poll(() => page.getByTestId("topic-checking").count(), POLL).toBe(0);
  const counts = page.locator(".check-counts");
  return {
    errors: Number(await counts.getAttribute("data-errors")),
    warnings: Number(await counts.getAttribute("data-warnings")),
  };
}

/** Fills the new-topic form (both languages) from the topic list's "Uusi aihe". */
export async function fillNewTopic(page: Page, topic: StudioTopic): Promise<void> {
  await openView(page, "topics");
  await page.getByTestId("new-topic").click();
  await page.getByRole("heading", { level: 2, name: "Uusi aihe" }).waitFor();
  await fillTopicFields(page, topic);
}

/** Fills the open new-topic form's fields (both languages), replacing what they held. */
export async function fillTopicFields(page: Page, topic: StudioTopic): Promise<void> {
  await page.locator("#topic-id").fill(topic.id);
  for (const lang of ["fi", "sv"] as const) {
    const locale = topic[lang];
    await page.locator(`#topic-${lang}-title`).fill(locale.title);
    await page.locator(`#topic-${lang}-utterances`).fill(locale.utterances.join("\n"));
    await page.locator(`#topic-${lang}-answer`).fill(locale.answer);
    for (const [i, link] of locale.links.entries()) {
      await page.locator(`#topic-${lang}-links-add`).click();
      await page.locator(`#topic-${lang}-link-${i}-label`).fill(link.label);
      await page.locator(`#topic-${lang}-link-${i}-url`).fill(link.url);
    }
    await page.locator(`#topic-${lang}-tests`).fill(locale.tests.join("\n"));
  }
}

/** Saves the open topic to the draft; fails with the check's problems if it was refused. */
export async function saveTopic(page: Page, id: string): Promise<void> {
  await page.locator("#topic-save").click();
  // Named by its title with the id after it: "Aihe Verokortti (tax-card) tallennettu…".
  const saved = page.locator(".notice.ok", { hasText: `(${id}) tallennettu luonnokseen` });
  await expect
    .poll(
      async () =>
        (await saved.count()) ? "saved" : await page.locator("#topic-summary").textContent(),
      POLL,
    )
    .toBe("saved");
  await expect.poll(() => page.evaluate(() => location.hash), POLL).toBe(`#/topics/${id}`);
}

/** Whether the element lies wholly inside the window, not scrolled out of sight. */
export function inView(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => {
    const box = el.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight;
  });
}

/** The focused element's id when the editor's Save row covers part of it, else undefined. */
export function focusUnderSaveBar(page: Page): Promise<string | undefined> {
  return page.evaluate(() => {
    const at = document.activeElement;
    const bar = document.querySelector(".save-bar");
    if (!(at instanceof HTMLElement) || !bar || bar.contains(at)) return undefined;
    const field = at.getBoundingClientRect();
    const row = bar.getBoundingClientRect();
    return field.bottom > row.top && field.top < row.bottom ? at.id || at.tagName : undefined;
  });
}

/** Tries a message; returns the top intents of the draft and live columns, best first. */
export async function tryMessage(
  page: Page,
  text: string,
  lang: "fi" | "sv",
): Promise<{ draft: string[]; live: string[] }> {
  await openView(page, "try");
  await page.locator("#try-message").fill(text);
  await page.locator("#try-lang").selectOption(lang);
  await page.getByRole("button", { name: "Kokeile", exact: true }).click();
  const column = (which: string) => page.getByTestId(`try-${which}`).locator("li[data-intent]");
  await column("draft").first().waitFor({ timeout: 15_000 });
  const intents = async (which: string) =>
    (await column(which).evaluateAll((items) =>
      items.map((li) => li.getAttribute("data-intent") ?? ""),
    )) as string[];
  return { draft: await intents("draft"), live: await intents("live") };
}

/** Runs "Testaa kaikki" and waits for the report (the busy state shows meanwhile). */
export async function runTestAll(page: Page): Promise<void> {
  await openView(page, "test");
  await page.locator("#run-tests").click();
  // The busy line may come and go faster than a test can look; the results stay.
  await page.getByTestId("test-results").waitFor({ timeout: 120_000 });
  await expect.poll(() => page.getByTestId("test-busy").count(), POLL).toBe(0);
}

/** The version currently live, as the versions view says. */
export async function liveVersion(page: Page): Promise<number> {
  await openView(page, "versions");
  const line = page.getByTestId("live-version");
  await line.waitFor();
  return Number((await line.textContent())?.match(/\d+/)?.[0]);
}

/** Publishes the draft with a comment; returns the new version's number (pending review). */
export async function publishDraft(page: Page, comment: string): Promise<number> {
  await openView(page, "versions");
  await page.locator("#publish-comment").fill(comment);
  await page.locator("#publish").click();
  const notice = page.getByTestId("publish-notice").locator(".notice.ok");
  await expect.poll(() => notice.textContent(), POLL).toMatch(/Versio \d+ luotu/);
  return Number((await notice.textContent())?.match(/Versio (\d+) luotu/)?.[1]);
}

/** The state a version shows in the list (`pending-review`, `live`, …). */
export function versionState(page: Page, version: number): Promise<string | null> {
  return page.getByTestId(`version-${version}`).getAttribute("data-state");
}

/**
 * Approves a pending version (a reviewer's action), answering its confirmation, and waits
 * until the list says it is live.
 */
export async function approveVersion(page: Page, version: number): Promise<void> {
  await openView(page, "versions");
  await page.locator(`#version-${version}-approve`).click();
  await page.getByRole("button", { name: "Kyllä, hyväksy" }).click();
  await expect.poll(() => versionState(page, version), { timeout: 60_000 }).toBe("live");
}

/** Withdraws the author's own pending version, answering its confirmation. */
export async function withdrawVersion(page: Page, version: number): Promise<void> {
  await openView(page, "versions");
  await page.locator(`#version-${version}-withdraw`).click();
  await page.getByRole("button", { name: "Kyllä, peru julkaisu" }).click();
  await expect.poll(() => versionState(page, version), POLL).toBe("rejected");
}

/** Rolls back to an older version; returns the new version that carries its content. */
export async function rollBackTo(
  page: Page,
  version: number,
  reason = "Palautus selaintestissä.",
): Promise<number> {
  await openView(page, "versions");
  await page.locator(`#version-${version}-rollback`).click();
  await page.locator(`#version-${version}-rollback-reason`).fill(reason);
  await page.getByRole("button", { name: "Kyllä, palauta" }).click();
  // Said in the row of the version rolled back to, where the rollback was asked for.
  const notice = page.getByTestId(`version-${version}-notice`).locator(".notice.ok");
  await expect.poll(() => notice.textContent(), POLL).toMatch(/luotu palauttamaan/);
  return Number((await notice.textContent())?.match(/Versio (\d+) luotu/)?.[1]);
}

/** Opens a draft topic's editor from the topic list. */
export async function openTopic(page: Page, id: string): Promise<void> {
  await openView(page, "topics");
  await page.locator(`tr[data-topic="${id}"]`).getByRole("link", { name: id, exact: true }).click();
  await expect.poll(() => page.evaluate(() => location.hash), POLL).toBe(`#/topics/${id}`);
  await page.locator("#topic-fi-utterances").waitFor(POLL);
}

/** The latest questions a topic's answer did not help with, in its editor (`fi` or `sv`). */
export async function latestUnhelpful(
  page: Page,
  id: string,
  lang: "fi" | "sv",
): Promise<string[]> {
  await openTopic(page, id);
  const panel = page.getByTestId("topic-feedback").locator(`section[data-lang="${lang}"]`);
  await panel.waitFor(POLL);
  return panel.locator("ul.unhelpful li span[lang]").allTextContents();
}

/**
 * Opens the missed-question inbox for whole Helsinki days `from`..`to` (YYYY-MM-DD), open
 * questions of both languages, as the filter form asks; waits for the groups' count.
 */
export async function showInbox(page: Page, period: { from: string; to: string }): Promise<void> {
  await openView(page, "inbox");
  await page.locator("#inbox-from").fill(period.from);
  await page.locator("#inbox-to").fill(period.to);
  await page.getByRole("button", { name: "Näytä kysymykset" }).click();
  await page.getByTestId("inbox-count").waitFor(POLL);
}

/** The inbox's groups with a sample containing `text`. */
export function inboxGroupsWith(page: Page, text: string): Locator {
  return page.locator("li.miss-group").filter({
    has: page.locator(".sample-text", { hasText: text }),
  });
}

/** The sample texts a group shows (all of them: "show all" opened when there are more). */
export async function groupSamples(group: Locator): Promise<string[]> {
  const more = group.getByRole("button", { name: /^Näytä kaikki/ });
  if (await more.count()) await more.click();
  return group.locator(".sample-text").allTextContents();
}

/**
 * Teaches an inbox group's chosen questions (every one unless some were unchecked) to a draft
 * topic (its training sentences or its test split) through the group's action form; waits
 * until the action is done (the form closes: the group left the open list, or what is left of
 * it stays).
 */
export async function teachGroup(
  page: Page,
  group: Locator,
  topicId: string,
  split: "training" | "tests",
): Promise<void> {
  const id = await group.getAttribute("data-group");
  // The group's own button: "koko ryhmä", "valitut", or "tämä kysymys" for a group of one.
  await page.locator(`[id="group-${id}-act"]`).click();
  const form = page.locator(`li.miss-group[data-group="${id}"] form.miss-action`);
  await form.getByRole("radio", { name: "Opeta aiheeseen" }).check();
  await form.getByRole("combobox", { name: "Aihe" }).selectOption(topicId);
  await form
    .getByRole("radio", { name: split === "training" ? "Opetuslauseiksi" : "Testiviesteiksi" })
    .check();
  await form.getByTestId("miss-action-submit").click();
  await expect
    .poll(
      async () =>
        (await form.count()) === 0
          ? "taught"
          : (await form.locator(".notice.error").allTextContents()).join(" ") || "pending",
      POLL,
    )
    .toBe("taught");
}
