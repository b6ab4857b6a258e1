/**
 * The advisor console: sign-in, then presence, the live queue and the advisor's chats over
 * the `/advisor` socket.io namespace. Served at /console with a strict CSP (no inline
 * script); all data is rendered as text, never as HTML.
 */

import { useState } from "preact/hooks";
import { announcement } from "./announcer.ts";
import { appointments } from "./appointmentList.ts";
import { callbacks } from "./callbackList.ts";
import { setLang, text, uiLang } from "./i18n.ts";
import { mountStaffPage } from "./mount.tsx";
import { ReportsNavItem } from "./reports/NavLink.tsx";
import {
  APPOINTMENTS_HEADING_ID,
  CALLBACKS_HEADING_ID,
  CHATS_HEADING_ID,
  chatHeadingId,
  chatName,
  chats,
  connection,
  focusLater,
  QUEUE_HEADING_ID,
  session,
  shownQueue,
  signIn,
  signInNotice,
  signOut,
  start,
  supervising,
} from "./state.ts";
import { STYLES } from "./styles.ts";
import { Appointments } from "./views/Appointments.tsx";
import { Callbacks } from "./views/Callbacks.tsx";
import { ChatPanel, Confirm } from "./views/ChatPanel.tsx";
import { type Contacts, counted, refreshList } from "./views/ContactList.tsx";
import { Presence } from "./views/Presence.tsx";
import { Queue } from "./views/Queue.tsx";
import { SignIn } from "./views/SignIn.tsx";

function App() {
  const t = text.value;
  const current = session.value;
  const state = connection.value;
  const said = announcement.value;
  return (
    <>
      <header class="topbar">
        <div class="topline">
          <h1>{t.appTitle}</h1>
          <div class="user">
            {current ? (
              <>
                <span class="who-am-i">{current.name ? t.signedInAs(current.name) : null}</span>
                <SignOut />
              </>
            ) : null}
          </div>
          <button
            type="button"
            class="secondary small"
            lang={t.switchLangTo}
            onClick={() => setLang(uiLang.value === "fi" ? "sv" : "fi")}
          >
            {t.switchLang}
          </button>
        </div>
        <div class="presence-area">{current && !supervising.value ? <Presence /> : null}</div>
        <p class="connection" role="status" data-state={state}>
          {state ? (
            <>
              <span class="dot" aria-hidden="true" />
              {t[state]}
            </>
          ) : null}
        </p>
      </header>
      <nav aria-label={t.navLabel} hidden={!current}>
        {current ? <Navigation token={current.token} /> : null}
      </nav>
      <main id="main" tabIndex={-1}>
        {current ? (
          <>
            {supervising.value ? null : (
              <>
                <Queue />
                <Chats />
              </>
            )}
            <Appointments />
            <Callbacks />
          </>
        ) : (
          <SignIn
            // A new screen each time, so a new notice is focused and read.
            key={signInNotice.value}
            notice={signInNotice.value || undefined}
            onSignedIn={signIn}
            // The shift starts by setting the status.
            focusAfterSignIn=".presence-area input[type=radio]:checked"
          />
        )}
      </main>
      <div class="sr-only" id="announcer" aria-live="polite" aria-atomic="true">
        <span lang={said.lang}>
          {/* A prefix (the chat's name) is never empty: it ends in ": ". */}
          <span lang={said.prefix && t.lang}>{said.prefix}</span>
          {said.text}
        </span>
      </div>
    </>
  );
}

/**
 * Signing out with chats still going asks first: their customers go back to the queue for
 * another advisor unless this one signs in again within the service's grace period.
 */
function SignOut() {
  const t = text.value;
  const [asking, setAsking] = useState(false);
  const going = chats.value.filter((view) => !view.chat.value.ended).length;
  return asking && going > 0 ? (
    <Confirm
      question={t.confirmSignOut(going)}
      run={async () => {
        signOut();
        return { ok: true };
      }}
      onFailed={() => undefined}
      onClose={() => {
        setAsking(false);
        focusLater(SIGN_OUT_ID);
      }}
    />
  ) : (
    <button
      type="button"
      id={SIGN_OUT_ID}
      class="secondary small"
      onClick={() => (going > 0 ? setAsking(true) : signOut())}
    >
      {t.signOut}
    </button>
  );
}

const SIGN_OUT_ID = "sign-out";

/** An in-page link that moves focus (not only the scroll position) to its target. */
function InPageLink(props: {
  target: string;
  chatId?: string;
  children: string;
  onFollow?: () => void;
}) {
  return (
    <a
      href={`#${props.target}`}
      data-chat-id={props.chatId}
      onClick={(event) => {
        event.preventDefault();
        props.onFollow?.();
        const target = document.getElementById(props.target);
        target?.focus();
        target?.scrollIntoView({ block: "start" });
      }}
    >
      {props.children}
    </a>
  );
}

/**
 * The queue with its size, one link per chat with the messages that came meanwhile, and the
 * booked appointments and callback requests with their number ("200+" while more follow).
 */
function Navigation(props: { token: string }) {
  const t = text.value;
  return (
    <ul>
      <li hidden={supervising.value}>
        <InPageLink target={QUEUE_HEADING_ID}>
          {t.queueCountShort(shownQueue.value.served.length)}
        </InPageLink>
      </li>
      <li hidden={supervising.value}>
        <InPageLink target={CHATS_HEADING_ID}>{t.chatsTitle}</InPageLink>
        <ul class="chat-links">
          {chats.value.map((view) => {
            const name = chatName(view.chat.value, t);
            const unread = view.unread.value;
            return (
              <li key={view.chatId}>
                <InPageLink target={chatHeadingId(view.chatId)} chatId={view.chatId}>
                  {unread > 0 ? `${name} – ${t.newCount(unread)}` : name}
                </InPageLink>
              </li>
            );
          })}
        </ul>
      </li>
      <ListLink target={APPOINTMENTS_HEADING_ID} list={appointments} title={t.appointmentsTitle} />
      <ListLink target={CALLBACKS_HEADING_ID} list={callbacks} title={t.callbacksTitle} />
      <ReportsNavItem token={props.token} />
    </ul>
  );
}

/** A contact list with its count; opening it shows the contacts as they are now. */
function ListLink(props: { target: string; list: Contacts<{ reference: string }>; title: string }) {
  return (
    <li>
      <InPageLink target={props.target} onFollow={() => refreshList(props.list)}>
        {counted(props.title, props.list)}
      </InPageLink>
    </li>
  );
}

function Chats() {
  const t = text.value;
  const list = chats.value;
  return (
    <section class="chats-section" aria-labelledby={CHATS_HEADING_ID}>
      <h2 id={CHATS_HEADING_ID} tabIndex={-1}>
        {t.chatsTitle}
      </h2>
      <p class="muted" hidden={list.length > 0}>
        {t.noChats}
      </p>
      <div class="chat-grid">
        {list.map((view) => (
          <ChatPanel key={view.chatId} view={view} />
        ))}
      </div>
    </section>
  );
}

mountStaffPage({
  css: STYLES,
  lang: () => text.value.lang,
  title: () => text.value.appTitle,
  App,
  start,
});
