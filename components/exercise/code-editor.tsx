"use client";
/**
 * The Monaco editor for one exercise: TypeScript with tfjs IntelliSense, Ctrl/Cmd+Enter to run,
 * theme following the site's dark mode. Loaded with next/dynamic (no SSR) only when an exercise is
 * opened; everything Monaco lives in this chunk and the ones it imports.
 *
 * It takes over from the plain text area the learner has been typing in meanwhile
 * (plain-code-view.tsx): in one task, with no chance for a keystroke in between, it reads the text
 * area's text, selection, scroll and focus, creates the model and editor with them, and hides the
 * text area (docs/decisions/033-editor-stand-in.md).
 */
import { useEffect, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { useLocale, useTranslations } from "next-intl";
import { learnerFilePath } from "@/lib/exercises/editor-types-shared";
import { EDITOR_FONT_FAMILY, EDITOR_FONT_SIZE, EDITOR_LINE_HEIGHT, EDITOR_PADDING, EDITOR_TAB_SIZE } from "./editor-metrics";
import { loadEditorTypes, monaco } from "./monaco-setup";
import type { StandInEditor } from "./plain-code-view";

/** What the workspace can do with the editor (Monaco, or the text area standing in for it). */
export interface EditorHandle {
  getValue(): string;
  /** Replaces the whole text as one undoable edit (Ctrl+Z brings the old text back). */
  replaceAll(text: string): void;
  /** Moves the cursor to a line (and column) and focuses the editor. */
  goTo(line: number, column?: number): void;
  focus(): void;
}

export interface CodeEditorProps {
  exerciseId: string;
  usesProvided: boolean;
  label: string;
  /** The text area the learner has typed in so far: Monaco starts from what it shows now. */
  standIn: StandInEditor;
  /** The editor's box (owned by open-exercise.tsx), where Monaco is drawn. */
  host: HTMLElement;
  onChange(value: string): void;
  onRun(): void;
  onReady(handle: EditorHandle): void;
}

const theme = () => (document.documentElement.classList.contains("dark") ? "vs-dark" : "vs");

type Editor = ReturnType<typeof monaco.editor.create>;

/** Creates Monaco in `element` from the stand-in's current state and retires the stand-in, synchronously. */
function takeOver(element: HTMLElement, standIn: StandInEditor, exerciseId: string, label: string): Editor {
  const from = standIn.snapshot();
  const uri = monaco.Uri.parse(learnerFilePath(exerciseId));
  const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(from.value, "typescript", uri);
  if (model.getValue() !== from.value) model.setValue(from.value);
  const editor = monaco.editor.create(element, {
    model,
    theme: theme(),
    ariaLabel: label,
    fontFamily: EDITOR_FONT_FAMILY,
    fontSize: EDITOR_FONT_SIZE,
    lineHeight: EDITOR_LINE_HEIGHT,
    tabSize: EDITOR_TAB_SIZE,
    padding: EDITOR_PADDING,
    // The stand-in's gutter (editor-metrics.ts GUTTER) has none either.
    glyphMargin: false,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    automaticLayout: true,
    fixedOverflowWidgets: true,
    renderLineHighlight: "line",
  });
  // Offsets in UTF-16 code units on both sides; the anchor stays where the selection began.
  const start = model.getPositionAt(from.selectionStart);
  const end = model.getPositionAt(from.selectionEnd);
  const [anchor, cursor] = from.backward ? [end, start] : [start, end];
  editor.setSelection(new monaco.Selection(anchor.lineNumber, anchor.column, cursor.lineNumber, cursor.column));
  editor.setScrollPosition({ scrollTop: from.scrollTop, scrollLeft: from.scrollLeft }, monaco.editor.ScrollType.Immediate);
  if (from.tabMovesFocus) void editor.getAction("editor.action.toggleTabFocusMode")?.run();
  if (from.focused) editor.focus();
  standIn.retire();
  return editor;
}

export default function CodeEditor({ exerciseId, usesProvided, label, standIn, host, onChange, onRun, onReady }: CodeEditorProps) {
  const container = useRef<HTMLDivElement>(null);
  const [typesError, setTypesError] = useState<string | null>(null);
  const t = useTranslations("exercise");
  const locale = useLocale();
  // The latest callbacks, so the editor's listeners never call a stale closure.
  const callbacks = useRef({ onChange, onRun, onReady });
  useEffect(() => {
    callbacks.current = { onChange, onRun, onReady };
  });

  useEffect(() => {
    loadEditorTypes(usesProvided).catch((error: Error) => setTypesError(error.message));
  }, [usesProvided]);

  useEffect(() => {
    const element = container.current!;
    const editor = takeOver(element, standIn, exerciseId, label);
    const model = editor.getModel()!;
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => callbacks.current.onRun());
    const changes = editor.onDidChangeModelContent(() => callbacks.current.onChange(editor.getValue()));
    const darkMode = new MutationObserver(() => monaco.editor.setTheme(theme()));
    darkMode.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
    callbacks.current.onReady({
      getValue: () => editor.getValue(),
      replaceAll(text) {
        editor.pushUndoStop();
        editor.executeEdits("reset", [{ range: model.getFullModelRange(), text }]);
        editor.pushUndoStop();
      },
      goTo(line, column = 1) {
        editor.revealLineInCenter(line);
        editor.setPosition({ lineNumber: line, column });
        editor.focus();
      },
      focus: () => editor.focus(),
    });
    // Set here rather than through state: it is true from the moment Monaco has the code.
    element.dataset.editorReady = "true";
    return () => {
      darkMode.disconnect();
      changes.dispose();
      editor.dispose();
      model.dispose();
      delete element.dataset.editorReady;
    };
  }, [exerciseId, label, standIn]);

  return (
    <>
      {createPortal(<div ref={container} className="h-full" data-editor-ready="false" />, host)}
      {typesError && (
        <p className="mt-1 text-sm text-amber-700 dark:text-amber-300">
          {/* The reason is the browser's or the loader's English sentence: only the English page quotes it. */}
          {t("typesMissing", { reason: locale === "en" ? typesError : t("typesFailed") })}
        </p>
      )}
    </>
  );
}
