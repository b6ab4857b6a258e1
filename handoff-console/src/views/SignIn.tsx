import { useEffect, useId, useLayoutEffect, useRef, useState } from "preact/hooks";
import {
  CONSOLE_ROLES,
  fetchPersonaToken,
  fetchStaffPersonas,
  nameInToken,
  type StaffPersona,
} from "../auth.ts";
import { text, uiLang } from "../i18n.ts";

export interface SignInProps {
  /** Why the advisor is here again (refused token, expired session); shown as an alert. */
  notice?: string;
  onSignedIn(token: string, name?: string): void;
  /**
   * Where focus goes once signed in (a CSS selector; else the page's main): the button that
   * had it leaves the page, and focus left on the body starts keyboard users over at the end.
   */
  focusAfterSignIn?: string;
}

/**
 * The sign-in screen of the console and the Reports page. Locally it lists the identity
 * provider's staff personas; where the /dev/ routes do not exist (production) it explains
 * that sign-in goes through the organisation's identity provider and offers a token field.
 */
export function SignIn(props: SignInProps) {
  const t = text.value;
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  /** undefined while loading; null where there is no local identity provider. */
  const [personas, setPersonas] = useState<StaffPersona[] | null | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  const signedIn = (token: string, name?: string) => {
    props.onSignedIn(token, name);
    setTimeout(() => {
      const target = props.focusAfterSignIn
        ? document.querySelector<HTMLElement>(props.focusAfterSignIn)
        : null;
      (target ?? document.getElementById("main"))?.focus();
    }, 0);
  };

  useEffect(() => {
    void fetchStaffPersonas(CONSOLE_ROLES).then((list) => setPersonas(list ?? null));
  }, []);
  // Sent back here with a reason: the heading takes focus so the alert below is read in context.
  useLayoutEffect(() => {
    if (props.notice) heading.current?.focus();
  }, []);

  return (
    <section class="card signin" aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1} ref={heading}>
        {t.signInTitle}
      </h2>
      <p class="notice error" role="alert">
        {failed ? t.tokenFailed : (props.notice ?? "")}
      </p>
      <div>
        {personas === undefined ? <p class="muted">{t.loadingPersonas}</p> : null}
        {personas && personas.length > 0 ? (
          <PersonaList
            personas={personas}
            onChosen={(token, name) => {
              if (token) signedIn(token, name);
              else setFailed(true);
            }}
          />
        ) : null}
        {personas === null || personas?.length === 0 ? (
          <>
            <p>{personas === null ? t.productionSignIn : t.noStaffPersonas}</p>
            <TokenForm onToken={(token) => signedIn(token, nameInToken(token))} />
          </>
        ) : null}
      </div>
    </section>
  );
}

function PersonaList(props: {
  personas: StaffPersona[];
  onChosen(token: string | undefined, name: string): void;
}) {
  const t = text.value;
  const [pending, setPending] = useState<string | undefined>(undefined);
  const idPrefix = useId();
  return (
    <div>
      <p>{t.signInIntro}</p>
      <ul class="personas">
        {props.personas.map((persona) => {
          const descId = `${idPrefix}-${persona.id}`;
          return (
            <li key={persona.id}>
              <button
                type="button"
                class="primary"
                aria-describedby={descId}
                aria-disabled={pending === persona.id ? "true" : undefined}
                onClick={async () => {
                  if (pending === persona.id) return;
                  setPending(persona.id);
                  const token = await fetchPersonaToken(persona.id);
                  setPending(undefined);
                  props.onChosen(token, persona.name);
                }}
              >
                {t.signInAs(persona.name)}
              </button>{" "}
              <span id={descId} class="muted">
                {(uiLang.value === "sv" && persona.descriptionSv) ||
                  persona.description ||
                  persona.id}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function TokenForm(props: { onToken(token: string): void }) {
  const t = text.value;
  const inputId = useId();
  const errorId = useId();
  const input = useRef<HTMLTextAreaElement>(null);
  const [empty, setEmpty] = useState(false);
  return (
    <form
      class="stack"
      onSubmit={(event) => {
        event.preventDefault();
        const token = input.current?.value.trim() ?? "";
        setEmpty(!token);
        if (token) props.onToken(token);
        else input.current?.focus();
      }}
    >
      <label for={inputId}>{t.tokenLabel}</label>
      <textarea
        id={inputId}
        ref={input}
        rows={3}
        autocomplete="off"
        spellcheck={false}
        aria-describedby={errorId}
        aria-invalid={empty ? "true" : undefined}
      />
      <p id={errorId} class="error" aria-live="polite">
        {empty ? t.tokenEmpty : ""}
      </p>
      <div>
        <button type="submit" class="primary">
          {t.tokenSubmit}
        </button>
      </div>
    </form>
  );
}
