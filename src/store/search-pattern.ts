/** The ilike pattern for text anywhere in a value, its wildcards taken literally. */
export function containsPattern(search: string): string {
  return `%${search.trim().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}
