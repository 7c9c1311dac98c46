import { h, show } from './dom.js';

export interface ComboboxOptions<T> {
  /** Unique within the shadow root: prefixes the listbox's option ids. */
  id: string;
  /** The options for what was typed; an empty list closes the listbox. */
  suggest(text: string, signal: AbortSignal): Promise<T[]>;
  render(item: T): { label: string; detail?: string };
  select(item: T): void;
  minLength?: number;
}

/**
 * The ARIA 1.2 combobox pattern on a text input: suggestions in a listbox of options, the active
 * one named by aria-activedescendant while focus stays in the input (so typing goes on), arrows
 * to move, Enter to choose, Escape to close. Enter with no active option is left to the form.
 */
export class Combobox<T> {
  readonly listbox: HTMLUListElement;
  private items: T[] = [];
  private active = -1;
  private timer?: ReturnType<typeof setTimeout>;
  private pending?: AbortController;

  constructor(
    readonly input: HTMLInputElement,
    private readonly options: ComboboxOptions<T>,
  ) {
    this.listbox = h('ul', {
      id: `${options.id}-listbox`,
      role: 'listbox',
      part: 'suggestions',
      class: 'listbox',
      hidden: true,
    });
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', this.listbox.id);
    input.setAttribute('autocomplete', 'off');
    input.addEventListener('input', () => this.schedule());
    input.addEventListener('keydown', (event) => this.onKey(event));
    input.addEventListener('blur', () => this.close());
  }

  close(): void {
    this.pending?.abort();
    clearTimeout(this.timer);
    this.items = [];
    this.active = -1;
    this.listbox.hidden = true;
    this.listbox.replaceChildren();
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
  }

  private schedule(): void {
    clearTimeout(this.timer);
    const text = this.input.value.trim();
    if (text.length < (this.options.minLength ?? 1)) {
      this.close();
      return;
    }
    this.timer = setTimeout(() => void this.load(text), 150);
  }

  private async load(text: string): Promise<void> {
    this.pending?.abort();
    const controller = new AbortController();
    this.pending = controller;
    let items: T[];
    try {
      items = await this.options.suggest(text, controller.signal);
    } catch {
      items = [];
    }
    // A later keystroke has asked again: this answer is stale.
    if (controller.signal.aborted || this.input.value.trim() !== text) return;
    this.open(items);
  }

  private open(items: T[]): void {
    this.items = items;
    this.active = -1;
    this.input.removeAttribute('aria-activedescendant');
    if (items.length === 0) {
      this.close();
      return;
    }
    show(
      this.listbox,
      items.map((item, i) => {
        const { label, detail } = this.options.render(item);
        return h(
          'li',
          {
            id: `${this.options.id}-option-${i}`,
            role: 'option',
            'aria-selected': 'false',
            class: 'option',
            // mousedown, not click: the input must not lose focus (and close) first.
            onmousedown: (event: Event) => {
              event.preventDefault();
              this.choose(i);
            },
          },
          h('span', {}, label),
          detail ? h('span', { class: 'muted' }, ` ${detail}`) : null,
        );
      }),
    );
    this.listbox.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
  }

  private onKey(event: KeyboardEvent): void {
    const open = this.items.length > 0;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        if (!open) return;
        event.preventDefault();
        this.move(event.key === 'ArrowDown' ? 1 : -1);
        return;
      case 'Enter':
        if (open && this.active >= 0) {
          event.preventDefault();
          this.choose(this.active);
        } else {
          this.close();
        }
        return;
      case 'Escape':
        if (open) {
          event.preventDefault();
          this.close();
        }
        return;
      default:
        return;
    }
  }

  private move(step: number): void {
    const n = this.items.length;
    this.active = (this.active + step + n + 1) % (n + 1);
    if (this.active === n) this.active = -1;
    const options = [...this.listbox.children];
    options.forEach((el, i) => el.setAttribute('aria-selected', String(i === this.active)));
    const current = options[this.active];
    if (current) {
      this.input.setAttribute('aria-activedescendant', current.id);
      current.scrollIntoView({ block: 'nearest' });
    } else {
      this.input.removeAttribute('aria-activedescendant');
    }
  }

  private choose(index: number): void {
    const item = this.items[index];
    this.close();
    if (item !== undefined) this.options.select(item);
  }
}
