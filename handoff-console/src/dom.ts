import { getText, type UiText } from "./i18n.ts";

type Attrs = Record<string, string | boolean | undefined>;
type Child = Node | string | undefined;

/** Creates an element; text is always set as text, never parsed as HTML. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children) {
    if (child === undefined) continue;
    el.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return el;
}

/**
 * Labels that follow the UI language. `tx` makes a text node and `bind` an attribute whose
 * value is computed from the current strings; `relabel` recomputes every one still in the
 * document after the language changes. Weakly held, so removed views are simply forgotten.
 */
type Label = (text: UiText) => string;
const labels = new WeakMap<Node, Array<(text: UiText) => void>>();

function register(node: Node, update: (text: UiText) => void): void {
  const list = labels.get(node);
  if (list) list.push(update);
  else labels.set(node, [update]);
  update(getText());
}

export function tx(label: Label): Text {
  const node = document.createTextNode("");
  register(node, (text) => {
    node.data = label(text);
  });
  return node;
}

export function bind<E extends Element>(el: E, attribute: string, label: Label): E {
  register(el, (text) => el.setAttribute(attribute, label(text)));
  return el;
}

export function relabel(root: Node = document.body): void {
  const text = getText();
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
    for (const update of labels.get(node) ?? []) update(text);
  }
}

/** Visually hidden text for screen readers (context for repeated button names, etc.). */
export function srOnly(...children: Child[]): HTMLSpanElement {
  return h("span", { class: "sr-only" }, ...children);
}

let counter = 0;
/** A document-unique id for label/aria references. */
export function uid(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** Marks an element as being in the UI language (which can differ from a chat's language). */
export function uiLang<E extends Element>(el: E): E {
  return bind(el, "lang", (text) => text.lang);
}
