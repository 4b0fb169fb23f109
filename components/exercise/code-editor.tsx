"use client";
/**
 * The Monaco editor for one exercise: TypeScript with tfjs IntelliSense, Ctrl/Cmd+Enter to run,
 * theme following the site's dark mode. Loaded with next/dynamic (no SSR) only when an exercise is
 * opened; everything Monaco lives in this chunk and the ones it imports.
 */
import { memo, useEffect, useMemo, useRef, useState } from "react";
import Editor, { type OnMount } from "@monaco-editor/react";
import { learnerFilePath } from "@/lib/exercises/editor-types-shared";
import { loadEditorTypes, monaco } from "./monaco-setup";

/** What the workspace can do with the editor. */
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
  initialValue: string;
  usesProvided: boolean;
  label: string;
  onChange(value: string): void;
  onRun(): void;
  onReady(handle: EditorHandle): void;
}

function isDark(): boolean {
  return document.documentElement.classList.contains("dark");
}

function CodeEditor({ exerciseId, initialValue, usesProvided, label, onChange, onRun, onReady }: CodeEditorProps) {
  const [dark, setDark] = useState(false);
  const [ready, setReady] = useState(false);
  const [typesError, setTypesError] = useState<string | null>(null);
  // The latest callbacks, so the editor's command never calls a stale closure.
  const latest = useRef({ onRun, onChange });
  latest.current = { onRun, onChange };
  // One object while the label stays: the editor applies a new options object on every render.
  const options = useMemo(
    () => ({
      ariaLabel: label,
      fontSize: 14,
      tabSize: 2,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      automaticLayout: true,
      fixedOverflowWidgets: true,
      renderLineHighlight: "line" as const,
      padding: { top: 8, bottom: 8 },
    }),
    [label],
  );

  useEffect(() => {
    setDark(isDark());
    const observer = new MutationObserver(() => setDark(isDark()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    loadEditorTypes(usesProvided).catch((error: Error) => setTypesError(error.message));
  }, [usesProvided]);

  const handleMount: OnMount = (editor) => {
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => latest.current.onRun());
    onReady({
      getValue: () => editor.getValue(),
      replaceAll(text) {
        const model = editor.getModel();
        if (!model) return;
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
    setReady(true);
  };

  return (
    <div data-editor-ready={ready ? "true" : "false"}>
      <div className="h-[26rem] overflow-hidden rounded-md border border-slate-300 dark:border-slate-700">
        <Editor
          path={learnerFilePath(exerciseId)}
          defaultLanguage="typescript"
          defaultValue={initialValue}
          theme={dark ? "vs-dark" : "vs"}
          onChange={(value) => latest.current.onChange(value ?? "")}
          onMount={handleMount}
          loading={<p className="p-4 text-sm text-slate-500 dark:text-slate-400">Loading the editor…</p>}
          options={options}
        />
      </div>
      {typesError && (
        <p className="mt-1 text-sm text-amber-700 dark:text-amber-300">
          {typesError} Your code still runs; only the suggestions and red underlines are missing.
        </p>
      )}
    </div>
  );
}

/**
 * Renders again only when what it shows changes: the workspace re-renders on every run (and the
 * card on every saved run), and each render made Monaco re-apply its options. The callbacks are
 * read through refs, so a new function from the parent needs no render.
 */
const sameEditor = (a: CodeEditorProps, b: CodeEditorProps) =>
  a.exerciseId === b.exerciseId && a.initialValue === b.initialValue && a.usesProvided === b.usesProvided && a.label === b.label;

export default memo(CodeEditor, sameEditor);
