export const MAX_QUERY_LENGTH = 200;

const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/;
/** A run of digits, blanks and phone punctuation. */
const PHONE_RUN = /\+?[\d(][\d\s()./-]*\d/g;

/** Nine digits or more, or six once it starts like a dialled number (`+352 …`, `0621 …`). */
const isPhone = (run: string): boolean => {
  const digits = run.replace(/\D/g, '').length;
  return digits >= 9 || (/^[+(0]/.test(run) && digits >= 6);
};

/** True for text that may carry an e-mail address or phone number. */
export function looksPersonal(text: string): boolean {
  if (EMAIL.test(text)) return true;
  return [...text.matchAll(PHONE_RUN)].some((m) => isPhone(m[0]));
}

/**
 * The query as demand records it: trimmed, blanks collapsed, lower-cased, at most 200
 * characters. Null for an empty query or one that looks like contact details.
 */
export function normaliseQuery(raw: string | null | undefined): string | null {
  const text = (raw ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
  if (!text || looksPersonal(text)) return null;
  return text.slice(0, MAX_QUERY_LENGTH).trimEnd();
}
