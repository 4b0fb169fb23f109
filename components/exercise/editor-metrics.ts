/**
 * The exercise editor's text metrics, shared by Monaco (code-editor.tsx) and the plain text area
 * that stands in for it while Monaco loads (plain-code-view.tsx), so that the hand-over from one to
 * the other does not move a single character (docs/decisions/033-editor-stand-in.md).
 */

/** The site's monospace stack (app/globals.css --font-mono), set on Monaco too instead of its per-platform default. */
export const EDITOR_FONT_FAMILY = 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace';
export const EDITOR_FONT_SIZE = 14;
/** Explicit: Monaco would otherwise derive it from the font size and the platform (19 px here, 21 px on a Mac). */
export const EDITOR_LINE_HEIGHT = 20;
export const EDITOR_TAB_SIZE = 2;
export const EDITOR_PADDING = { top: 8, bottom: 8 };

/**
 * Where Monaco's text starts: no glyph margin (code-editor.tsx turns it off; measured in Chromium,
 * Monaco's line numbers then start at the editor's left edge), line numbers five digits wide, then
 * 10 px of line decorations and 16 px of folding arrows (EditorLayoutInfoComputer in
 * monaco-editor's editorOptions.js). Digits are `ch` wide in a monospace font, so CSS can say the
 * same thing without measuring. tests/e2e/editor-handoff.e2e.ts checks the text does not move.
 */
export const GUTTER = {
  lineNumbersLeft: 0,
  lineNumberDigits: 5,
  /** From the end of the line numbers to the text. */
  beforeText: 10 + 16,
};
