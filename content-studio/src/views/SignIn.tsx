/**
 * Sign-in. Locally: the identity provider's content personas (owner, reviewer), each a button
 * that fetches its token. Where /dev/ does not exist (production): a field for an ID token.
 */
import { signal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { fetchContentPersonas, fetchPersonaToken, type StudioPersona } from "../auth.ts";
import { text, uiLang } from "../i18n.ts";
import { signIn, signInNotice } from "../state/app.ts";

/** undefined while loading; null where there is no local identity provider. */
const personas = signal<StudioPersona[] | null | undefined>(undefined);
const pendingPersona = signal<string | undefined>(undefined);
const failure = signal("");
const token = signal("");
const tokenError = signal("");

export function SignIn() {
  const t = text.value;
  useEffect(() => {
    failure.value = "";
    if (personas.value === undefined || personas.value === null)
      void fetchContentPersonas().then((list) => {
        personas.value = list ?? null;
      });
  }, []);

  async function choose(persona: StudioPersona): Promise<void> {
    if (pendingPersona.value) return;
    pendingPersona.value = persona.id;
    const idToken = await fetchPersonaToken(persona.id);
    pendingPersona.value = undefined;
    if (idToken) signIn(idToken, persona.name);
    else failure.value = t.tokenFailed;
  }

  const list = personas.value;
  return (
    <section class="card signin" aria-labelledby="view-heading">
      <h2 id="view-heading" tabIndex={-1}>
        {t.signInTitle}
      </h2>
      {signInNotice.value ? (
        <p class="notice error" role="alert">
          {signInNotice.value}
        </p>
      ) : null}
      {failure.value ? (
        <p class="notice error" role="alert">
          {failure.value}
        </p>
      ) : null}
      {list === undefined ? <p class="muted">{t.loadingPersonas}</p> : null}
      {list && list.length > 0 ? (
        <div>
          <p>{t.signInIntro}</p>
          <ul class="personas">
            {list.map((persona) => (
              <li key={persona.id}>
                <button
                  type="button"
                  class="primary"
                  data-persona={persona.id}
                  aria-describedby={`persona-${persona.id}-desc`}
                  aria-disabled={pendingPersona.value === persona.id ? "true" : undefined}
                  onClick={() => void choose(persona)}
                >
                  {t.signInAs(persona.name)}
                </button>{" "}
                <span id={`persona-${persona.id}-desc`} class="muted">
                  {(uiLang.value === "sv" && persona.descriptionSv) ||
                    persona.description ||
                    persona.id}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {list === null || (list && list.length === 0) ? (
        <div>
          <p>{list === null ? t.productionSignIn : t.noPersonas}</p>
          <TokenForm />
        </div>
      ) : null}
    </section>
  );
}

function TokenForm() {
  const t = text.value;
  return (
    <form
      class="stack"
      onSubmit={(event) => {
        event.preventDefault();
        const value = token.value.trim();
        if (!value) {
          tokenError.value = t.tokenEmpty;
          document.getElementById("signin-token")?.focus();
          return;
        }
        tokenError.value = "";
        token.value = "";
        signIn(value);
      }}
    >
      <label for="signin-token">{t.tokenLabel}</label>
      <textarea
        id="signin-token"
        rows={3}
        autocomplete="off"
        spellcheck={false}
        value={token.value}
        aria-invalid={tokenError.value ? "true" : undefined}
        aria-describedby={tokenError.value ? "signin-token-error" : undefined}
        onInput={(event) => {
          token.value = event.currentTarget.value;
        }}
      />
      {tokenError.value ? (
        <p id="signin-token-error" class="error">
          {tokenError.value}
        </p>
      ) : null}
      <div>
        <button type="submit" class="primary">
          {t.tokenSubmit}
        </button>
      </div>
    </form>
  );
}
