import { fetchPersonaToken, fetchStaffPersonas, type StaffPersona } from "../auth.ts";
import { h, tx, uid } from "../dom.ts";
import { getLang } from "../i18n.ts";

export interface SignInOptions {
  /** Why the advisor is here again (refused token, expired session); shown as an alert. */
  notice?: string;
  onSignedIn(token: string, name?: string): void;
}

/**
 * The sign-in screen. Locally it lists the identity provider's staff personas; where the
 * /dev/ routes do not exist (production) it explains that sign-in goes through the
 * organisation's identity provider and offers a token paste field.
 */
export function createSignIn(options: SignInOptions): HTMLElement {
  const headingId = uid("signin-title");
  const alert = h("p", { class: "notice error", role: "alert" }, options.notice ?? "");
  const body = h(
    "div",
    {},
    h(
      "p",
      { class: "muted" },
      tx((t) => t.loadingPersonas),
    ),
  );
  const section = h(
    "section",
    { class: "card signin", "aria-labelledby": headingId },
    h(
      "h2",
      { id: headingId, tabindex: "-1" },
      tx((t) => t.signInTitle),
    ),
    alert,
    body,
  );

  void fetchStaffPersonas().then((personas) => {
    if (personas && personas.length > 0) body.replaceChildren(personaList(personas));
    else if (personas)
      body.replaceChildren(
        h(
          "p",
          {},
          tx((t) => t.noStaffPersonas),
        ),
        tokenForm(),
      );
    else
      body.replaceChildren(
        h(
          "p",
          {},
          tx((t) => t.productionSignIn),
        ),
        tokenForm(),
      );
  });

  function personaList(personas: StaffPersona[]): HTMLElement {
    const items = personas.map((persona) => {
      const descId = uid("persona-desc");
      const button = h(
        "button",
        { type: "button", class: "primary", "aria-describedby": descId },
        tx((t) => t.signInAs(persona.name)),
      );
      const description = h(
        "span",
        { id: descId, class: "muted" },
        tx(
          () => (getLang() === "sv" && persona.descriptionSv) || persona.description || persona.id,
        ),
      );
      button.addEventListener("click", async () => {
        if (button.getAttribute("aria-disabled") === "true") return;
        button.setAttribute("aria-disabled", "true");
        const token = await fetchPersonaToken(persona.id);
        button.removeAttribute("aria-disabled");
        if (token) options.onSignedIn(token, persona.name);
        else alert.replaceChildren(tx((t) => t.tokenFailed));
      });
      return h("li", {}, button, " ", description);
    });
    return h(
      "div",
      {},
      h(
        "p",
        {},
        tx((t) => t.signInIntro),
      ),
      h("ul", { class: "personas" }, ...items),
    );
  }

  function tokenForm(): HTMLElement {
    const inputId = uid("token");
    const errorId = uid("token-error");
    const input = h("textarea", {
      id: inputId,
      rows: "3",
      autocomplete: "off",
      spellcheck: "false",
      "aria-describedby": errorId,
    });
    const error = h("p", { id: errorId, class: "error", "aria-live": "polite" });
    const form = h(
      "form",
      { class: "stack" },
      h(
        "label",
        { for: inputId },
        tx((t) => t.tokenLabel),
      ),
      input,
      error,
      h(
        "div",
        {},
        h(
          "button",
          { type: "submit", class: "primary" },
          tx((t) => t.tokenSubmit),
        ),
      ),
    );
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const token = input.value.trim();
      if (!token) {
        input.setAttribute("aria-invalid", "true");
        error.replaceChildren(tx((t) => t.tokenEmpty));
        input.focus();
        return;
      }
      input.removeAttribute("aria-invalid");
      options.onSignedIn(token);
    });
    return form;
  }

  return section;
}
