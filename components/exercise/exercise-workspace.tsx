"use client";
/**
 * An opened exercise: the editor, its buttons, and what they do. Each concern has its own module:
 * - saving as the learner types: use-draft-autosave.ts
 * - running the tests and recording the run: use-exercise-runs.ts
 * - hints, one at a time, fetched when asked for: exercise-hints.tsx
 * - the reference solution after a confirmation: exercise-solution.tsx
 * This file puts them together and owns "Reset" / "Undo reset".
 *
 * Loaded by the exercise card when the learner opens the exercise (or while they approach it).
 * Until Monaco has loaded, "the editor" is the plain text area the card shows at once
 * (plain-code-view.tsx): typing there is saved the same way, and Monaco takes it over.
 */
import dynamic from "next/dynamic";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { DraftView } from "@/lib/exercises/drafts";
import type { ExerciseProgressView } from "@/lib/exercises/progress";
import type { EditorHandle } from "./code-editor";
import type { StandInEditor } from "./plain-code-view";
import { saveStatusText, useDraftAutosave, type InitialCode } from "./use-draft-autosave";
import { useExerciseRuns, type ProgressUpdate } from "./use-exercise-runs";
import { HintList, useHintButtonLabel, useHints } from "./exercise-hints";
import { SolutionPanel, SolutionShown, useSolution } from "./exercise-solution";
import { TestResults } from "./test-results";
import { ServerCheck } from "./server-check";
import { primaryButton, secondaryButton } from "./styles";

// Nothing to show while it loads: the text area standing in for it is already there. If Monaco
// cannot be loaded, that text area stays the editor (typing saved, Ctrl+Enter runs): a note says so.
const CodeEditor = dynamic(() => import("./code-editor").catch(() => ({ default: MonacoUnavailable })), { ssr: false, loading: () => null });

function MonacoUnavailable() {
  return (
    <p role="status" className="mt-1 text-sm text-amber-700 dark:text-amber-300">
      The full editor could not be loaded. You can keep working in this plain one: your code is saved and runs the same way.
    </p>
  );
}

export { AUTOSAVE_DELAY_MS } from "./use-draft-autosave";

export interface ServerExerciseState {
  draft: DraftView | null;
  progress: ExerciseProgressView;
}

export interface ExerciseWorkspaceProps {
  id: string;
  title: string;
  starter: string;
  timeLimitMs: number;
  usesProvided: boolean;
  /** How many hints there are; each is fetched from the server when the learner asks for it. */
  hintCount: number;
  signedIn: boolean;
  /** The signed-in learner's id (runs waiting to be sent are kept per learner). */
  userId: string | null;
  /** The account's saved code and progress (signed in), or null. */
  serverState: ServerExerciseState | null;
  /** Called after each recorded run with whether the exercise is now complete. */
  onProgress(update: ProgressUpdate): void;
  /** The code the editor opened with (chosen by open-exercise.tsx). */
  initial: InitialCode;
  /** The text area the learner types in until Monaco takes over. */
  standIn: StandInEditor;
  /** The editor's box, where Monaco is drawn (null until it is in the page). */
  editorHost: HTMLElement | null;
  /** The id of the line that explains the editor's keys. */
  keysId: string;
}

export default function ExerciseWorkspace(props: ExerciseWorkspaceProps) {
  const { id, starter, signedIn, serverState, onProgress, initial, standIn, keysId } = props;
  const uid = useId();
  const t = useTranslations("exercise");

  const autosave = useDraftAutosave(id, signedIn, initial);
  // The stand-in text area until Monaco is ready, then Monaco.
  const editorRef = useRef<EditorHandle>(standIn);
  const [beforeReset, setBeforeReset] = useState<string | null>(null);
  const beforeResetRef = useRef<string | null>(null);
  beforeResetRef.current = beforeReset;

  const { change: saveChange } = autosave;
  const handleChange = useCallback(
    (value: string) => {
      if (!saveChange(value)) return;
      // Undone with Ctrl+Z: the "Undo reset" button has nothing left to do.
      if (beforeResetRef.current !== null && value === beforeResetRef.current) setBeforeReset(null);
    },
    [saveChange],
  );

  const currentCode = useCallback(() => editorRef.current.getValue(), []);
  const runs = useExerciseRuns({ ...props, currentCode, beforeRun: autosave.flush });
  const { runTests } = runs;

  // Typing in the stand-in goes to the autosave from now on, including what was typed before this loaded.
  useEffect(() => {
    if (standIn.retired) return;
    standIn.connect({ change: handleChange, run: () => void runTests() });
    handleChange(standIn.getValue());
    return () => standIn.connect(null);
  }, [standIn, handleChange, runTests]);

  const hints = useHints(id, props.hintCount, signedIn, serverState?.progress.hintsUsed ?? 0);
  const hintButtonLabel = useHintButtonLabel(hints);
  const solution = useSolution(id);

  const handleReset = () => {
    const current = currentCode();
    if (current === starter) return;
    setBeforeReset(current);
    editorRef.current.replaceAll(starter);
  };

  const handleUndoReset = () => {
    if (beforeReset === null) return;
    editorRef.current.replaceAll(beforeReset);
    setBeforeReset(null);
    editorRef.current.focus();
  };

  const handleGoTo = useCallback((line: number, column?: number) => editorRef.current.goTo(line, column), []);
  const { running } = runs;

  return (
    <div>
      {props.editorHost && (
        <CodeEditor
          exerciseId={id}
          usesProvided={props.usesProvided}
          label={t("editorLabel", { title: props.title })}
          standIn={standIn}
          host={props.editorHost}
          onChange={handleChange}
          onRun={() => void runTests()}
          onReady={(handle) => {
            // Monaco has the stand-in's text, cursor and focus (code-editor.tsx takeOver).
            editorRef.current = handle;
          }}
        />
      )}

      <div className="mt-3 flex flex-wrap items-center gap-2">
        <button type="button" className={primaryButton} onClick={() => void runTests()} disabled={running} aria-describedby={keysId}>
          {running ? t("running") : t("run")}
        </button>
        <button type="button" className={secondaryButton} onClick={handleReset} disabled={running}>
          {t("reset")}
        </button>
        {beforeReset !== null && (
          <button type="button" className={secondaryButton} onClick={handleUndoReset}>
            {t("undoReset")}
          </button>
        )}
        <button type="button" className={secondaryButton} onClick={() => void hints.showNext()} disabled={hints.shown >= hints.count || hints.loading}>
          {hintButtonLabel}
        </button>
        <button type="button" className={secondaryButton} onClick={() => solution.setStep("confirm")} disabled={!solution.canAsk}>
          {t("showSolution")}
        </button>
        <p className="ml-auto text-xs text-slate-500 dark:text-slate-400" data-testid="save-status">
          {saveStatusText(autosave.status, signedIn, t)}
        </p>
      </div>

      <SolutionPanel uid={uid} state={solution} />
      <HintList hints={hints} />

      <TestResults view={runs.run} onGoTo={handleGoTo} />
      {runs.recordError && (
        <p role="alert" data-testid="record-error" className="mt-2 text-sm text-amber-800 dark:text-amber-300">
          {runs.recordError}
        </p>
      )}
      {runs.checkedRun && (
        <ServerCheck
          key={runs.checkedRun}
          exerciseId={id}
          clientRunId={runs.checkedRun}
          onVerified={({ progress }) => onProgress({ completed: progress.completed, bestPassed: progress.bestPassed, testsTotal: progress.testsTotal })}
        />
      )}

      {solution.step === "shown" && <SolutionShown uid={uid} solution={solution.solution} />}
    </div>
  );
}
