import { de } from './de.js';
import { en, type Messages } from './en.js';
import { fr } from './fr.js';
import { nl } from './nl.js';

export const LANGUAGES = ['en', 'fr', 'de', 'nl'] as const;
export type Lang = (typeof LANGUAGES)[number];

export const MESSAGES: Record<Lang, Messages> = { en, fr, de, nl };

type TextKey = { [K in keyof Messages]: Messages[K] extends string ? K : never }[keyof Messages];

/** The texts of one language, with `{name}` placeholders filled in. */
export class Texts {
  readonly messages: Messages;
  private readonly plural: Intl.PluralRules;
  private regionNames?: Intl.DisplayNames;

  constructor(
    readonly lang: Lang,
    /** The level of the widget's headings (`h2` by default), set by `heading-level`. */
    readonly headingLevel = 2,
  ) {
    this.messages = MESSAGES[lang];
    this.plural = new Intl.PluralRules(lang);
  }

  /** The widget's heading element, at the level the page asked for. */
  get heading(): 'h2' | 'h3' | 'h4' | 'h5' | 'h6' {
    return `h${this.headingLevel}` as 'h2' | 'h3' | 'h4' | 'h5' | 'h6';
  }

  t(key: TextKey, values: Record<string, string | number> = {}): string {
    return fill(this.messages[key], values);
  }

  found(n: number): string {
    const forms = this.messages.found;
    const form = n === 0 ? forms.zero : this.plural.select(n) === 'one' ? forms.one : forms.other;
    return fill(form, { n: this.number(n) });
  }

  number(n: number): string {
    return new Intl.NumberFormat(this.lang).format(n);
  }

  distance(km: number): string {
    return new Intl.NumberFormat(this.lang, {
      style: 'unit',
      unit: 'kilometer',
      maximumFractionDigits: km < 10 ? 1 : 0,
    }).format(km);
  }

  /** A country's name from its ISO code, as the browser names it in this language. */
  country(code: string): string {
    this.regionNames ??= new Intl.DisplayNames(this.lang, { type: 'region' });
    try {
      return this.regionNames.of(code) ?? code;
    } catch {
      return code;
    }
  }
}

function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (all, name: string) =>
    name in values ? String(values[name]) : all,
  );
}

/**
 * The widget's language: its `lang` attribute, else the nearest `lang` up the page (across
 * shadow roots), else the browser's. Luxembourgish pages get French, the language of most of
 * the cluster's sites; anything else unknown gets English.
 */
export function pickLanguage(host: Element): Lang {
  const asked = langUp(host) ?? navigator.language;
  const base = asked.toLowerCase().split(/[-_]/)[0] ?? 'en';
  if (base === 'lb') return 'fr';
  return (LANGUAGES as readonly string[]).includes(base) ? (base as Lang) : 'en';
}

function langUp(start: Element): string | undefined {
  let node: Element | null = start;
  while (node) {
    const found: Element | null = node.closest('[lang]');
    const value = found?.getAttribute('lang');
    if (value) return value;
    const root: Node = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return document.documentElement.lang || undefined;
}
