"use client";
/**
 * The exercise editor's stand-in: a plain `<textarea>` that shows the learner's code the instant
 * "Open the editor" is clicked and takes their typing while Monaco (4 MB) loads. It has Monaco's
 * font, line height, padding, gutter and tab size (editor-metrics.ts), so when Monaco takes over
 * (code-editor.tsx reads `snapshot()` and calls `retire()` in the same task) no character moves
 * and no keystroke is lost. docs/decisions/033-editor-stand-in.md explains the design.
 *
 * This module is on every lesson page with an exercise: keep it small.
 */
import { useLayoutEffect, useRef, useState, type KeyboardEvent } from "react";
import type { EditorHandle } from "./code-editor";
import { EDITOR_FONT_FAMILY, EDITOR_FONT_SIZE, EDITOR_LINE_HEIGHT, EDITOR_PADDING, EDITOR_TAB_SIZE, GUTTER } from "./editor-metrics";

/** Everything Monaco carries over from the text area at the hand-over. */
export interface StandInSnapshot {
  value: string;
  selectionStart: number;
  selectionEnd: number;
  /** The selection was made leftwards (Shift+Left): the cursor is at its start. */
  backward: boolean;
  scrollTop: number;
  scrollLeft: number;
  focused: boolean;
  /** Ctrl+M was pressed: Tab moves the focus instead of indenting. */
  tabMovesFocus: boolean;
}

/** Where the text area's typing and Ctrl+Enter go once the workspace has loaded. */
export interface StandInListeners {
  change(value: string): void;
  run(): void;
}

// Mutable on purpose, and only through methods: it lives outside React's render, like a DOM node.
export class StandInEditor implements EditorHandle {
  private textarea: HTMLTextAreaElement | null = null;
  /** The element hidden at the hand-over (the text area and its line numbers). */
  private frame: HTMLElement | null = null;
  listeners: StandInListeners | null = null;
  /** Called after the hand-over, to take the stand-in out of the page. */
  private onRetire: (() => void) | null = null;
  tabMovesFocus = false;
  retired = false;
  private last: StandInSnapshot;

  constructor(initialValue: string) {
    this.last = { value: initialValue, selectionStart: 0, selectionEnd: 0, backward: false, scrollTop: 0, scrollLeft: 0, focused: false, tabMovesFocus: false };
  }

  attach(textarea: HTMLTextAreaElement, frame: HTMLElement | null): void {
    this.textarea = textarea;
    this.frame = frame;
  }

  /** Where typing and Ctrl+Enter go (null: nowhere yet). */
  connect(listeners: StandInListeners | null): void {
    this.listeners = listeners;
  }

  whenRetired(callback: () => void): void {
    this.onRetire = callback;
  }

  toggleTabMovesFocus(): void {
    this.tabMovesFocus = !this.tabMovesFocus;
  }

  /** The text area as it is right now (after the hand-over: as it was then). */
  snapshot(): StandInSnapshot {
    const t = this.textarea;
    if (t && !this.retired) {
      this.last = {
        value: t.value,
        selectionStart: t.selectionStart,
        selectionEnd: t.selectionEnd,
        backward: t.selectionDirection === "backward",
        scrollTop: t.scrollTop,
        scrollLeft: t.scrollLeft,
        focused: document.activeElement === t,
        tabMovesFocus: this.tabMovesFocus,
      };
    }
    return this.last;
  }

  /** Hides the text area at once (Monaco has its text and the focus), then lets React remove it. */
  retire(): void {
    this.snapshot();
    this.retired = true;
    if (this.frame) this.frame.style.display = "none";
    this.onRetire?.();
  }

  getValue(): string {
    return this.textarea && !this.retired ? this.textarea.value : this.last.value;
  }

  /** Shows other code (the account's newer copy, before any typing): not an edit, so not undoable. */
  setText(text: string): void {
    this.last = { ...this.last, value: text };
    const t = this.textarea;
    if (!t || this.retired) return;
    t.value = text;
    t.setSelectionRange(0, 0);
    t.dispatchEvent(new Event("input", { bubbles: true }));
  }

  replaceAll(text: string): void {
    const t = this.textarea;
    if (!t) return;
    t.focus();
    t.select();
    insertText(t, text);
  }

  goTo(line: number, column = 1): void {
    const t = this.textarea;
    if (!t) return;
    let offset = 0;
    for (let n = 1; n < line && offset >= 0; n++) offset = t.value.indexOf("\n", offset) + 1 || -1;
    const at = offset < 0 ? t.value.length : Math.min(offset + column - 1, t.value.length);
    t.focus();
    t.setSelectionRange(at, at);
    t.scrollTop = Math.max(0, (line - 1) * EDITOR_LINE_HEIGHT - t.clientHeight / 2);
  }

  focus(): void {
    this.textarea?.focus();
  }
}

/** Inserts as if typed: undoable with Ctrl+Z, and an `input` event tells the listeners. */
function insertText(t: HTMLTextAreaElement, text: string) {
  if (document.execCommand("insertText", false, text)) return;
  t.setRangeText(text, t.selectionStart, t.selectionEnd, "end");
  t.dispatchEvent(new Event("input", { bubbles: true }));
}

const TAB = " ".repeat(EDITOR_TAB_SIZE);

/**
 * Where the line holding `offset` starts. Not plain `lastIndexOf("\n", offset - 1)`: at offset 0
 * that searches from 0 and finds a newline the text starts with (a draft opening with a blank line).
 */
const lineStartOf = (value: string, offset: number) => (offset === 0 ? 0 : value.lastIndexOf("\n", offset - 1) + 1);

/** Tab / Shift+Tab on a selection across lines: indents or outdents each of its lines, as Monaco does. */
function shiftLines(t: HTMLTextAreaElement, outdent: boolean) {
  const { value, selectionStart, selectionEnd } = t;
  const from = lineStartOf(value, selectionStart);
  const lastLineEnd = value.indexOf("\n", selectionEnd > selectionStart && value[selectionEnd - 1] === "\n" ? selectionEnd - 1 : selectionEnd);
  const to = lastLineEnd < 0 ? value.length : lastLineEnd;
  const lines = value.slice(from, to).split("\n");
  const shifted = lines.map((line) => (outdent ? line.replace(/^( {1,2}|\t)/, "") : TAB + line)).join("\n");
  t.setSelectionRange(from, to);
  insertText(t, shifted);
  t.setSelectionRange(from, from + shifted.length);
}

/** Monaco's keys that a plain text area would do differently: Tab, Enter's indentation, Ctrl+Enter, Ctrl+M. */
function onKeyDown(standIn: StandInEditor, e: KeyboardEvent<HTMLTextAreaElement>) {
  const t = e.currentTarget;
  const mod = e.ctrlKey || e.metaKey;
  if (e.nativeEvent.isComposing) return;
  if (mod && e.key === "Enter") {
    e.preventDefault();
    standIn.listeners?.run();
  } else if (e.ctrlKey && e.key.toLowerCase() === "m") {
    e.preventDefault();
    standIn.toggleTabMovesFocus();
  } else if (e.key === "Tab" && !mod && !e.altKey && !standIn.tabMovesFocus) {
    e.preventDefault();
    const multiline = t.value.slice(t.selectionStart, t.selectionEnd).includes("\n");
    if (e.shiftKey || multiline) return shiftLines(t, e.shiftKey);
    const column = t.selectionStart - lineStartOf(t.value, t.selectionStart);
    insertText(t, " ".repeat(EDITOR_TAB_SIZE - (column % EDITOR_TAB_SIZE)));
  } else if (e.key === "Enter" && !mod && !e.shiftKey && !e.altKey) {
    // A new line starts at the indentation of the one above, as in Monaco.
    e.preventDefault();
    const lineStart = lineStartOf(t.value, t.selectionStart);
    insertText(t, "\n" + /^[ \t]*/.exec(t.value.slice(lineStart, t.selectionStart))![0]);
  }
}

const textStyle = {
  fontFamily: EDITOR_FONT_FAMILY,
  fontSize: EDITOR_FONT_SIZE,
  lineHeight: `${EDITOR_LINE_HEIGHT}px`,
  tabSize: EDITOR_TAB_SIZE,
} as const;

const countLines = (text: string) => text.split("\n").length;

export function PlainCodeView({ standIn, label }: { standIn: StandInEditor; label: string }) {
  const frame = useRef<HTMLDivElement>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const numbers = useRef<HTMLDivElement>(null);
  const [lines, setLines] = useState(() => countLines(standIn.getValue()));

  // Before the first paint: keys pressed right after the click already land in the text area.
  useLayoutEffect(() => {
    const t = textarea.current!;
    // Through the property, not as the element's content: HTML drops one leading newline of a
    // <textarea>'s content, and the learner's code must show byte for byte.
    t.value = standIn.getValue();
    standIn.attach(t, frame.current);
    // The learner just asked for the editor: the cursor goes in it, at the start like Monaco's.
    t.focus({ preventScroll: true });
    t.setSelectionRange(0, 0);
  }, [standIn]);

  return (
    <div ref={frame} className="absolute inset-0 overflow-hidden bg-[#fffffe] text-black dark:bg-[#1e1e1e] dark:text-[#d4d4d4]" data-testid="plain-code-view">
      <div
        ref={numbers}
        aria-hidden="true"
        className="absolute top-0 text-right whitespace-pre text-[#237893] dark:text-[#858585]"
        style={{ ...textStyle, left: GUTTER.lineNumbersLeft, width: `${GUTTER.lineNumberDigits}ch`, paddingTop: EDITOR_PADDING.top }}
      >
        {Array.from({ length: lines }, (_, i) => i + 1).join("\n")}
      </div>
      <textarea
        ref={textarea}
        aria-label={label}
        wrap="off"
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        autoCorrect="off"
        className="absolute inset-0 h-full w-full resize-none overflow-auto border-0 bg-transparent whitespace-pre text-inherit outline-none"
        style={{
          ...textStyle,
          padding: `${EDITOR_PADDING.top}px 0 ${EDITOR_PADDING.bottom}px calc(${GUTTER.lineNumbersLeft + GUTTER.beforeText}px + ${GUTTER.lineNumberDigits}ch)`,
        }}
        onKeyDown={(e) => onKeyDown(standIn, e)}
        onInput={(e) => {
          const value = e.currentTarget.value;
          setLines(countLines(value));
          standIn.listeners?.change(value);
        }}
        onScroll={(e) => {
          if (numbers.current) numbers.current.style.transform = `translateY(${-e.currentTarget.scrollTop}px)`;
        }}
      />
    </div>
  );
}
