/** Who is to be found in free text: a person's name and e-mail address. */
export interface Person {
  name: string;
  email?: string | null;
}

/** Lower case, accents dropped, blanks collapsed: "Érin  ERASABLE" and "erin erasable" agree. */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The words of a name worth looking for (initials and particles of one letter are not). */
export function nameWords(name: string): string[] {
  return foldText(name)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 2);
}

/**
 * Finds a person in text: the e-mail address anywhere, the full name, or every word of the name
 * (of two or more) as a word ("Erasable, Erin", "dr. erin b. erasable").
 */
export class PersonMentions {
  private readonly email: string | null;
  private readonly name: string;
  private readonly words: string[];

  constructor(person: Person) {
    this.email = person.email ? foldText(person.email) : null;
    this.name = foldText(person.name);
    this.words = nameWords(person.name);
  }

  in(text: string | null | undefined): boolean {
    if (!text) return false;
    const folded = foldText(text);
    if (this.email && folded.includes(this.email)) return true;
    if (this.name.length >= 2 && folded.includes(this.name)) return true;
    if (this.words.length < 2) return false;
    const present = new Set(folded.split(/[^\p{L}\p{N}]+/u));
    return this.words.every((word) => present.has(word));
  }

  /** The text with every line that mentions the person replaced by `replacement`. */
  redactLines(text: string, replacement: string): string {
    return text
      .split('\n')
      .map((line) => (this.in(line) ? replacement : line))
      .join('\n');
  }
}

/**
 * `LIKE` patterns (escape character `\\`, to compare with the lower-cased column) that every text
 * naming the person matches: a cheap superset for SQL, refined by `PersonMentions.in`.
 */
export function likePatterns(person: Person): string[] {
  const longest = (words: string[]) => words.sort((a, b) => b.length - a.length)[0];
  const typed = person.name
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u);
  const needles = [longest(nameWords(person.name)), longest(typed), person.email?.toLowerCase()];
  const kept = needles.filter((n): n is string => Boolean(n && n.length >= 2));
  return [...new Set(kept)].map((n) => `%${n.replace(/[\\%_]/g, '\\$&')}%`);
}

/** `LOWER(column) LIKE :p0 OR …` with its parameters, for `likePatterns`. */
export function likeAny(column: string, patterns: string[]) {
  return {
    where: patterns.map((_, i) => `LOWER(${column}) LIKE :p${i} ESCAPE '\\'`).join(' OR '),
    parameters: Object.fromEntries(patterns.map((p, i) => [`p${i}`, p])),
  };
}
