/**
 * Heading anchors across languages. A translated lesson keeps the English heading sequence (the
 * translation check enforces it), so heading i of the Chinese page takes the id of English
 * heading i: quiz `section` links and in-lesson links written with English anchors land on the
 * same heading in either language. Framework-free.
 */

/**
 * The translated headings with the source's anchors: position i gets sourceIds[i]. When the
 * counts differ (a stale translation mid-update) the translation keeps its own ids rather than
 * pointing anchors at the wrong headings.
 */
export function mapAnchors<T extends { id: string }>(translated: T[], sourceIds: readonly string[]): T[] {
  if (translated.length !== sourceIds.length) return translated;
  return translated.map((heading, i) => ({ ...heading, id: sourceIds[i] }));
}
