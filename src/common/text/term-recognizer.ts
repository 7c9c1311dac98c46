/**
 * Finds known terms — technique names in every language, acronyms, synonyms, material names — in
 * free text such as "Nous cherchons une analyse DRX et MEB d'une pièce en acier corrodée", and
 * says through which words each was found. Pure and synchronous: build it once from the
 * taxonomy, run it per request.
 */
export interface Term {
  /** What a match stands for (a technique or material slug). */
  key: string;
  /** Every way of writing it. Short upper-case forms are acronyms: matched exactly. */
  phrases: string[];
}

export interface Recognition {
  key: string;
  /** The words of the text that matched, as written. */
  matched: string;
  /** The phrase they matched. */
  phrase: string;
  /** False when a small typo was forgiven. */
  exact: boolean;
  /** The words it covers, as indexes into `wordsOf(text)`: `from` inclusive, `to` exclusive. */
  from: number;
  to: number;
}

interface Entry {
  key: string;
  phrase: string;
  tokens: string[];
  acronym: boolean;
}

/**
 * Phrases longer than this are descriptions, not names. French names run long: "Spectrométrie de
 * masse d'ions secondaires à temps de vol" is ten words, and must not be read as "spectrométrie".
 */
const MAX_PHRASE_TOKENS = 12;

export const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** Words of a text with their original spelling; `d'une` → `d`, `une`; `FEG-SEM` stays one. */
export function wordsOf(text: string): { raw: string; norm: string }[] {
  return [...text.matchAll(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu)].map((m) => ({
    raw: m[0],
    norm: fold(m[0]),
  }));
}

const isAcronym = (phrase: string): boolean =>
  !/\s/.test(phrase.trim()) && phrase.length <= 6 && phrase === phrase.toUpperCase();

/** Typos forgiven on a word of this length: none for short words, where a typo is another word. */
const allowedTypos = (length: number): number => (length >= 9 ? 2 : length >= 5 ? 1 : 0);

export class TermRecognizer {
  private readonly byFirstToken = new Map<string, Entry[]>();
  private readonly fuzzy: Entry[] = [];

  constructor(terms: Term[]) {
    for (const term of terms) {
      for (const phrase of new Set(term.phrases)) {
        const tokens = wordsOf(phrase).map((w) => w.norm);
        if (tokens.length === 0 || tokens.length > MAX_PHRASE_TOKENS) continue;
        const entry = { key: term.key, phrase, tokens, acronym: isAcronym(phrase) };
        const first = tokens[0] as string;
        this.byFirstToken.set(first, [...(this.byFirstToken.get(first) ?? []), entry]);
        if (!entry.acronym) this.fuzzy.push(entry);
      }
    }
  }

  /** Longest matches first, never overlapping; every key of an ambiguous phrase is returned. */
  recognize(text: string): Recognition[] {
    const tokens = wordsOf(text);
    // Text typed all in lower case ("xrd on steel") gets its acronyms anyway.
    const caseless = text === text.toLowerCase();
    const found: Recognition[] = [];
    for (let i = 0; i < tokens.length;) {
      const matches = best(this.matchesAt(tokens, i, caseless));
      const longest = matches[0]?.length ?? 0;
      if (longest === 0) {
        i += 1;
        continue;
      }
      const matched = tokens
        .slice(i, i + longest)
        .map((t) => t.raw)
        .join(' ');
      for (const m of matches) {
        if (!found.some((f) => f.key === m.entry.key && f.matched === matched)) {
          found.push({
            key: m.entry.key,
            matched,
            phrase: m.entry.phrase,
            exact: m.exact,
            from: i,
            to: i + longest,
          });
        }
      }
      i += longest;
    }
    return found;
  }

  /**
   * Every phrase starting at word `i`: written exactly, or with small typos when that makes a
   * longer match ("Microscopie électrnique à balayage" is SEM, not "microscopie" and two words).
   */
  private matchesAt(tokens: { raw: string; norm: string }[], i: number, caseless: boolean) {
    const out: Candidate[] = [];
    const first = tokens[i] as { raw: string; norm: string };
    for (const entry of this.byFirstToken.get(first.norm) ?? []) {
      const exact = entry.tokens.every((t, k) => tokens[i + k]?.norm === t);
      // In mixed-case text an acronym must be written as one: "met" is a word, "MET" is TEM.
      if (exact && (!entry.acronym || caseless || first.raw === first.raw.toUpperCase()))
        out.push({ entry, length: entry.tokens.length, exact: true, typos: 0 });
    }
    const longestExact = Math.max(0, ...out.map((m) => m.length));
    for (const entry of this.fuzzy) {
      if (entry.tokens.length <= longestExact) continue;
      let typos = 0;
      const close = entry.tokens.every((t, k) => {
        const word = tokens[i + k]?.norm;
        if (word === undefined) return false;
        const distance = editDistance(word, t, allowedTypos(t.length));
        typos += distance;
        return distance <= allowedTypos(t.length);
      });
      if (close) out.push({ entry, length: entry.tokens.length, exact: false, typos });
    }
    return out;
  }
}

interface Candidate {
  entry: Entry;
  length: number;
  exact: boolean;
  typos: number;
}

/**
 * The longest candidates, and of those the fewest typos: "Kruiproef" is creep testing
 * ("kruipproef", one typo), not compression testing ("drukproef", two).
 */
function best(candidates: Candidate[]): Candidate[] {
  const longest = Math.max(0, ...candidates.map((c) => c.length));
  const longestOnes = candidates.filter((c) => c.length === longest);
  const fewest = Math.min(...longestOnes.map((c) => c.typos));
  return longestOnes.filter((c) => c.typos === fewest);
}

/** Levenshtein distance, giving up (returning limit + 1) once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length] as number;
}
