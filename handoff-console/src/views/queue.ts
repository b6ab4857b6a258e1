import type { AdvisorChat, QueueEntry } from "../../../functions/contracts/protocol.ts";
import type { Result } from "../consoleClient.ts";
import { h, relabel, srOnly, tx, uid } from "../dom.ts";
import { errorText, getText, topicLabel } from "../i18n.ts";

export interface QueueView {
  el: HTMLElement;
  headingId: string;
  update(waiting: QueueEntry[]): void;
  /** Stops the clock that advances waiting times. */
  destroy(): void;
}

export interface QueueOptions {
  accept(chatId: string): Promise<Result<{ chat: AdvisorChat }>>;
  /** Polite announcements (queue size changes); never called for the ticking clock. */
  announce(message: string): void;
  /** Told the new size, for the navigation. */
  onCount(count: number): void;
  onAccepted(chatId: string): void;
}

const ANNOUNCE_DELAY_MS = 1500;

/**
 * The live queue as a table. Waiting times advance locally every second from the snapshot's
 * `waitingSeconds`; only changes in who is waiting are announced, and at most once per
 * ANNOUNCE_DELAY_MS however often snapshots come.
 */
export function createQueue(options: QueueOptions): QueueView {
  const headingId = uid("queue-title");
  const noticeId = uid("queue-notice");
  const notice = h("p", { id: noticeId, class: "notice", role: "alert" });
  const tbody = h("tbody");
  const empty = h(
    "p",
    { class: "muted empty" },
    tx((t) => t.queueEmpty),
  );
  const th = (label: (t: ReturnType<typeof getText>) => string) =>
    h("th", { scope: "col" }, tx(label));
  const table = h(
    "table",
    { class: "queue" },
    h(
      "caption",
      {},
      tx((t) => t.queueCaption),
    ),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        th((t) => t.colPosition),
        th((t) => t.colLang),
        th((t) => t.colTopic),
        th((t) => t.colWaiting),
        th((t) => t.colAuth),
        th((t) => t.colAction),
      ),
    ),
    tbody,
  );
  const scroller = h("div", { class: "table-scroll", role: "region", tabindex: "0" }, table);
  scroller.setAttribute("aria-labelledby", headingId);
  const count = h("span", { class: "count" });
  const heading = h(
    "h2",
    { id: headingId, tabindex: "-1" },
    tx((t) => t.queueTitle),
    " ",
    count,
  );
  const el = h(
    "section",
    { class: "queue-section", "aria-labelledby": headingId },
    heading,
    notice,
    empty,
    scroller,
  );

  let entries: { entry: QueueEntry; receivedAt: number; clock: HTMLElement }[] = [];
  const accepting = new Set<string>();
  let lastIds = "";
  let announceTimer: ReturnType<typeof setTimeout> | undefined;
  const ticker = setInterval(tick, 1000);

  function waited(item: (typeof entries)[number]): number {
    return item.entry.waitingSeconds + (Date.now() - item.receivedAt) / 1000;
  }

  function tick(): void {
    const text = getText();
    for (const item of entries) item.clock.textContent = text.waited(waited(item));
  }

  function update(waiting: QueueEntry[]): void {
    const focusedId = (document.activeElement as HTMLElement | null)?.closest?.("tr")?.dataset
      .chatId;
    const hadFocus = tbody.contains(document.activeElement);
    const now = Date.now();
    entries = waiting.map((entry) => ({ entry, receivedAt: now, clock: h("span") }));
    tbody.replaceChildren(...entries.map((item, index) => row(item, index + 1)));
    tick();
    empty.hidden = entries.length > 0;
    scroller.hidden = entries.length === 0;
    count.replaceChildren(`(${entries.length})`);
    options.onCount(entries.length);
    if (hadFocus) {
      const again =
        focusedId &&
        tbody.querySelector<HTMLElement>(`tr[data-chat-id="${CSS.escape(focusedId)}"] button`);
      (again || heading).focus();
    }
    const ids = waiting
      .map((e) => e.chatId)
      .sort()
      .join(" ");
    if (ids !== lastIds) {
      lastIds = ids;
      clearTimeout(announceTimer);
      announceTimer = setTimeout(() => {
        options.announce(getText().queueCount(entries.length));
      }, ANNOUNCE_DELAY_MS);
    }
  }

  function row(item: (typeof entries)[number], position: number): HTMLTableRowElement {
    const { entry } = item;
    const button = h(
      "button",
      { type: "button", class: "primary small" },
      tx((t) => (accepting.has(entry.chatId) ? t.accepting : t.accept)),
      srOnly(
        tx((t) => t.acceptContext(position, t.langName[entry.lang], topicLabel(t, entry.topic))),
      ),
    );
    button.addEventListener("click", () => void accept(entry.chatId, button));
    return h(
      "tr",
      { "data-chat-id": entry.chatId },
      h("td", {}, String(position)),
      h(
        "td",
        {},
        h("span", { class: "badge", "aria-hidden": "true" }, entry.lang.toUpperCase()),
        " ",
        tx((t) => t.langName[entry.lang]),
      ),
      h(
        "td",
        {},
        tx((t) => topicLabel(t, entry.topic)),
      ),
      h("td", { class: "clock" }, item.clock),
      h(
        "td",
        {},
        h(
          "span",
          { class: entry.authenticated ? "auth yes" : "auth no", "aria-hidden": "true" },
          entry.authenticated ? "✔ " : "– ",
        ),
        tx((t) => (entry.authenticated ? t.authenticated : t.anonymous)),
      ),
      h("td", {}, button),
    );
  }

  async function accept(chatId: string, button: HTMLButtonElement): Promise<void> {
    if (accepting.has(chatId)) return;
    accepting.add(chatId);
    button.setAttribute("aria-disabled", "true");
    relabel(button);
    notice.replaceChildren();
    const ack = await options.accept(chatId);
    accepting.delete(chatId);
    button.removeAttribute("aria-disabled");
    relabel(button);
    if (ack.ok) {
      options.onAccepted(chatId);
      return;
    }
    const code = ack.error.code;
    notice.className =
      code === "ALREADY_TAKEN" || code === "NOT_IN_QUEUE" ? "notice warning" : "notice error";
    notice.replaceChildren(
      h("span", { "aria-hidden": "true" }, "⚠ "),
      tx((t) => (code === "ALREADY_TAKEN" ? t.alreadyTaken : errorText(t, ack.error))),
    );
    if (document.activeElement === button && !button.isConnected) heading.focus();
  }

  update([]);
  return {
    el,
    headingId,
    update,
    destroy: () => {
      clearInterval(ticker);
      clearTimeout(announceTimer);
    },
  };
}
