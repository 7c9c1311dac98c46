/** Attributes and listeners of one element; `on*` keys take listeners, `false`/null omit. */
export type Props = Record<string, string | number | boolean | null | undefined | EventListener>;
export type Child = Node | string | false | null | undefined | Child[];

/**
 * Builds an element. Text always goes in as text nodes, never as HTML: every label, name and
 * value shown comes from the API or the host page and must not run as markup.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (name === 'value' && 'value' in el) {
      (el as HTMLInputElement).value = String(value);
    } else if (name === 'checked' && 'checked' in el) {
      (el as HTMLInputElement).checked = Boolean(value);
    } else {
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (Array.isArray(child)) append(parent, child);
    else if (child instanceof Node) parent.appendChild(child);
    else if (typeof child === 'string') parent.appendChild(document.createTextNode(child));
  }
}

/** Replaces what `parent` shows. */
export function show(parent: Element | ShadowRoot, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}
