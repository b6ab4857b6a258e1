import type { BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";

/**
 * The customer widget (the page at /) as a customer uses it, for browser tests: a chat per
 * page (the widget keeps its chat per tab), questions typed and sent with Enter.
 */

const POLL = { timeout: 15_000 } as const;

/** Opens the site in a new tab and the chat in it; waits for the bot's welcome. */
export async function openWidget(context: BrowserContext, url: string): Promise<Page> {
  const widget = await context.newPage();
  await widget.goto(`${url}/`);
  await widget.getByRole("button", { name: /Avaa chat|Öppna chatten/ }).click();
  await expect.poll(() => widget.locator(".msg.bot").count(), POLL).toBeGreaterThan(0);
  return widget;
}

/** Bot messages the widget shows after the customer's question, as one text. */
export async function ask(widget: Page, question: string): Promise<string> {
  const before = await widget.locator(".msg.bot").count();
  await widget
    .getByRole("textbox", { name: /Kirjoita kysymyksesi|Skriv din fråga/ })
    .fill(question);
  await widget.keyboard.press("Enter");
  await expect.poll(() => widget.locator(".msg.bot").count(), POLL).toBeGreaterThan(before);
  // The answer may come as more than one message; let the turn finish.
  await widget.waitForTimeout(300);
  const texts = await widget.locator(".msg.bot").allTextContents();
  return texts.slice(before).join("\n");
}

/**
 * Asks `question` again until the answer satisfies `answered`, or `withinMs` from `since`
 * have passed; returns the last answer and when it came.
 */
export async function askUntil(
  widget: Page,
  question: string,
  since: number,
  withinMs: number,
  answered: (answer: string) => boolean,
): Promise<{ answer: string; afterMs: number }> {
  for (;;) {
    const answer = await ask(widget, question);
    const afterMs = Date.now() - since;
    if (answered(answer) || afterMs > withinMs) return { answer, afterMs };
    await widget.waitForTimeout(1000);
  }
}
