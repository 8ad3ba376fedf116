/** The ilike pattern for text anywhere in a value, its wildcards taken literally. */
export function containsPattern(search: string): string {
  return `%${search.trim().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/**
 * R11.2 (S11): the digits of a search that looks like a phone number (digits, spaces, "+", "-",
 * ".", parentheses, at least 6 digits), as a pattern for a phone's normalized value (E.164 or its
 * digits) anywhere, or undefined for any other search. Leading zeros (a national or international
 * prefix: "0171 ...", "001 212 ...") are left out, since E.164 holds neither; the country code,
 * when the search has one, is part of the digits and E.164 holds it right after the "+".
 */
export function phoneDigitsPattern(search: string): string | undefined {
  const text = search.trim();
  if (!/^\+?[\d\s().-]+$/.test(text)) return undefined;
  const digits = text.replace(/\D/g, "").replace(/^0+/, "");
  return digits.length >= 6 ? `%${digits}%` : undefined;
}
