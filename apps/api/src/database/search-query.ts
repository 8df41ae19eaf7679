/** Words a person typed, as a prefix-matching tsquery; only letters and digits reach PostgreSQL. */
export function searchQuery(text: string): string | undefined {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length === 0 ? undefined : words.map((word) => `${word}:*`).join(' & ');
}
