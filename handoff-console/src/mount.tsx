import { effect } from "@preact/signals";
import { type ComponentType, render } from "preact";

/**
 * Starts a staff page: its styles, the document's language and title following the UI
 * language, the app rendered into the body, then its state started. The console and the
 * Reports page boot the same way.
 */
export function mountStaffPage(page: {
  css: string;
  lang: () => string;
  title: () => string;
  App: ComponentType;
  start: () => void;
}): void {
  const style = document.createElement("style");
  style.textContent = page.css;
  document.head.append(style);
  effect(() => {
    document.documentElement.lang = page.lang();
    document.title = page.title();
  });
  document.body.replaceChildren();
  render(<page.App />, document.body);
  page.start();
}
