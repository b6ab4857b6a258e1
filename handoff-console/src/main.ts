import { clearSession, loadSession, type Session, saveSession } from "./auth.ts";
import { type ConnectionState, ConsoleClient } from "./consoleClient.ts";
import { bind, h, relabel, tx } from "./dom.ts";
import { getLang, getText, setLang, type UiText } from "./i18n.ts";
import { reportsNavItem } from "./reports/navLink.ts";
import { isSupervisorToken, tokenRoles } from "./reports/reportsApi.ts";
import { STYLES } from "./styles.ts";
import { loadTopicNames, onTopicNames } from "./topicNames.ts";
import { type ChatPanel, createChatPanel } from "./views/chatPanel.ts";
import { createPresence } from "./views/presence.ts";
import { createQueue, type QueueView } from "./views/queue.ts";
import { createSignIn } from "./views/signIn.ts";

/**
 * The advisor console: sign-in, then presence, the live queue and the advisor's chats over
 * the `/advisor` socket.io namespace. Served at /console with a strict CSP, so everything is
 * built with DOM calls and all data is set as text.
 */
function boot(): void {
  document.head.append(h("style", {}, STYLES));

  const switchButton = h("button", { type: "button", class: "secondary small" });
  const userArea = h("div", { class: "user" });
  const connection = h("p", { class: "connection", role: "status" });
  const presenceArea = h("div", { class: "presence-area" });
  const header = h(
    "header",
    { class: "topbar" },
    h(
      "div",
      { class: "topline" },
      h(
        "h1",
        {},
        tx((t) => t.appTitle),
      ),
      userArea,
      uiLangSwitch(switchButton),
    ),
    presenceArea,
    connection,
  );
  const navList = h("ul");
  const nav = bind(h("nav", { hidden: true }, navList), "aria-label", (t) => t.navLabel);
  const main = h("main", { id: "main", tabindex: "-1" });
  const announcer = h("div", { class: "sr-only", "aria-live": "polite", "aria-atomic": "true" });
  document.body.replaceChildren(header, nav, main, announcer);

  function uiLangSwitch(button: HTMLButtonElement): HTMLButtonElement {
    button.addEventListener("click", () => {
      setLang(getLang() === "fi" ? "sv" : "fi");
      applyLang();
    });
    return button;
  }

  function applyLang(): void {
    const text = getText();
    document.documentElement.lang = text.lang;
    document.title = text.appTitle;
    switchButton.textContent = text.switchLang;
    switchButton.setAttribute("lang", text.switchLangTo);
    relabel();
  }

  let announceClear: ReturnType<typeof setTimeout> | undefined;
  function announce(message: string): void {
    // Cleared first so that the same sentence twice is still announced.
    announcer.textContent = "";
    clearTimeout(announceClear);
    setTimeout(() => {
      announcer.textContent = message;
      announceClear = setTimeout(() => {
        announcer.textContent = "";
      }, 8000);
    }, 50);
  }

  // Topic names arrive after sign-in: relabel the queue and chats that show topics by id.
  onTopicNames(() => relabel());

  let client: ConsoleClient | undefined;
  let queue: QueueView | undefined;

  function showSignIn(notice?: string): void {
    queue?.destroy();
    queue = undefined;
    client?.close();
    client = undefined;
    nav.hidden = true;
    presenceArea.replaceChildren();
    userArea.replaceChildren();
    connection.replaceChildren();
    const view = createSignIn({
      ...(notice ? { notice } : {}),
      onSignedIn: (token, name) => {
        const session: Session = { token, ...(name ? { name } : {}) };
        saveSession(session);
        startConsole(session);
      },
    });
    main.replaceChildren(view);
    if (notice) view.querySelector<HTMLElement>("h2")?.focus();
  }

  function startConsole(session: Session): void {
    // The /advisor namespace refuses a token without the advisor role: a supervisor's work
    // here is the Reports page, so go there instead of a connection that cannot open.
    if (isSupervisorToken(session.token) && !tokenRoles(session.token).includes("advisor")) {
      location.assign("/console/reports");
      return;
    }
    void loadTopicNames(session.token);
    const c = new ConsoleClient({ token: session.token });
    client = c;
    const panels = new Map<string, { panel: ChatPanel; link: HTMLAnchorElement; unread: number }>();
    let displayName = session.name;

    // Header: who, presence, sign out.
    const nameEl = h("span", { class: "who-am-i" });
    const showName = () =>
      nameEl.replaceChildren(...(displayName ? [tx((t) => t.signedInAs(displayName ?? ""))] : []));
    showName();
    const signOut = h(
      "button",
      { type: "button", class: "secondary small" },
      tx((t) => t.signOut),
    );
    signOut.addEventListener("click", () => {
      clearSession();
      showSignIn();
    });
    userArea.replaceChildren(nameEl, signOut);
    const presence = createPresence((request) => c.setPresence(request));
    presenceArea.replaceChildren(presence.el);

    // Main: queue and chats.
    const queueLink = h("a", {});
    queue = createQueue({
      accept: (chatId) => c.accept(chatId),
      announce,
      onCount: (n) => {
        queueLink.replaceChildren(tx((t) => t.queueCountShort(n)));
      },
      onAccepted: (chatId) => panels.get(chatId)?.panel.focusCompose(),
    });
    const chatsHeadingId = "chats-title";
    const noChats = h(
      "p",
      { class: "muted" },
      tx((t) => t.noChats),
    );
    const chatGrid = h("div", { class: "chat-grid" });
    const chatsSection = h(
      "section",
      { class: "chats-section", "aria-labelledby": chatsHeadingId },
      h(
        "h2",
        { id: chatsHeadingId, tabindex: "-1" },
        tx((t) => t.chatsTitle),
      ),
      noChats,
      chatGrid,
    );
    main.replaceChildren(queue.el, chatsSection);

    // Navigation: the queue and one link per chat, with unread counts.
    linkTo(queueLink, queue.headingId);
    const chatLinks = h("ul", { class: "chat-links" });
    navList.replaceChildren(
      h("li", {}, queueLink),
      h(
        "li",
        {},
        navLink(
          chatsHeadingId,
          tx((t) => t.chatsTitle),
        ),
        chatLinks,
      ),
    );
    const reportsLink = reportsNavItem(session.token);
    if (reportsLink) navList.append(reportsLink);
    nav.hidden = false;

    function navLink(targetId: string, ...label: Node[]): HTMLAnchorElement {
      return linkTo(h("a", {}, ...label), targetId);
    }

    /** An in-page link that moves focus (not only the scroll position) to its target. */
    function linkTo(link: HTMLAnchorElement, targetId: string): HTMLAnchorElement {
      link.href = `#${targetId}`;
      link.addEventListener("click", (event) => {
        event.preventDefault();
        const target = document.getElementById(targetId);
        target?.focus();
        target?.scrollIntoView({ block: "start" });
      });
      return link;
    }

    function showChatCount(): void {
      noChats.hidden = panels.size > 0;
    }

    function linkLabel(entry: { panel: ChatPanel; unread: number }) {
      return tx((t: UiText) =>
        entry.unread > 0
          ? `${entry.panel.name(t)} – ${t.newCount(entry.unread)}`
          : entry.panel.name(t),
      );
    }

    c.on({
      connection: (state: ConnectionState) => {
        connection.dataset.state = state;
        connection.replaceChildren(
          h("span", { class: "dot", "aria-hidden": "true" }),
          tx((t) => t[state]),
        );
      },
      unauthorized: (message) => {
        clearSession();
        const text = getText();
        showSignIn(
          message ? `${text.unauthorized} ${text.serverSaid(message)}` : text.unauthorized,
        );
      },
      status: (status) => {
        presence.show(status);
        if (status.displayName && status.displayName !== displayName) {
          displayName = status.displayName;
          saveSession({ ...session, name: displayName });
          showName();
        }
      },
      queue: (waiting) => queue?.update(waiting),
      chatOpened: (chat) => {
        const entry = {
          unread: 0,
          link: undefined as unknown as HTMLAnchorElement,
          panel: createChatPanel(chat, {
            send: (text) => c.send(chat.chatId, text),
            typing: () => c.typing(chat.chatId),
            stopTyping: () => c.stopTyping(chat.chatId),
            transfer: (lang) => c.transfer(chat.chatId, lang),
            end: () => c.end(chat.chatId),
            wrapUp: (reason, note) => c.wrapUp(chat.chatId, reason, note),
            unread: (count) => {
              entry.unread = count;
              entry.link.replaceChildren(linkLabel(entry));
            },
          }),
        };
        entry.link = navLink(entry.panel.headingId);
        entry.link.append(linkLabel(entry));
        entry.link.dataset.chatId = chat.chatId;
        panels.set(chat.chatId, entry);
        chatGrid.append(entry.panel.el);
        entry.panel.showLatest();
        chatLinks.append(h("li", {}, entry.link));
        showChatCount();
      },
      chatClosed: (chatId, reason, detail) => {
        const entry = panels.get(chatId);
        if (!entry) return;
        const hadFocus = entry.panel.el.contains(document.activeElement);
        entry.panel.el.remove();
        entry.link.closest("li")?.remove();
        panels.delete(chatId);
        showChatCount();
        const text = getText();
        announce(
          reason === "wrapped-up"
            ? text.wrapupSaved
            : reason === "transferred" && detail?.lang
              ? text.transferred(detail.lang)
              : text.returnedToQueue,
        );
        if (hadFocus) {
          const next = panels.values().next().value;
          if (next) next.panel.focusHeading();
          else document.getElementById(queue?.headingId ?? "")?.focus();
        }
      },
      message: (chatId, message, before) => panels.get(chatId)?.panel.addMessage(message, before),
      pending: (chatId, pending) => panels.get(chatId)?.panel.setPending(pending),
      typing: (chatId, typing) => panels.get(chatId)?.panel.setTyping(typing),
      language: (chatId) => panels.get(chatId)?.panel.showLanguage(),
      ended: (chatId) => panels.get(chatId)?.panel.setEnded(),
    });
    showChatCount();
    c.connect();
  }

  applyLang();
  const session = loadSession();
  if (session) startConsole(session);
  else showSignIn();
}

boot();
